// SqliteGovernanceStore: the directory's tables about who governs it — the deployment's service
// identities, proposals waiting for a second administrator, and the moment dual control began.
// Every function works on a connection inside a transaction the caller opened.
#ifndef SCHAKEL_SERVICES_DIRECTORY_GOVERNANCE_STORE_H_
#define SCHAKEL_SERVICES_DIRECTORY_GOVERNANCE_STORE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "schakel/v1/directory.pb.h"
#include "services/common/sqlite.h"

namespace schakel::directory {

class SqliteGovernanceStore {
 public:
  using Conn = sqlite::Connection;

  static absl::StatusOr<std::optional<v1::ServiceIdentity>> GetService(Conn& c,
                                                                       const std::string& id);
  // Service identities with id > `after_id`, in id order, at most `limit`.
  static absl::StatusOr<std::vector<v1::ServiceIdentity>> ListServices(Conn& c,
                                                                       const std::string& after_id,
                                                                       int limit);
  // Inserts as ACTIVE, version 1.
  static absl::Status InsertService(Conn& c, const v1::ServiceIdentity& service, absl::Time now);
  // Writes state and revocation of an existing service identity and bumps the version.
  static absl::Status SaveService(Conn& c, const v1::ServiceIdentity& service, absl::Time now);

  static absl::StatusOr<std::optional<v1::Proposal>> GetProposal(Conn& c, const std::string& id);
  // Inserts or replaces the proposal (by id).
  static absl::Status SaveProposal(Conn& c, const v1::Proposal& proposal);
  // Proposals with id > `after_id`, in id order, at most `limit`; without `show_closed` only
  // PENDING ones that expire after `now`.
  static absl::StatusOr<std::vector<v1::Proposal>> ListProposals(Conn& c, bool show_closed,
                                                                 absl::Time now,
                                                                 const std::string& after_id,
                                                                 int limit);

  // When dual control began (nullopt: still the single-administrator setup).
  static absl::StatusOr<std::optional<absl::Time>> DualControlSince(Conn& c);
  // Starts dual control at `now` when at least two active professionals hold ADMIN and it has
  // not begun yet. Returns whether it is on (now or before).
  static absl::StatusOr<bool> UpdateDualControl(Conn& c, absl::Time now);
};

}  // namespace schakel::directory

#endif  // SCHAKEL_SERVICES_DIRECTORY_GOVERNANCE_STORE_H_
