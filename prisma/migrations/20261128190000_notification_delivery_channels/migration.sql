-- Outbox delivery state: attempts, last error, a lease so one sender at a time holds a row.
ALTER TABLE "notification" ALTER COLUMN "transport" DROP NOT NULL;
ALTER TABLE "notification" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "notification" ADD COLUMN "last_error" TEXT;
ALTER TABLE "notification" ADD COLUMN "lease_until" TIMESTAMPTZ(3);
ALTER TABLE "notification" ADD CONSTRAINT "notification_status_check" CHECK ("status" IN ('pending', 'sent', 'failed'));

-- The notification directory: how each party is reached. Webhook secrets are named, never stored.
CREATE TABLE "notification_channel" (
    "recipient" TEXT NOT NULL,
    "transport" TEXT NOT NULL,
    "email" TEXT,
    "url" TEXT,
    "secret_name" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" TEXT NOT NULL,

    CONSTRAINT "notification_channel_pkey" PRIMARY KEY ("recipient"),
    CONSTRAINT "notification_channel_transport_check" CHECK (
        ("transport" = 'console' AND "email" IS NULL AND "url" IS NULL AND "secret_name" IS NULL)
        OR ("transport" = 'smtp' AND "email" IS NOT NULL AND "url" IS NULL AND "secret_name" IS NULL)
        OR ("transport" = 'webhook' AND "email" IS NULL AND "url" IS NOT NULL AND "secret_name" IS NOT NULL))
);
