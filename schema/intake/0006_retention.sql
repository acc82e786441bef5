-- Retention and destruction (IntakeService.ListRetention, SetLegalHold, DecideDestructionRequest;
-- docs/operations.md, "Retention").
--
-- Each report's content (reports.body, feedback_tasks.given) is sealed under a data key of its
-- own, "report/<id>", wrapped by a master key derived from the intake data key (DataKeys,
-- services/common/data_keys.h). Destroying a report shreds that key and deletes the ciphertexts
-- and radar keys; the database runs with secure_delete, and the WAL is checkpointed after. Reports
-- sealed before this migration stay under the data key itself until they are next changed; their
-- destruction deletes the ciphertext.
CREATE TABLE data_keys (
  key_id TEXT PRIMARY KEY,
  wrapped BLOB,
  nonce BLOB,
  tag BLOB,
  create_time INTEGER NOT NULL,
  shred_time INTEGER,
  shred_reason TEXT,
  shredded_by TEXT
) STRICT;

-- When Veilig Thuis's involvement ended (the retention term runs from here); NULL while it goes on.
ALTER TABLE reports ADD COLUMN closed_at INTEGER;
-- A legal hold: its reason sealed under the data key ("hold/<report id>" as additional data), who
-- set it and when. NULL: none.
ALTER TABLE reports ADD COLUMN legal_hold BLOB;
ALTER TABLE reports ADD COLUMN legal_hold_by TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN legal_hold_time INTEGER;
-- When it was destroyed; its content is gone from then on.
ALTER TABLE reports ADD COLUMN destroyed_at INTEGER;
CREATE INDEX reports_by_closure ON reports(region, closed_at, id)
  WHERE closed_at IS NOT NULL AND destroyed_at IS NULL;

-- Requests to destroy an unfounded report, and the decisions on them (decision: 1 granted, 2
-- refused). Who asked and why it was decided live in `sealed`, a DestructionRecord sealed under the
-- data key ("destruction/<report id>/<decided_at>"): it outlives the report.
CREATE TABLE destruction_requests (
  report_id TEXT NOT NULL REFERENCES reports(id),
  decided_at INTEGER NOT NULL,
  decided_by TEXT NOT NULL,
  decision INTEGER NOT NULL CHECK (decision IN (1, 2)),
  key_id TEXT NOT NULL,
  sealed BLOB NOT NULL
) STRICT;
CREATE INDEX destruction_requests_by_report ON destruction_requests(report_id, decided_at);

-- The reports closed already. The route END_OF_INVOLVEMENT closes at its assessment. An accepted
-- handover, an ended investigation and a closed MDA++ case did not record when (or, for the
-- investigation, whether Veilig Thuis monitors on: that is in the sealed body): their term runs
-- from now, which keeps them no shorter than the law's minimum. Reports assessed before migration
-- 0003 have no route column and close only when they next change.
UPDATE reports SET closed_at = assessed_at WHERE route = 1 AND assessed_at IS NOT NULL;
UPDATE reports SET closed_at = unixepoch('now') * 1000000
  WHERE closed_at IS NULL AND ((route = 2 AND handover_state = 2)
                               OR (route = 4 AND investigation_completed_at IS NOT NULL)
                               OR (route = 5 AND case_id <> '' AND case_open = 0));
