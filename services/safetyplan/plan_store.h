// PlanStore: the safety plan service's SQL (schema/safetyplan), on a connection inside the
// caller's transaction. Content stays sealed here; the service seals and opens it.
#ifndef SCHAKEL_SERVICES_SAFETYPLAN_PLAN_STORE_H_
#define SCHAKEL_SERVICES_SAFETYPLAN_PLAN_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "schakel/v1/safetyplan.pb.h"
#include "services/common/sqlite.h"

namespace schakel::safetyplan {

// The states as stored.
inline constexpr char kDraft[] = "DRAFT";
inline constexpr char kProposed[] = "PROPOSED";
inline constexpr char kActive[] = "ACTIVE";
inline constexpr char kSuperseded[] = "SUPERSEDED";
// The API's state of a stored one (UNSPECIFIED for an unknown string).
v1::PlanVersionState StateOf(const std::string& stored);

struct VersionRow {
  std::string case_id;
  int version = 0;
  std::string state;
  int based_on = 0;
  std::string key_id;
  std::string content;  // sealed PlanContent
  std::string created_by;
  int64_t created_at = 0;  // Unix µs, as every time below
  std::string proposed_by;
  int64_t proposed_at = 0;
  int64_t activated_at = 0;
  int64_t superseded_at = 0;
  bool conditions_changed = false;
  int64_t evaluation_due = 0;
  int64_t edits = 1;  // the etag is Etag(edits)
};

struct SignOffRow {
  std::string party;  // "CASE_DIRECTOR" or "VEILIG_THUIS"
  std::string professional_id;
  std::string organisation_id;
  int64_t signed_at = 0;
};

struct FamilyAgreementRow {
  std::string person_id;
  int channel = 0;
  int64_t agreed_at = 0;
  std::string recorded_by;
  int64_t recorded_at = 0;
};

struct RiskRow {
  std::string id;
  std::string case_id;
  int instrument = 0;
  std::string instrument_version;
  int64_t assessed_at = 0;
  std::string organisation_id;
  std::string professional_id;
  std::string outcome_level;
  int notes_sensitivity = 0;
  std::string key_id;
  std::string notes;  // sealed; empty when none
  int64_t recorded_at = 0;
};

class PlanStore {
 public:
  explicit PlanStore(sqlite::Connection& c) : c_(c) {}
  sqlite::Connection& connection() const { return c_; }

  absl::StatusOr<std::optional<VersionRow>> Find(const std::string& case_id, int version);
  // Every version of the case, oldest first.
  absl::StatusOr<std::vector<VersionRow>> Versions(const std::string& case_id);
  absl::Status Insert(const VersionRow& row);
  // The case was destroyed (its retention term ended): deletes every sealed text of its plan
  // (versions, risk notes, evaluations, incidents; schema/safetyplan/0003_destruction.sql) and
  // ends its open deadlines at `now`. secure_delete overwrites the old pages.
  absl::Status DestroyCase(const std::string& case_id, int64_t now);
  // Replaces a DRAFT's content (and its edit count and evaluation date); FAILED_PRECONDITION
  // when the version is no longer a draft.
  absl::Status UpdateDraft(const VersionRow& row);
  // DRAFT -> PROPOSED.
  absl::Status Propose(const std::string& case_id, int version, const std::string& by, int64_t at,
                       bool conditions_changed);
  absl::Status Activate(const std::string& case_id, int version, int64_t at);
  absl::Status Supersede(const std::string& case_id, int version, int64_t at);

  absl::StatusOr<std::vector<SignOffRow>> SignOffs(const std::string& case_id, int version);
  absl::Status InsertSignOff(const std::string& case_id, int version, const SignOffRow& row);
  absl::StatusOr<std::vector<FamilyAgreementRow>> FamilyAgreements(const std::string& case_id,
                                                                   int version);
  absl::Status InsertFamilyAgreement(const std::string& case_id, int version,
                                     const FamilyAgreementRow& row);

  absl::Status InsertRisk(const RiskRow& row);
  // The case's risk assessments, newest first, after the cursor (assessed_at, id) when given.
  absl::StatusOr<std::vector<RiskRow>> Risks(const std::string& case_id,
                                             std::optional<std::pair<int64_t, std::string>> after,
                                             int limit);

 private:
  sqlite::Connection& c_;
};

}  // namespace schakel::safetyplan

#endif  // SCHAKEL_SERVICES_SAFETYPLAN_PLAN_STORE_H_
