-- The safety plan service: versions of each case's plan, their sign-offs and the family's
-- agreement, and the case's risk instrument history. Content is sealed (AES-256-GCM under
-- safetyplan-data.key, the row's identity as additional data): no plan text is stored in plain.
--
-- A version that left DRAFT never changes again: the triggers below refuse any UPDATE of its
-- content or facts and any DELETE, whatever code (or hand) tries; only its state may move forward
-- (PROPOSED -> ACTIVE -> SUPERSEDED, or PROPOSED -> SUPERSEDED), each timestamp set once.

CREATE TABLE plan_versions (
  case_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  state TEXT NOT NULL CHECK (state IN ('DRAFT', 'PROPOSED', 'ACTIVE', 'SUPERSEDED')),
  based_on INTEGER NOT NULL CHECK (based_on >= 0 AND based_on < version),
  key_id TEXT NOT NULL,
  content BLOB NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  proposed_by TEXT NOT NULL DEFAULT '',
  proposed_at INTEGER NOT NULL DEFAULT 0,
  activated_at INTEGER NOT NULL DEFAULT 0,
  superseded_at INTEGER NOT NULL DEFAULT 0,
  conditions_changed INTEGER NOT NULL DEFAULT 0 CHECK (conditions_changed IN (0, 1)),
  -- When the plan is next evaluated, as YYYYMMDD (0: none).
  evaluation_due INTEGER NOT NULL DEFAULT 0,
  -- Bumped by every edit of a draft; the etag is "v<edits>".
  edits INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (case_id, version)
) STRICT;

-- At most one draft and one active version per case.
CREATE UNIQUE INDEX plan_versions_one_draft ON plan_versions (case_id) WHERE state = 'DRAFT';
CREATE UNIQUE INDEX plan_versions_one_active ON plan_versions (case_id) WHERE state = 'ACTIVE';

CREATE TRIGGER plan_versions_frozen BEFORE UPDATE ON plan_versions
WHEN OLD.state <> 'DRAFT' AND (
  NEW.case_id IS NOT OLD.case_id OR NEW.version IS NOT OLD.version OR
  NEW.based_on IS NOT OLD.based_on OR NEW.key_id IS NOT OLD.key_id OR
  NEW.content IS NOT OLD.content OR NEW.created_by IS NOT OLD.created_by OR
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

CREATE TRIGGER plan_versions_forward BEFORE UPDATE OF state ON plan_versions
WHEN NOT (NEW.state = OLD.state OR
          (OLD.state = 'DRAFT' AND NEW.state = 'PROPOSED') OR
          (OLD.state = 'PROPOSED' AND NEW.state IN ('ACTIVE', 'SUPERSEDED')) OR
          (OLD.state = 'ACTIVE' AND NEW.state = 'SUPERSEDED'))
BEGIN
  SELECT RAISE(ABORT, 'a plan version''s state only moves forward');
END;

CREATE TRIGGER plan_versions_kept BEFORE DELETE ON plan_versions
WHEN OLD.state <> 'DRAFT'
BEGIN
  SELECT RAISE(ABORT, 'a plan version that left DRAFT is never deleted');
END;

-- Who signed a version off: the case director, and Veilig Thuis when the conditions changed.
CREATE TABLE plan_sign_offs (
  case_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  party TEXT NOT NULL CHECK (party IN ('CASE_DIRECTOR', 'VEILIG_THUIS')),
  professional_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  signed_at INTEGER NOT NULL,
  PRIMARY KEY (case_id, version, party),
  FOREIGN KEY (case_id, version) REFERENCES plan_versions (case_id, version)
) STRICT;

-- The family's agreement to a version: who (a person of the case, by id), how and when.
CREATE TABLE plan_family_agreements (
  case_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  channel INTEGER NOT NULL,
  agreed_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (case_id, version, person_id),
  FOREIGN KEY (case_id, version) REFERENCES plan_versions (case_id, version)
) STRICT;

-- A risk instrument applied in the case, newest first by assessed_at.
CREATE TABLE risk_assessments (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  instrument INTEGER NOT NULL,
  instrument_version TEXT NOT NULL,
  assessed_at INTEGER NOT NULL,
  organisation_id TEXT NOT NULL,
  professional_id TEXT NOT NULL,
  outcome_level TEXT NOT NULL,
  notes_sensitivity INTEGER NOT NULL,
  key_id TEXT NOT NULL,
  -- Sealed notes (empty when none).
  notes BLOB NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX risk_assessments_by_case ON risk_assessments (case_id, assessed_at DESC, id);

-- Sign-offs, agreements and risk assessments are facts: never changed, never deleted.
CREATE TRIGGER plan_sign_offs_frozen BEFORE UPDATE ON plan_sign_offs
BEGIN
  SELECT RAISE(ABORT, 'a sign-off never changes');
END;
CREATE TRIGGER plan_sign_offs_kept BEFORE DELETE ON plan_sign_offs
BEGIN
  SELECT RAISE(ABORT, 'a sign-off is never deleted');
END;
CREATE TRIGGER plan_family_agreements_frozen BEFORE UPDATE ON plan_family_agreements
BEGIN
  SELECT RAISE(ABORT, 'a recorded agreement never changes');
END;
CREATE TRIGGER plan_family_agreements_kept BEFORE DELETE ON plan_family_agreements
BEGIN
  SELECT RAISE(ABORT, 'a recorded agreement is never deleted');
END;
CREATE TRIGGER risk_assessments_frozen BEFORE UPDATE ON risk_assessments
BEGIN
  SELECT RAISE(ABORT, 'a recorded risk assessment never changes');
END;
CREATE TRIGGER risk_assessments_kept BEFORE DELETE ON risk_assessments
BEGIN
  SELECT RAISE(ABORT, 'a recorded risk assessment is never deleted');
END;
