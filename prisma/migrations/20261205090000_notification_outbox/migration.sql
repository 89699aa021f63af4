-- Notifications leave the workflow as outbox rows (issue 12 item 1): the worker's dispatcher renders a row from
-- the row alone, so it keeps the rule the message cites, and finds the pending rows, each case's recipient's
-- earliest first, without reading the sent ones.
ALTER TABLE "notification" ADD COLUMN "rule_id" TEXT;
CREATE INDEX "notification_pending_idx" ON "notification"("case_id", "recipient", "id") WHERE "status" = 'pending';
