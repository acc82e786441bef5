// Reading the ledger: a case's responsibility with its history, and one handover. For the case
// team, and for the receiving organisation while a handover to it waits for its answer.
#include <algorithm>
#include <optional>
#include <string>

#include "services/common/audit_trail.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/handover/handover_service.h"
#include "services/handover/handover_store.h"
#include "services/handover/handover_views.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::handover {

grpc::ServerUnaryReactor* HandoverService::GetResponsibility(
    grpc::CallbackServerContext* ctx, const v1::GetResponsibilityRequest* req,
    v1::GetResponsibilityResponse* resp) {
  return Handle(
      ctx, "GetResponsibility", Asked("case", req->case_id()),
      [this, req, resp](const Caller& caller) -> absl::Status {
        if (req->case_id().empty()) return InvalidField("case_id", "must be set");
        SettleDeadlines();
        SCHAKEL_ASSIGN_OR_RETURN(v1::CheckAccessResponse access,
                                 CaseAccess(req->case_id(), caller.principal.id));
        const std::string& org = caller.principal.organisation_id;
        const ReadSpec spec{
            .audit = rt_.audit.get(),
            .caller = &caller,
            .event_type = "handover.responsibility.read",
            .purpose_of_use =
                access.role() == v1::CASE_ROLE_OVERSIGHT ? "oversight (MDA++)" : kPurpose,
            .response = resp,
        };
        return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
          AddObject(rec, "case", req->case_id());
          SCHAKEL_RETURN_IF_ERROR(rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
            HandoverStore store(c, *sealer_);
            SCHAKEL_ASSIGN_OR_RETURN(auto ledger, store.GetLedger(req->case_id()));
            SCHAKEL_ASSIGN_OR_RETURN(auto handovers, store.ListHandoversOfCase(req->case_id()));
            // Besides the team: the receiving organisation while a handover to it is open.
            const bool receiver =
                std::any_of(handovers.begin(), handovers.end(),
                            [&](const HandoverRow& h) { return IsOpenTo(h, org); });
            if (!access.allowed() && !receiver) return absl::PermissionDeniedError(kNotOnTeam);
            if (!ledger) {
              return absl::UnavailableError(
                  "the responsibility ledger has not received this case yet; retry shortly");
            }
            std::optional<HandoverRow> pending;
            for (const auto& h : handovers) {
              if (h.state == v1::HANDOVER_STATE_PROPOSED) pending = h;
              // An outsider sees only the open handover to it; the rest of the ledger's handovers
              // as places in it, without content.
              const bool content = access.allowed() || IsOpenTo(h, org);
              *resp->add_handovers() = ToProto(h, ledger->reference, content);
              AddObject(rec, "handover", h.id);
            }
            const bool pending_content = pending && (access.allowed() || IsOpenTo(*pending, org));
            *resp->mutable_responsibility() = ToProto(*ledger, pending, pending_content);
            SCHAKEL_ASSIGN_OR_RETURN(auto periods, store.ListPeriods(req->case_id()));
            for (const auto& p : periods) {
              v1::LeadPeriod* out = resp->add_history();
              out->set_phase(p.phase);
              out->set_organisation_id(p.organisation_id);
              out->set_professional_id(p.professional_id);
              SetTime(out->mutable_start(), p.start);
              if (p.end != kForever) SetTime(out->mutable_end(), p.end);
              out->set_cause(p.cause);
              out->set_handover_id(p.handover_id);
            }
            return absl::OkStatus();
          }));
          rec.mutable_checks()->set_care_relationship(
              access.allowed() ? v1::AUDIT_CHECK_PASSED : v1::AUDIT_CHECK_NOT_APPLICABLE);
          return absl::OkStatus();
        });
      });
}

grpc::ServerUnaryReactor* HandoverService::GetHandover(grpc::CallbackServerContext* ctx,
                                                       const v1::GetHandoverRequest* req,
                                                       v1::GetHandoverResponse* resp) {
  return Handle(
      ctx, "GetHandover", Asked("handover", req->handover_id()),
      [this, req, resp](const Caller& caller) -> absl::Status {
        if (req->handover_id().empty()) return InvalidField("handover_id", "must be set");
        SettleDeadlines();
        const ReadSpec spec{.audit = rt_.audit.get(),
                            .caller = &caller,
                            .event_type = "handover.read",
                            .purpose_of_use = kPurpose,
                            .response = resp};
        return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
          // Who may see it is decided on the row without its content; only then is the content
          // decrypted. A missing handover and another's get the same answer.
          std::optional<HandoverRow> h;
          SCHAKEL_RETURN_IF_ERROR(rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
            HandoverStore store(c, *sealer_);
            SCHAKEL_ASSIGN_OR_RETURN(h, store.GetHandover(req->handover_id(), false));
            return absl::OkStatus();
          }));
          if (!h) return absl::PermissionDeniedError(kNoHandoverForYou);
          AskedForCase(h->case_id);
          // The case team, or the receiving organisation while the handover waits for its answer.
          SCHAKEL_ASSIGN_OR_RETURN(v1::CheckAccessResponse access,
                                   CaseAccess(h->case_id, caller.principal.id));
          const bool team = access.allowed();
          if (!team && !IsOpenTo(*h, caller.principal.organisation_id)) {
            return absl::PermissionDeniedError(kNoHandoverForYou);
          }
          std::string reference;
          SCHAKEL_RETURN_IF_ERROR(rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
            HandoverStore store(c, *sealer_);
            SCHAKEL_ASSIGN_OR_RETURN(h, store.GetHandover(req->handover_id()));
            // It may have been answered meanwhile: the receiver's look ends with its turn.
            if (!h || (!team && !IsOpenTo(*h, caller.principal.organisation_id))) {
              return absl::PermissionDeniedError(kNoHandoverForYou);
            }
            SCHAKEL_ASSIGN_OR_RETURN(auto ledger, store.GetLedger(h->case_id));
            if (ledger) reference = ledger->reference;
            return absl::OkStatus();
          }));
          *resp->mutable_handover() = ToProto(*h, reference, true);
          AddObject(rec, "case", h->case_id);
          AddObject(rec, "handover", h->id);
          rec.mutable_checks()->set_care_relationship(team ? v1::AUDIT_CHECK_PASSED
                                                           : v1::AUDIT_CHECK_NOT_APPLICABLE);
          return absl::OkStatus();
        });
      });
}

}  // namespace schakel::handover
