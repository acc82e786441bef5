-- Destruction of a case's plan: when the cases service destroys an MDA++ case (its retention term
-- ended; docs/operations.md section 7) it tells this service (a case event DESTROYED), which
-- deletes every sealed text of the case: its plan versions' content, its risk assessments' notes,
-- its evaluations and incidents. The rows stay, with their dates and ids; the facts stay
-- unchangeable in every other way. The triggers below are those of 0001 and 0002 with the one
-- exception: a row's sealed text replaced by nothing under the key id 'destroyed'.
DROP TRIGGER plan_versions_frozen;
CREATE TRIGGER plan_versions_frozen BEFORE UPDATE ON plan_versions
WHEN OLD.state <> 'DRAFT' AND (
  NEW.case_id IS NOT OLD.case_id OR NEW.version IS NOT OLD.version OR
  NEW.based_on IS NOT OLD.based_on OR
  ((NEW.key_id IS NOT OLD.key_id OR NEW.content IS NOT OLD.content) AND
   NOT (NEW.key_id = 'destroyed' AND NEW.content = X'')) OR
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
WHEN NOT (NEW.key_id = 'destroyed' AND NEW.notes = X'' AND NEW.id IS OLD.id AND
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
WHEN NOT (NEW.key_id = 'destroyed' AND NEW.body = X'' AND NEW.id IS OLD.id AND
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
WHEN NOT (NEW.key_id = 'destroyed' AND NEW.body = X'' AND NEW.id IS OLD.id AND
          NEW.case_id IS OLD.case_id AND NEW.occurred_at IS OLD.occurred_at AND
          NEW.sensitivity IS OLD.sensitivity AND NEW.recorded_by IS OLD.recorded_by AND
          NEW.organisation_id IS OLD.organisation_id AND NEW.recorded_at IS OLD.recorded_at AND
          NEW.review_due IS OLD.review_due)
BEGIN
  SELECT RAISE(ABORT, 'a recorded incident never changes');
END;
