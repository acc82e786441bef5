-- Evaluations of the plan in force, incidents, and the deadlines that follow from them (the
-- evaluation date, each open agreement's due date, the review after an incident) with the inbox
-- items their reminders and escalations leave. What evaluations and incidents say is sealed
-- (AES-256-GCM under safetyplan-data.key, the row's identity as additional data).

-- An evaluation of a version: the outcome per condition and the notes are in `body` (a sealed
-- Evaluation). A fact: never changed, never deleted.
CREATE TABLE plan_evaluations (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  evaluated_at INTEGER NOT NULL,
  evaluated_by TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('CONFIRM', 'NEXT_VERSION')),
  -- CONFIRM: the next evaluation date as YYYYMMDD; NEXT_VERSION: the draft started.
  next_evaluation_due INTEGER NOT NULL DEFAULT 0,
  next_version INTEGER NOT NULL DEFAULT 0,
  notes_sensitivity INTEGER NOT NULL,
  key_id TEXT NOT NULL,
  body BLOB NOT NULL,
  FOREIGN KEY (case_id, version) REFERENCES plan_versions (case_id, version)
) STRICT;
CREATE INDEX plan_evaluations_by_case ON plan_evaluations (case_id, evaluated_at DESC, id);

-- An incident: what happened, the police reference and who reported it are in `body` (sealed).
-- A fact: never changed, never deleted.
CREATE TABLE plan_incidents (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  sensitivity INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  -- The day the plan's review falls due, as YYYYMMDD.
  review_due INTEGER NOT NULL,
  key_id TEXT NOT NULL,
  body BLOB NOT NULL
) STRICT;
CREATE INDEX plan_incidents_by_case ON plan_incidents (case_id, recorded_at DESC, id);

CREATE TRIGGER plan_evaluations_frozen BEFORE UPDATE ON plan_evaluations
BEGIN
  SELECT RAISE(ABORT, 'a recorded evaluation never changes');
END;
CREATE TRIGGER plan_evaluations_kept BEFORE DELETE ON plan_evaluations
BEGIN
  SELECT RAISE(ABORT, 'a recorded evaluation is never deleted');
END;
CREATE TRIGGER plan_incidents_frozen BEFORE UPDATE ON plan_incidents
BEGIN
  SELECT RAISE(ABORT, 'a recorded incident never changes');
END;
CREATE TRIGGER plan_incidents_kept BEFORE DELETE ON plan_incidents
BEGIN
  SELECT RAISE(ABORT, 'a recorded incident is never deleted');
END;

-- Something that falls due: the evaluation of the version in force, an open agreement of it, the
-- review after an incident. Its reminder and its escalation are each sent once: the timer sets
-- reminded_at / escalated_at in the same transaction that writes their inbox items, so a restart
-- (or a second scan) finds them done. done_at: the thing was done (evaluated, reviewed) or no
-- longer applies (a newer version came into force).
CREATE TABLE plan_deadlines (
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('EVALUATION', 'AGREEMENT', 'INCIDENT_REVIEW')),
  version INTEGER NOT NULL DEFAULT 0,
  -- AGREEMENT: the agreement's item id; INCIDENT_REVIEW: the incident's id; EVALUATION: empty for
  -- the version's own date, else the evaluation that set the next one.
  subject_id TEXT NOT NULL DEFAULT '',
  -- The last day (YYYYMMDD, Europe/Amsterdam), and the working day before it.
  due INTEGER NOT NULL,
  remind_on INTEGER NOT NULL,
  -- Who is reminded; whose supervisors hear of it when it passes; the case director told then.
  owner_id TEXT NOT NULL,
  owner_organisation_id TEXT NOT NULL,
  director_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  reminded_at INTEGER NOT NULL DEFAULT 0,
  escalated_at INTEGER NOT NULL DEFAULT 0,
  done_at INTEGER NOT NULL DEFAULT 0,
  UNIQUE (case_id, kind, version, subject_id, due)
) STRICT;
CREATE INDEX plan_deadlines_open_by_case ON plan_deadlines (case_id) WHERE done_at = 0;
CREATE INDEX plan_deadlines_to_remind ON plan_deadlines (remind_on) WHERE done_at = 0 AND reminded_at = 0;
CREATE INDEX plan_deadlines_to_escalate ON plan_deadlines (due) WHERE done_at = 0 AND escalated_at = 0;

-- What waits for whom: to a professional (professional_id) or, with professional_id empty, to the
-- SUPERVISORs of organisation_id. Shown while its deadline is not done. Once per addressee.
CREATE TABLE plan_inbox (
  id INTEGER PRIMARY KEY,
  deadline_id INTEGER NOT NULL REFERENCES plan_deadlines (id),
  kind TEXT NOT NULL CHECK (kind IN ('REMINDER', 'ESCALATION', 'INCIDENT')),
  professional_id TEXT NOT NULL DEFAULT '',
  organisation_id TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  UNIQUE (deadline_id, kind, professional_id, organisation_id)
) STRICT;
CREATE INDEX plan_inbox_of_professional ON plan_inbox (professional_id) WHERE professional_id <> '';
CREATE INDEX plan_inbox_of_supervisors ON plan_inbox (organisation_id) WHERE professional_id = '';
