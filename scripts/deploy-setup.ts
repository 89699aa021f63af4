import { Connection } from '@temporalio/client';
import { loadEnv } from '../config/env';
import { migrateDatabase } from '../db/migrate';
import { registerCaseSearchAttributes, SearchAttributeConflict } from '../temporal/register-search-attributes';

/** A Temporal server started beside us (docker-compose) creates its schema and namespace first: wait that long. */
const TEMPORAL_WAIT_MS = 180_000;

/**
 * `npm run deploy-setup` (docker-compose's one-shot `setup` service): what a deployment needs before its API and
 * workers start, run at every release and safe to run again: the database migrations, then the case search
 * attributes on the Temporal namespace (`npm start`'s dev server registers its own at start).
 */
async function main(): Promise<void> {
  const env = loadEnv();
  if (!env.DATABASE_URL || !env.TEMPORAL_ADDRESS) throw new Error('deploy-setup needs DATABASE_URL and TEMPORAL_ADDRESS');
  migrateDatabase(env.DATABASE_URL);
  console.log('database migrations applied');
  const added = await whenTemporalAnswers(TEMPORAL_WAIT_MS, async () => {
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS as string, connectTimeout: 5000 });
    try {
      return await registerCaseSearchAttributes(connection, env.TEMPORAL_NAMESPACE);
    } finally {
      await connection.close();
    }
  });
  console.log(`search attributes on namespace ${env.TEMPORAL_NAMESPACE}: ${added.length > 0 ? `added ${added.join(', ')}` : 'all present'}`);
}

async function whenTemporalAnswers<T>(waitMs: number, attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof SearchAttributeConflict || Date.now() > deadline) throw error;
      console.log(`waiting for Temporal: ${error instanceof Error ? error.message : String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
