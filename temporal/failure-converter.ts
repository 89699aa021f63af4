import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failure messages and stack traces travel as an encoded payload, so the payload codec encrypts them like any
 * other data: a refusal or an error may name what a child's case is about. Loaded by path
 * (`failureConverterPath`) because the workflow bundle needs the same converter as the worker and the client.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
