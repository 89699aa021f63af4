import { execFileSync } from 'node:child_process';
import { repoRoot } from '../config/paths';

/** Applies the committed SQL migrations in prisma/migrations (idempotent: applied ones are skipped). */
export function migrateDatabase(databaseUrl: string): void {
  try {
    execFileSync(process.execPath, [require.resolve('prisma/build/index.js'), 'migrate', 'deploy'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    throw new Error(`Database migration failed:\n${failure.stderr ?? ''}${failure.stdout ?? ''}`);
  }
}
