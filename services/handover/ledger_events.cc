// The ledger follows the cases service: ReceiveCaseEvents takes the case-events of its outbox
// (opened, closed, reopened, team changed), idempotent on the sending principal and the outbox
// sequence. Every event that carries the organisations on the case's team replaces the stored set
// (the scope of SUPERVISORs, handover_report.cc).
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/common/audit_trail.h"
#include "services/common/inbox.h"
#include "services/common/log.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/handover/handover_service.h"
#include "services/handover/handover_store.h"
#include "services/handover/handover_views.h"

namespace schakel::handover {

grpc::ServerUnaryReactor* HandoverService::ReceiveCaseEvents(
    grpc::CallbackServerContext* ctx, const v1::ReceiveCaseEventsRequest* req,
    v1::ReceiveCaseEventsResponse* resp) {
  return Handle(ctx, "ReceiveCaseEvents", [this, req, resp](const Caller& caller) -> absl::Status {
    // Who leads a case follows these events, so only the cases service may send them: this host
    // (in-process), or a host named in handover.case_event_sources.
    if (!caller.IsOneOf(env_.internal->host.id, case_event_sources_)) {
      return absl::PermissionDeniedError(
          "case events are taken only from the cases service (handover.case_event_sources)");
    }
    FieldViolations v;
    if (req->events().empty()) v.Add("events", "must not be empty");
    for (int i = 0; i < req->events_size(); ++i) {
      const auto& r = req->events(i);
      const std::string at = absl::StrCat("events[", i, "].");
      if (r.source_sequence() <= 0) v.Add(at + "source_sequence", "must be positive");
      const v1::CaseEvent& e = r.event();
      if (e.case_id().empty()) v.Add(at + "event.case_id", "must be set");
      if (e.type() == v1::CASE_EVENT_TYPE_UNSPECIFIED || !v1::CaseEventType_IsValid(e.type())) {
        v.Add(at + "event.type", "must be OPENED, CLOSED, REOPENED, TEAM_CHANGED or DESTROYED");
      }
      if (e.type() == v1::CASE_EVENT_TYPE_TEAM_CHANGED && e.team_organisation_ids().empty()) {
        v.Add(at + "event.team_organisation_ids", "must be set for a team change");
      }
      for (int k = 0; k < e.team_organisation_ids_size(); ++k) {
        if (e.team_organisation_ids(k).empty()) {
          v.Add(absl::StrCat(at, "event.team_organisation_ids[", k, "]"), "must not be empty");
        }
      }
      if (!e.has_time() || !ValidTimestamp(e.time())) v.Add(at + "event.time", "must be set");
      if (e.type() == v1::CASE_EVENT_TYPE_OPENED && e.organisation_id().empty()) {
        v.Add(at + "event.organisation_id", "must be set for an opened case");
      }
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    std::vector<std::string> notify;
    bool destroyed = false;
    const absl::Time now = env_.clock->Now();
    SCHAKEL_RETURN_IF_ERROR(rt_.db->Transaction([&](sqlite::Connection& c) -> absl::Status {
      HandoverStore store(c, *sealer_);
      v1::AuditRecord rec =
          rt_.audit->NewRecord(caller, v1::AUDIT_ACTION_UPDATE, "handover.ledger.case_events");
      rec.set_purpose_of_use("responsibility ledger");
      // The cases whose handovers' content this batch deleted (their retention term ended).
      v1::AuditRecord gone =
          rt_.audit->NewRecord(caller, v1::AUDIT_ACTION_DELETE, "handover.case_destroyed");
      gone.set_purpose_of_use("retention of MDA++ cases");
      int duplicates = 0;
      for (const auto& r : req->events()) {
        SCHAKEL_ASSIGN_OR_RETURN(bool fresh,
                                 ReceiveOnce(c, absl::StrCat(caller.principal.id, "/case-events"),
                                             r.source_sequence(), r.event().event_id(), now));
        if (!fresh) {
          ++duplicates;
          continue;
        }
        const v1::CaseEvent& e = r.event();
        const int64_t at = ToMicros(e.time());
        if (e.type() == v1::CASE_EVENT_TYPE_DESTROYED) {
          // The case's key goes (crypto-shredding), and its handovers' content with it.
          SCHAKEL_RETURN_IF_ERROR(sealer_->ShredIfLive(
              c, e.case_id(), "the MDA++ case was destroyed", caller.principal.id));
          SCHAKEL_RETURN_IF_ERROR(store.DestroyCase(e.case_id()));
          AddObject(gone, "case", e.case_id());
          destroyed = true;
          continue;
        }
        AddObject(rec, "case", e.case_id());
        SCHAKEL_ASSIGN_OR_RETURN(auto ledger, store.GetLedger(e.case_id()));
        // The whole set each time, in outbox order: the last event says who is on the team. An
        // event without one was written before the cases service sent it; it changes nothing.
        if (!e.team_organisation_ids().empty()) {
          SCHAKEL_RETURN_IF_ERROR(store.SetCaseOrganisations(
              e.case_id(), {e.team_organisation_ids().begin(), e.team_organisation_ids().end()}));
        }
        if (e.type() == v1::CASE_EVENT_TYPE_TEAM_CHANGED) continue;
        if (e.type() == v1::CASE_EVENT_TYPE_OPENED) {
          if (ledger) continue;  // already open in the ledger
          LedgerRow l;
          l.case_id = e.case_id();
          l.reference = e.reference();
          l.region = e.region();
          l.status = v1::CASE_STATUS_OPEN;
          l.phase = v1::PHASE_DIRECT_SAFETY;
          l.lead_organisation_id = e.organisation_id();
          l.lead_professional_id = e.professional_id();
          l.lead_since = at;
          SCHAKEL_RETURN_IF_ERROR(store.InsertLedger(l));
          SCHAKEL_RETURN_IF_ERROR(store.StartPeriod({.case_id = l.case_id,
                                                     .phase = l.phase,
                                                     .organisation_id = l.lead_organisation_id,
                                                     .professional_id = l.lead_professional_id,
                                                     .start = at,
                                                     .cause = "case.opened"}));
          SCHAKEL_RETURN_IF_ERROR(store.OpenCase(l.case_id, at));
          continue;
        }
        if (!ledger) {
          // Cannot happen with an ordered outbox; kept out of the ledger rather than blocking it.
          LogEvent(LogLevel::kWarning, "handover.case_event_for_unknown_case",
                   {{"case", e.case_id()}});
          continue;
        }
        LedgerRow l = *std::move(ledger);
        const bool closing = e.type() == v1::CASE_EVENT_TYPE_CLOSED;
        if ((closing && l.status == v1::CASE_STATUS_CLOSED) ||
            (!closing && l.status == v1::CASE_STATUS_OPEN)) {
          continue;  // the ledger is there already
        }
        if (closing) {
          // An open handover ends with the case; the lead stays and moves to follow-up.
          SCHAKEL_ASSIGN_OR_RETURN(auto open, store.GetOpenHandover(l.case_id));
          if (open) {
            open->state = v1::HANDOVER_STATE_WITHDRAWN;
            open->decided = at;
            open->decided_by = e.professional_id();
            open->body.set_withdraw_reason("zaak gesloten / case closed");
            SCHAKEL_RETURN_IF_ERROR(store.UpdateHandover(*open));
            SCHAKEL_RETURN_IF_ERROR(
                Timeline(c, l.case_id, "handover.withdrawn",
                         absl::StrCat("Overdracht aan ", open->to_organisation_id,
                                      " ingetrokken: zaak gesloten / Handover to ",
                                      open->to_organisation_id, " withdrawn: case closed"),
                         e.professional_id(), e.organisation_id(), at));
            AddObject(rec, "handover", open->id);
            notify.push_back(open->to_organisation_id);
            notify.push_back(open->from_organisation_id);
          }
          SCHAKEL_RETURN_IF_ERROR(store.CloseCase(l.case_id, at));
          l.status = v1::CASE_STATUS_CLOSED;
          l.phase = v1::PHASE_FOLLOW_UP;
        } else {
          SCHAKEL_RETURN_IF_ERROR(store.OpenCase(l.case_id, at));
          l.status = v1::CASE_STATUS_OPEN;
          l.phase = v1::PHASE_DIRECT_SAFETY;  // a reopened case starts again at direct safety
        }
        SCHAKEL_RETURN_IF_ERROR(
            store.SwitchPeriod(l.case_id, at,
                               {.case_id = l.case_id,
                                .phase = l.phase,
                                .organisation_id = l.lead_organisation_id,
                                .professional_id = l.lead_professional_id,
                                .cause = closing ? "case.closed" : "case.reopened"}));
        l.lead_since = at;
        SCHAKEL_RETURN_IF_ERROR(store.UpdateLedger(l));
      }
      resp->set_duplicates(duplicates);
      if (!gone.objects().empty()) SCHAKEL_RETURN_IF_ERROR(rt_.audit->Record(c, gone));
      if (rec.objects().empty()) return absl::OkStatus();
      return rt_.audit->Record(c, rec);
    }));
    // A destroyed case's content must not stay in the WAL either (secure_delete covers the file).
    if (destroyed) {
      if (absl::Status st = rt_.db->CheckpointTruncate(); !st.ok()) {
        LogEvent(LogLevel::kError, "handover.destruction.checkpoint_failed",
                 {{"error", std::string(st.message())}});
      }
    }
    hub_.Notify(notify);
    return absl::OkStatus();
  });
}

}  // namespace schakel::handover
