// Signing a version off and the family's agreement: SignOffVersion, RecordFamilyAgreement.
#include "absl/strings/str_cat.h"
#include "services/common/case_client.h"
#include "services/common/proto_time.h"
#include "services/common/validation.h"
#include "services/safetyplan/safetyplan_service.h"

namespace schakel::safetyplan {
namespace {

constexpr char kDirectorParty[] = "CASE_DIRECTOR";
constexpr char kVeiligThuisParty[] = "VEILIG_THUIS";

bool DoesCaseWorkOn(const v1::CheckAccessResponse& a) {
  return a.role() == v1::CASE_ROLE_CASE_DIRECTOR || a.role() == v1::CASE_ROLE_CORE_TEAM ||
         a.role() == v1::CASE_ROLE_INVOLVED;
}

absl::Status BadVersion(int version) {
  FieldViolations v;
  v.Add("version", version < 1 ? "must be a version number (1 or more)"
                               : "the case's plan has no such version");
  return v.ToStatus();
}

}  // namespace

grpc::ServerUnaryReactor* SafetyPlanService::SignOffVersion(grpc::CallbackServerContext* ctx,
                                                            const v1::SignOffVersionRequest* req,
                                                            v1::SignOffVersionResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    if (req->version() < 1) return BadVersion(req->version());
    auto prepare = [&](const Standing& s) -> absl::Status {
      if (s.access.status() != v1::CASE_STATUS_OPEN) {
        return absl::FailedPreconditionError(
            "the case is closed; its safety plan no longer changes");
      }
      const bool director = s.access.role() == v1::CASE_ROLE_CASE_DIRECTOR;
      const bool vt = s.veilig_thuis && DoesCaseWorkOn(s.access);
      if (!director && !vt) {
        return absl::PermissionDeniedError(
            "only the case director signs off a safety plan (and Veilig Thuis when its safety "
            "conditions changed)");
      }
      return absl::OkStatus();
    };
    return ChangePlan(PlanChange{
        .caller = &caller,
        .method = "SignOffVersion",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .case_id = req->case_id(),
        .need = Need::kRead,
        .event_type = "plan.signed_off",
        .prepare = prepare,
        .change = [&](sqlite::Connection& c, const Standing& s,
                      v1::AuditRecord& rec) -> absl::Status {
          PlanStore store(c);
          SCHAKEL_ASSIGN_OR_RETURN(auto row, store.Find(req->case_id(), req->version()));
          if (!row) return BadVersion(req->version());
          if (row->state != kProposed) {
            return absl::FailedPreconditionError(
                absl::StrCat("version ", row->version, " is not proposed for sign-off"));
          }
          AddObject(rec, "plan-version", absl::StrCat(row->case_id, "/", row->version),
                    v1::SENSITIVITY_CARE);
          SCHAKEL_ASSIGN_OR_RETURN(auto signed_off, store.SignOffs(row->case_id, row->version));
          auto has = [&](const char* party) {
            for (const SignOffRow& r : signed_off) {
              if (r.party == party) return true;
            }
            return false;
          };
          const int64_t now = absl::ToUnixMicros(env_.clock->Now());
          std::vector<std::string> parties;
          if (s.access.role() == v1::CASE_ROLE_CASE_DIRECTOR && !has(kDirectorParty)) {
            parties.push_back(kDirectorParty);
          }
          if (row->conditions_changed && s.veilig_thuis && DoesCaseWorkOn(s.access) &&
              !has(kVeiligThuisParty)) {
            parties.push_back(kVeiligThuisParty);
          }
          if (parties.empty()) {
            return absl::FailedPreconditionError(
                row->conditions_changed || s.access.role() == v1::CASE_ROLE_CASE_DIRECTOR
                    ? "your organisation's sign-off of this version is already recorded"
                    : "the safety conditions did not change: only the case director signs off");
          }
          for (const std::string& party : parties) {
            SignOffRow r{.party = party,
                         .professional_id = caller.principal.id,
                         .organisation_id = s.access.organisation_id(),
                         .signed_at = now};
            SCHAKEL_RETURN_IF_ERROR(store.InsertSignOff(row->case_id, row->version, r));
            signed_off.push_back(r);
          }
          const bool complete =
              has(kDirectorParty) && (!row->conditions_changed || has(kVeiligThuisParty));
          std::string summary =
              absl::StrCat("Veiligheidsplan versie ", row->version, " ondertekend door ",
                           parties.size() == 2            ? "de casusregisseur en Veilig Thuis"
                           : parties[0] == kDirectorParty ? "de casusregisseur"
                                                          : "Veilig Thuis",
                           " / Safety plan version ", row->version, " signed off by ",
                           parties.size() == 2            ? "the case director and Veilig Thuis"
                           : parties[0] == kDirectorParty ? "the case director"
                                                          : "Veilig Thuis");
          if (complete) {
            SCHAKEL_ASSIGN_OR_RETURN(auto rows, store.Versions(row->case_id));
            for (const VersionRow& r : rows) {
              if (r.state == kActive) {
                SCHAKEL_RETURN_IF_ERROR(store.Supersede(r.case_id, r.version, now));
              }
            }
            SCHAKEL_RETURN_IF_ERROR(store.Activate(row->case_id, row->version, now));
            // Its evaluation and its agreements fall due from now on (plan_deadlines.cc).
            SCHAKEL_ASSIGN_OR_RETURN(v1::PlanContent content, OpenContent(c, *row));
            PlanDeadlineStore deadlines(c);
            for (const SignOffRow& r : signed_off) {
              if (r.party == kDirectorParty) {
                SCHAKEL_RETURN_IF_ERROR(StartDeadlines(deadlines, *row, content, r, now));
              }
            }
            absl::StrAppend(&summary, "; nu het geldende plan / now the plan in force");
          } else {
            absl::StrAppend(
                &summary, "; wacht op ", has(kDirectorParty) ? "Veilig Thuis" : "de casusregisseur",
                " / waiting for ", has(kDirectorParty) ? "Veilig Thuis" : "the case director");
          }
          SCHAKEL_RETURN_IF_ERROR(Timeline(c, caller, row->case_id, "plan.signed_off", summary));
          SCHAKEL_ASSIGN_OR_RETURN(row, store.Find(row->case_id, row->version));
          SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_version(), Show(store, *row, s.viewer));
          return absl::OkStatus();
        }});
  };
  return Handle(ctx, "SignOffVersion", req->case_id(), std::move(handler));
}

grpc::ServerUnaryReactor* SafetyPlanService::RecordFamilyAgreement(
    grpc::CallbackServerContext* ctx, const v1::RecordFamilyAgreementRequest* req,
    v1::RecordFamilyAgreementResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::Time now = env_.clock->Now();
    FieldViolations v;
    if (req->version() < 1) v.Add("version", "must be a version number (1 or more)");
    CheckId(v, "person_id", req->person_id());
    if (!v1::AgreementChannel_IsValid(req->channel()) ||
        req->channel() == v1::AGREEMENT_CHANNEL_UNSPECIFIED) {
      v.Add("channel", "must be IN_PERSON, IN_WRITING or BY_PHONE");
    }
    const absl::Time agreed = req->has_agreed_at() ? ToTime(req->agreed_at()) : now;
    if (req->has_agreed_at() && agreed > now + kClockSkew) {
      v.Add("agreed_at", "must not be in the future");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    auto prepare = [&](const Standing& s) -> absl::Status {
      if (s.access.role() != v1::CASE_ROLE_CASE_DIRECTOR) {
        return absl::PermissionDeniedError("only the case director records the family's agreement");
      }
      // The family of a case of honour-related violence is never involved (the risk of telling
      // them is the danger itself).
      if (s.access.honour_related_violence()) {
        return absl::FailedPreconditionError(
            "bij eergerelateerd geweld wordt de familie nooit betrokken / in a case of "
            "honour-related violence the family is never involved");
      }
      // Who agreed must be a person of the case.
      SCHAKEL_ASSIGN_OR_RETURN(
          v1::CheckAccessResponse person,
          AskCaseAccess(env_, req->case_id(), caller.principal.id, req->person_id()));
      if (!person.person_on_case()) {
        FieldViolations bad;
        bad.Add("person_id", "is not a person of this case");
        return bad.ToStatus();
      }
      return absl::OkStatus();
    };
    return ChangePlan(PlanChange{
        .caller = &caller,
        .method = "RecordFamilyAgreement",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .case_id = req->case_id(),
        .need = Need::kRead,
        .event_type = "plan.family_agreed",
        .prepare = prepare,
        .change = [&](sqlite::Connection& c, const Standing& s,
                      v1::AuditRecord& rec) -> absl::Status {
          PlanStore store(c);
          SCHAKEL_ASSIGN_OR_RETURN(auto row, store.Find(req->case_id(), req->version()));
          if (!row) return BadVersion(req->version());
          if (row->state != kProposed && row->state != kActive) {
            return absl::FailedPreconditionError(
                "the family agrees to a version proposed or in force, not to a draft or an old "
                "version");
          }
          AddObject(rec, "plan-version", absl::StrCat(row->case_id, "/", row->version),
                    v1::SENSITIVITY_CARE);
          AddObject(rec, "person", req->person_id());
          absl::Status inserted =
              store.InsertFamilyAgreement(row->case_id, row->version,
                                          {.person_id = req->person_id(),
                                           .channel = req->channel(),
                                           .agreed_at = absl::ToUnixMicros(agreed),
                                           .recorded_by = caller.principal.id,
                                           .recorded_at = absl::ToUnixMicros(now)});
          if (absl::IsAlreadyExists(inserted)) {
            return absl::AlreadyExistsError(
                "this person's agreement to this version is already recorded");
          }
          SCHAKEL_RETURN_IF_ERROR(inserted);
          SCHAKEL_RETURN_IF_ERROR(Timeline(
              c, caller, row->case_id, "plan.family_agreed",
              absl::StrCat("Instemming van de familie met veiligheidsplan versie ", row->version,
                           " vastgelegd / The family's agreement to "
                           "safety plan version ",
                           row->version, " recorded")));
          SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_version(), Show(store, *row, s.viewer));
          return absl::OkStatus();
        }});
  };
  return Handle(ctx, "RecordFamilyAgreement", req->case_id(), std::move(handler));
}

}  // namespace schakel::safetyplan
