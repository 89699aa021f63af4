-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "school" (
    "urn" VARCHAR(6) NOT NULL,
    "name" TEXT NOT NULL,
    "la_code" VARCHAR(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "school_pkey" PRIMARY KEY ("urn")
);

-- CreateTable
CREATE TABLE "pupil" (
    "id" UUID NOT NULL,
    "upn" VARCHAR(13) NOT NULL,
    "school_urn" VARCHAR(6) NOT NULL,
    "open_case_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pupil_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case" (
    "id" TEXT NOT NULL,
    "pupil_id" UUID NOT NULL,
    "la_code" VARCHAR(3) NOT NULL,
    "school_urn" VARCHAR(6) NOT NULL,
    "stage" TEXT NOT NULL,
    "next_deadline_at" TIMESTAMPTZ(3),
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "case_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "rule_id" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" BIGSERIAL NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "transport" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "pupil_upn_key" ON "pupil"("upn");

-- CreateIndex
CREATE UNIQUE INDEX "pupil_open_case_id_key" ON "pupil"("open_case_id");

-- CreateIndex
CREATE INDEX "case_la_code_stage_idx" ON "case"("la_code", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "audit_entry_event_id_key" ON "audit_entry"("event_id");

-- CreateIndex
CREATE INDEX "audit_entry_case_id_id_idx" ON "audit_entry"("case_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_idempotency_key_key" ON "notification"("idempotency_key");

-- CreateIndex
CREATE INDEX "notification_case_id_idx" ON "notification"("case_id");

-- AddForeignKey
ALTER TABLE "pupil" ADD CONSTRAINT "pupil_school_urn_fkey" FOREIGN KEY ("school_urn") REFERENCES "school"("urn") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_pupil_id_fkey" FOREIGN KEY ("pupil_id") REFERENCES "pupil"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_entry" ADD CONSTRAINT "audit_entry_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

