-- Received case events move to the common inbox (schema/common/0003_inbox.sql), keyed by the
-- sending principal and the stream; the events received so far come along (without message ids,
-- which were not kept), so none of them acts twice.
INSERT OR IGNORE INTO inbox (source, sequence, message_id, receive_time)
  SELECT source || '/case-events', seq, '', 0 FROM received_case_events;
DROP TABLE received_case_events;
