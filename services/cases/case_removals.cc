// The case director removes a person or relation entered on the wrong case. The reason stays with
// the case (StoredCaseBody.removals, under its sensitivity); the person's encrypted data, blind
// indexes and relations are deleted; the audit record names what was removed; the timeline says
// only that something was removed, never whom.
#include "absl/strings/str_cat.h"
#include "services/cases/case_change.h"
#include "services/cases/case_service.h"
#include "services/cases/case_store.h"
#include "services/cases/case_validation.h"
#include "services/cases/case_views.h"
#include "services/common/ids.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/redaction/need_to_know.h"

namespace schakel::cases {
namespace {

// The checks RemovePerson and RemoveRelation share; `object_field` names the id.
void CheckRemoval(FieldViolations& v, const std::string& request_id, const std::string& case_id,
                  const std::string& object_field, const std::string& object_id,
                  const std::string& reason, int sensitivity) {
  CheckRequestId(v, request_id);
  if (case_id.empty()) v.Add("case_id", "must be set");
  if (object_id.empty()) v.Add(object_field, "must be set");
  CheckText(v, "reason", reason, kTextMax, true);
  if (sensitivity != v1::SENSITIVITY_UNSPECIFIED) CheckSensitivity(v, "sensitivity", sensitivity);
}

// The removal as kept with the case, and as the director who made it sees it.
v1::Removal NewRemoval(const Mutation& m, const Caller& caller, const std::string& type,
                       const std::string& object_id, const std::string& reason, int sensitivity) {
  v1::Removal r;
  r.set_id(NewRandomId());
  r.set_object_type(type);
  r.set_object_id(object_id);
  r.set_reason(reason);
  r.set_sensitivity(SensitivityOrDefault(sensitivity, m.access.organisation_type));
  SetTime(r.mutable_remove_time(), m.now);
  r.set_removed_by(caller.principal.id);
  return r;
}

}  // namespace

grpc::ServerUnaryReactor* CaseService::RemovePerson(grpc::CallbackServerContext* ctx,
                                                    const v1::RemovePersonRequest* req,
                                                    v1::RemovePersonResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRemoval(v, req->request_id(), req->case_id(), "person_id", req->person_id(), req->reason(),
                 req->sensitivity());
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return ChangeCase(
        {.caller = &caller,
         .method = "RemovePerson",
         .request = req,
         .response = resp,
         .request_id = req->request_id(),
         .case_id = req->case_id(),
         .need = Need::kDirector,
         .action = v1::AUDIT_ACTION_DELETE,
         .event_type = "case.person.removed"},
        [&](Mutation& m) -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(auto person, m.store.GetPerson(m.row.id, req->person_id()));
          if (!person) return absl::NotFoundError("no person with that id on this case");
          SCHAKEL_ASSIGN_OR_RETURN(std::vector<std::string> relation_ids,
                                   m.store.DeletePerson(m.row.id, person->id));
          v1::Removal removal =
              NewRemoval(m, caller, "person", person->id, req->reason(), req->sensitivity());
          *m.row.body.add_removals() = removal;
          AddObject(m.audit, "person", person->id);
          for (const std::string& id : relation_ids) AddObject(m.audit, "relation", id);
          // Neither the person nor their role: who was removed is in the audit log only.
          std::string summary =
              "Persoon verwijderd door de regisseur (reden vastgelegd) / Person removed by the "
              "director (reason recorded)";
          if (!relation_ids.empty()) {
            absl::StrAppend(&summary, "; ", relation_ids.size(), " relatie(s) mee verwijderd / ",
                            relation_ids.size(), " relation(s) removed with it");
          }
          m.Event("person.removed", std::move(summary));
          *resp->mutable_removal() = std::move(removal);
          for (const std::string& id : relation_ids) resp->add_relation_ids(id);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "RemovePerson", AskedCase(req->case_id(), "person", req->person_id()),
                std::move(handler));
}

grpc::ServerUnaryReactor* CaseService::RemoveRelation(grpc::CallbackServerContext* ctx,
                                                      const v1::RemoveRelationRequest* req,
                                                      v1::RemoveRelationResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRemoval(v, req->request_id(), req->case_id(), "relation_id", req->relation_id(),
                 req->reason(), req->sensitivity());
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return ChangeCase(
        {.caller = &caller,
         .method = "RemoveRelation",
         .request = req,
         .response = resp,
         .request_id = req->request_id(),
         .case_id = req->case_id(),
         .need = Need::kDirector,
         .action = v1::AUDIT_ACTION_DELETE,
         .event_type = "case.relation.removed"},
        [&](Mutation& m) -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(auto relation,
                                   m.store.GetRelation(m.row.id, req->relation_id()));
          if (!relation) return absl::NotFoundError("no relation with that id on this case");
          SCHAKEL_RETURN_IF_ERROR(m.store.DeleteRelation(m.row.id, relation->id()));
          v1::Removal removal =
              NewRemoval(m, caller, "relation", relation->id(), req->reason(), req->sensitivity());
          *m.row.body.add_removals() = removal;
          AddObject(m.audit, "relation", relation->id());
          AddObject(m.audit, "person", relation->from_person_id());
          AddObject(m.audit, "person", relation->to_person_id());
          m.Event("relation.removed",
                  "Relatie verwijderd door de regisseur (reden vastgelegd) / Relation removed by "
                  "the director (reason recorded)");
          *resp->mutable_removal() = std::move(removal);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "RemoveRelation", AskedCase(req->case_id(), "relation", req->relation_id()),
                std::move(handler));
}

}  // namespace schakel::cases
