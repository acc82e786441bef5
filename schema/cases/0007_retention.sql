-- Retention and destruction of MDA++ cases (CaseService.ListCaseRetention, SetCaseLegalHold;
-- docs/operations.md, "Retention and destruction").
--
-- Each case's personal content (the body columns of cases, persons, meetings, actions,
-- follow_ups and timeline) is sealed under a data key of its own, "case/<id>", wrapped by the
-- cases master key (DataKeys, services/common/data_keys.h). Destroying a case shreds that key,
-- deletes the ciphertexts and the blind indexes; the database runs with secure_delete, and the WAL
-- is checkpointed after. Rows sealed before this migration stay under the data key itself until
-- they are next written; destruction deletes them too.
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

-- When the case closed (its retention term runs from here); NULL while it is open.
ALTER TABLE cases ADD COLUMN closed_at INTEGER;
-- A legal hold: its reason sealed under the data key ("case-hold/<case id>" as additional data),
-- who set it and when. NULL: none.
ALTER TABLE cases ADD COLUMN legal_hold BLOB;
ALTER TABLE cases ADD COLUMN legal_hold_by TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN legal_hold_time INTEGER;
-- When it was destroyed; its content is gone from then on.
ALTER TABLE cases ADD COLUMN destroyed_at INTEGER;
CREATE INDEX cases_by_closure ON cases(closed_at, id)
  WHERE closed_at IS NOT NULL AND destroyed_at IS NULL;

-- The cases closed already: the closure itself is in the sealed body; the last write of a closed
-- case is no earlier than its closure, so the term runs no shorter than the law's minimum.
UPDATE cases SET closed_at = update_time WHERE status = 2;
