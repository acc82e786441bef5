// The case team: members, the case director, and notes shared beyond need-to-know. A change to
// the organisations on the team goes to other services as a TEAM_CHANGED case event.
#include "services/cases/case_service.h"

#include "absl/strings/str_cat.h"
#include "services/cases/case_change.h"
#include "services/cases/case_rules.h"
#include "services/cases/case_store.h"
#include "services/cases/case_validation.h"
#include "services/cases/case_views.h"
#include "services/common/etag.h"
#include "services/common/ids.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/redaction/need_to_know.h"

namespace schakel::cases {

using google::protobuf::RepeatedPtrField;

grpc::ServerUnaryReactor* CaseService::AddTeamMember(grpc::CallbackServerContext* ctx,
                                                     const v1::AddTeamMemberRequest* req,
                                                     v1::AddTeamMemberResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    CheckId(v, "professional_id", req->professional_id());
    CheckId(v, "organisation_id", req->organisation_id());
    if (req->role() != v1::CASE_ROLE_CORE_TEAM && req->role() != v1::CASE_ROLE_INVOLVED) {
      v.Add("role", req->role() == v1::CASE_ROLE_CASE_DIRECTOR
                        ? "the case director changes only by TransferDirector"
                        : "must be CORE_TEAM or INVOLVED");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    // The directory first (outside the transaction).
    SCHAKEL_ASSIGN_OR_RETURN(auto org, organisations_->Get(req->organisation_id()));
    SCHAKEL_ASSIGN_OR_RETURN(DirectoryEntry pro, roles_->Resolve(req->professional_id()));
    if (!org) v.Add("organisation_id", "no organisation with this id");
    if (org && org->type() == v1::ORGANISATION_TYPE_OPERATOR) {
      v.Add("organisation_id", "the operator never sees client data");
    }
    if (!pro.registered || !pro.active) {
      v.Add("professional_id", "no active professional with this id");
    } else if (!pro.DoesCaseWork()) {
      v.Add("professional_id", "has no case-work role (CASE_DIRECTOR, PROFESSIONAL or VT_INTAKE)");
    } else if (pro.organisation_id != req->organisation_id()) {
      v.Add("organisation_id", "is not the professional's organisation");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return ChangeCase(
        {.caller = &caller,
         .method = "AddTeamMember",
         .request = req,
         .response = resp,
         .request_id = req->request_id(),
         .case_id = req->case_id(),
         .need = Need::kDirector,
         .action = v1::AUDIT_ACTION_CREATE,
         .event_type = "case.team.member_added"},
        [&](Mutation& m) -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(auto team, m.store.ListTeam(m.row.id, false));
          bool org_on_team = false;
          for (const auto& t : team) {
            if (t.professional_id() == req->professional_id()) {
              return absl::FailedPreconditionError("the professional is on the team already");
            }
            if (t.organisation_id() == req->organisation_id()) org_on_team = true;
          }
          const v1::CaseDetails& d = m.row.body.details();
          if (d.human_trafficking() && !d.consent().recorded() && !org_on_team) {
            return absl::FailedPreconditionError(
                "human trafficking: record written consent before sharing the case with another "
                "organisation");
          }
          v1::TeamMember member;
          member.set_professional_id(req->professional_id());
          member.set_organisation_id(org->id());
          member.set_organisation_type(org->type());
          member.set_role(req->role());
          SetTime(member.mutable_start_time(), m.now);
          SCHAKEL_RETURN_IF_ERROR(m.store.AddMember(m.row.id, member));
          SCHAKEL_RETURN_IF_ERROR(AnnounceTeamChange(m, caller, team));
          AddObject(m.audit, "professional", member.professional_id());
          m.Event("team.member_added",
                  absl::StrCat("Teamlid toegevoegd / Team member added: ", member.professional_id(),
                               " (", member.organisation_id(), "), ",
                               v1::CaseRole_Name(member.role())));
          *resp->mutable_member() = std::move(member);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "AddTeamMember",
                AskedCase(req->case_id(), "professional", req->professional_id()),
                std::move(handler));
}

grpc::ServerUnaryReactor* CaseService::RemoveTeamMember(grpc::CallbackServerContext* ctx,
                                                        const v1::RemoveTeamMemberRequest* req,
                                                        v1::RemoveTeamMemberResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    CheckId(v, "professional_id", req->professional_id());
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return ChangeCase(
        {.caller = &caller,
         .method = "RemoveTeamMember",
         .request = req,
         .response = resp,
         .request_id = req->request_id(),
         .case_id = req->case_id(),
         .need = Need::kDirector,
         .action = v1::AUDIT_ACTION_DELETE,
         .event_type = "case.team.member_removed"},
        [&](Mutation& m) -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(auto team, m.store.ListTeam(m.row.id, false));
          auto it = std::find_if(team.begin(), team.end(), [&](const v1::TeamMember& t) {
            return t.professional_id() == req->professional_id();
          });
          if (it == team.end()) {
            return absl::FailedPreconditionError("the professional is not on the team");
          }
          if (it->role() == v1::CASE_ROLE_CASE_DIRECTOR) {
            return InvalidField("professional_id",
                                "is the case director (a case always has one); transfer the "
                                "director role first");
          }
          SCHAKEL_RETURN_IF_ERROR(m.store.EndMember(m.row.id, req->professional_id(), m.now));
          SCHAKEL_RETURN_IF_ERROR(AnnounceTeamChange(m, caller, team));
          v1::TeamMember member = *it;
          SetTime(member.mutable_end_time(), m.now);
          AddObject(m.audit, "professional", member.professional_id());
          m.Event("team.member_removed",
                  absl::StrCat("Teamlid verwijderd / Team member removed: ",
                               member.professional_id(), " (", member.organisation_id(), ")"));
          *resp->mutable_member() = std::move(member);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "RemoveTeamMember",
                AskedCase(req->case_id(), "professional", req->professional_id()),
                std::move(handler));
}

grpc::ServerUnaryReactor* CaseService::TransferDirector(grpc::CallbackServerContext* ctx,
                                                        const v1::TransferDirectorRequest* req,
                                                        v1::TransferDirectorResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    CheckId(v, "to_professional_id", req->to_professional_id());
    if (req->to_professional_id() == caller.principal.id) {
      v.Add("to_professional_id", "cannot hand the director role to yourself");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(DirectoryEntry pro, roles_->Resolve(req->to_professional_id()));
    std::optional<v1::Organisation> org;
    if (!pro.registered || !pro.active) {
      v.Add("to_professional_id", "no active professional with this id");
    } else if (!pro.DoesCaseWork()) {
      v.Add("to_professional_id",
            "has no case-work role (CASE_DIRECTOR, PROFESSIONAL or VT_INTAKE)");
    } else {
      SCHAKEL_ASSIGN_OR_RETURN(org, organisations_->Get(pro.organisation_id));
      if (!org || org->type() == v1::ORGANISATION_TYPE_OPERATOR) {
        v.Add("to_professional_id", "their organisation cannot lead a case");
      }
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return ChangeCase(
        {.caller = &caller,
         .method = "TransferDirector",
         .request = req,
         .response = resp,
         .request_id = req->request_id(),
         .case_id = req->case_id(),
         .need = Need::kDirector,
         .action = v1::AUDIT_ACTION_UPDATE,
         .event_type = "case.team.director_transferred"},
        [&](Mutation& m) -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(auto team, m.store.ListTeam(m.row.id, false));
          bool org_on_team = false;
          for (const auto& t : team) org_on_team |= t.organisation_id() == org->id();
          const v1::CaseDetails& d = m.row.body.details();
          if (d.human_trafficking() && !d.consent().recorded() && !org_on_team) {
            return absl::FailedPreconditionError(
                "human trafficking: record written consent before sharing the case with another "
                "organisation");
          }
          // One transaction: the old director steps down to core team, the new one leads.
          SCHAKEL_RETURN_IF_ERROR(m.store.EndMember(m.row.id, caller.principal.id, m.now));
          SCHAKEL_RETURN_IF_ERROR(m.store.EndMember(m.row.id, req->to_professional_id(), m.now));
          v1::TeamMember old_director;
          old_director.set_professional_id(caller.principal.id);
          old_director.set_organisation_id(m.access.organisation_id);
          old_director.set_organisation_type(m.access.organisation_type);
          old_director.set_role(v1::CASE_ROLE_CORE_TEAM);
          SetTime(old_director.mutable_start_time(), m.now);
          SCHAKEL_RETURN_IF_ERROR(m.store.AddMember(m.row.id, old_director));
          v1::TeamMember director;
          director.set_professional_id(req->to_professional_id());
          director.set_organisation_id(org->id());
          director.set_organisation_type(org->type());
          director.set_role(v1::CASE_ROLE_CASE_DIRECTOR);
          SetTime(director.mutable_start_time(), m.now);
          SCHAKEL_RETURN_IF_ERROR(m.store.AddMember(m.row.id, director));
          SCHAKEL_RETURN_IF_ERROR(AnnounceTeamChange(m, caller, team));
          AddObject(m.audit, "professional", req->to_professional_id());
          m.Event("team.director_transferred",
                  absl::StrCat("Casusregie overgedragen / Case director role handed over: ",
                               caller.principal.id, " -> ", req->to_professional_id()));
          SCHAKEL_ASSIGN_OR_RETURN(auto now_team, m.store.ListTeam(m.row.id, false));
          for (auto& t : now_team) *resp->add_team() = std::move(t);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "TransferDirector",
                AskedCase(req->case_id(), "professional", req->to_professional_id()),
                std::move(handler));
}

grpc::ServerUnaryReactor* CaseService::ShareNote(grpc::CallbackServerContext* ctx,
                                                 const v1::ShareNoteRequest* req,
                                                 v1::ShareNoteResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    if (req->note_id().empty()) v.Add("note_id", "must be set");
    CheckId(v, "organisation_id", req->organisation_id());
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return ChangeCase(
        {.caller = &caller,
         .method = "ShareNote",
         .request = req,
         .response = resp,
         .request_id = req->request_id(),
         .case_id = req->case_id(),
         .need = Need::kDirector,
         .action = v1::AUDIT_ACTION_UPDATE,
         .event_type = "case.note.shared"},
        [&](Mutation& m) -> absl::Status {
          // Find the note wherever it lives.
          std::optional<v1::Note> note;
          for (const auto& n : m.row.body.details().notes()) {
            if (n.id() == req->note_id()) note = n;
          }
          SCHAKEL_ASSIGN_OR_RETURN(auto persons, m.store.ListPersons(m.row.id));
          for (const auto& p : persons) {
            for (const auto& n : p.body.notes()) {
              if (n.id() == req->note_id()) note = n;
            }
          }
          SCHAKEL_ASSIGN_OR_RETURN(auto meetings, m.store.ListMeetings(m.row.id));
          for (const auto& mt : meetings) {
            if (mt.minutes().id() == req->note_id()) note = mt.minutes();
            for (const auto& d : mt.decisions()) {
              if (d.text().id() == req->note_id()) note = d.text();
            }
          }
          SCHAKEL_ASSIGN_OR_RETURN(auto actions, m.store.ListActions(m.row.id));
          for (const auto& a : actions) {
            if (a.description().id() == req->note_id()) note = a.description();
          }
          FieldViolations dv;
          if (!note) {
            dv.Add("note_id", "no note with this id on this case");
          } else if (!OrganisationTypeSees(m.access.organisation_type, note->sensitivity())) {
            return absl::PermissionDeniedError(
                "your organisation does not see this note, so you cannot share it");
          }
          if (req->organisation_id() == m.access.organisation_id) {
            dv.Add("organisation_id", "is your own organisation");
          }
          SCHAKEL_ASSIGN_OR_RETURN(auto team, m.store.ListTeam(m.row.id, false));
          if (std::none_of(team.begin(), team.end(), [&](const v1::TeamMember& t) {
                return t.organisation_id() == req->organisation_id();
              })) {
            dv.Add("organisation_id", "is not on the case team");
          }
          SCHAKEL_RETURN_IF_ERROR(dv.ToStatus());
          SCHAKEL_RETURN_IF_ERROR(
              m.store.AddShare(m.row.id, req->note_id(), req->organisation_id()));
          m.shares[req->note_id()].push_back(req->organisation_id());
          AddObject(m.audit, "note", req->note_id(), note->sensitivity());
          AddObject(m.audit, "organisation", req->organisation_id());
          m.Event("note.shared", absl::StrCat("Notitie gedeeld / Note shared: ", req->note_id(),
                                              " (", SensitivityLabel(note->sensitivity()), ") -> ",
                                              req->organisation_id()));
          *resp->mutable_note() = *note;
          Redact(*resp->mutable_note(), m.access, m.shares);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "ShareNote", AskedCase(req->case_id(), "note", req->note_id()),
                std::move(handler));
}

}  // namespace schakel::cases
