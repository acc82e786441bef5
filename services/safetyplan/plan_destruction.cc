// A destroyed MDA++ case (its retention term ended, docs/operations.md section 7): the cases
// service sends the case event DESTROYED by its outbox: the case's key here is shredded and the
// plan's sealed texts are deleted.
#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "services/common/audit_trail.h"
#include "services/common/inbox.h"
#include "services/common/log.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/safetyplan/plan_store.h"
#include "services/safetyplan/safetyplan_service.h"

namespace schakel::safetyplan {

grpc::ServerUnaryReactor* SafetyPlanService::ReceiveCaseDestructions(
    grpc::CallbackServerContext* ctx, const v1::ReceiveCaseDestructionsRequest* req,
    v1::ReceiveCaseDestructionsResponse* resp) {
  return Handle(
      ctx, "ReceiveCaseDestructions", "", [this, req, resp](const Caller& caller) -> absl::Status {
        if (!caller.IsOneOf(env_.internal->host.id, case_event_sources_)) {
          return absl::PermissionDeniedError(
              "case events are taken only from the cases service (safetyplan.case_event_sources)");
        }
        FieldViolations v;
        if (req->events().empty()) v.Add("events", "must not be empty");
        for (int i = 0; i < req->events_size(); ++i) {
          const auto& r = req->events(i);
          const std::string at = absl::StrCat("events[", i, "].");
          if (r.source_sequence() <= 0) v.Add(at + "source_sequence", "must be positive");
          if (r.event().case_id().empty()) v.Add(at + "event.case_id", "must be set");
          if (r.event().type() != v1::CASE_EVENT_TYPE_DESTROYED) {
            v.Add(at + "event.type", "must be DESTROYED");
          }
        }
        SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
        const absl::Time now = env_.clock->Now();
        bool destroyed = false;
        SCHAKEL_RETURN_IF_ERROR(rt_.db->Transaction([&](sqlite::Connection& c) -> absl::Status {
          v1::AuditRecord rec =
              rt_.audit->NewRecord(caller, v1::AUDIT_ACTION_DELETE, "plan.case_destroyed");
          rec.set_purpose_of_use("retention of MDA++ cases");
          int duplicates = 0;
          for (const auto& r : req->events()) {
            SCHAKEL_ASSIGN_OR_RETURN(
                bool fresh, ReceiveOnce(c, absl::StrCat(caller.principal.id, "/case-events"),
                                        r.source_sequence(), r.event().event_id(), now));
            if (!fresh) {
              ++duplicates;
              continue;
            }
            // The case's key goes (crypto-shredding), and its texts with it.
            SCHAKEL_RETURN_IF_ERROR(sealer_->ShredIfLive(
                c, r.event().case_id(), "the MDA++ case was destroyed", caller.principal.id));
            SCHAKEL_RETURN_IF_ERROR(
                PlanStore(c).DestroyCase(r.event().case_id(), absl::ToUnixMicros(now)));
            AddObject(rec, "case", r.event().case_id());
            destroyed = true;
          }
          resp->set_duplicates(duplicates);
          if (rec.objects().empty()) return absl::OkStatus();
          return rt_.audit->Record(c, rec);
        }));
        // The deleted texts must not stay in the WAL either (secure_delete covers the file).
        if (destroyed) {
          if (absl::Status st = rt_.db->CheckpointTruncate(); !st.ok()) {
            LogEvent(LogLevel::kError, "safetyplan.destruction.checkpoint_failed",
                     {{"error", std::string(st.message())}});
          }
        }
        return absl::OkStatus();
      });
}

}  // namespace schakel::safetyplan
