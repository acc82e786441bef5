// Deadlines: expired acceptances, reminders and late first contacts, each acted on exactly once
// (guarded by the handover's stored state in the same transaction; inbox items are UNIQUE). The
// timer scans every interval; calls scan only once the earliest stored deadline has come.
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/common/audit_trail.h"
#include "services/common/log.h"
#include "services/common/status.h"
#include "services/handover/handover_service.h"
#include "services/handover/handover_store.h"
#include "services/handover/handover_views.h"

namespace schakel::handover {

void HandoverService::ScheduleScan() {
  if (env_.scheduler == nullptr) return;
  scan_job_ =
      env_.scheduler->Schedule("handover.deadlines", scan_interval_, [this] { SettleDeadlines(); });
}

absl::StatusOr<int> HandoverService::ScanDeadlines() {
  absl::MutexLock lock(&scan_mu_);
  const absl::Time now_time = env_.clock->Now();
  const int64_t now = absl::ToUnixMicros(now_time);
  DueWork due;
  int64_t next_due = kForever;
  SCHAKEL_RETURN_IF_ERROR(rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
    HandoverStore store(c, *sealer_);
    SCHAKEL_ASSIGN_OR_RETURN(due, store.FindDue(now));
    if (due.empty()) {
      SCHAKEL_ASSIGN_OR_RETURN(next_due, store.NextDue());
    }
    return absl::OkStatus();
  }));
  // Nothing due: calls may skip scanning until the earliest deadline (a deadline written later
  // lowers it under this same mutex).
  if (due.empty()) {
    next_due_.store(next_due);
    return 0;
  }
  Caller system;
  system.principal = env_.internal->host;
  std::set<std::string> notify;
  int acted = 0;
  using Body = std::function<absl::Status(sqlite::Connection&, HandoverStore&, HandoverRow&,
                                          const LedgerRow&)>;
  // Each handover in a transaction of its own: one that cannot be settled (a row that does not
  // decrypt, say) is logged and skipped, and holds up no other.
  auto act = [&](const std::string& id, v1::HandoverState need, absl::string_view event_type,
                 const Body& body) {
    const absl::Status st = rt_.db->Transaction([&](sqlite::Connection& c) -> absl::Status {
      HandoverStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto h, store.GetHandover(id));
      if (!h || h->state != need) return absl::OkStatus();  // settled meanwhile
      SCHAKEL_ASSIGN_OR_RETURN(auto ledger, store.GetLedger(h->case_id));
      if (!ledger) return absl::InternalError("a handover without a ledger");
      SCHAKEL_RETURN_IF_ERROR(body(c, store, *h, *ledger));
      SCHAKEL_RETURN_IF_ERROR(store.UpdateHandover(*h));
      v1::AuditRecord rec = rt_.audit->NewRecord(system, v1::AUDIT_ACTION_UPDATE, event_type);
      AddObject(rec, "case", h->case_id);
      AddObject(rec, "handover", h->id);
      rec.set_purpose_of_use("deadline monitoring of handovers");
      SCHAKEL_RETURN_IF_ERROR(rt_.audit->Record(c, rec));
      notify.insert(h->from_organisation_id);
      notify.insert(h->to_organisation_id);
      ++acted;
      return absl::OkStatus();
    });
    if (!st.ok()) {
      LogEvent(LogLevel::kError, "handover.deadline_not_settled",
               {{"handover", id},
                {"event", event_type},
                {"code", absl::StatusCodeToString(st.code())},
                {"detail", st.message()}});
    }
  };
  auto escalate = [&](HandoverStore& store, const HandoverRow& h, v1::InboxItemKind kind,
                      int64_t due_at) -> absl::Status {
    for (const std::string& org : {h.from_organisation_id, h.to_organisation_id}) {
      SCHAKEL_RETURN_IF_ERROR(store
                                  .AddInboxItem({.organisation_id = org,
                                                 .audience = Audience::kSupervisors,
                                                 .kind = kind,
                                                 .handover_id = h.id,
                                                 .due = due_at,
                                                 .created = now})
                                  .status());
    }
    return absl::OkStatus();
  };
  for (const std::string& id : due.expired) {
    act(id, v1::HANDOVER_STATE_PROPOSED, "handover.expired",
        [&](sqlite::Connection& c, HandoverStore& store, HandoverRow& h,
            const LedgerRow& l) -> absl::Status {
          h.state = v1::HANDOVER_STATE_EXPIRED;
          h.decided = h.accept_deadline;
          h.accept_escalated = now;
          SCHAKEL_RETURN_IF_ERROR(
              escalate(store, h, v1::INBOX_ITEM_KIND_ESCALATION_NOT_ACCEPTED, h.accept_deadline));
          return Timeline(
              c, h.case_id, "handover.expired",
              absl::StrCat("Overdracht aan ", h.to_organisation_id, " niet op tijd geaccepteerd; ",
                           l.lead_organisation_id,
                           " blijft verantwoordelijk; leidinggevenden ingelicht / "
                           "Handover to ",
                           h.to_organisation_id, " not accepted in time; ", l.lead_organisation_id,
                           " stays responsible; supervisors told"),
              "", "", now);
        });
  }
  for (const std::string& id : due.reminders) {
    act(id, v1::HANDOVER_STATE_PROPOSED, "handover.reminded",
        [&](sqlite::Connection&, HandoverStore& store, HandoverRow& h,
            const LedgerRow&) -> absl::Status {
          h.reminded = now;
          return store
              .AddInboxItem({.organisation_id = h.to_organisation_id,
                             .audience = Audience::kProfessionals,
                             .kind = v1::INBOX_ITEM_KIND_REMINDER,
                             .handover_id = h.id,
                             .due = h.accept_deadline,
                             .created = now})
              .status();
        });
  }
  for (const std::string& id : due.contact_late) {
    act(id, v1::HANDOVER_STATE_ACCEPTED, "handover.first_contact_overdue",
        [&](sqlite::Connection& c, HandoverStore& store, HandoverRow& h,
            const LedgerRow&) -> absl::Status {
          if (h.contact || h.contact_escalated) return absl::OkStatus();
          h.contact_escalated = now;
          SCHAKEL_RETURN_IF_ERROR(escalate(
              store, h, v1::INBOX_ITEM_KIND_ESCALATION_NO_FIRST_CONTACT, *h.contact_deadline));
          return Timeline(c, h.case_id, "handover.first_contact_overdue",
                          absl::StrCat(h.to_organisation_id,
                                       " heeft het eerste contact niet op tijd bevestigd; "
                                       "leidinggevenden ingelicht / ",
                                       h.to_organisation_id,
                                       " did not confirm first contact in time; supervisors told"),
                          "", "", now);
        });
  }
  if (acted > 0) {
    LogEvent(LogLevel::kInfo, "handover.deadlines_acted", {{"handovers", acted}});
  }
  hub_.Notify(std::vector<std::string>(notify.begin(), notify.end()));
  return acted;
}

void HandoverService::LowerNextDue(int64_t at) {
  absl::MutexLock lock(&scan_mu_);
  if (at < next_due_.load()) next_due_.store(at);
}

void HandoverService::SettleDeadlines() {
  if (absl::ToUnixMicros(env_.clock->Now()) < next_due_.load()) return;  // nothing can be due yet
  if (absl::StatusOr<int> acted = ScanDeadlines(); !acted.ok()) {
    LogEvent(LogLevel::kWarning, "handover.deadline_scan_failed",
             {{"code", absl::StatusCodeToString(acted.status().code())}});
  }
}

}  // namespace schakel::handover
