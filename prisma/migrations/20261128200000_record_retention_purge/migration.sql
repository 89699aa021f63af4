-- Retention of our record (issue #6): a closed case past its LA's retention is purged whole, through one
-- sanctioned path, and every purge leaves its own append-only trace. The migration runner splits scripts at
-- every semicolon, even inside quotes: the bodies' own semicolons are written as the escape \073.

-- What was removed, when, by whom, and the chain's last hash: a purged case is evident, never silent.
CREATE TABLE "purged_case" (
    "id" BIGSERIAL NOT NULL,
    "case_id" TEXT NOT NULL,
    "la_code" VARCHAR(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL,
    "retention_years" INTEGER NOT NULL,
    "entry_count" INTEGER NOT NULL,
    "last_hash" TEXT NOT NULL,
    "purged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "purged_by" TEXT NOT NULL,
    CONSTRAINT "purged_case_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "purged_case_case_id_key" ON "purged_case"("case_id");

CREATE FUNCTION purged_case_append_only() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN RAISE EXCEPTION ''purged_case is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\073 END\073';
CREATE TRIGGER purged_case_no_update_or_delete BEFORE UPDATE OR DELETE ON "purged_case"
  FOR EACH ROW EXECUTE FUNCTION purged_case_append_only();
CREATE TRIGGER purged_case_no_truncate BEFORE TRUNCATE ON "purged_case"
  FOR EACH STATEMENT EXECUTE FUNCTION purged_case_append_only();

-- The purge runs as its own role, which no login holds: the audit log's trigger lets only that role delete, and
-- only the SECURITY DEFINER function below runs as it. Roles are cluster-wide, so it is created once.
DO E'BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ''cme_record_keeper'') THEN CREATE ROLE cme_record_keeper NOLOGIN\073 END IF\073 END';
GRANT USAGE ON SCHEMA public TO cme_record_keeper;
GRANT SELECT, DELETE ON "audit_entry", "notification", "case", "child_details", "pupil" TO cme_record_keeper;
-- Locking the case row (SELECT … FOR UPDATE) needs UPDATE on one of its columns, though the purge updates nothing.
GRANT UPDATE ("updated_at") ON "case" TO cme_record_keeper;
GRANT SELECT ON "la_rule_setting", "attendance_mark" TO cme_record_keeper;
GRANT SELECT, DELETE ON "detection_alert" TO cme_record_keeper;
GRANT SELECT, INSERT ON "purged_case" TO cme_record_keeper;
GRANT USAGE ON SEQUENCE "purged_case_id_seq" TO cme_record_keeper;

CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN IF TG_OP = ''DELETE'' AND current_user = ''cme_record_keeper'' THEN RETURN OLD\073 END IF\073 RAISE EXCEPTION ''audit_entry is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\073 END\073';

-- Purges one closed case whose closing lies more than p_retention_years back (never fewer years than the LA has
-- set): its audit entries, notifications, detection alerts and row, and the child's details and pupil row when
-- no other case refers to them and the child is on no roll with register marks kept (attendance has its own life). Records the purge first, with the entry count and the chain's last hash. Refuses anything else.
CREATE FUNCTION purge_closed_case(p_case_id TEXT, p_retention_years INTEGER, p_by TEXT) RETURNS INTEGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
E'DECLARE
  c record\073
  la_years integer\073
  entries integer\073
  last text\073
BEGIN
  SELECT id, pupil_id, la_code, closed_at INTO c FROM "case" WHERE id = p_case_id FOR UPDATE\073
  IF NOT FOUND THEN RAISE EXCEPTION ''case % not found'', p_case_id USING ERRCODE = ''no_data_found''\073 END IF\073
  IF c.closed_at IS NULL THEN RAISE EXCEPTION ''case % is open'', p_case_id USING ERRCODE = ''check_violation''\073 END IF\073
  SELECT (value #>> ''{}'')::integer INTO la_years FROM la_rule_setting WHERE la_code = c.la_code AND rule_id = ''RECORD-RETENTION''\073
  IF p_retention_years IS NULL OR p_retention_years < 1 OR p_retention_years < COALESCE(la_years, 1) THEN
    RAISE EXCEPTION ''retention of % years is below the LA''''s % years'', p_retention_years, la_years USING ERRCODE = ''check_violation''\073
  END IF\073
  IF c.closed_at + make_interval(years => p_retention_years) > now() THEN
    RAISE EXCEPTION ''case % is inside its retention'', p_case_id USING ERRCODE = ''check_violation''\073
  END IF\073
  SELECT count(*) INTO entries FROM audit_entry WHERE case_id = p_case_id\073
  SELECT hash INTO last FROM audit_entry WHERE case_id = p_case_id ORDER BY id DESC LIMIT 1\073
  INSERT INTO purged_case (case_id, la_code, closed_at, retention_years, entry_count, last_hash, purged_by)
    VALUES (p_case_id, c.la_code, c.closed_at, p_retention_years, entries, COALESCE(last, ''''), p_by)\073
  DELETE FROM audit_entry WHERE case_id = p_case_id\073
  DELETE FROM notification WHERE case_id = p_case_id\073
  DELETE FROM detection_alert WHERE case_id = p_case_id\073
  DELETE FROM "case" WHERE id = p_case_id\073
  IF NOT EXISTS (SELECT 1 FROM "case" WHERE pupil_id = c.pupil_id)
     AND NOT EXISTS (SELECT 1 FROM pupil WHERE id = c.pupil_id AND (open_case_id IS NOT NULL OR (school_urn IS NOT NULL AND left_on IS NULL)))
     AND NOT EXISTS (SELECT 1 FROM attendance_mark WHERE pupil_id = c.pupil_id)
     AND NOT EXISTS (SELECT 1 FROM detection_alert WHERE pupil_id = c.pupil_id) THEN
    DELETE FROM child_details WHERE pupil_id = c.pupil_id\073
    DELETE FROM pupil WHERE id = c.pupil_id\073
  END IF\073
  RETURN entries\073
END\073';
ALTER FUNCTION purge_closed_case(TEXT, INTEGER, TEXT) OWNER TO cme_record_keeper;
