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
