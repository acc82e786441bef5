#include "services/cases/case_change.h"

#include "absl/strings/str_cat.h"
#include "services/cases/case_rules.h"
#include "services/cases/case_views.h"
#include "services/common/etag.h"
#include "services/common/ids.h"
#include "services/common/outbox.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::cases {

void Mutation::Event(std::string type, std::string summary, v1::Sensitivity sensitivity) {
  TimelineRow e;
  e.time = now;
  e.type = std::move(type);
  e.summary = std::move(summary);
  e.sensitivity = sensitivity;
  events.push_back(std::move(e));
}

absl::Status CheckNeed(const CaseAccess& access, Need need) {
  if (!access.allowed()) return absl::PermissionDeniedError(kNotOnTeam);
  switch (need) {
    case Need::kMember:
      if (access.role == v1::CASE_ROLE_OVERSIGHT) {
        return absl::PermissionDeniedError("oversight is read only; you are not on the team");
      }
      return absl::OkStatus();
    case Need::kEdit:
      if (!access.may_edit()) {
        return absl::PermissionDeniedError(
            "only the case director and the core team change the case");
      }
      return absl::OkStatus();
    case Need::kDirector:
      if (!access.is_director()) {
        return absl::PermissionDeniedError("only the case director may do this");
      }
      return absl::OkStatus();
  }
  return absl::PermissionDeniedError(kNotOnTeam);
}

v1::CaseEvent MakeCaseEvent(v1::CaseEventType type, const CaseRow& row, const Caller& caller,
                            const std::vector<v1::TeamMember>& team, absl::Time now) {
  return MakeCaseEvent(type, row, caller.principal.id, caller.principal.organisation_id, team, now);
}

v1::CaseEvent MakeCaseEvent(v1::CaseEventType type, const CaseRow& row, const std::string& actor_id,
                            const std::string& actor_organisation_id,
                            const std::vector<v1::TeamMember>& team, absl::Time now) {
  v1::CaseEvent e;
  e.set_event_id(NewRandomId());
  e.set_type(type);
  e.set_case_id(row.id);
  e.set_reference(row.reference);
  e.set_region(row.region);
  SetTime(e.mutable_time(), now);
  e.set_organisation_id(actor_organisation_id);
  e.set_professional_id(actor_id);
  e.set_origin_report_id(row.origin_report_id);
  e.set_report_organisation_id(row.report_organisation_id);
  for (const auto& m : team) {
    if (m.role() == v1::CASE_ROLE_CASE_DIRECTOR && !m.has_end_time()) {
      e.set_director_professional_id(m.professional_id());
      e.set_director_organisation_id(m.organisation_id());
    }
  }
  for (const std::string& org : TeamOrganisations(team)) e.add_team_organisation_ids(org);
  return e;
}

absl::Status WriteCaseEvent(sqlite::Connection& c, const v1::CaseEvent& event, absl::Time now) {
  SCHAKEL_RETURN_IF_ERROR(WriteToOutbox(c, kCaseEventsTopic, event, now).status());
  if (event.type() == v1::CASE_EVENT_TYPE_DESTROYED) {
    return WriteToOutbox(c, kPlanCaseEventsTopic, event, now).status();
  }
  // The intake service hears of openings, closures and reopenings of cases from its reports.
  if (event.origin_report_id().empty() || event.type() == v1::CASE_EVENT_TYPE_TEAM_CHANGED) {
    return absl::OkStatus();
  }
  return WriteToOutbox(c, kReportCaseEventsTopic, event, now).status();
}

std::set<std::string> TeamOrganisations(const std::vector<v1::TeamMember>& team) {
  std::set<std::string> out;
  for (const auto& m : team) {
    if (!m.has_end_time()) out.insert(m.organisation_id());
  }
  return out;
}

absl::Status AnnounceTeamChange(Mutation& m, const Caller& caller,
                                const std::vector<v1::TeamMember>& before) {
  SCHAKEL_ASSIGN_OR_RETURN(auto team, m.store.ListTeam(m.row.id, false));
  if (TeamOrganisations(team) == TeamOrganisations(before)) return absl::OkStatus();
  return WriteCaseEvent(
      m.c, MakeCaseEvent(v1::CASE_EVENT_TYPE_TEAM_CHANGED, m.row, caller, team, m.now), m.now);
}

// The record of a retried request answered from the idempotency store.
v1::AuditRecord ReplayRecord(const AuditTrail& audit, const Caller& caller,
                             absl::string_view event_type, const std::string& case_id) {
  v1::AuditRecord r =
      audit.NewRecord(caller, v1::AUDIT_ACTION_READ, absl::StrCat(event_type, ".replayed"));
  AddCaseObject(r, case_id);
  r.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_PASSED);
  r.set_purpose_of_use("MDA++ case work: a retried request");
  return r;
}

absl::Status RunCaseChange(const CaseChangeKit& kit, const CaseChange& change,
                           const std::function<absl::Status(Mutation&)>& body) {
  const absl::Time now = kit.clock->Now();
  const Caller& caller = *change.caller;
  const std::string& case_id = change.case_id;
  return RunChange(
      {.db = kit.db,
       .caller = &caller,
       .method = change.method,
       .request = change.request,
       .response = change.response,
       .request_id = change.request_id,
       .now = now,
       .protector = &kit.sealer->service(),
       // A retry returns the first answer, which holds case data: only while the caller may
       // still see the case, and recorded as a look. What the change moved is not checked again.
       .on_replay = [&](sqlite::Connection& c) -> absl::Status {
         CaseStore store(c, *kit.sealer);
         SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(case_id, false));
         const CaseAccess access =
             AccessFromTeam(team, caller.principal.id, caller.principal.organisation_id,
                            caller.entry.HasOversightRole());
         if (!access.allowed()) return absl::PermissionDeniedError(kNotOnTeam);
         return kit.audit->Record(c, ReplayRecord(*kit.audit, caller, change.event_type, case_id));
       }},
      /*prepare=*/nullptr, [&](sqlite::Connection& c) -> absl::Status {
        Mutation m{c, CaseStore(c, *kit.sealer), {}, {}, {}, now, AmsterdamToday(now), {}, {}};
        // Access first, from the team alone: nothing of the case is decrypted for an outsider
        // (a missing case has no team, and gets the same answer).
        SCHAKEL_ASSIGN_OR_RETURN(auto team, m.store.ListTeam(case_id, false));
        m.access = AccessFromTeam(team, caller.principal.id, caller.principal.organisation_id,
                                  caller.entry.HasOversightRole());
        SCHAKEL_RETURN_IF_ERROR(CheckNeed(m.access, change.need));
        SCHAKEL_ASSIGN_OR_RETURN(auto row, m.store.GetCase(case_id));
        if (!row) return absl::PermissionDeniedError(kNotOnTeam);
        m.row = *std::move(row);
        if (!change.allow_closed && m.row.status != v1::CASE_STATUS_OPEN) {
          return absl::FailedPreconditionError("the case is closed; reopen it first");
        }
        SCHAKEL_ASSIGN_OR_RETURN(m.shares, m.store.ListShares(case_id));
        m.audit = kit.audit->NewRecord(caller, change.action, change.event_type);
        AddCaseObject(m.audit, case_id);
        SCHAKEL_RETURN_IF_ERROR(body(m));
        SCHAKEL_RETURN_IF_ERROR(m.store.SaveCase(m.row, now));
        for (auto& e : m.events) {
          e.actor_id = caller.principal.id;
          e.actor_organisation_id = caller.principal.organisation_id;
          e.source_service = "cases";
          SCHAKEL_RETURN_IF_ERROR(m.store.AppendTimeline(case_id, e));
        }
        SetCaseChecks(m.audit, m.access, m.row.body.details());
        return kit.audit->Record(c, m.audit);
      });
}

// The tail of CloseCase and ReopenCase: the event for other services (outbox, same transaction)
// and the case as the caller sees it once saved.
absl::Status AnnounceStatusChange(Mutation& m, v1::CaseEventType type, const Caller& caller,
                                  v1::Case& out) {
  SCHAKEL_ASSIGN_OR_RETURN(auto team, m.store.ListTeam(m.row.id, false));
  SCHAKEL_RETURN_IF_ERROR(
      WriteCaseEvent(m.c, MakeCaseEvent(type, m.row, caller, team, m.now), m.now));
  SCHAKEL_ASSIGN_OR_RETURN(out, BuildCase(m.store, m.row, m.access, m.today));
  out.set_etag(Etag(m.row.version + 1));  // the version SaveCase is about to write
  return absl::OkStatus();
}

}  // namespace schakel::cases
