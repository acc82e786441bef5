-- A data key per MDA++ case ("case/<id>"), wrapped by the safety plan master key
-- (safetyplan.master_key_file, or a key derived from the data key; DataKeys,
-- services/common/data_keys.h). Every sealed text of a case's plan — its versions' content, its
-- risk assessments' notes, its evaluations and incidents — is sealed under it from now on, so
-- that destroying the case (its retention term ended; docs/operations.md section 7) shreds the
-- key as well as deleting the texts. Rows sealed before stay under the data key (a draft until its
-- next edit) until `schakeld rotate-data-key --service=safetyplan` moves them to their case's key.
-- A risk assessment without notes seals nothing: its key id stays the data key's.
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
