// Proposing a handover: a team member of the lead organisation, for an open case, to another
// partner organisation, for the same phase, the next, or back to DIRECT_SAFETY.
#include <algorithm>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "services/common/audit_trail.h"
#include "services/common/ids.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/handover/handover_service.h"
#include "services/handover/handover_store.h"
#include "services/handover/handover_views.h"
#include "services/handover/ledger.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::handover {
namespace {

bool IsHandoverPhase(v1::Phase phase) {
  return phase != v1::PHASE_UNSPECIFIED && phase != v1::PHASE_FOLLOW_UP && v1::Phase_IsValid(phase);
}

}  // namespace

grpc::ServerUnaryReactor* HandoverService::ProposeHandover(grpc::CallbackServerContext* ctx,
                                                           const v1::ProposeHandoverRequest* req,
                                                           v1::ProposeHandoverResponse* resp) {
  return Handle(
      ctx, "ProposeHandover", Asked("case", req->case_id()),
      [this, req, resp](const Caller& caller) -> absl::Status {
        FieldViolations v;
        CheckRequestId(v, req->request_id());
        if (req->case_id().empty()) v.Add("case_id", "must be set");
        CheckId(v, "to_organisation_id", req->to_organisation_id());
        if (!req->to_professional_id().empty()) {
          CheckId(v, "to_professional_id", req->to_professional_id());
        }
        if (!IsHandoverPhase(req->phase())) {
          v.Add("phase", "must be DIRECT_SAFETY, STABLE_SAFETY or RECOVERY");
        }
        CheckContent(v, req->content());
        CheckTerm(v, "accept_working_days", req->accept_working_days());
        // With a case id, the bad fields are named together with those that need the case's state.
        if (req->case_id().empty()) return v.ToStatus();
        SettleDeadlines();

        // Who the caller is on the case, and who receives (before the transaction: no I/O in it).
        // Permission first; then a closed case; then every bad field in one answer.
        auto prepare = [&]() -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(v1::CheckAccessResponse access,
                                   CaseAccess(req->case_id(), caller.principal.id));
          if (!access.allowed()) return absl::PermissionDeniedError(kNotOnTeam);
          if (access.role() == v1::CASE_ROLE_OVERSIGHT) {
            return absl::PermissionDeniedError("oversight is read only; you are not on the team");
          }
          std::optional<LedgerRow> ledger;
          SCHAKEL_RETURN_IF_ERROR(rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
            HandoverStore store(c, *sealer_);
            SCHAKEL_ASSIGN_OR_RETURN(ledger, store.GetLedger(req->case_id()));
            return absl::OkStatus();
          }));
          if (!ledger) {
            return absl::UnavailableError(
                "the responsibility ledger has not received this case yet; retry shortly");
          }
          if (ledger->lead_organisation_id != caller.principal.organisation_id) {
            return absl::PermissionDeniedError(absl::StrCat("only the lead organisation (",
                                                            ledger->lead_organisation_id,
                                                            ") may propose a handover"));
          }
          // A closed case has nothing to hand over, whatever the request says.
          if (access.status() != v1::CASE_STATUS_OPEN || ledger->status != v1::CASE_STATUS_OPEN) {
            return absl::FailedPreconditionError("the case is closed; nothing to hand over");
          }
          if (IsHandoverPhase(req->phase()) && !MayHandOverTo(ledger->phase, req->phase())) {
            v.Add("phase", absl::StrCat("must be the current phase (", PhaseLabel(ledger->phase),
                                        "), the next, or DIRECT_SAFETY after a new incident"));
          }
          if (access.honour_related_violence() && req->family_informed()) {
            v.Add(
                "family_informed",
                "must be false: in a case of honour-related violence the family is never informed");
          }
          // Human trafficking: nothing of the case goes to an organisation not yet on the team
          // before the written consent is recorded (as the cases service asks for team changes).
          if (access.human_trafficking_without_consent() &&
              std::find(access.team_organisation_ids().begin(),
                        access.team_organisation_ids().end(),
                        req->to_organisation_id()) == access.team_organisation_ids().end()) {
            return absl::FailedPreconditionError(
                "mensenhandel: leg eerst de schriftelijke toestemming vast voordat de casus met "
                "een andere organisatie wordt gedeeld / human trafficking: record written consent "
                "before sharing the case with another organisation");
          }
          if (req->to_organisation_id() == ledger->lead_organisation_id) {
            v.Add("to_organisation_id", "is the current lead itself");
          } else if (IsWellFormedId(req->to_organisation_id())) {
            SCHAKEL_ASSIGN_OR_RETURN(auto to_org,
                                     rt_.organisations->Get(req->to_organisation_id()));
            if (!to_org || to_org->type() == v1::ORGANISATION_TYPE_OPERATOR) {
              v.Add("to_organisation_id", "no partner organisation with this id");
            }
          }
          if (IsWellFormedId(req->to_professional_id())) {
            SCHAKEL_ASSIGN_OR_RETURN(DirectoryEntry p,
                                     rt_.roles->Resolve(req->to_professional_id()));
            if (!p.registered || !p.active) {
              v.Add("to_professional_id", "no active professional with this id");
            } else if (p.organisation_id != req->to_organisation_id()) {
              v.Add("to_professional_id", "works for another organisation than to_organisation_id");
            } else if (!p.DoesCaseWork()) {
              v.Add("to_professional_id", "has no case-work role");
            }
          }
          return v.ToStatus();
        };

        const absl::Time now_time = env_.clock->Now();
        const int64_t now = absl::ToUnixMicros(now_time);
        const int days = req->accept_working_days() > 0 ? req->accept_working_days() : accept_days_;
        int64_t earliest_due = kForever;
        auto change = [&](sqlite::Connection& c) -> absl::Status {
          HandoverStore store(c, *sealer_);
          // The same checks again, on the state this transaction sees.
          SCHAKEL_ASSIGN_OR_RETURN(auto ledger, store.GetLedger(req->case_id()));
          if (!ledger || ledger->lead_organisation_id != caller.principal.organisation_id) {
            return absl::PermissionDeniedError("the lead moved meanwhile; read the case again");
          }
          if (ledger->status != v1::CASE_STATUS_OPEN) {
            return absl::FailedPreconditionError("the case is closed; nothing to hand over");
          }
          if (!MayHandOverTo(ledger->phase, req->phase())) {
            return absl::AbortedError("the phase changed meanwhile; read the case again");
          }
          SCHAKEL_ASSIGN_OR_RETURN(auto open, store.GetOpenHandover(req->case_id()));
          if (open) {
            return absl::FailedPreconditionError(
                absl::StrCat("handover ", open->id, " to ", open->to_organisation_id,
                             " is still open; withdraw it or wait for the answer"));
          }
          HandoverRow h;
          h.id = NewRandomId();
          h.case_id = req->case_id();
          h.state = v1::HANDOVER_STATE_PROPOSED;
          h.from_organisation_id = caller.principal.organisation_id;
          h.from_professional_id = caller.principal.id;
          h.to_organisation_id = req->to_organisation_id();
          h.to_professional_id = req->to_professional_id();
          h.phase = req->phase();
          h.family_informed = req->family_informed();
          *h.body.mutable_content() = req->content();
          h.proposed = now;
          h.accept_deadline = absl::ToUnixMicros(calendar_->DeadlineAfter(now_time, days));
          if (days > 1)
            h.reminder = absl::ToUnixMicros(calendar_->DeadlineAfter(now_time, days - 1));
          earliest_due = h.reminder.value_or(h.accept_deadline);
          h.version = 1;
          SCHAKEL_RETURN_IF_ERROR(store.InsertHandover(h));
          SCHAKEL_RETURN_IF_ERROR(
              Timeline(c, h.case_id, "handover.proposed",
                       absl::StrCat("Overdracht voorgesteld aan ", h.to_organisation_id,
                                    " voor fase ", PhaseLabel(h.phase), "; antwoord uiterlijk ",
                                    DeadlineDay(h.accept_deadline), " / Handover proposed to ",
                                    h.to_organisation_id, ", answer by the end of ",
                                    DeadlineDay(h.accept_deadline)),
                       caller.principal.id, caller.principal.organisation_id, now));
          *resp->mutable_handover() = ToProto(h, ledger->reference, true);
          v1::AuditRecord rec =
              rt_.audit->NewRecord(caller, v1::AUDIT_ACTION_CREATE, "handover.proposed");
          AddObject(rec, "case", h.case_id);
          AddObject(rec, "handover", h.id);
          rec.set_purpose_of_use(kPurpose);
          rec.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_PASSED);
          return rt_.audit->Record(c, rec);
        };

        const ChangeSpec spec{
            .db = rt_.db.get(),
            .caller = &caller,
            .method = "ProposeHandover",
            .request = req,
            .response = resp,
            .request_id = req->request_id(),
            .now = now_time,
            .protector = rt_.cipher.get(),
            // The stored answer holds the handover's content: for whoever may still see the case.
            // Nothing else is asked again — the proposal itself may have moved the lead since.
            .may_replay = [&]() -> absl::Status {
              SCHAKEL_ASSIGN_OR_RETURN(v1::CheckAccessResponse access,
                                       CaseAccess(req->case_id(), caller.principal.id));
              if (!access.allowed()) return absl::PermissionDeniedError(kNotOnTeam);
              return absl::OkStatus();
            },
            .on_replay = [&](sqlite::Connection& c) -> absl::Status {
              v1::AuditRecord rec =
                  rt_.audit->NewRecord(caller, v1::AUDIT_ACTION_READ, "handover.proposed.replayed");
              AddObject(rec, "case", req->case_id());
              AddObject(rec, "handover", resp->handover().id());
              rec.set_purpose_of_use(kPurpose);
              return rt_.audit->Record(c, rec);
            },
        };
        SCHAKEL_RETURN_IF_ERROR(RunChange(spec, prepare, change));
        LowerNextDue(earliest_due);
        hub_.Notify({req->to_organisation_id(), caller.principal.organisation_id});
        return absl::OkStatus();
      });
}

}  // namespace schakel::handover
