-- The directory: partner organisations, their professionals, and the professionals' roles.
-- Times are microseconds since the Unix epoch, UTC.
CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type INTEGER NOT NULL,
  region INTEGER NOT NULL,
  version INTEGER NOT NULL,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL
) STRICT;

CREATE TABLE professionals (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  state INTEGER NOT NULL,
  version INTEGER NOT NULL,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revoke_time INTEGER,
  revoke_reason TEXT
) STRICT;
CREATE INDEX professionals_by_organisation ON professionals (organisation_id, id);

CREATE TABLE professional_roles (
  professional_id TEXT NOT NULL REFERENCES professionals (id),
  role INTEGER NOT NULL,
  PRIMARY KEY (professional_id, role)
) STRICT;
