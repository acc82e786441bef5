// Reads of the cases service: the case, my cases, search, the timeline, access checks.
#include "services/cases/case_service.h"

#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "services/cases/case_change.h"
#include "services/cases/case_rules.h"
#include "services/cases/case_store.h"
#include "services/cases/case_validation.h"
#include "services/cases/case_views.h"
#include "services/cases/search_guard.h"
#include "services/common/etag.h"
#include "services/common/ids.h"
#include "services/common/log.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/redaction/need_to_know.h"
#include "services/runtime/page_token.h"

namespace schakel::cases {

using google::protobuf::RepeatedPtrField;

// ---------------------------------------------------------------------------------------------
// Reads.

grpc::ServerUnaryReactor* CaseService::GetCase(grpc::CallbackServerContext* ctx,
                                               const v1::GetCaseRequest* req,
                                               v1::GetCaseResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "case.read");
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      CaseStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(req->case_id(), false));
      CaseAccess access =
          AccessFromTeam(team, caller.principal.id, caller.principal.organisation_id,
                         caller.entry.HasOversightRole());
      if (!access.allowed()) return absl::PermissionDeniedError(kNotOnTeam);
      SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetCase(req->case_id()));
      if (!row) return absl::PermissionDeniedError(kNotOnTeam);
      SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_case_(),
                               BuildCase(store, *row, access, AmsterdamToday(env_.clock->Now())));
      AddCaseObject(rec, row->id);
      for (const auto& p : resp->case_().persons()) AddObject(rec, "person", p.id());
      SetCaseChecks(rec, access, row->body.details());
      return absl::OkStatus();
    }));
    // The read is answered only once its record is durable.
    return audit_->RecordDurably(rec);
  };
  return Handle(ctx, "GetCase", AskedCase(req->case_id()), std::move(handler));
}

grpc::ServerUnaryReactor* CaseService::ListMyCases(grpc::CallbackServerContext* ctx,
                                                   const v1::ListMyCasesRequest* req,
                                                   v1::ListMyCasesResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    const Page page = DecodePage(v, *req, "cases.mine");
    const int limit = page.limit;
    const std::string& after = page.after;
    if (!v1::CaseStatus_IsValid(req->status())) v.Add("status", "is not a case status");
    if (!v1::CaseRole_IsValid(req->role())) v.Add("role", "is not a case role");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "case.listed");
    rec.set_purpose_of_use("MDA++ case work");
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      CaseStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(
          auto rows, store.ListMyCases(caller.principal.id, caller.principal.organisation_id,
                                       caller.entry.HasOversightRole(), req->status(), req->role(),
                                       after, limit + 1));
      const bool more = static_cast<int>(rows.size()) > limit;
      if (more) rows.pop_back();
      const absl::CivilDay today = AmsterdamToday(env_.clock->Now());
      for (const auto& row : rows) {
        SCHAKEL_ASSIGN_OR_RETURN(*resp->add_cases(), BuildSummary(store, row, today));
        AddCaseObject(rec, row.id);
      }
      if (more) resp->set_next_page_token(NextPageToken(*req, "cases.mine", rows.back().reference));
      return absl::OkStatus();
    }));
    return audit_->RecordDurably(rec);
  };
  return Handle(ctx, "ListMyCases", {}, std::move(handler));
}

grpc::ServerUnaryReactor* CaseService::FindCases(grpc::CallbackServerContext* ctx,
                                                 const v1::FindCasesRequest* req,
                                                 v1::FindCasesResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::CivilDay today = AmsterdamToday(env_.clock->Now());
    FieldViolations v;
    const bool by_bsn = !req->bsn().empty();
    if (by_bsn) {
      if (!IsValidBsn(req->bsn()))
        v.Add("bsn", "is not a valid BSN (9 digits passing the elfproef)");
      if (!req->name().empty() || req->has_date_of_birth()) {
        v.Add("name", "search by BSN, or by name and date of birth, not both");
      }
    } else {
      CheckName(v, "name", req->name());
      if (!req->has_date_of_birth()) {
        v.Add("date_of_birth", "must be set (with name), or search by bsn");
      } else {
        CheckPastDate(v, "date_of_birth", req->date_of_birth(), today);
      }
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const auto [kind, value] = SearchKey(*req);
    const std::string digest = cipher_->BlindIndex(kind, value);
    // Audited whatever it finds; the record names the cases shown and what was asked for as a
    // keyed hash (never the BSN or name): the same number always gives the same hash, so an
    // auditor sees repeated probing, and the hash differs from the stored index.
    v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_EXECUTE,
                                            by_bsn ? "case.search.bsn" : "case.search.name_dob");
    rec.set_purpose_of_use("MDA++ case work: finding a family's case");
    const AskedObject asked = SearchObject(*cipher_, *req);
    AddObject(rec, asked.type, asked.id);
    if (absl::Status admitted = search_guard_->Admit(caller.principal.id); !admitted.ok()) {
      rec.set_outcome(v1::AUDIT_OUTCOME_DENIED);
      rec.set_outcome_detail(absl::StatusCodeToString(admitted.code()));
      SCHAKEL_RETURN_IF_ERROR(audit_->RecordDurably(rec));
      return admitted;
    }
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      CaseStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto ids, store.CasesByIndex(kind, digest));
      for (const auto& id : ids) {
        SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(id, false));
        CaseAccess access =
            AccessFromTeam(team, caller.principal.id, caller.principal.organisation_id,
                           caller.entry.HasOversightRole());
        if (!access.allowed()) continue;  // not theirs to know about
        SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetCase(id));
        MyCaseRow summary_row{id,
                              row->reference,
                              row->region,
                              row->status,
                              row->body.details().honour_related_violence(),
                              row->create_time,
                              access.role};
        SCHAKEL_ASSIGN_OR_RETURN(*resp->add_cases(), BuildSummary(store, summary_row, today));
        AddCaseObject(rec, id);
      }
      return absl::OkStatus();
    }));
    SCHAKEL_RETURN_IF_ERROR(audit_->RecordDurably(rec));
    if (by_bsn && resp->cases().empty() && search_guard_->RecordMiss(caller.principal.id)) {
      SCHAKEL_RETURN_IF_ERROR(audit_->RecordDurably(
          ProbeSuspectedRecord(*audit_, caller, rec, search_guard_->limits())));
      LogEvent(
          LogLevel::kError, "cases.search.bsn_probe_suspected",
          {{"principal", caller.principal.id}, {"organisation", caller.principal.organisation_id}});
    }
    return absl::OkStatus();
  };
  return Handle(ctx, "FindCases", AskedSearch(*cipher_, *req), std::move(handler));
}

grpc::ServerUnaryReactor* CaseService::GetTimeline(grpc::CallbackServerContext* ctx,
                                                   const v1::GetTimelineRequest* req,
                                                   v1::GetTimelineResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    const Page page = DecodePage(v, *req, "cases.timeline");
    const int limit = page.limit;
    const std::string& after = page.after;
    int64_t after_seq = 0;
    if (!after.empty() && !absl::SimpleAtoi(after, &after_seq)) {
      v.Add("page_token", "is not a token this service gave out");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "case.timeline.read");
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      CaseStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(req->case_id(), false));
      CaseAccess access =
          AccessFromTeam(team, caller.principal.id, caller.principal.organisation_id,
                         caller.entry.HasOversightRole());
      if (!access.allowed()) return absl::PermissionDeniedError(kNotOnTeam);
      SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetCase(req->case_id()));
      if (!row) return absl::PermissionDeniedError(kNotOnTeam);
      SCHAKEL_ASSIGN_OR_RETURN(NoteShares shares, store.ListShares(row->id));
      SCHAKEL_ASSIGN_OR_RETURN(auto events, store.ListTimeline(row->id, after_seq, limit + 1));
      const bool more = static_cast<int>(events.size()) > limit;
      if (more) events.pop_back();
      for (const auto& e : events) {
        auto* out = resp->add_events();
        out->set_sequence(e.seq);
        SetTime(out->mutable_time(), e.time);
        out->set_type(e.type);
        out->mutable_summary()->set_id(absl::StrCat("t-", e.seq));
        out->mutable_summary()->set_sensitivity(e.sensitivity);
        out->mutable_summary()->set_text(e.summary);
        Redact(*out->mutable_summary(), access, shares);
        out->set_actor_id(e.actor_id);
        out->set_actor_organisation_id(e.actor_organisation_id);
        out->set_source_service(e.source_service);
      }
      if (more)
        resp->set_next_page_token(
            NextPageToken(*req, "cases.timeline", absl::StrCat(events.back().seq)));
      for (auto& n : Notices(row->body.details(), row->status)) resp->add_notices(std::move(n));
      AddCaseObject(rec, row->id);
      SetCaseChecks(rec, access, row->body.details());
      return absl::OkStatus();
    }));
    return audit_->RecordDurably(rec);
  };
  return Handle(ctx, "GetTimeline", AskedCase(req->case_id()), std::move(handler));
}

grpc::ServerUnaryReactor* CaseService::CheckAccess(grpc::CallbackServerContext* ctx,
                                                   const v1::CheckAccessRequest* req,
                                                   v1::CheckAccessResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    CheckId(v, "principal_id", req->principal_id());
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(DirectoryEntry entry, roles_->Resolve(req->principal_id()));
    v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "case.access_checked");
    AddCaseObject(rec, req->case_id());
    AddObject(rec, "professional", req->principal_id());
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      CaseStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetCase(req->case_id()));
      if (!row) return absl::NotFoundError("no case with that id");
      resp->set_status(row->status);
      resp->set_region(row->region);
      const v1::CaseDetails& details = row->body.details();
      resp->set_honour_related_violence(details.honour_related_violence());
      resp->set_human_trafficking_without_consent(details.human_trafficking() &&
                                                  !details.consent().recorded());
      SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(row->id, false));
      std::set<std::string> team_orgs;
      for (const v1::TeamMember& m : team) {
        team_orgs.insert(m.organisation_id());
        resp->add_team_professional_ids(m.professional_id());
        if (m.role() == v1::CASE_ROLE_CASE_DIRECTOR) resp->set_director_id(m.professional_id());
      }
      for (const std::string& org : team_orgs) resp->add_team_organisation_ids(org);
      if (!req->person_id().empty()) {
        SCHAKEL_ASSIGN_OR_RETURN(auto persons, store.ListPersons(row->id));
        for (const PersonRow& p : persons) {
          if (p.id == req->person_id()) resp->set_person_on_case(true);
        }
      }
      if (!entry.registered || !entry.active) return absl::OkStatus();  // allowed = false
      CaseAccess access = AccessFromTeam(team, req->principal_id(), entry.organisation_id,
                                         entry.HasOversightRole());
      // A team member whose case-work roles were withdrawn keeps no rights on the case; an
      // oversight role only reads.
      if (access.allowed() && access.role != v1::CASE_ROLE_OVERSIGHT && !entry.DoesCaseWork()) {
        access.role =
            entry.HasOversightRole() ? v1::CASE_ROLE_OVERSIGHT : v1::CASE_ROLE_UNSPECIFIED;
      }
      resp->set_allowed(access.allowed());
      resp->set_role(access.role);
      resp->set_organisation_id(access.allowed() ? access.organisation_id : "");
      resp->set_may_edit(access.may_edit());
      return absl::OkStatus();
    }));
    rec.set_purpose_of_use("access check for another Schakel service");
    return audit_->RecordDurably(rec);
  };
  return Handle(ctx, "CheckAccess", AskedCase(req->case_id(), "professional", req->principal_id()),
                std::move(handler));
}

}  // namespace schakel::cases
