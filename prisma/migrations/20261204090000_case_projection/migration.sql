-- Case projection (issue 12 item 3): the case workflow's own state, written by the same transaction that records
-- each step, so reading a case never asks the workflow (an evicted case would replay its whole history to answer).
-- `version` counts the case's recorded steps across its runs: an older or retried write never overwrites a newer one.
CREATE TABLE "case_projection" (
    "case_id" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "version" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_projection_pkey" PRIMARY KEY ("case_id")
);
ALTER TABLE "case_projection" ADD CONSTRAINT "case_projection_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The retention purge removes a whole case, and its projection goes with it.
GRANT SELECT, DELETE ON "case_projection" TO cme_record_keeper;
