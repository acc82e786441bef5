-- A SUPERVISOR sees the handovers sent or received by their own organisation and the ledger of
-- the cases it led or took part in a handover of (the region belongs to ROLE_REGIONAL_SUPERVISOR):
-- these indexes find them without walking the region.
CREATE INDEX handovers_from ON handovers(from_organisation_id, state);
CREATE INDEX lead_periods_by_organisation ON lead_periods(organisation_id, case_id);
