// The shape of every change to an existing case, on the kit's unit of work (RunChange): access
// from the team before anything is decrypted, the case open (unless the change reopens it), the
// body, then the case saved with a new etag, its timeline events and its audit record — one
// transaction, idempotent on request_id. A replay checks only that the caller may still see the
// case, never the state the change itself moved (a director who handed over the role can still
// retry the transfer).
#ifndef SCHAKEL_SERVICES_CASES_CASE_CHANGE_H_
#define SCHAKEL_SERVICES_CASES_CASE_CHANGE_H_

#include <functional>
#include <set>
#include <string>
#include <vector>

#include <google/protobuf/message.h>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "schakel/v1/audit.pb.h"
#include "schakel/v1/cases.pb.h"
#include "services/cases/case_service.h"
#include "services/cases/case_store.h"
#include "services/common/audit_trail.h"
#include "services/common/authz.h"
#include "services/common/clock.h"
#include "services/common/field_cipher.h"
#include "services/common/object_sealer.h"
#include "services/common/sqlite.h"

namespace schakel::cases {

// What a change needs of the caller's standing.
enum class Need {
  kMember,    // any team member (not oversight)
  kEdit,      // director or core team
  kDirector,  // the case director
};

// PERMISSION_DENIED unless `access` meets `need`.
absl::Status CheckNeed(const CaseAccess& access, Need need);

// A change in progress: the transaction's store, the case, the caller's standing, and what the
// change adds (audit objects, timeline events).
struct Mutation {
  sqlite::Connection& c;
  CaseStore store;
  CaseRow row;
  CaseAccess access;
  NoteShares shares;
  absl::Time now;
  absl::CivilDay today;
  v1::AuditRecord audit;
  std::vector<TimelineRow> events;

  void Event(std::string type, std::string summary,
             v1::Sensitivity sensitivity = v1::SENSITIVITY_GENERAL);
};

// What a change is, filled with designated initializers at the call site.
struct CaseChange {
  const Caller* caller = nullptr;
  std::string method;  // the RPC's bare name
  const google::protobuf::Message* request = nullptr;
  google::protobuf::Message* response = nullptr;
  std::string request_id;
  std::string case_id;
  Need need = Need::kEdit;
  bool allow_closed = false;  // only ReopenCase
  v1::AuditAction action = v1::AUDIT_ACTION_UPDATE;
  std::string event_type;  // "case.updated"
};

// The service's parts a change uses.
struct CaseChangeKit {
  sqlite::Database* db = nullptr;
  ObjectSealer* sealer = nullptr;
  const AuditTrail* audit = nullptr;
  const Clock* clock = nullptr;
};

// Runs `body` as described at the top of this file.
absl::Status RunCaseChange(const CaseChangeKit& kit, const CaseChange& change,
                           const std::function<absl::Status(Mutation&)>& body);

// The record of a retried request answered from the idempotency store.
v1::AuditRecord ReplayRecord(const AuditTrail& audit, const Caller& caller,
                             absl::string_view event_type, const std::string& case_id);

// Case-event payload for the outbox, with the current director and the organisations on `team`;
// `actor_id` of `actor_organisation_id` opened, closed or reopened the case.
v1::CaseEvent MakeCaseEvent(v1::CaseEventType type, const CaseRow& row, const std::string& actor_id,
                            const std::string& actor_organisation_id,
                            const std::vector<v1::TeamMember>& team, absl::Time now);
// The same with the caller as the actor.
v1::CaseEvent MakeCaseEvent(v1::CaseEventType type, const CaseRow& row, const Caller& caller,
                            const std::vector<v1::TeamMember>& team, absl::Time now);
// Puts `event` into the outbox, within the caller's transaction: for the handover service; a
// destroyed case for the safety plan service too; and, when the case came from a report and it
// opened, closed or reopened, for the intake service.
absl::Status WriteCaseEvent(sqlite::Connection& c, const v1::CaseEvent& event, absl::Time now);

// A new case, as CreateCase and OpenCasesFromReports open it.
struct NewCase {
  std::string origin_report_id;        // "" for a case opened directly
  std::string report_organisation_id;  // the organisation the report belongs to
  v1::Organisation opener_org;
  std::string opener_id;
  v1::Organisation director_org;
  std::string director_id;
  // As given; free text without a sensitivity gets the opener's default. Note ids are assigned.
  v1::CaseDetails details;
  const google::protobuf::RepeatedPtrField<v1::Person>* persons = nullptr;
  // Added to the first timeline entry (Dutch / English), e.g. why the director differs.
  std::string timeline_addition;
};
struct OpenedCase {
  CaseRow row;
  std::vector<v1::TeamMember> team;
};
// Stores `n` as a new open case — its director (and the opener on the core team when another
// directs), its persons (each named in `rec`), the first timeline entry, and the OPENED event —
// in the caller's transaction.
absl::StatusOr<OpenedCase> InsertNewCase(sqlite::Connection& c, CaseStore& store, const NewCase& n,
                                         v1::AuditRecord& rec, absl::Time now);

// The organisations with a current member on `team`.
std::set<std::string> TeamOrganisations(const std::vector<v1::TeamMember>& team);

// After a change to the team (`before`: the current members before it): a TEAM_CHANGED event
// for other services (outbox, same transaction) when the set of organisations on the team changed.
absl::Status AnnounceTeamChange(Mutation& m, const Caller& caller,
                                const std::vector<v1::TeamMember>& before);

// The tail of CloseCase and ReopenCase: the event for other services (outbox, same transaction)
// and the case as the caller sees it once saved.
absl::Status AnnounceStatusChange(Mutation& m, v1::CaseEventType type, const Caller& caller,
                                  v1::Case& out);

}  // namespace schakel::cases

#endif  // SCHAKEL_SERVICES_CASES_CASE_CHANGE_H_
