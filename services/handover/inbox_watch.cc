// The inbox: what waits for the caller's organisation (handovers to answer, reminders, first
// contacts due) and, for supervisors, the escalations of the last 30 days. ListInbox answers once;
// WatchInbox streams it again after every change that touches the caller's organisation.
#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "services/common/audit_trail.h"
#include "services/common/calendar.h"
#include "services/common/identity.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/handover/handover_service.h"
#include "services/handover/handover_store.h"
#include "services/handover/handover_views.h"
#include "services/handover/ledger.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::handover {
namespace {

// Escalations stay in a supervisor's inbox this long.
constexpr absl::Duration kEscalationShownFor = absl::Hours(24 * 30);

}  // namespace

absl::StatusOr<v1::ListInboxResponse> HandoverService::BuildInbox(const Caller& caller,
                                                                  int due_within) {
  if (due_within <= 0) due_within = 2;
  const absl::Time now_time = env_.clock->Now();
  const int64_t now = absl::ToUnixMicros(now_time);
  const absl::CivilDay today = absl::ToCivilDay(now_time, calendar::Amsterdam());
  const std::string& org = caller.principal.organisation_id;
  v1::ListInboxResponse out;
  SetTime(out.mutable_as_of(), now);
  SCHAKEL_RETURN_IF_ERROR(rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
    HandoverStore store(c, *sealer_);
    absl::flat_hash_map<std::string, std::string> references;
    auto item = [&](v1::InboxItemKind kind, const HandoverRow& h, int64_t due,
                    int64_t created) -> absl::StatusOr<v1::InboxItem*> {
      auto it = references.find(h.case_id);
      if (it == references.end()) {
        SCHAKEL_ASSIGN_OR_RETURN(auto ledger, store.GetLedger(h.case_id));
        it = references.emplace(h.case_id, ledger ? ledger->reference : "").first;
      }
      v1::InboxItem* i = out.add_items();
      i->set_kind(kind);
      i->set_handover_id(h.id);
      i->set_case_id(h.case_id);
      i->set_case_reference(it->second);
      i->set_from_organisation_id(h.from_organisation_id);
      i->set_to_organisation_id(h.to_organisation_id);
      i->set_phase(h.phase);
      SetTime(i->mutable_due(), due);
      SetTime(i->mutable_created_at(), created);
      const absl::CivilDay due_day =
          absl::ToCivilDay(absl::FromUnixMicros(due - 1), calendar::Amsterdam());
      i->set_overdue(now >= due);
      i->set_due_soon(now >= due || (due_day >= today &&
                                     calendar_->WorkingDaysBetween(today, due_day) <= due_within));
      return i;
    };
    if (caller.entry.DoesCaseWork()) {
      SCHAKEL_ASSIGN_OR_RETURN(auto waiting, store.ListTo(org, v1::HANDOVER_STATE_PROPOSED));
      for (const auto& h : waiting) {
        SCHAKEL_ASSIGN_OR_RETURN(v1::InboxItem * i, item(v1::INBOX_ITEM_KIND_HANDOVER_WAITING, h,
                                                         h.accept_deadline, h.proposed));
        i->set_text(absl::StrCat(
            "Overdracht van ", h.from_organisation_id, " (", i->case_reference(), ", fase ",
            PhaseLabel(h.phase), ") wacht op uw antwoord, uiterlijk ",
            DeadlineDay(h.accept_deadline), " / Handover from ", h.from_organisation_id,
            " awaits your answer by the end of ", DeadlineDay(h.accept_deadline)));
      }
      SCHAKEL_ASSIGN_OR_RETURN(auto reminders,
                               store.ListInboxItems(org, Audience::kProfessionals, 0, true));
      for (const auto& r : reminders) {
        SCHAKEL_ASSIGN_OR_RETURN(auto h, store.GetHandover(r.handover_id, false));
        if (!h || h->state != v1::HANDOVER_STATE_PROPOSED) continue;  // answered since
        SCHAKEL_ASSIGN_OR_RETURN(v1::InboxItem * i, item(r.kind, *h, r.due, r.created));
        i->set_text(absl::StrCat("Herinnering: de termijn voor overdracht ", i->case_reference(),
                                 " verloopt aan het eind van ", DeadlineDay(r.due),
                                 " / Reminder: the term for handover ", i->case_reference(),
                                 " ends at the end of ", DeadlineDay(r.due)));
      }
      SCHAKEL_ASSIGN_OR_RETURN(auto accepted, store.ListTo(org, v1::HANDOVER_STATE_ACCEPTED));
      for (const auto& h : accepted) {
        if (h.contact || !h.contact_deadline) continue;
        SCHAKEL_ASSIGN_OR_RETURN(v1::InboxItem * i, item(v1::INBOX_ITEM_KIND_FIRST_CONTACT_DUE, h,
                                                         *h.contact_deadline, *h.decided));
        i->set_text(absl::StrCat("Bevestig het eerste contact met de cliënt(en) (",
                                 i->case_reference(), ") uiterlijk ",
                                 DeadlineDay(*h.contact_deadline),
                                 " / Confirm first contact with the client(s) by the end of ",
                                 DeadlineDay(*h.contact_deadline)));
      }
    }
    if (caller.entry.HasAnyRole({v1::ROLE_SUPERVISOR})) {
      SCHAKEL_ASSIGN_OR_RETURN(
          auto escalations,
          store.ListInboxItems(org, Audience::kSupervisors,
                               absl::ToUnixMicros(now_time - kEscalationShownFor)));
      for (const auto& r : escalations) {
        SCHAKEL_ASSIGN_OR_RETURN(auto h, store.GetHandover(r.handover_id, false));
        if (!h) continue;
        SCHAKEL_ASSIGN_OR_RETURN(v1::InboxItem * i, item(r.kind, *h, r.due, r.created));
        i->set_due_soon(false);
        if (r.kind == v1::INBOX_ITEM_KIND_ESCALATION_NOT_ACCEPTED) {
          i->set_text(absl::StrCat("Escalatie: overdracht ", i->case_reference(), " van ",
                                   h->from_organisation_id, " aan ", h->to_organisation_id,
                                   " is niet op tijd geaccepteerd; ", h->from_organisation_id,
                                   " blijft verantwoordelijk / Escalation: handover ",
                                   i->case_reference(), " was not accepted in time; ",
                                   h->from_organisation_id, " stays responsible"));
        } else {
          i->set_text(absl::StrCat("Escalatie: ", h->to_organisation_id,
                                   " heeft het eerste contact niet op tijd bevestigd (",
                                   i->case_reference(), ") / Escalation: ", h->to_organisation_id,
                                   " did not confirm first contact in time"));
        }
      }
    }
    return absl::OkStatus();
  }));
  return out;
}

grpc::ServerUnaryReactor* HandoverService::ListInbox(grpc::CallbackServerContext* ctx,
                                                     const v1::ListInboxRequest* req,
                                                     v1::ListInboxResponse* resp) {
  return Handle(ctx, "ListInbox", [this, req, resp](const Caller& caller) -> absl::Status {
    if (req->due_within_working_days() < 0 || req->due_within_working_days() > kMaxTermDays) {
      return InvalidField("due_within_working_days", "must be 0 (the default) to 20");
    }
    SettleDeadlines();
    const ReadSpec spec{.audit = rt_.audit.get(),
                        .caller = &caller,
                        .event_type = "handover.inbox.read",
                        .purpose_of_use = kPurpose,
                        .response = resp};
    return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(*resp, BuildInbox(caller, req->due_within_working_days()));
      for (const auto& i : resp->items()) AddObject(rec, "handover", i.handover_id());
      return absl::OkStatus();
    });
  });
}

// A connected WatchInbox client: the inbox at once, then again after every change that touches
// the caller's organisation. ServerStream authorizes every push and sends one at a time; changes
// during a push make one more push after it.
class HandoverService::InboxWatch final : public ServerStream<v1::WatchInboxResponse> {
 public:
  InboxWatch(HandoverService& service, grpc::CallbackServerContext* ctx, int due_within)
      : ServerStream(ctx, {.env = &service.env_,
                           .authorizer = service.rt_.authorizer.get(),
                           .audit = service.rt_.audit.get(),
                           .service = service.name(),
                           .method = "WatchInbox"}),
        service_(service),
        due_within_(due_within) {}

 private:
  absl::Status Step(const CallContext& call) override {
    if (due_within_ < 0 || due_within_ > kMaxTermDays) {
      return InvalidField("due_within_working_days", "must be 0 (the default) to 20");
    }
    Subscribe(call.caller());
    v1::WatchInboxResponse update;
    const ReadSpec spec{.audit = service_.rt_.audit.get(),
                        .caller = &call.caller(),
                        .event_type = "handover.inbox.watched",
                        .purpose_of_use = kPurpose,
                        .response = &update};
    SCHAKEL_RETURN_IF_ERROR(RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(*update.mutable_inbox(),
                               service_.BuildInbox(call.caller(), due_within_));
      for (const auto& i : update.inbox().items()) AddObject(rec, "handover", i.handover_id());
      return absl::OkStatus();
    }));
    Send(std::move(update));
    return absl::OkStatus();
  }

  // Listens for changes of the caller's organisation, once; and lets BeginShutdown find us.
  void Subscribe(const Caller& caller) {
    {
      absl::MutexLock lock(&mu_);
      if (ended_ || subscription_ != 0) return;
      std::weak_ptr<ServerStream> weak = weak_from_this();
      subscription_ = service_.hub_.Subscribe(caller.principal.organisation_id, [weak] {
        if (auto self = weak.lock()) self->Wake();
      });
    }
    absl::MutexLock lock(&service_.watches_mu_);
    auto& watches = service_.watches_;
    watches.erase(
        std::remove_if(watches.begin(), watches.end(), [](const auto& w) { return w.expired(); }),
        watches.end());
    watches.push_back(std::static_pointer_cast<InboxWatch>(shared_from_this()));
  }

  void OnEnded() override {
    absl::MutexLock lock(&mu_);
    ended_ = true;
    if (subscription_ != 0) service_.hub_.Unsubscribe(subscription_);
    subscription_ = 0;
  }

  HandoverService& service_;
  const int due_within_;
  absl::Mutex mu_;
  int64_t subscription_ ABSL_GUARDED_BY(mu_) = 0;
  bool ended_ ABSL_GUARDED_BY(mu_) = false;
};

void HandoverService::BeginShutdown() {
  std::vector<std::shared_ptr<InboxWatch>> watches;
  {
    absl::MutexLock lock(&watches_mu_);
    for (auto& w : watches_) {
      if (auto p = w.lock()) watches.push_back(std::move(p));
    }
  }
  for (auto& w : watches) w->End(absl::UnavailableError("the server is shutting down"));
}

grpc::ServerWriteReactor<v1::WatchInboxResponse>* HandoverService::WatchInbox(
    grpc::CallbackServerContext* ctx, const v1::WatchInboxRequest* req) {
  return InboxWatch::Start(
      std::make_shared<InboxWatch>(*this, ctx, req->due_within_working_days()));
}

}  // namespace schakel::handover
