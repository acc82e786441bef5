-- How far each source's records have arrived (QueryEntries answers it per source), kept beside
-- the entries in the same transaction as each append. Existing logs start from their entries
-- (their arrival time is not known: the event time stands in).
CREATE TABLE source_watermarks (
  source_service TEXT PRIMARY KEY,
  source_sequence INTEGER NOT NULL,
  event_time INTEGER NOT NULL,
  arrival_time INTEGER NOT NULL
) STRICT;
INSERT INTO source_watermarks (source_service, source_sequence, event_time, arrival_time)
  SELECT e.source_service, e.source_sequence, e.event_time, e.event_time * 1000000
  FROM entries e
  WHERE e.source_sequence =
        (SELECT MAX(x.source_sequence) FROM entries x WHERE x.source_service = e.source_service);

-- Shredding needs two auditors: one proposes, another approves within the approval term.
CREATE TABLE shred_proposals (
  period TEXT NOT NULL,
  propose_time INTEGER NOT NULL,
  proposed_by TEXT NOT NULL,
  reason TEXT NOT NULL,
  expire_time INTEGER NOT NULL,
  approved_by TEXT,
  approve_time INTEGER,
  PRIMARY KEY (period, propose_time)
) STRICT;
