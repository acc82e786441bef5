-- The MDA++ joint case. Personal content (names, dates of birth, BSNs, addresses, notes, minutes,
-- closure reasons) lives only in the `body` columns: AES-256-GCM under the data key named in
-- `key_id`, nonce || ciphertext || tag, with the row's identity as additional data. Lookups that
-- must match use HMAC-SHA-256 blind indexes (person_index) under a separate key.
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,           -- MDA-<year>-<number>
  region INTEGER NOT NULL,
  status INTEGER NOT NULL,                  -- CaseStatus
  origin INTEGER NOT NULL,                  -- CaseOrigin
  origin_report_id TEXT UNIQUE,             -- NULL when opened directly
  honour_related INTEGER NOT NULL,          -- shown in every list, so not only in the body
  version INTEGER NOT NULL,                 -- the etag
  key_id TEXT NOT NULL,
  body BLOB NOT NULL,                       -- StoredCaseBody
  create_time INTEGER NOT NULL,             -- Unix microseconds
  update_time INTEGER NOT NULL
) STRICT;

-- The last number handed out per year, for readable references.
CREATE TABLE case_numbers (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
) STRICT;

CREATE TABLE persons (
  case_id TEXT NOT NULL REFERENCES cases (id),
  id TEXT NOT NULL,
  role INTEGER NOT NULL,                    -- PersonRole
  version INTEGER NOT NULL,
  key_id TEXT NOT NULL,
  body BLOB NOT NULL,                       -- StoredPerson
  create_time INTEGER NOT NULL,
  PRIMARY KEY (case_id, id)
) STRICT;

-- Blind indexes: kind 'bsn' or 'name_dob'; digest = HMAC-SHA-256(index key, normalised value).
CREATE TABLE person_index (
  kind TEXT NOT NULL,
  digest BLOB NOT NULL,
  case_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  PRIMARY KEY (kind, digest, case_id, person_id),
  FOREIGN KEY (case_id, person_id) REFERENCES persons (case_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_index_by_person ON person_index (case_id, person_id);

CREATE TABLE relations (
  case_id TEXT NOT NULL REFERENCES cases (id),
  id TEXT NOT NULL,
  from_person_id TEXT NOT NULL,
  to_person_id TEXT NOT NULL,
  type INTEGER NOT NULL,                    -- RelationType
  PRIMARY KEY (case_id, id),
  UNIQUE (case_id, from_person_id, to_person_id, type),
  FOREIGN KEY (case_id, from_person_id) REFERENCES persons (case_id, id),
  FOREIGN KEY (case_id, to_person_id) REFERENCES persons (case_id, id),
  CHECK (from_person_id <> to_person_id)
) STRICT;

-- One row per period a professional held a role on the team; end_time NULL while current.
CREATE TABLE team_members (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id TEXT NOT NULL REFERENCES cases (id),
  professional_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  organisation_type INTEGER NOT NULL,
  role INTEGER NOT NULL,                    -- CaseRole
  start_time INTEGER NOT NULL,
  end_time INTEGER
) STRICT;
CREATE UNIQUE INDEX team_current ON team_members (case_id, professional_id) WHERE end_time IS NULL;
-- At most one current case director (at least one is the service's invariant).
CREATE UNIQUE INDEX team_one_director ON team_members (case_id)
  WHERE end_time IS NULL AND role = 1;
CREATE INDEX team_by_professional ON team_members (professional_id, case_id)
  WHERE end_time IS NULL;
CREATE INDEX team_by_organisation ON team_members (organisation_id, case_id)
  WHERE end_time IS NULL;

-- Notes the case director shared with an organisation whose type would not see them.
CREATE TABLE note_shares (
  case_id TEXT NOT NULL REFERENCES cases (id),
  note_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  PRIMARY KEY (case_id, note_id, organisation_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE meetings (
  case_id TEXT NOT NULL REFERENCES cases (id),
  id TEXT NOT NULL,
  meeting_date TEXT NOT NULL,               -- YYYY-MM-DD
  key_id TEXT NOT NULL,
  body BLOB NOT NULL,                       -- StoredMeeting
  create_time INTEGER NOT NULL,
  PRIMARY KEY (case_id, id)
) STRICT;

CREATE TABLE actions (
  case_id TEXT NOT NULL REFERENCES cases (id),
  id TEXT NOT NULL,
  meeting_id TEXT NOT NULL,
  owner_organisation_id TEXT NOT NULL,
  due_date TEXT NOT NULL,                   -- YYYY-MM-DD, Europe/Amsterdam
  status INTEGER NOT NULL,                  -- ActionStatus
  version INTEGER NOT NULL,
  key_id TEXT NOT NULL,
  body BLOB NOT NULL,                       -- Action (description and status note)
  PRIMARY KEY (case_id, id),
  FOREIGN KEY (case_id, meeting_id) REFERENCES meetings (case_id, id)
) STRICT;

CREATE TABLE follow_ups (
  case_id TEXT NOT NULL REFERENCES cases (id),
  id TEXT NOT NULL,
  due_date TEXT NOT NULL,
  months INTEGER NOT NULL,
  status INTEGER NOT NULL,                  -- FollowUpStatus
  PRIMARY KEY (case_id, id)
) STRICT;

-- Everything that happened on a case, in order. Events from other services carry their
-- (source_service, source_sequence), which makes receiving them idempotent.
CREATE TABLE timeline (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id TEXT NOT NULL REFERENCES cases (id),
  time INTEGER NOT NULL,
  type TEXT NOT NULL,
  sensitivity INTEGER NOT NULL,
  actor_id TEXT NOT NULL,
  actor_organisation_id TEXT NOT NULL,
  source_service TEXT NOT NULL,
  source_sequence INTEGER,                  -- NULL for the service's own events
  key_id TEXT NOT NULL,
  body BLOB NOT NULL,                       -- the summary text
  UNIQUE (source_service, source_sequence)
) STRICT;
CREATE INDEX timeline_by_case ON timeline (case_id, seq);
