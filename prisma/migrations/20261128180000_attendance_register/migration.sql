-- Issue #5: the pupil register's leaving date, the daily register marks, and what detection found in them.

-- A pupil's registration ends with a leaving date, and school_urn stays as the school they left.
ALTER TABLE "pupil" ADD COLUMN "left_on" DATE;
ALTER TABLE "pupil" ADD COLUMN "standard_transition" BOOLEAN NOT NULL DEFAULT false;

-- One mark per pupil, date and session (SAR24 reg 10): loaded by COPY, never through Temporal.
CREATE TABLE "attendance_mark" (
    "pupil_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "session" VARCHAR(2) NOT NULL,
    "school_urn" VARCHAR(6) NOT NULL,
    "code" VARCHAR(2) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "attendance_mark_pkey" PRIMARY KEY ("pupil_id","date","session"),
    CONSTRAINT "attendance_mark_session_check" CHECK ("session" IN ('AM', 'PM'))
);
ALTER TABLE "attendance_mark" ADD CONSTRAINT "attendance_mark_pupil_id_fkey" FOREIGN KEY ("pupil_id") REFERENCES "pupil"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "attendance_mark" ADD CONSTRAINT "attendance_mark_school_urn_fkey" FOREIGN KEY ("school_urn") REFERENCES "school"("urn") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "attendance_mark_school_urn_date_idx" ON "attendance_mark"("school_urn", "date");

-- A threshold crossed (or a possible silent deletion), once per pupil, kind and episode, delivered to the case once
CREATE TABLE "detection_alert" (
    "id" UUID NOT NULL,
    "pupil_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "episode" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "case_id" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    CONSTRAINT "detection_alert_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "detection_alert_pupil_id_kind_episode_key" ON "detection_alert"("pupil_id", "kind", "episode");
ALTER TABLE "detection_alert" ADD CONSTRAINT "detection_alert_pupil_id_fkey" FOREIGN KEY ("pupil_id") REFERENCES "pupil"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
