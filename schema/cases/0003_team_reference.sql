-- ListMyCases pages through a professional's cases in reference order. With the case's reference
-- beside each membership, an index walks them in that order and stops after one page, instead of
-- sorting every case the professional is on.
ALTER TABLE team_members ADD COLUMN case_reference TEXT NOT NULL DEFAULT '';
UPDATE team_members SET case_reference = (SELECT reference FROM cases WHERE cases.id = case_id);
CREATE INDEX team_mine_by_reference ON team_members (professional_id, organisation_id,
  case_reference) WHERE end_time IS NULL;
CREATE INDEX team_organisation_by_reference ON team_members (organisation_id, case_reference)
  WHERE end_time IS NULL;
