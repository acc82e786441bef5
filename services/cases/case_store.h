// SQL of the cases service. Every personal field goes through the FieldCipher on its way in and
// out; the rest of the service sees plain protos.
#ifndef SCHAKEL_SERVICES_CASES_CASE_STORE_H_
#define SCHAKEL_SERVICES_CASES_CASE_STORE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "schakel/v1/cases.pb.h"
#include "services/cases/case_rules.h"
#include "services/common/object_sealer.h"
#include "services/common/sqlite.h"

namespace schakel::cases {

// How cases.origin_report_id stores a report id: "<organisation>/<report id>" (ids hold no '/').
std::string ScopedReportKey(absl::string_view organisation_id, absl::string_view report_id);

struct CaseRow {
  std::string id;
  std::string reference;
  v1::Region region = v1::REGION_UNSPECIFIED;
  v1::CaseStatus status = v1::CASE_STATUS_UNSPECIFIED;
  v1::CaseOrigin origin = v1::CASE_ORIGIN_UNSPECIFIED;
  std::string origin_report_id;
  // The organisation whose report it is (the opener's): report ids are unique per organisation
  // only, so another organisation's report with the same id neither collides nor learns of it.
  std::string report_organisation_id;
  int64_t version = 0;
  v1::StoredCaseBody body;
  absl::Time create_time;
  absl::Time update_time;
};

struct PersonRow {
  std::string id;
  v1::PersonRole role = v1::PERSON_ROLE_UNSPECIFIED;
  int64_t version = 0;
  v1::StoredPerson body;
};

struct TimelineRow {
  int64_t seq = 0;
  absl::Time time;
  std::string type;
  v1::Sensitivity sensitivity = v1::SENSITIVITY_GENERAL;
  std::string actor_id;
  std::string actor_organisation_id;
  std::string source_service;
  std::string summary;
};

// A scheduled check of a closed case whose reminder or escalation may be due.
struct PendingFollowUp {
  std::string case_id;
  std::string id;
  absl::CivilDay due;
  bool reminded = false;
  bool escalated = false;
};

// A reminder or escalation of a follow-up check, for one recipient: a professional (the case
// director) or the SUPERVISORs of an organisation (the other id empty).
struct FollowUpAlertRow {
  int64_t seq = 0;
  std::string case_id;
  std::string follow_up_id;
  v1::FollowUpAlertKind kind = v1::FOLLOW_UP_ALERT_KIND_UNSPECIFIED;
  std::string professional_id;
  std::string organisation_id;
  absl::Time create_time;
  // Read only (from the case and the check).
  std::string reference;
  bool honour_related = false;
  std::string due_date;  // YYYY-MM-DD
};

// One row of ListMyCases before the per-case counts.
struct MyCaseRow {
  std::string id;
  std::string reference;
  v1::Region region = v1::REGION_UNSPECIFIED;
  v1::CaseStatus status = v1::CASE_STATUS_UNSPECIFIED;
  bool honour_related = false;
  absl::Time create_time;
  v1::CaseRole role = v1::CASE_ROLE_UNSPECIFIED;
};

class CaseStore {
 public:
  // `sealer` seals each case's personal data under the case's own key (case/<id>).
  CaseStore(sqlite::Connection& c, ObjectSealer& sealer) : c_(c), sealer_(sealer) {}

  // Cases.
  absl::StatusOr<std::string> NextReference(int year);
  absl::Status InsertCase(const CaseRow& row);
  absl::StatusOr<std::optional<CaseRow>> GetCase(const std::string& id);
  // Writes body, status and times, and bumps the version.
  absl::Status SaveCase(CaseRow& row, absl::Time now);
  absl::StatusOr<std::optional<std::string>> CaseIdForReport(const std::string& organisation_id,
                                                             const std::string& report_id);

  // Persons and blind indexes. `bsn` is the plain BSN in the body (encrypted here).
  absl::Status InsertPerson(const std::string& case_id, const PersonRow& person, absl::Time now);
  absl::Status SavePerson(const std::string& case_id, PersonRow& person);
  absl::StatusOr<std::vector<PersonRow>> ListPersons(const std::string& case_id);
  absl::StatusOr<std::optional<PersonRow>> GetPerson(const std::string& case_id,
                                                     const std::string& person_id);
  // Case ids whose persons match a blind index.
  absl::StatusOr<std::vector<std::string>> CasesByIndex(absl::string_view kind,
                                                        const std::string& digest);

  // Relations.
  absl::Status InsertRelation(const std::string& case_id, const v1::Relation& relation);
  absl::StatusOr<std::vector<v1::Relation>> ListRelations(const std::string& case_id);
  absl::StatusOr<std::optional<v1::Relation>> GetRelation(const std::string& case_id,
                                                          const std::string& relation_id);
  absl::Status DeleteRelation(const std::string& case_id, const std::string& relation_id);
  // Deletes a person with their blind indexes and relations; returns the relations' ids. With
  // secure_delete on, the encrypted body is overwritten in the file too.
  absl::StatusOr<std::vector<std::string>> DeletePerson(const std::string& case_id,
                                                        const std::string& person_id);

  // Team. Current members only unless `with_former`.
  absl::StatusOr<std::vector<v1::TeamMember>> ListTeam(const std::string& case_id,
                                                       bool with_former);
  absl::Status AddMember(const std::string& case_id, const v1::TeamMember& member);
  // Ends the current membership of `professional_id`.
  absl::Status EndMember(const std::string& case_id, const std::string& professional_id,
                         absl::Time now);

  // Note shares: note id → organisations.
  absl::StatusOr<absl::flat_hash_map<std::string, std::vector<std::string>>> ListShares(
      const std::string& case_id);
  absl::Status AddShare(const std::string& case_id, const std::string& note_id,
                        const std::string& organisation_id);

  // Meetings and actions.
  absl::Status InsertMeeting(const std::string& case_id, const v1::Meeting& meeting,
                             absl::Time now);
  absl::StatusOr<std::vector<v1::Meeting>> ListMeetings(const std::string& case_id);
  absl::Status InsertAction(const std::string& case_id, const v1::Action& action);
  absl::Status SaveAction(const std::string& case_id, v1::Action& action);
  absl::StatusOr<std::vector<v1::Action>> ListActions(const std::string& case_id);
  absl::StatusOr<std::optional<v1::Action>> GetAction(const std::string& case_id,
                                                      const std::string& action_id);
  // Open and overdue (due before `today`) actions of a case.
  absl::StatusOr<std::pair<int, int>> CountActions(const std::string& case_id,
                                                   const std::string& today);

  // Follow-up checks (case_store_follow_ups.cc). A check is read with its recorded outcome
  // (opened) and the times of its reminder and escalation.
  absl::Status InsertFollowUp(const std::string& case_id, const v1::FollowUp& follow_up);
  absl::StatusOr<std::vector<v1::FollowUp>> ListFollowUps(const std::string& case_id);
  absl::StatusOr<std::optional<v1::FollowUp>> GetFollowUp(const std::string& case_id,
                                                          const std::string& follow_up_id);
  // Stores the status and the recorded outcome (outcome, note, who, when: sealed).
  absl::Status SaveFollowUpRecord(const std::string& case_id, const v1::FollowUp& follow_up);
  // Cancels the scheduled checks due after `today` (YYYY-MM-DD); those already due stay
  // ("0000-00-00": every scheduled check).
  absl::Status CancelScheduledFollowUps(const std::string& case_id, const std::string& today);
  // Scheduled checks of closed cases, due on or before `until` (YYYY-MM-DD), whose reminder or
  // escalation has not gone out.
  absl::StatusOr<std::vector<PendingFollowUp>> PendingFollowUps(const std::string& until);
  absl::Status MarkFollowUpReminded(const std::string& case_id, const std::string& id,
                                    absl::Time now);
  absl::Status MarkFollowUpEscalated(const std::string& case_id, const std::string& id,
                                     absl::Time now);
  // False when the same alert (check, kind, recipient) exists.
  absl::StatusOr<bool> AddFollowUpAlert(const FollowUpAlertRow& alert);
  // The alerts for `professional_id` and, when `supervisor`, for the supervisors of
  // `organisation_id`, whose check is still scheduled on a closed case; after `after_seq`.
  absl::StatusOr<std::vector<FollowUpAlertRow>> ListFollowUpAlerts(
      const std::string& professional_id, const std::string& organisation_id, bool supervisor,
      int64_t after_seq, int limit);
  // Scheduled checks of a closed case due before `today` (YYYY-MM-DD).
  absl::StatusOr<int> CountOverdueFollowUps(const std::string& case_id, const std::string& today);

  // Timeline. AppendForeign returns false when (source_service, source_sequence) was recorded
  // before.
  absl::Status AppendTimeline(const std::string& case_id, const TimelineRow& row);
  absl::StatusOr<bool> AppendForeign(const std::string& case_id, const TimelineRow& row,
                                     int64_t source_sequence);
  absl::StatusOr<std::vector<TimelineRow>> ListTimeline(const std::string& case_id,
                                                        int64_t after_seq, int limit);

  // The cases of a professional (their own memberships) and, when `oversight`, every case with a
  // current member of `organisation_id`, ordered by reference, after `after_reference`.
  absl::StatusOr<std::vector<MyCaseRow>> ListMyCases(const std::string& professional_id,
                                                     const std::string& organisation_id,
                                                     bool oversight, v1::CaseStatus status,
                                                     v1::CaseRole role,
                                                     const std::string& after_reference, int limit);

 private:
  sqlite::Connection& c_;
  ObjectSealer& sealer_;
};

}  // namespace schakel::cases

#endif  // SCHAKEL_SERVICES_CASES_CASE_STORE_H_
