-- Intake at Veilig Thuis: reports and advice requests, their radar keys, statutory terms and the
-- reminders and escalations of those terms.
-- Times are Unix microseconds. What a report says (reporter, persons, description) lives only in
-- reports.body: AES-256-GCM under the data key named in key_id, with the report's id as additional
-- data. The radar compares blind indexes (HMAC-SHA-256 under the index key) and nothing else: no
-- plain BSN, name or address is stored.

CREATE TABLE reports (
  id TEXT PRIMARY KEY,
  region INTEGER NOT NULL,                      -- Region
  kind INTEGER NOT NULL,                        -- ReportKind
  channel INTEGER NOT NULL,                     -- ReportChannel
  reporter_type INTEGER NOT NULL,               -- ReporterType
  state INTEGER NOT NULL,                       -- ReportState
  acute INTEGER NOT NULL CHECK (acute IN (0, 1)),
  received_at INTEGER NOT NULL,
  submit_time INTEGER NOT NULL,
  submitted_by TEXT NOT NULL,
  submitted_by_organisation_id TEXT NOT NULL,
  -- The reporter's reference, unique per submitting organisation ('' = none).
  external_reference TEXT NOT NULL DEFAULT '',
  -- The violence kinds, as "1,6" (ViolenceKind numbers): not personal, shown in the queue.
  violence_kinds TEXT NOT NULL,
  assessment_due INTEGER,                       -- NULL for advice
  acute_due INTEGER,                            -- NULL unless acute
  -- The queue's order: the nearest term (acute_due, else assessment_due); advice, without a
  -- term, 9223372036854775807 (last).
  queue_due INTEGER NOT NULL,
  converted_at INTEGER,
  claimed_by TEXT NOT NULL DEFAULT '',
  claim_time INTEGER,
  -- When the holder last touched it; the claim expires after IntakeConfig.claim_idle_minutes.
  claim_touch INTEGER,
  -- After the safety assessment with the route INVESTIGATION: the end of the investigation's
  -- 10-week term, and the investigator (a professional's id; reminded of the term).
  investigation_due INTEGER,
  investigator_id TEXT NOT NULL DEFAULT '',
  -- Reminders and escalations of the terms already sent (bits: 1 acute reminder, 2 acute
  -- escalation, 4 assessment reminder, 8 assessment escalation, 16 investigation reminder, 32
  -- investigation escalation), and when the next one falls due (NULL: none left; after the
  -- assessment only the investigation's term runs).
  signals_sent INTEGER NOT NULL DEFAULT 0,
  next_signal_at INTEGER,
  version INTEGER NOT NULL,
  key_id TEXT NOT NULL,
  body BLOB NOT NULL
) STRICT;
CREATE UNIQUE INDEX reports_by_reference ON reports(submitted_by_organisation_id, external_reference)
  WHERE external_reference <> '';
-- The triage queue: open reports of a region, acute first, then by due time.
CREATE INDEX reports_queue ON reports(region, state, acute DESC, queue_due, received_at, id);
CREATE INDEX reports_next_signal ON reports(next_signal_at) WHERE next_signal_at IS NOT NULL;

-- Radar keys: one row per (report, kind, key). kind: 'bsn', 'name_dob' (NFKC case-folded name
-- and date of birth), 'name_dob_folded' (the same with diacritics removed), 'address' (postcode
-- and house number). person_id is '' for addresses.
CREATE TABLE radar_keys (
  report_id TEXT NOT NULL REFERENCES reports(id),
  region INTEGER NOT NULL,
  kind TEXT NOT NULL,
  key BLOB NOT NULL,
  person_id TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (report_id, kind, key, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX radar_keys_lookup ON radar_keys(region, kind, key, received_at);

-- Reminders and escalations of the terms, each at most once (the primary key), kept across
-- restarts. clock: 'acute', 'assessment', 'investigation'; signal: 'reminder' (to the holder, or
-- the region's VT_INTAKE team when nobody holds the report; to the investigator for
-- 'investigation'), 'escalation' (to the region's VT supervisors).
CREATE TABLE clock_signals (
  report_id TEXT NOT NULL REFERENCES reports(id),
  clock TEXT NOT NULL,
  signal TEXT NOT NULL,
  region INTEGER NOT NULL,
  due INTEGER NOT NULL,
  addressee TEXT NOT NULL,                      -- the holder's id, or '' (see above)
  create_time INTEGER NOT NULL,
  PRIMARY KEY (report_id, clock, signal)
) STRICT, WITHOUT ROWID;
CREATE INDEX clock_signals_by_region ON clock_signals(region, create_time);
