import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { repoRoot } from '../../config/paths';
import { caseSearchAttributeKeys } from '../../temporal/search-attributes';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const run = promisify(execFile);
const { IndexedValueType } = temporal.api.enums.v1;

/**
 * `deploy-setup`, docker-compose's one-shot service, as the image runs it (`dist/scripts/deploy-setup.js`):
 * against an empty database and a Temporal server that knows none of our search attributes (as a freshly
 * started deployment's), it migrates and registers them; a second run changes nothing; an attribute registered
 * under another type stops it at once, named. Real dev server, real database.
 */
describe('deploy-setup on a new deployment (dev server without our attributes, empty database)', () => {
  let env: TestWorkflowEnvironment;
  let database: TestDatabase;

  beforeAll(async () => {
    [env, database] = await Promise.all([
      TestWorkflowEnvironment.createLocal({
        server: { executable: { type: 'existing-path', path: process.env.TEMPORAL_CLI_PATH as string }, ip: '127.0.0.1' },
      }),
      createTestDatabase({ migrated: false }),
    ]);
  });

  afterAll(async () => {
    await env?.teardown();
    await database?.drop();
  });

  const deploySetup = (namespace = 'default') =>
    run(process.execPath, [path.join(repoRoot, 'dist', 'scripts', 'deploy-setup.js')], {
      env: { ...process.env, DATABASE_URL: database.url, TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: namespace },
    });

  const attributesOf = async (namespace: string) =>
    (await env.connection.operatorService.listSearchAttributes({ namespace })).customAttributes ?? {};

  it('migrates the database and registers the case search attributes, and a second run changes nothing', async () => {
    const before = await attributesOf('default');
    expect(caseSearchAttributeKeys.filter((key) => key.name in before)).toEqual([]);

    const first = await deploySetup();
    expect(first.stdout).toContain('database migrations applied');
    expect(first.stdout).toContain(`added ${caseSearchAttributeKeys.map((key) => key.name).join(', ')}`);
    const after = await attributesOf('default');
    for (const key of caseSearchAttributeKeys) expect(after[key.name]).toBe(IndexedValueType[`INDEXED_VALUE_TYPE_${key.type}`]);
    const migrations = fs.readdirSync(path.join(repoRoot, 'prisma', 'migrations')).filter((entry) => /^\d{14}_/.test(entry));
    const applied = await database.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    expect(Number(applied[0]?.n)).toBe(migrations.length);

    const second = await deploySetup();
    expect(second.stdout).toContain('search attributes on namespace default: all present');
    expect(await attributesOf('default')).toEqual(after);
  });

  it('stops at once, naming the attribute, when one exists under another type', async () => {
    await env.connection.workflowService.registerNamespace({ namespace: 'conflicting', workflowExecutionRetentionPeriod: msToTs('1 day') });
    await env.connection.operatorService.addSearchAttributes({ namespace: 'conflicting', searchAttributes: { CaseStage: IndexedValueType.INDEXED_VALUE_TYPE_INT } });
    await expect(deploySetup('conflicting')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('search attribute CaseStage exists as INDEXED_VALUE_TYPE_INT, the cases need KEYWORD'),
      // Not taken for a server still starting: no wait, no retry.
      stdout: expect.not.stringContaining('waiting for Temporal'),
    });
    expect((await attributesOf('conflicting')).CaseStage).toBe(IndexedValueType.INDEXED_VALUE_TYPE_INT);
  });
});
