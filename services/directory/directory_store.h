// SqliteDirectoryStore: the directory's tables. Every function works on a connection inside a
// transaction the caller opened, so a change, its idempotency record (and later its audit record)
// commit together.
#ifndef SCHAKEL_SERVICES_DIRECTORY_DIRECTORY_STORE_H_
#define SCHAKEL_SERVICES_DIRECTORY_DIRECTORY_STORE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "schakel/v1/directory.pb.h"
#include "services/common/sqlite.h"

namespace schakel::directory {

class SqliteDirectoryStore {
 public:
  using Conn = sqlite::Connection;

  static absl::StatusOr<std::optional<v1::Organisation>> GetOrganisation(Conn& c,
                                                                         const std::string& id);
  static absl::StatusOr<bool> AnyOrganisation(Conn& c);
  // Organisations with id > `after_id`, in id order, at most `limit`.
  static absl::StatusOr<std::vector<v1::Organisation>> ListOrganisations(
      Conn& c, v1::Region region, v1::OrganisationType type, const std::string& after_id,
      int limit);
  // Inserts with version 1; fills etag and times in `org`.
  static absl::Status InsertOrganisation(Conn& c, v1::Organisation& org, absl::Time now);
  // Replaces name, type and region; bumps the version; fills etag and times in `org`.
  static absl::Status UpdateOrganisation(Conn& c, v1::Organisation& org, absl::Time now);

  static absl::StatusOr<std::optional<v1::Professional>> GetProfessional(Conn& c,
                                                                         const std::string& id);
  static absl::StatusOr<std::vector<v1::Professional>> ListProfessionals(
      Conn& c, const std::string& organisation_id, v1::Role role, bool show_revoked,
      const std::string& after_id, int limit);
  // Inserts as ACTIVE, version 1, with the given roles.
  static absl::Status InsertProfessional(Conn& c, const v1::Professional& pro, absl::Time now);
  // Writes roles, state and revocation of an existing professional and bumps the version.
  static absl::Status SaveProfessional(Conn& c, const v1::Professional& pro, absl::Time now);
};

}  // namespace schakel::directory

#endif  // SCHAKEL_SERVICES_DIRECTORY_DIRECTORY_STORE_H_
