import { migrateDatabase } from '../../db/migrate';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

describe('migrations on the private PostgreSQL', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('applies the committed SQL migrations to an empty database, and again as a no-op', async () => {
    migrateDatabase(database.url);
    migrateDatabase(database.url);

    const tables = await database.db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
    expect(tables.map((t) => t.table_name)).toEqual(['_prisma_migrations', 'attendance_mark', 'audit_entry', 'case', 'case_projection', 'child_details', 'detection_alert', 'education_status', 'feed_upload', 'la_rule_setting', 'la_term', 'notification', 'notification_channel', 'overdue_step', 'pupil', 'pupil_year_code', 'purged_case', 'school', 'school_closure', 'support_plan']);
    const applied = await database.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    expect(applied[0]?.n).toBeGreaterThanOrEqual(1);
  });

  // patches/@prisma+adapter-pg+6.19.3.patch: without it the adapter throws UnsupportedNativeDataType for
  // PostgreSQL's `name` type (OID 19), which the migration engine reads from the catalogue.
  it('reads columns of the `name` type through the pg adapter', async () => {
    const [row] = await database.db.$queryRaw<{ db: string; me: string }[]>`SELECT current_database() AS db, current_user AS me`;
    expect(row?.db).toBe(database.url.split('/').pop());
    expect(row?.me).toBe('cme');
  });
});
