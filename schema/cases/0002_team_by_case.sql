-- GetCase reads a case's whole team history (former members too); the partial indexes of 0001
-- cover only current members, so without this every read scanned team_members.
CREATE INDEX team_by_case ON team_members (case_id, seq);
