// Changes to the family system: case details, persons and their relations.
#include "services/cases/case_service.h"

#include "absl/strings/str_cat.h"
#include "services/cases/case_change.h"
#include "services/cases/case_rules.h"
#include "services/cases/case_store.h"
#include "services/cases/case_texts.h"
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

// ---------------------------------------------------------------------------------------------
// Mutations.

grpc::ServerUnaryReactor* CaseService::UpdateCase(grpc::CallbackServerContext* ctx,
                                                  const v1::UpdateCaseRequest* req,
                                                  v1::UpdateCaseResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    if (req->etag().empty()) v.Add("etag", "must be set to the etag you read");
    CheckDetails(v, "details.", req->details(), AmsterdamToday(env_.clock->Now()));
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return ChangeCase(
        {.caller = &caller,
         .method = "UpdateCase",
         .request = req,
         .response = resp,
         .request_id = req->request_id(),
         .case_id = req->case_id(),
         .need = Need::kEdit,
         .action = v1::AUDIT_ACTION_UPDATE,
         .event_type = "case.updated"},
        [&](Mutation& m) -> absl::Status {
          if (req->etag() != Etag(m.row.version)) {
            return absl::AbortedError(
                "the case changed since you read it (stale etag); read it again and retry");
          }
          const v1::CaseDetails& old = m.row.body.details();
          FieldViolations dv;
          v1::CaseDetails next = req->details();
          *next.mutable_notes() = MergeNotes(dv, "details.notes", old.notes(),
                                             req->details().notes(), m.access, m.shares);
          MergeDetailTexts(dv, "details.", old, next, m.access);
          SCHAKEL_RETURN_IF_ERROR(dv.ToStatus());
          if (old.honour_related_violence() && !next.honour_related_violence() &&
              !m.access.is_director()) {
            return absl::PermissionDeniedError(
                "only the case director lifts the honour-related violence flag");
          }
          *m.row.body.mutable_details() = std::move(next);
          m.Event("case.updated", "Casusgegevens bijgewerkt / Case details updated");
          SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_case_(),
                                   BuildCase(m.store, m.row, m.access, m.today));
          // BuildCase ran before SaveCase: show the etag the save will give.
          resp->mutable_case_()->set_etag(Etag(m.row.version + 1));
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "UpdateCase", AskedCase(req->case_id()), std::move(handler));
}

grpc::ServerUnaryReactor* CaseService::AddPerson(grpc::CallbackServerContext* ctx,
                                                 const v1::AddPersonRequest* req,
                                                 v1::AddPersonResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    CheckPersonInput(v, "person.", req->person(), AmsterdamToday(env_.clock->Now()));
    if (!req->person().id().empty()) v.Add("person.id", "is set by the server");
    for (int j = 0; j < req->person().notes_size(); ++j) {
      const std::string at = absl::StrCat("person.notes[", j, "]");
      if (!req->person().notes(j).id().empty()) v.Add(at + ".id", "is set by the server");
      CheckNoteInput(v, at, req->person().notes(j));
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return ChangeCase({.caller = &caller,
                       .method = "AddPerson",
                       .request = req,
                       .response = resp,
                       .request_id = req->request_id(),
                       .case_id = req->case_id(),
                       .need = Need::kEdit,
                       .action = v1::AUDIT_ACTION_CREATE,
                       .event_type = "case.person.added"},
                      [&](Mutation& m) -> absl::Status {
                        const PersonRow p = NewPersonRow(req->person());
                        SCHAKEL_RETURN_IF_ERROR(m.store.InsertPerson(m.row.id, p, m.now));
                        AddObject(m.audit, "person", p.id);
                        m.Event("person.added",
                                absl::StrCat("Persoon toegevoegd (", v1::PersonRole_Name(p.role),
                                             ") / Person added: ", p.id));
                        *resp->mutable_person() = PersonView(p, m.access, m.shares);
                        return absl::OkStatus();
                      });
  };
  return Handle(ctx, "AddPerson", AskedCase(req->case_id()), std::move(handler));
}

grpc::ServerUnaryReactor* CaseService::UpdatePerson(grpc::CallbackServerContext* ctx,
                                                    const v1::UpdatePersonRequest* req,
                                                    v1::UpdatePersonResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    if (req->person().id().empty()) v.Add("person.id", "must be set");
    if (req->person().etag().empty()) v.Add("person.etag", "must be set to the etag you read");
    CheckPersonInput(v, "person.", req->person(), AmsterdamToday(env_.clock->Now()));
    if (req->clear_bsn() && !req->person().bsn().empty()) {
      v.Add("clear_bsn", "cannot clear the BSN and set one in the same request");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return ChangeCase(
        {.caller = &caller,
         .method = "UpdatePerson",
         .request = req,
         .response = resp,
         .request_id = req->request_id(),
         .case_id = req->case_id(),
         .need = Need::kEdit,
         .action = v1::AUDIT_ACTION_UPDATE,
         .event_type = "case.person.updated"},
        [&](Mutation& m) -> absl::Status {
          const v1::Person& in = req->person();
          SCHAKEL_ASSIGN_OR_RETURN(auto p, m.store.GetPerson(m.row.id, in.id()));
          if (!p) return absl::NotFoundError("no person with that id on this case");
          if (in.etag() != Etag(p->version)) {
            return absl::AbortedError(
                "the person changed since you read it (stale etag); read it again and retry");
          }
          FieldViolations dv;
          auto notes =
              MergeNotes(dv, "person.notes", p->body.notes(), in.notes(), m.access, m.shares);
          SCHAKEL_RETURN_IF_ERROR(dv.ToStatus());
          p->role = in.role();
          p->body.set_name(in.name());
          if (in.has_date_of_birth()) {
            *p->body.mutable_date_of_birth() = in.date_of_birth();
          } else {
            p->body.clear_date_of_birth();
          }
          if (!in.bsn().empty()) p->body.set_bsn(in.bsn());
          if (req->clear_bsn()) p->body.clear_bsn();
          *p->body.mutable_address() = in.address();
          *p->body.mutable_notes() = std::move(notes);
          SCHAKEL_RETURN_IF_ERROR(m.store.SavePerson(m.row.id, *p));
          AddObject(m.audit, "person", p->id);
          m.Event("person.updated", absl::StrCat("Persoon bijgewerkt / Person updated: ", p->id));
          *resp->mutable_person() = PersonView(*p, m.access, m.shares);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "UpdatePerson", AskedCase(req->case_id(), "person", req->person().id()),
                std::move(handler));
}

grpc::ServerUnaryReactor* CaseService::AddRelation(grpc::CallbackServerContext* ctx,
                                                   const v1::AddRelationRequest* req,
                                                   v1::AddRelationResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const v1::Relation& in = req->relation();
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    if (!in.id().empty()) v.Add("relation.id", "is set by the server");
    if (in.from_person_id().empty()) v.Add("relation.from_person_id", "must be set");
    if (in.to_person_id().empty()) v.Add("relation.to_person_id", "must be set");
    if (!in.from_person_id().empty() && in.from_person_id() == in.to_person_id()) {
      v.Add("relation.to_person_id", "a person cannot be related to themselves");
    }
    if (in.type() == v1::RELATION_TYPE_UNSPECIFIED || !v1::RelationType_IsValid(in.type())) {
      v.Add("relation.type", "must be PARTNER, EX_PARTNER, PARENT_OF, SIBLING or HOUSEHOLD_MEMBER");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return ChangeCase(
        {.caller = &caller,
         .method = "AddRelation",
         .request = req,
         .response = resp,
         .request_id = req->request_id(),
         .case_id = req->case_id(),
         .need = Need::kEdit,
         .action = v1::AUDIT_ACTION_CREATE,
         .event_type = "case.relation.added"},
        [&](Mutation& m) -> absl::Status {
          FieldViolations dv;
          SCHAKEL_ASSIGN_OR_RETURN(auto from, m.store.GetPerson(m.row.id, in.from_person_id()));
          SCHAKEL_ASSIGN_OR_RETURN(auto to, m.store.GetPerson(m.row.id, in.to_person_id()));
          if (!from) dv.Add("relation.from_person_id", "no person with this id on this case");
          if (!to) dv.Add("relation.to_person_id", "no person with this id on this case");
          SCHAKEL_RETURN_IF_ERROR(dv.ToStatus());
          SCHAKEL_ASSIGN_OR_RETURN(auto existing, m.store.ListRelations(m.row.id));
          for (const auto& r : existing) {
            if (r.from_person_id() == in.from_person_id() &&
                r.to_person_id() == in.to_person_id() && r.type() == in.type()) {
              return absl::AlreadyExistsError("this relation is already recorded");
            }
          }
          v1::Relation r = in;
          r.set_id(NewRandomId());
          SCHAKEL_RETURN_IF_ERROR(m.store.InsertRelation(m.row.id, r));
          AddObject(m.audit, "person", r.from_person_id());
          AddObject(m.audit, "person", r.to_person_id());
          m.Event("relation.added",
                  absl::StrCat("Relatie vastgelegd / Relation recorded: ", r.from_person_id(), " ",
                               v1::RelationType_Name(r.type()), " ", r.to_person_id()));
          *resp->mutable_relation() = std::move(r);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "AddRelation", AskedCase(req->case_id()), std::move(handler));
}

}  // namespace schakel::cases
