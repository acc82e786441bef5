// A change of phase without a change of lead: the lead organisation moves its own case to the
// next phase, or back to DIRECT_SAFETY after a new incident; the safety plan service sends it back
// to DIRECT_SAFETY for an incident recorded in the plan. The ledger's current period ends and a
// new one for the same lead begins at the same instant (no gap, never two leads), recorded in the
// ledger's history with its cause like any other change of phase.
#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "services/common/audit_trail.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/handover/handover_service.h"
#include "services/handover/handover_store.h"
#include "services/handover/handover_views.h"
#include "services/handover/ledger.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::handover {
namespace {

// The phase a lead may move its own case to from `current`: the next one, or back to the start.
bool MayMoveOwnCaseTo(v1::Phase current, v1::Phase next) {
  if (next == v1::PHASE_DIRECT_SAFETY) return current != v1::PHASE_DIRECT_SAFETY;
  return (current == v1::PHASE_DIRECT_SAFETY && next == v1::PHASE_STABLE_SAFETY) ||
         (current == v1::PHASE_STABLE_SAFETY && next == v1::PHASE_RECOVERY);
}

}  // namespace

grpc::ServerUnaryReactor* HandoverService::ChangePhase(grpc::CallbackServerContext* ctx,
                                                       const v1::ChangePhaseRequest* req,
                                                       v1::ChangePhaseResponse* resp) {
  return Handle(
      ctx, "ChangePhase", Asked("case", req->case_id()),
      [this, req, resp](const Caller& caller) -> absl::Status {
        const bool from_service = caller.principal.kind == v1::PRINCIPAL_KIND_SERVICE;
        if (from_service && !caller.IsOneOf(env_.internal->host.id, case_event_sources_)) {
          return absl::PermissionDeniedError(
              "a change of phase is taken only from the safety plan service "
              "(handover.case_event_sources)");
        }
        FieldViolations v;
        CheckRequestId(v, req->request_id());
        CheckId(v, "case_id", req->case_id());
        const v1::Phase phase = req->phase();
        if (phase != v1::PHASE_DIRECT_SAFETY && phase != v1::PHASE_STABLE_SAFETY &&
            phase != v1::PHASE_RECOVERY) {
          v.Add("phase", "must be DIRECT_SAFETY, STABLE_SAFETY or RECOVERY");
        }
        if (from_service) {
          CheckId(v, "incident_id", req->incident_id());
          CheckId(v, "recorded_by", req->recorded_by());
          CheckId(v, "recorded_by_organisation_id", req->recorded_by_organisation_id());
          if (phase != v1::PHASE_DIRECT_SAFETY) {
            v.Add("phase", "an incident sends the case back to DIRECT_SAFETY");
          }
        } else {
          constexpr char kPlanOnly[] = "is set only by the safety plan service";
          if (!req->incident_id().empty()) v.Add("incident_id", kPlanOnly);
          if (!req->recorded_by().empty()) v.Add("recorded_by", kPlanOnly);
          if (!req->recorded_by_organisation_id().empty()) {
            v.Add("recorded_by_organisation_id", kPlanOnly);
          }
        }
        SCHAKEL_RETURN_IF_ERROR(v.ToStatus());

        // A professional must be on the team, not as oversight, and work for the lead.
        auto prepare = [&]() -> absl::Status {
          if (from_service) return absl::OkStatus();
          SCHAKEL_ASSIGN_OR_RETURN(v1::CheckAccessResponse access,
                                   CaseAccess(req->case_id(), caller.principal.id));
          if (!access.allowed()) return absl::PermissionDeniedError(kNotOnTeam);
          if (access.role() == v1::CASE_ROLE_OVERSIGHT) {
            return absl::PermissionDeniedError("oversight is read only; you are not on the team");
          }
          return absl::OkStatus();
        };
        const absl::Time now_time = env_.clock->Now();
        const int64_t now = absl::ToUnixMicros(now_time);
        auto change = [&](sqlite::Connection& c) -> absl::Status {
          HandoverStore store(c, *sealer_);
          SCHAKEL_ASSIGN_OR_RETURN(auto ledger, store.GetLedger(req->case_id()));
          if (!ledger) {
            if (!from_service) return absl::PermissionDeniedError(kNotOnTeam);
            return absl::UnavailableError(
                "the responsibility ledger has not received this case yet; retry shortly");
          }
          if (!from_service && ledger->lead_organisation_id != caller.principal.organisation_id) {
            return absl::PermissionDeniedError(
                absl::StrCat("only the lead organisation (", ledger->lead_organisation_id,
                             ") moves the case to another phase without a handover"));
          }
          if (ledger->status != v1::CASE_STATUS_OPEN) {
            return absl::FailedPreconditionError("the case is closed; its phase no longer changes");
          }
          LedgerRow l = *std::move(ledger);
          const bool changed = l.phase != phase;
          if (!from_service && !MayMoveOwnCaseTo(l.phase, phase)) {
            FieldViolations bad;
            bad.Add("phase", absl::StrCat("must be the phase after ", PhaseLabel(l.phase),
                                          ", or DIRECT_SAFETY after a new incident"));
            return bad.ToStatus();
          }
          const std::string actor = from_service ? req->recorded_by() : caller.principal.id;
          const std::string actor_org =
              from_service ? req->recorded_by_organisation_id() : caller.principal.organisation_id;
          if (changed) {
            const std::string cause = from_service ? "plan.incident" : "phase.changed";
            SCHAKEL_RETURN_IF_ERROR(store.SwitchPeriod(l.case_id, now,
                                                       {.case_id = l.case_id,
                                                        .phase = phase,
                                                        .organisation_id = l.lead_organisation_id,
                                                        .professional_id = l.lead_professional_id,
                                                        .cause = cause}));
            const v1::Phase before = l.phase;
            l.phase = phase;
            l.lead_since = now;
            SCHAKEL_RETURN_IF_ERROR(store.UpdateLedger(l));
            SCHAKEL_RETURN_IF_ERROR(Timeline(
                c, l.case_id, from_service ? "handover.phase_reset" : "handover.phase_changed",
                from_service ? absl::StrCat("Incident: terug naar ", PhaseLabel(phase), " (was ",
                                            PhaseLabel(before), "); ", l.lead_organisation_id,
                                            " blijft verantwoordelijk / stays responsible")
                             : absl::StrCat("Fase: ", PhaseLabel(before), " -> ", PhaseLabel(phase),
                                            "; ", l.lead_organisation_id,
                                            " blijft verantwoordelijk / stays responsible"),
                actor, actor_org, now));
          }
          resp->set_phase(l.phase);
          resp->set_lead_organisation_id(l.lead_organisation_id);
          resp->set_lead_professional_id(l.lead_professional_id);
          SetTime(resp->mutable_lead_since(), l.lead_since);
          resp->set_changed(changed);
          v1::AuditRecord rec =
              rt_.audit->NewRecord(caller, v1::AUDIT_ACTION_UPDATE, "handover.phase_changed");
          AddObject(rec, "case", l.case_id);
          if (from_service) AddObject(rec, "incident", req->incident_id());
          rec.set_purpose_of_use(kPurpose);
          return rt_.audit->Record(c, rec);
        };
        const ChangeSpec spec{
            .db = rt_.db.get(),
            .caller = &caller,
            .method = "ChangePhase",
            .request = req,
            .response = resp,
            .request_id = req->request_id(),
            .now = now_time,
            .protector = rt_.cipher.get(),
            .may_replay = [&]() { return prepare(); },
            .on_replay = [&](sqlite::Connection& c) -> absl::Status {
              v1::AuditRecord rec = rt_.audit->NewRecord(caller, v1::AUDIT_ACTION_READ,
                                                         "handover.phase_changed.replayed");
              AddObject(rec, "case", req->case_id());
              rec.set_purpose_of_use(kPurpose);
              return rt_.audit->Record(c, rec);
            },
        };
        SCHAKEL_RETURN_IF_ERROR(RunChange(spec, prepare, change));
        return absl::OkStatus();
      });
}

}  // namespace schakel::handover
