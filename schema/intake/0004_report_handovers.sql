-- Route HANDOVER of a safety assessment: the receiving organisation, its answer (ReportHandoverState:
-- 1 proposed, 2 accepted, 3 declined; 0 none) and the end of the term to answer (NULL once
-- answered). What VT wrote to the receiver and why it declined live in the sealed body.
ALTER TABLE reports ADD COLUMN handover_org TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN handover_state INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN handover_due INTEGER;
CREATE INDEX reports_by_handover ON reports(handover_org, handover_state) WHERE handover_org <> '';
