-- Rotating the data key (`schakeld rotate-data-key --service=safetyplan`; docs/operations.md
-- section 6) seals every row's text again under the new key. The triggers below are those of
-- 0003 with one more exception, allowed only while the table `resealing` holds a row (which the
-- rotation, run with the service stopped, sets and clears in its one transaction; the service
-- itself never writes it): the sealed text and its key id replaced together by another key's,
-- every other column unchanged. A destroyed text stays destroyed.
CREATE TABLE resealing (
  one INTEGER PRIMARY KEY CHECK (one = 1)
) STRICT;

DROP TRIGGER plan_versions_frozen;
CREATE TRIGGER plan_versions_frozen BEFORE UPDATE ON plan_versions
WHEN OLD.state <> 'DRAFT' AND (
  NEW.case_id IS NOT OLD.case_id OR NEW.version IS NOT OLD.version OR
  NEW.based_on IS NOT OLD.based_on OR
  ((NEW.key_id IS NOT OLD.key_id OR NEW.content IS NOT OLD.content) AND
   NOT (NEW.key_id = 'destroyed' AND NEW.content = X'') AND
   NOT (EXISTS (SELECT 1 FROM resealing) AND OLD.key_id <> 'destroyed' AND
        NEW.key_id <> 'destroyed' AND NEW.key_id <> OLD.key_id)) OR
  NEW.created_by IS NOT OLD.created_by OR
  NEW.created_at IS NOT OLD.created_at OR NEW.proposed_by IS NOT OLD.proposed_by OR
  NEW.proposed_at IS NOT OLD.proposed_at OR NEW.conditions_changed IS NOT OLD.conditions_changed OR
  NEW.evaluation_due IS NOT OLD.evaluation_due OR NEW.edits IS NOT OLD.edits OR
  (NEW.activated_at IS NOT OLD.activated_at AND
   NOT (OLD.state = 'PROPOSED' AND NEW.state = 'ACTIVE' AND OLD.activated_at = 0)) OR
  (NEW.superseded_at IS NOT OLD.superseded_at AND
   NOT (OLD.state <> 'SUPERSEDED' AND NEW.state = 'SUPERSEDED' AND OLD.superseded_at = 0)))
BEGIN
  SELECT RAISE(ABORT, 'a plan version that left DRAFT never changes');
END;

DROP TRIGGER risk_assessments_frozen;
CREATE TRIGGER risk_assessments_frozen BEFORE UPDATE ON risk_assessments
WHEN NOT (((NEW.key_id = 'destroyed' AND NEW.notes = X'') OR
           (EXISTS (SELECT 1 FROM resealing) AND OLD.key_id <> 'destroyed' AND
            NEW.key_id <> 'destroyed' AND NEW.key_id <> OLD.key_id)) AND
          NEW.id IS OLD.id AND
          NEW.case_id IS OLD.case_id AND NEW.instrument IS OLD.instrument AND
          NEW.instrument_version IS OLD.instrument_version AND
          NEW.assessed_at IS OLD.assessed_at AND NEW.organisation_id IS OLD.organisation_id AND
          NEW.professional_id IS OLD.professional_id AND
          NEW.outcome_level IS OLD.outcome_level AND
          NEW.notes_sensitivity IS OLD.notes_sensitivity AND NEW.recorded_at IS OLD.recorded_at)
BEGIN
  SELECT RAISE(ABORT, 'a recorded risk assessment never changes');
END;

DROP TRIGGER plan_evaluations_frozen;
CREATE TRIGGER plan_evaluations_frozen BEFORE UPDATE ON plan_evaluations
WHEN NOT (((NEW.key_id = 'destroyed' AND NEW.body = X'') OR
           (EXISTS (SELECT 1 FROM resealing) AND OLD.key_id <> 'destroyed' AND
            NEW.key_id <> 'destroyed' AND NEW.key_id <> OLD.key_id)) AND
          NEW.id IS OLD.id AND
          NEW.case_id IS OLD.case_id AND NEW.version IS OLD.version AND
          NEW.evaluated_at IS OLD.evaluated_at AND NEW.evaluated_by IS OLD.evaluated_by AND
          NEW.organisation_id IS OLD.organisation_id AND NEW.decision IS OLD.decision AND
          NEW.next_evaluation_due IS OLD.next_evaluation_due AND
          NEW.next_version IS OLD.next_version AND
          NEW.notes_sensitivity IS OLD.notes_sensitivity)
BEGIN
  SELECT RAISE(ABORT, 'a recorded evaluation never changes');
END;

DROP TRIGGER plan_incidents_frozen;
CREATE TRIGGER plan_incidents_frozen BEFORE UPDATE ON plan_incidents
WHEN NOT (((NEW.key_id = 'destroyed' AND NEW.body = X'') OR
           (EXISTS (SELECT 1 FROM resealing) AND OLD.key_id <> 'destroyed' AND
            NEW.key_id <> 'destroyed' AND NEW.key_id <> OLD.key_id)) AND
          NEW.id IS OLD.id AND
          NEW.case_id IS OLD.case_id AND NEW.occurred_at IS OLD.occurred_at AND
          NEW.sensitivity IS OLD.sensitivity AND NEW.recorded_by IS OLD.recorded_by AND
          NEW.organisation_id IS OLD.organisation_id AND NEW.recorded_at IS OLD.recorded_at AND
          NEW.review_due IS OLD.review_due)
BEGIN
  SELECT RAISE(ABORT, 'a recorded incident never changes');
END;
