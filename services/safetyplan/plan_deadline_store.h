// The SQL of what follows a plan in force (schema/safetyplan/0002): evaluations, incidents, the
// deadlines of evaluations, agreements and reviews, and the plan inbox. On a connection inside the
// caller's transaction; bodies stay sealed here.
#ifndef SCHAKEL_SERVICES_SAFETYPLAN_PLAN_DEADLINE_STORE_H_
#define SCHAKEL_SERVICES_SAFETYPLAN_PLAN_DEADLINE_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/common/sqlite.h"

namespace schakel::safetyplan {

struct EvaluationRow {
  std::string id;
  std::string case_id;
  int version = 0;
  int64_t evaluated_at = 0;  // Unix µs
  std::string evaluated_by;
  std::string organisation_id;
  std::string decision;             // "CONFIRM" or "NEXT_VERSION"
  int64_t next_evaluation_due = 0;  // YYYYMMDD
  int next_version = 0;
  int notes_sensitivity = 0;
  std::string key_id;
  std::string body;  // a sealed v1::Evaluation (conditions and notes)
};

struct IncidentRow {
  std::string id;
  std::string case_id;
  int64_t occurred_at = 0;
  int sensitivity = 0;
  std::string recorded_by;
  std::string organisation_id;
  int64_t recorded_at = 0;
  int64_t review_due = 0;  // YYYYMMDD
  std::string key_id;
  std::string body;  // a sealed v1::Incident (what, police reference, reported by)
};

// The kinds of deadline as stored.
inline constexpr char kEvaluationDeadline[] = "EVALUATION";
inline constexpr char kAgreementDeadline[] = "AGREEMENT";
inline constexpr char kReviewDeadline[] = "INCIDENT_REVIEW";

struct DeadlineRow {
  int64_t id = 0;
  std::string case_id;
  std::string kind;
  int version = 0;
  std::string subject_id;
  int64_t due = 0;        // YYYYMMDD
  int64_t remind_on = 0;  // YYYYMMDD
  std::string owner_id;
  std::string owner_organisation_id;
  std::string director_id;
  int64_t created_at = 0;
  int64_t reminded_at = 0;
  int64_t escalated_at = 0;
  int64_t done_at = 0;
};

// The kinds of inbox item as stored.
inline constexpr char kReminderItem[] = "REMINDER";
inline constexpr char kEscalationItem[] = "ESCALATION";
inline constexpr char kIncidentItem[] = "INCIDENT";

// An inbox item with the deadline it is about.
struct InboxRow {
  int64_t id = 0;
  std::string kind;
  int64_t created_at = 0;
  DeadlineRow deadline;
};

class PlanDeadlineStore {
 public:
  explicit PlanDeadlineStore(sqlite::Connection& c) : c_(c) {}
  sqlite::Connection& connection() const { return c_; }

  absl::Status InsertEvaluation(const EvaluationRow& row);
  // The case's evaluations, newest first.
  absl::StatusOr<std::vector<EvaluationRow>> Evaluations(const std::string& case_id);
  absl::Status InsertIncident(const IncidentRow& row);
  // The case's incidents, newest first.
  absl::StatusOr<std::vector<IncidentRow>> Incidents(const std::string& case_id);

  // Adds a deadline; one that exists already (the same case, kind, version, subject and day) is
  // left as it is. Returns its id.
  absl::StatusOr<int64_t> AddDeadline(const DeadlineRow& row);
  // Marks done, at `now`, the case's open deadlines of the given kinds.
  absl::Status FinishDeadlines(const std::string& case_id, const std::vector<std::string>& kinds,
                               int64_t now);
  // The case's open deadlines.
  absl::StatusOr<std::vector<DeadlineRow>> OpenDeadlines(const std::string& case_id);
  // Whether the review of incident `incident_id` is done.
  absl::StatusOr<bool> ReviewDone(const std::string& incident_id);
  absl::StatusOr<std::optional<DeadlineRow>> GetDeadline(int64_t id);
  // The open deadlines whose reminder or escalation is due on `today` (YYYYMMDD), by id.
  absl::StatusOr<std::vector<int64_t>> DueOn(int64_t today);
  absl::Status MarkReminded(int64_t id, int64_t now);
  absl::Status MarkEscalated(int64_t id, int64_t now);

  // An inbox item for a professional (organisation_id empty) or for the SUPERVISORs of an
  // organisation (professional_id empty); once per addressee.
  absl::Status AddInboxItem(int64_t deadline_id, const std::string& kind,
                            const std::string& professional_id, const std::string& organisation_id,
                            int64_t now);
  // The open items of `professional_id`, and of the supervisors of `supervisor_of` when set;
  // oldest first.
  absl::StatusOr<std::vector<InboxRow>> Inbox(const std::string& professional_id,
                                              const std::string& supervisor_of);

 private:
  sqlite::Connection& c_;
};

}  // namespace schakel::safetyplan

#endif  // SCHAKEL_SERVICES_SAFETYPLAN_PLAN_DEADLINE_STORE_H_
