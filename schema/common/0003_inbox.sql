-- The inbox: messages this service received from another service's outbox, one row per
-- (source, sequence). The counterpart of the outbox: the sender delivers at-least-once, the
-- receiver records each message here in the transaction that acts on it, so a message delivered
-- twice acts once. `source` names the sending principal and the stream ("schakeld/case-events");
-- `message_id`, when the sender gives one, catches a sequence number reused for another message
-- (a restored sender database) instead of dropping that message as a duplicate.
CREATE TABLE inbox (
  source TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  message_id TEXT NOT NULL,
  receive_time INTEGER NOT NULL,
  PRIMARY KEY (source, sequence)
) STRICT, WITHOUT ROWID;
