-- Overdue steps (issue 11 item 5): a clock that ran out with its step not done (a consent escalated to a manager, an
-- opening clock lapsed to the LA CME officer) stays on the case, as its workflow keeps it, until the step is done.
CREATE TABLE "overdue_step" (
    "case_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "unit" TEXT NOT NULL,
    "escalated_to" TEXT NOT NULL,

    CONSTRAINT "overdue_step_pkey" PRIMARY KEY ("case_id","kind"),
    CONSTRAINT "overdue_step_unit_check" CHECK ("unit" IN ('school_days', 'days'))
);
CREATE INDEX "overdue_step_escalated_to_idx" ON "overdue_step"("escalated_to");
ALTER TABLE "overdue_step" ADD CONSTRAINT "overdue_step_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The retention purge removes a whole case, and its overdue steps go with it.
GRANT SELECT, DELETE ON "overdue_step" TO cme_record_keeper;
