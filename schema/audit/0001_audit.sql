-- The audit log. `entries.entry` holds the serialized LogEntry exactly as its Merkle leaf hashes
-- it; the record inside is AES-256-GCM encrypted under a per-period data key.
-- Columns beside it exist only to find entries (authorization and queries): the acting
-- organisation, the event type and time in plain text; principal and object ids only as HMAC
-- blind indexes. ShredPeriod deletes a period's blind indexes together with its key.
CREATE TABLE entries (
  idx INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  source_service TEXT NOT NULL,
  source_sequence INTEGER NOT NULL,
  entry BLOB NOT NULL,
  key_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  event_time INTEGER NOT NULL,
  principal_ix BLOB,
  UNIQUE (source_service, source_sequence)
) STRICT;
CREATE INDEX entries_by_organisation ON entries (organisation_id, idx);
CREATE INDEX entries_by_principal ON entries (principal_ix, idx);
CREATE INDEX entries_by_key ON entries (key_id, idx);

CREATE TABLE entry_objects (
  object_ix BLOB NOT NULL,
  idx INTEGER NOT NULL,
  PRIMARY KEY (object_ix, idx)
) STRICT, WITHOUT ROWID;

-- Go tlog's stored-hash layout: id = StoredHashIndex(level, n).
CREATE TABLE tree_hashes (
  id INTEGER PRIMARY KEY,
  hash BLOB NOT NULL
) STRICT;

-- Per-period data keys, wrapped (AES-256-GCM) by the master key. Shredding sets wrapped to NULL.
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

CREATE TABLE checkpoints (
  tree_size INTEGER PRIMARY KEY,
  root BLOB NOT NULL,
  signed_note TEXT NOT NULL,
  create_time INTEGER NOT NULL
) STRICT;
