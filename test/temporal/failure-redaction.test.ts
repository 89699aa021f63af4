import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { Runtime, Worker } from '@temporalio/worker';
import { upnCheckLetter } from '../../domain/identifiers';
import { caseWorkerInterceptors } from '../../worker/create-worker';
import type { FailingActivities } from '../fixtures/failing-activities';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { testDataConverter } from '../helpers/payload-keys';
import { createDevServerEnv } from '../helpers/temporal';

const upn = `${upnCheckLetter('938700127001')}938700127001`;

/**
 * Issue #6, personal data never in clear-text Temporal payloads or logs, for failures: Prisma's messages quote
 * the query's values (a UPN) and the source around the call, and any failure message travels beside the
 * encrypted payloads unless the failure converter encodes it. Dev server, real database, the case worker's
 * interceptors and data converter.
 */
describe('activity failures keep children out of Temporal and the logs (dev server, real database)', () => {
  let env: TestWorkflowEnvironment;
  let database: TestDatabase;

  beforeAll(async () => {
    [env, database] = await Promise.all([createDevServerEnv(testDataConverter), createTestDatabase()]);
  });

  afterAll(async () => {
    await env?.teardown();
    await database?.drop();
  });

  it('records a database error as its summary and every failure message encrypted, yet readable through the codec', async () => {
    const activities: FailingActivities = {
      async registerWithBadStatus(child) {
        await database.db.pupil.create({ data: { upn: child, senStatus: 3 as unknown as string } });
      },
      async refuseNaming(child) {
        throw ApplicationFailure.nonRetryable(`refused ${child}`, 'Refused');
      },
    };
    const logged: string[] = [];
    const logger = Runtime.instance().logger;
    const log = jest.spyOn(logger, 'log').mockImplementation((level, message, meta) => {
      logged.push(`${level} ${message} ${JSON.stringify(meta, (_key, value: unknown) => (value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value))}`);
    });
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'failure-redaction',
      workflowsPath: require.resolve('../fixtures/failing-activities'),
      activities,
      dataConverter: testDataConverter,
      interceptors: caseWorkerInterceptors,
    });
    const workflowId = 'failure-redaction-1';
    const seen = await worker.runUntil(
      env.client.workflow.execute('failingActivitiesWorkflow', { taskQueue: 'failure-redaction', workflowId, args: [upn] }),
    );
    log.mockRestore();

    // Through the codec: the database error as its summary only, our own refusal as written.
    expect(seen).toEqual(['PrismaClientValidationError', `refused ${upn}`]);
    // At rest in Temporal: neither the UPN nor Prisma's query text, in any event.
    const { history } = await env.client.workflowService.getWorkflowExecutionHistory({ namespace: 'default', execution: { workflowId } });
    const failed = history?.events?.filter((event) => event.activityTaskFailedEventAttributes) ?? [];
    expect(failed).toHaveLength(2);
    for (const event of failed) expect(event.activityTaskFailedEventAttributes?.failure).toMatchObject({ message: 'Encoded failure', stackTrace: '' });
    const raw = Buffer.from(temporal.api.history.v1.History.encode(history ?? {}).finish()).toString('latin1');
    expect(raw).not.toContain(upn);
    expect(raw).not.toContain('refused');
    expect(raw).not.toContain('Invalid `');
    // In the worker's log: the database error reported as its summary, without the UPN or the query.
    const databaseFailure = logged.filter((line) => line.startsWith('WARN Activity failed') && line.includes('registerWithBadStatus'));
    expect(databaseFailure).toHaveLength(1);
    expect(databaseFailure[0]).toContain('PrismaClientValidationError');
    expect(databaseFailure[0]).not.toContain(upn);
    expect(logged.join('\n')).not.toContain('Invalid `');
  });
});
