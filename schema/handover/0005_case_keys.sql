-- A data key per MDA++ case ("case/<id>"), wrapped by the handover master key
-- (handover.master_key_file, or a key derived from the data key; DataKeys,
-- services/common/data_keys.h). Every handover's content is sealed under its case's key from now
-- on, so that destroying the case (its retention term ended; docs/operations.md section 7) shreds
-- the key as well as deleting the content. Rows sealed before stay under the data key until they
-- are next written, or until `schakeld rotate-data-key --service=handover` moves them.
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
