-- Alert delivery in the background (issue 12 item 2): an upload answers once its marks are merged and detected;
-- the API's deliverer hands the detection alerts to their cases afterwards, and the uploader follows its upload.
CREATE TABLE "feed_upload" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "school_urns" TEXT[] NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feed_upload_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "feed_upload_kind_check" CHECK ("kind" IN ('attendance_marks', 'register_pupils'))
);

-- `due_at`: when the deliverer may next take the alert: now for a new one, a lease's end while one delivers it
-- (so a crashed API's claims come back), a backoff's end after a failure.
ALTER TABLE "detection_alert"
    ADD COLUMN "upload_id" UUID,
    ADD COLUMN "attached" BOOLEAN,
    ADD COLUMN "due_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "last_error" TEXT;
ALTER TABLE "detection_alert" ADD CONSTRAINT "detection_alert_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "feed_upload"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "detection_alert_upload_id_idx" ON "detection_alert"("upload_id");
CREATE INDEX "detection_alert_pending_idx" ON "detection_alert"("pupil_id", "detected_at") WHERE "delivered_at" IS NULL;

-- Incremental detection (issue 12 item 2): each pupil's sessions per school year and code, kept by the triggers
-- below as the merge writes marks, so the absence-rate and sickness-return thresholds are read from counts and
-- detection never re-reads the year. Which codes count as possible, absent or sick stays in the domain code.
CREATE TABLE "pupil_year_code" (
    "pupil_id" UUID NOT NULL,
    "school_year" INTEGER NOT NULL,
    "code" VARCHAR(2) NOT NULL,
    "sessions" INTEGER NOT NULL,

    CONSTRAINT "pupil_year_code_pkey" PRIMARY KEY ("pupil_id","school_year","code")
);
ALTER TABLE "pupil_year_code" ADD CONSTRAINT "pupil_year_code_pupil_id_fkey" FOREIGN KEY ("pupil_id") REFERENCES "pupil"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- School years start on 1 September.
INSERT INTO "pupil_year_code" SELECT pupil_id, extract(year FROM date - interval '8 months')::int, code, count(*)::int FROM "attendance_mark" GROUP BY 1, 2, 3;

-- Statement triggers over the transition tables: one set-based step per merge, not one per mark.
-- (Semicolons in the body are written \073: the migration runner splits statements on them.)
CREATE FUNCTION count_attendance_marks() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP IN (''UPDATE'', ''DELETE'') THEN
    UPDATE pupil_year_code c SET sessions = c.sessions - o.n
    FROM (SELECT pupil_id, extract(year FROM date - interval ''8 months'')::int AS school_year, code, count(*)::int AS n FROM old_marks GROUP BY 1, 2, 3) o
    WHERE c.pupil_id = o.pupil_id AND c.school_year = o.school_year AND c.code = o.code\073
  END IF\073
  IF TG_OP IN (''INSERT'', ''UPDATE'') THEN
    INSERT INTO pupil_year_code AS c (pupil_id, school_year, code, sessions)
    SELECT pupil_id, extract(year FROM date - interval ''8 months'')::int, code, count(*)::int FROM new_marks GROUP BY 1, 2, 3
    ON CONFLICT (pupil_id, school_year, code) DO UPDATE SET sessions = c.sessions + EXCLUDED.sessions\073
  END IF\073
  RETURN NULL\073
END';
CREATE TRIGGER attendance_mark_counted_insert AFTER INSERT ON "attendance_mark" REFERENCING NEW TABLE AS new_marks FOR EACH STATEMENT EXECUTE FUNCTION count_attendance_marks();
CREATE TRIGGER attendance_mark_counted_update AFTER UPDATE ON "attendance_mark" REFERENCING OLD TABLE AS old_marks NEW TABLE AS new_marks FOR EACH STATEMENT EXECUTE FUNCTION count_attendance_marks();
CREATE TRIGGER attendance_mark_counted_delete AFTER DELETE ON "attendance_mark" REFERENCING OLD TABLE AS old_marks FOR EACH STATEMENT EXECUTE FUNCTION count_attendance_marks();
