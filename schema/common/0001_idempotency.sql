-- Answers to mutating requests, kept so that a retry with the same request_id gets the first
-- answer and changes nothing (AIP-155). Written in the same transaction as the change itself.
CREATE TABLE idempotency_keys (
  principal_id TEXT NOT NULL,
  request_id TEXT NOT NULL,
  method TEXT NOT NULL,
  -- SHA-256 of the method and the request: the same request_id with another request is refused.
  fingerprint BLOB NOT NULL,
  response BLOB NOT NULL,
  create_time INTEGER NOT NULL,
  PRIMARY KEY (principal_id, request_id)
) STRICT;
