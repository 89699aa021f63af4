import { DefaultLogger, Runtime } from '@temporalio/worker';

// The SDK's INFO chatter (bundling, worker state) drowns test output; warnings and errors still show.
Runtime.install({ logger: new DefaultLogger('WARN') });
