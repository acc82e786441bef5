// Incidents: RecordIncident. A new unsafe event sends the case back to phase 1 (directe
// veiligheid) in the handover service's responsibility ledger — asked before the incident is
// stored, so the answer already shows the ledger at phase 1 — the current lead stays lead; a review
// of the plan falls due within safetyplan.incident_review_working_days (done once a version is
// signed off or the plan is evaluated); every professional on the team finds the incident in
// their plan inbox; the case timeline shows it.
#include <grpcpp/client_context.h>

#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "schakel/v1/handover.grpc.pb.h"
#include "services/common/crypto.h"
#include "services/common/proto_time.h"
#include "services/common/rpc.h"
#include "services/common/validation.h"
#include "services/safetyplan/plan_rules.h"
#include "services/safetyplan/plan_sealed.h"
#include "services/safetyplan/safetyplan_service.h"

namespace schakel::safetyplan {
namespace {

constexpr size_t kWhatMax = 4000;
constexpr size_t kPoliceReferenceMax = 64;
constexpr size_t kReportedByMax = 200;

// The same for every retry of one request (the caller's, on one case): the incident's id and the
// handover service's request id, so a retry changes the ledger once.
std::string RetryKey(const Caller& caller, const std::string& case_id,
                     const std::string& request_id) {
  return absl::BytesToHexString(crypto::HmacSha256(
      "schakel/plan-incident", absl::StrCat(caller.principal.id, "\n", case_id, "\n", request_id)));
}

}  // namespace

grpc::ServerUnaryReactor* SafetyPlanService::RecordIncident(grpc::CallbackServerContext* ctx,
                                                            const v1::RecordIncidentRequest* req,
                                                            v1::RecordIncidentResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::Time now = env_.clock->Now();
    FieldViolations v;
    if (!req->has_occurred_at() || !ValidTimestamp(req->occurred_at())) {
      v.Add("occurred_at", "must be set");
    } else if (ToTime(req->occurred_at()) > now + kClockSkew) {
      v.Add("occurred_at", "must not be in the future");
    }
    CheckText(v, "what", req->what(), kWhatMax, true);
    CheckText(v, "police_reference", req->police_reference(), kPoliceReferenceMax, false);
    CheckText(v, "reported_by", req->reported_by(), kReportedByMax, true);
    if (req->sensitivity() != v1::SENSITIVITY_UNSPECIFIED) {
      CheckSensitivity(v, "sensitivity", req->sensitivity());
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const std::string key = RetryKey(caller, req->case_id(), req->request_id());
    const std::string incident_id = absl::StrCat("in-", key.substr(0, 32));
    v1::ChangePhaseResponse ledger;
    // Phase 1 in the ledger first: the incident is stored only once the ledger shows it.
    auto prepare = [&](const Standing& s) -> absl::Status {
      auto stub = v1::HandoverService::NewStub(env_.channel_to("handover"));
      grpc::ClientContext client;
      InheritDeadline(client, absl::Seconds(10));
      v1::ChangePhaseRequest change;
      change.set_request_id(absl::StrCat("incident:", key));
      change.set_case_id(req->case_id());
      change.set_phase(v1::PHASE_DIRECT_SAFETY);
      change.set_incident_id(incident_id);
      change.set_recorded_by(caller.principal.id);
      change.set_recorded_by_organisation_id(s.access.organisation_id());
      const grpc::Status st = stub->ChangePhase(&client, change, &ledger);
      if (st.error_code() == grpc::StatusCode::FAILED_PRECONDITION) {
        return absl::FailedPreconditionError(st.error_message());
      }
      if (!st.ok()) {
        return absl::UnavailableError(
            absl::StrCat("the responsibility ledger could not be set back to phase 1; nothing is "
                         "recorded, retry: ",
                         st.error_message()));
      }
      return absl::OkStatus();
    };
    return ChangePlan(PlanChange{
        .caller = &caller,
        .method = "RecordIncident",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .case_id = req->case_id(),
        .event_type = "plan.incident_recorded",
        .prepare = prepare,
        .change = [&](sqlite::Connection& c, const Standing& s,
                      v1::AuditRecord& rec) -> absl::Status {
          const int64_t at = absl::ToUnixMicros(now);
          IncidentRow row;
          row.id = incident_id;
          row.case_id = req->case_id();
          row.occurred_at = absl::ToUnixMicros(ToTime(req->occurred_at()));
          row.sensitivity = SensitivityOrDefault(req->sensitivity(), s.viewer.organisation_type);
          row.recorded_by = caller.principal.id;
          row.organisation_id = s.access.organisation_id();
          row.recorded_at = at;
          row.review_due = YmdOf(calendar_->AddWorkingDays(Today(), review_days_));
          v1::Incident sealed;
          sealed.set_what(req->what());
          sealed.set_police_reference(req->police_reference());
          sealed.set_reported_by(req->reported_by());
          SCHAKEL_ASSIGN_OR_RETURN(
              row.body, sealer_->Seal(c, row.case_id, sealed, IncidentRowId(row.id), row.key_id));
          PlanDeadlineStore store(c);
          SCHAKEL_RETURN_IF_ERROR(store.InsertIncident(row));
          AddObject(rec, "incident", row.id, v1::SENSITIVITY_CARE);
          // The review: the director reminded, the lead organisation's supervisors told when late.
          const std::string& director = s.access.director_id();
          SCHAKEL_ASSIGN_OR_RETURN(
              const int64_t deadline,
              store.AddDeadline(NewDeadline(row.case_id, kReviewDeadline, 0, row.id, row.review_due,
                                            director, ledger.lead_organisation_id(), director)));
          for (const std::string& member : s.access.team_professional_ids()) {
            SCHAKEL_RETURN_IF_ERROR(store.AddInboxItem(deadline, kIncidentItem, member, "", at));
          }
          SCHAKEL_RETURN_IF_ERROR(Timeline(
              c, caller, row.case_id, "plan.incident",
              absl::StrCat("Incident vastgelegd (",
                           DutchDate(YmdOf(absl::ToCivilDay(ToTime(req->occurred_at()),
                                                            calendar::Amsterdam()))),
                           "); terug naar fase 1, directe veiligheid; herziening van het plan "
                           "uiterlijk ",
                           DutchDate(row.review_due),
                           " / Incident recorded; back to phase 1, direct safety; plan review by ",
                           DutchDate(row.review_due))));
          v1::Incident* out = resp->mutable_incident();
          *out = sealed;
          out->set_id(row.id);
          out->set_case_id(row.case_id);
          *out->mutable_occurred_at() = req->occurred_at();
          out->set_sensitivity(static_cast<v1::Sensitivity>(row.sensitivity));
          out->set_recorded_by(row.recorded_by);
          out->set_organisation_id(row.organisation_id);
          SetTime(out->mutable_recorded_at(), at);
          *out->mutable_review_due() = DateOf(row.review_due);
          resp->set_phase(ledger.phase());
          resp->set_lead_organisation_id(ledger.lead_organisation_id());
          resp->set_phase_changed(ledger.changed());
          return absl::OkStatus();
        }});
  };
  return Handle(ctx, "RecordIncident", req->case_id(), std::move(handler));
}

absl::Status SafetyPlanService::ShowIncidents(PlanDeadlineStore& store, const std::string& case_id,
                                              const Viewer& viewer,
                                              v1::GetPlanResponse& resp) const {
  SCHAKEL_ASSIGN_OR_RETURN(auto incidents, store.Incidents(case_id));
  for (const IncidentRow& r : incidents) {
    v1::Incident* out = resp.add_incidents();
    SCHAKEL_RETURN_IF_ERROR(
        sealer_->Open(store.connection(), r.case_id, r.key_id, r.body, IncidentRowId(r.id), *out));
    out->set_id(r.id);
    out->set_case_id(r.case_id);
    SetTime(out->mutable_occurred_at(), r.occurred_at);
    out->set_sensitivity(static_cast<v1::Sensitivity>(r.sensitivity));
    out->set_recorded_by(r.recorded_by);
    out->set_organisation_id(r.organisation_id);
    SetTime(out->mutable_recorded_at(), r.recorded_at);
    *out->mutable_review_due() = DateOf(r.review_due);
    SCHAKEL_ASSIGN_OR_RETURN(const bool reviewed, store.ReviewDone(r.id));
    out->set_reviewed(reviewed);
    // What happened and the police's reference go together, under the incident's sensitivity.
    if (RedactText(*out->mutable_what(), r.sensitivity, viewer)) {
      out->clear_what();
      out->clear_police_reference();
      out->set_hidden(true);
      out->set_hidden_reason(HiddenReason(static_cast<v1::Sensitivity>(r.sensitivity)));
    }
  }
  return absl::OkStatus();
}

}  // namespace schakel::safetyplan
