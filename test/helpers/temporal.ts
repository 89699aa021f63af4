import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { caseSearchAttributeKeys } from '../../temporal/search-attributes';

function binary(variable: 'TEMPORAL_CLI_PATH' | 'TEMPORAL_TEST_SERVER_PATH'): string {
  const path = process.env[variable];
  if (!path) throw new Error(`${variable} is unset: run the suite through jest (test/global-setup.ts)`);
  return path;
}

/** The dev server's web UI on this port, decoding payloads through this codec endpoint. */
export interface DevServerUi {
  port: number;
  codecEndpoint: string;
}

/** A real Temporal dev server (with visibility and our search attributes) from the project's own CLI; headless unless `ui`. */
export function createDevServerEnv(dataConverter?: DataConverter, ui?: DevServerUi): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    ...(dataConverter ? { client: { dataConverter } } : {}),
    server: {
      executable: { type: 'existing-path', path: binary('TEMPORAL_CLI_PATH') },
      searchAttributes: caseSearchAttributeKeys,
      ip: '127.0.0.1',
      ...(ui ? { ui: true, uiPort: ui.port, extraArgs: ['--ui-codec-endpoint', ui.codecEndpoint] } : {}),
    },
  });
}

/** The time-skipping test server, with our search attributes registered: timers of days fire in moments. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: binary('TEMPORAL_TEST_SERVER_PATH') } },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      caseSearchAttributeKeys.map((key) => [key.name, temporal.api.enums.v1.IndexedValueType[`INDEXED_VALUE_TYPE_${key.type}`]]),
    ),
  });
  return env;
}

/** One time-skipping server for the enclosing describe block, torn down after it. */
export function useTimeSkippingEnv(): () => TestWorkflowEnvironment {
  let env: TestWorkflowEnvironment | undefined;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });
  return () => {
    if (!env) throw new Error('the time-skipping environment is not started yet');
    return env;
  };
}
