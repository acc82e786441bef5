-- Timeline events from other services are de-duplicated by the common inbox
-- (schema/common/0003_inbox.sql) from now on; the ones received so far come along, so none of
-- them is added twice. The timeline keeps each event's source sequence, for tracing.
INSERT OR IGNORE INTO inbox (source, sequence, message_id, receive_time)
  SELECT source_service, source_sequence, '', time FROM timeline
  WHERE source_sequence IS NOT NULL;
