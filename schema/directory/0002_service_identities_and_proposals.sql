-- Service identities (the service certificates a deployment runs) and dual control (changes that
-- take a second administrator). Times are microseconds since the Unix epoch, UTC.
CREATE TABLE service_identities (
  id TEXT PRIMARY KEY,
  -- No reference to organisations: the host lists its own identity before any organisation may
  -- exist (a directory without a bootstrap).
  organisation_id TEXT NOT NULL,
  description TEXT NOT NULL,
  state INTEGER NOT NULL,
  version INTEGER NOT NULL,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revoke_time INTEGER,
  revoke_reason TEXT
) STRICT;

-- One serialized schakel.v1.Proposal per row; the columns are what listing and approval need.
CREATE TABLE proposals (
  id TEXT PRIMARY KEY,
  state INTEGER NOT NULL,
  expire_time INTEGER NOT NULL,
  proposal BLOB NOT NULL
) STRICT;

-- Facts about the directory as a whole. 'dual_control_since': the moment a second active
-- administrator first existed; from then on some changes take two administrators, for good.
CREATE TABLE directory_facts (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;
