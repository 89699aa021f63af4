-- Each audit entry is chained to the previous entry of its case (db/audit-chain.ts computes the hashes).
ALTER TABLE "audit_entry" ADD COLUMN "prev_hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN "hash" TEXT NOT NULL DEFAULT '';

-- Append-only, enforced by the database itself: no role the application uses can change or remove history.
-- The migration runner splits scripts at every semicolon, even inside quotes: the body's own semicolons are
-- written as the escape \073.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN RAISE EXCEPTION ''audit_entry is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\073 END\073';

CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON "audit_entry"
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
