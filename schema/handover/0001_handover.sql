-- The responsibility ledger and handovers. Times are Unix microseconds. Handover content (summary,
-- conditions, agreements, risks, actions, reasons) lives only in handovers.body: AES-256-GCM under
-- the data key named in key_id, with the row's identity as additional data.

-- One row per case the cases service reported: who leads now, in which phase.
CREATE TABLE ledger_cases (
  case_id TEXT PRIMARY KEY,
  reference TEXT NOT NULL,
  region INTEGER NOT NULL,
  status INTEGER NOT NULL,                      -- CaseStatus
  phase INTEGER NOT NULL,                       -- Phase
  lead_organisation_id TEXT NOT NULL,
  lead_professional_id TEXT NOT NULL,
  lead_since INTEGER NOT NULL,
  -- The previous lead, watching until the new lead confirmed first contact ('' = nobody).
  watching_organisation_id TEXT NOT NULL DEFAULT '',
  watching_handover_id TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX ledger_cases_by_region ON ledger_cases(region, case_id);

-- Every stretch of lead responsibility; the current one has no end. Never updated but to end it.
CREATE TABLE lead_periods (
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES ledger_cases(case_id),
  phase INTEGER NOT NULL,
  organisation_id TEXT NOT NULL,
  professional_id TEXT NOT NULL,
  start_time INTEGER NOT NULL,
  end_time INTEGER,
  cause TEXT NOT NULL,                          -- case.opened, handover.accepted, case.closed, ...
  handover_id TEXT NOT NULL DEFAULT ''
) STRICT;
-- At most one current lead per case.
CREATE UNIQUE INDEX lead_periods_current ON lead_periods(case_id) WHERE end_time IS NULL;
CREATE INDEX lead_periods_by_case ON lead_periods(case_id, start_time, id);

-- When each case was open (closure and reopening), for the gap report.
CREATE TABLE open_periods (
  case_id TEXT NOT NULL REFERENCES ledger_cases(case_id),
  start_time INTEGER NOT NULL,
  end_time INTEGER,
  PRIMARY KEY (case_id, start_time)
) STRICT;

CREATE TABLE handovers (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES ledger_cases(case_id),
  state INTEGER NOT NULL,                       -- HandoverState
  from_organisation_id TEXT NOT NULL,
  from_professional_id TEXT NOT NULL,
  to_organisation_id TEXT NOT NULL,
  to_professional_id TEXT NOT NULL,
  phase INTEGER NOT NULL,
  family_informed INTEGER NOT NULL,
  key_id TEXT NOT NULL,
  body BLOB NOT NULL,                           -- StoredHandoverBody
  proposed_time INTEGER NOT NULL,
  accept_deadline INTEGER NOT NULL,
  reminder_time INTEGER,                        -- NULL: no reminder (a one-day term)
  reminded_time INTEGER,
  decided_time INTEGER,
  decided_by TEXT NOT NULL DEFAULT '',
  accept_escalated_time INTEGER,
  contact_deadline INTEGER,
  contact_time INTEGER,
  contact_escalated_time INTEGER,
  version INTEGER NOT NULL
) STRICT;
-- At most one open handover per case.
CREATE UNIQUE INDEX handovers_one_open ON handovers(case_id) WHERE state = 1;
CREATE INDEX handovers_by_case ON handovers(case_id, proposed_time);
CREATE INDEX handovers_by_proposed ON handovers(proposed_time, id);
CREATE INDEX handovers_to ON handovers(to_organisation_id, state);
CREATE INDEX handovers_accept_due ON handovers(accept_deadline) WHERE state = 1;
CREATE INDEX handovers_reminder_due ON handovers(reminder_time)
  WHERE state = 1 AND reminded_time IS NULL;
CREATE INDEX handovers_contact_due ON handovers(contact_deadline)
  WHERE state = 2 AND contact_time IS NULL AND contact_escalated_time IS NULL;

-- Reminders and escalations: one per (handover, kind, organisation), so never twice.
CREATE TABLE inbox_items (
  id INTEGER PRIMARY KEY,
  organisation_id TEXT NOT NULL,
  audience INTEGER NOT NULL,                    -- 1: the organisation's SUPERVISORs; 2: its professionals
  kind INTEGER NOT NULL,                        -- InboxItemKind
  handover_id TEXT NOT NULL REFERENCES handovers(id),
  due INTEGER NOT NULL,
  created_time INTEGER NOT NULL,
  UNIQUE (handover_id, kind, organisation_id)
) STRICT;
CREATE INDEX inbox_items_by_org ON inbox_items(organisation_id, audience, created_time);

-- Case events already taken in, per calling service.
CREATE TABLE received_case_events (
  source TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (source, seq)
) STRICT;
