-- AlterTable
ALTER TABLE "school" ADD COLUMN     "is_special" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "pupil" ADD COLUMN     "placed_by_la" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sen_status" TEXT NOT NULL DEFAULT 'none';

-- AlterTable
ALTER TABLE "case" ADD COLUMN     "outcome" TEXT,
ADD COLUMN     "send_flag" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "la_term" (
    "id" BIGSERIAL NOT NULL,
    "la_code" VARCHAR(3) NOT NULL,
    "name" TEXT NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,

    CONSTRAINT "la_term_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "school_closure" (
    "school_urn" VARCHAR(6) NOT NULL,
    "date" DATE NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "school_closure_pkey" PRIMARY KEY ("school_urn","date")
);

-- CreateTable
CREATE TABLE "la_rule_setting" (
    "la_code" VARCHAR(3) NOT NULL,
    "rule_id" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" TEXT NOT NULL,

    CONSTRAINT "la_rule_setting_pkey" PRIMARY KEY ("la_code","rule_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "la_term_la_code_start_date_key" ON "la_term"("la_code", "start_date");

-- AddForeignKey
ALTER TABLE "school_closure" ADD CONSTRAINT "school_closure_school_urn_fkey" FOREIGN KEY ("school_urn") REFERENCES "school"("urn") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: invariants Prisma's schema language cannot state.
ALTER TABLE "la_term" ADD CONSTRAINT "la_term_dates_ordered" CHECK ("start_date" <= "end_date");
ALTER TABLE "pupil" ADD CONSTRAINT "pupil_sen_status_known" CHECK ("sen_status" IN ('none', 'sen_support', 'ehc_plan'));
