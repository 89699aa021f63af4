-- Support plans (issue 16): the barriers of a support-first case, actions with owners and due dates, and reviews, as its
-- workflow keeps them. The inbox reads lapsed actions from here and the case export shows the plan.
CREATE TABLE "support_plan" (
    "case_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "plan" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "support_plan_pkey" PRIMARY KEY ("case_id")
);
ALTER TABLE "support_plan" ADD CONSTRAINT "support_plan_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The retention purge removes a whole case, and its plan goes with it.
GRANT SELECT, DELETE ON "support_plan" TO cme_record_keeper;
