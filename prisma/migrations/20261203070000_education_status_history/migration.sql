-- Issue 15: why children go missing, the LA's CME and EHE registers and the termly DfE return.
-- The census fields the return counts by: sex and (for a child without a date of birth) year group.
ALTER TABLE "pupil" ADD COLUMN "sex" VARCHAR(1),
  ADD COLUMN "year_group" VARCHAR(2),
  ADD CONSTRAINT "pupil_sex_check" CHECK ("sex" IN ('M', 'F', 'U')),
  ADD CONSTRAINT "pupil_year_group_check" CHECK ("year_group" IN ('R', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'));

-- Each child's education status over time, one row per change, written with the audit entry of the case event
-- that made it. Rows are never changed, so a past census date counts the same after later changes. No foreign
-- keys: the retention purge removes a case and its pupil, while the LA's past returns still count them.
CREATE TABLE "education_status" (
    "id" BIGSERIAL NOT NULL,
    "pupil_id" UUID NOT NULL,
    "la_code" VARCHAR(3) NOT NULL,
    "school_urn" VARCHAR(6),
    "case_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "from_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "education_status_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "education_status_event_id_key" ON "education_status"("event_id");
CREATE INDEX "education_status_pupil_id_from_at_idx" ON "education_status"("pupil_id", "from_at");
CREATE INDEX "education_status_la_code_status_idx" ON "education_status"("la_code", "status");

CREATE FUNCTION education_status_append_only() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN RAISE EXCEPTION ''education_status is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\073 END\073';
CREATE TRIGGER education_status_no_update_or_delete BEFORE UPDATE OR DELETE ON "education_status"
  FOR EACH ROW EXECUTE FUNCTION education_status_append_only();
CREATE TRIGGER education_status_no_truncate BEFORE TRUNCATE ON "education_status"
  FOR EACH STATEMENT EXECUTE FUNCTION education_status_append_only();
