-- Follow-up checks after closure (issue 13): the recorded outcome, and the reminder and the
-- escalation, each sent once. `remind_time` / `escalate_time` are set in the transaction that
-- sends them, so a scan after a restart finds nothing left to do.
ALTER TABLE follow_ups ADD COLUMN remind_time INTEGER;     -- Unix microseconds; NULL: not sent
ALTER TABLE follow_ups ADD COLUMN escalate_time INTEGER;   -- Unix microseconds; NULL: not sent
ALTER TABLE follow_ups ADD COLUMN key_id TEXT;             -- NULL until recorded
ALTER TABLE follow_ups ADD COLUMN body BLOB;               -- StoredFollowUp (the outcome note)
-- The scan's walk: checks still scheduled, by due date.
CREATE INDEX follow_ups_scheduled ON follow_ups (due_date) WHERE status = 1;

-- Who a reminder or escalation is for: a professional (the case director) or the SUPERVISORs of
-- an organisation. One row per check, kind and recipient ('' rather than NULL: UNIQUE treats
-- NULLs as distinct).
CREATE TABLE follow_up_alerts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id TEXT NOT NULL REFERENCES cases (id),
  follow_up_id TEXT NOT NULL,
  kind INTEGER NOT NULL,                    -- FollowUpAlertKind
  professional_id TEXT NOT NULL,            -- the director; '' for supervisors
  organisation_id TEXT NOT NULL,            -- the supervisors' organisation; '' for the director
  create_time INTEGER NOT NULL,
  UNIQUE (follow_up_id, kind, professional_id, organisation_id),
  FOREIGN KEY (case_id, follow_up_id) REFERENCES follow_ups (case_id, id),
  CHECK ((professional_id = '') <> (organisation_id = ''))
) STRICT;
CREATE INDEX follow_up_alerts_by_professional ON follow_up_alerts (professional_id, seq)
  WHERE professional_id <> '';
CREATE INDEX follow_up_alerts_by_organisation ON follow_up_alerts (organisation_id, seq)
  WHERE organisation_id <> '';
