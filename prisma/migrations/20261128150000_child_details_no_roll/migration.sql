-- AlterTable
ALTER TABLE "pupil" ALTER COLUMN "upn" DROP NOT NULL,
ALTER COLUMN "school_urn" DROP NOT NULL;

-- AlterTable
ALTER TABLE "case" ALTER COLUMN "school_urn" DROP NOT NULL;

-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "body" JSONB;

-- CreateTable
CREATE TABLE "child_details" (
    "pupil_id" UUID NOT NULL,
    "given_name" TEXT NOT NULL,
    "family_name" TEXT NOT NULL,
    "date_of_birth" DATE,
    "address" TEXT,
    "parents" JSONB NOT NULL DEFAULT '[]',
    "emergency_phones" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "new_school_urn" VARCHAR(6),
    "new_address" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "child_details_pkey" PRIMARY KEY ("pupil_id")
);

-- AddForeignKey
ALTER TABLE "child_details" ADD CONSTRAINT "child_details_pupil_id_fkey" FOREIGN KEY ("pupil_id") REFERENCES "pupil"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

