-- The transactional outbox: events a change causes (audit records, later commands to other
-- services), written in the same transaction as the change. A relay delivers them at-least-once
-- and deletes them once the receiver has acknowledged; AUTOINCREMENT keeps sequence numbers from
-- ever being reused, so (source service, seq) stays unique for the idempotent receiver.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  topic TEXT NOT NULL,
  payload BLOB NOT NULL,
  create_time INTEGER NOT NULL
) STRICT;
CREATE INDEX outbox_by_topic ON outbox (topic, seq);
