-- Which organisations are on each case's team: a SUPERVISOR sees the handovers of the cases their
-- organisation is on, besides those it sent or received (ROLE_REGIONAL_SUPERVISOR: the region).
-- Filled from the cases service's case events, which carry the whole set (OPENED, TEAM_CHANGED,
-- and CLOSED and REOPENED too); each event replaces a case's rows. Cases the ledger had before
-- this migration start without rows: their set arrives with their next team change, closing or
-- reopening, and until then their supervisors see them as before (the handovers their
-- organisation sent or received, the cases it led).
CREATE TABLE case_organisations (
  case_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  PRIMARY KEY (case_id, organisation_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_organisations_by_organisation ON case_organisations(organisation_id, case_id);
