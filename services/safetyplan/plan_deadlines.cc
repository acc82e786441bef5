// What falls due once a plan is in force: its evaluation, its open agreements, the review after
// an incident. One working day before the due day the owner gets a reminder; when the day has
// passed, the case director gets one escalation and the supervisors of the owning organisation
// another. Each is written once: the timer sets the deadline's reminded_at / escalated_at in the
// transaction that writes the inbox items (which are UNIQUE per addressee too), so neither a
// second scan nor a restart sends anything twice. Days are Europe/Amsterdam working days
// (services/common/calendar.h).
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/common/audit_trail.h"
#include "services/common/log.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/runtime/unit_of_work.h"
#include "services/safetyplan/plan_rules.h"
#include "services/safetyplan/safetyplan_service.h"

namespace schakel::safetyplan {
namespace {

v1::PlanDeadlineKind KindOf(const std::string& stored) {
  if (stored == kEvaluationDeadline) return v1::PLAN_DEADLINE_KIND_EVALUATION;
  if (stored == kAgreementDeadline) return v1::PLAN_DEADLINE_KIND_AGREEMENT;
  if (stored == kReviewDeadline) return v1::PLAN_DEADLINE_KIND_INCIDENT_REVIEW;
  return v1::PLAN_DEADLINE_KIND_UNSPECIFIED;
}

v1::PlanInboxItemKind ItemKindOf(const std::string& stored) {
  if (stored == kReminderItem) return v1::PLAN_INBOX_ITEM_KIND_REMINDER;
  if (stored == kEscalationItem) return v1::PLAN_INBOX_ITEM_KIND_ESCALATION;
  if (stored == kIncidentItem) return v1::PLAN_INBOX_ITEM_KIND_INCIDENT;
  return v1::PLAN_INBOX_ITEM_KIND_UNSPECIFIED;
}

// What is due, in Dutch and in English: no content of the plan.
std::pair<std::string, std::string> Subject(const DeadlineRow& d) {
  if (d.kind == kEvaluationDeadline) {
    return {absl::StrCat("de evaluatie van veiligheidsplan versie ", d.version),
            absl::StrCat("the evaluation of safety plan version ", d.version)};
  }
  if (d.kind == kAgreementDeadline) {
    return {absl::StrCat("een veiligheidsafspraak uit plan versie ", d.version),
            absl::StrCat("a safety agreement of plan version ", d.version)};
  }
  return {"de herziening van het veiligheidsplan na een incident",
          "the review of the safety plan after an incident"};
}

std::string ItemText(const std::string& kind, const DeadlineRow& d) {
  const auto [nl, en] = Subject(d);
  const std::string day = DutchDate(d.due);
  if (kind == kReminderItem) {
    return absl::StrCat("Herinnering: ", nl, " is uiterlijk ", day,
                        " aan de beurt / Reminder: ", en, " is due by ", day);
  }
  if (kind == kEscalationItem) {
    return absl::StrCat("Niet op tijd: ", nl, " (uiterlijk ", day, ") / Overdue: ", en, " (due ",
                        day, ")");
  }
  return absl::StrCat("Incident vastgelegd: ", nl, " uiterlijk ", day, " / Incident recorded: ", en,
                      " by ", day);
}

}  // namespace

absl::CivilDay SafetyPlanService::Today() const {
  return absl::ToCivilDay(env_.clock->Now(), calendar::Amsterdam());
}

DeadlineRow SafetyPlanService::NewDeadline(const std::string& case_id, const char* kind,
                                           int version, const std::string& subject_id, int64_t due,
                                           const std::string& owner_id,
                                           const std::string& owner_organisation_id,
                                           const std::string& director_id) const {
  absl::CivilDay remind = DayOf(due) - 1;
  while (!calendar_->IsWorkingDay(remind)) remind -= 1;
  return DeadlineRow{.case_id = case_id,
                     .kind = kind,
                     .version = version,
                     .subject_id = subject_id,
                     .due = due,
                     .remind_on = YmdOf(remind),
                     .owner_id = owner_id,
                     .owner_organisation_id = owner_organisation_id,
                     .director_id = director_id,
                     .created_at = absl::ToUnixMicros(env_.clock->Now())};
}

absl::Status SafetyPlanService::StartDeadlines(PlanDeadlineStore& store, const VersionRow& row,
                                               const v1::PlanContent& content,
                                               const SignOffRow& director, int64_t now) const {
  // A version in force is a reviewed plan: what the earlier one owed ends with it.
  SCHAKEL_RETURN_IF_ERROR(store.FinishDeadlines(
      row.case_id, {kEvaluationDeadline, kAgreementDeadline, kReviewDeadline}, now));
  const int64_t evaluation =
      content.has_evaluation_date()
          ? YmdOf(content.evaluation_date())
          : YmdOf(absl::ToCivilDay(absl::FromUnixMicros(now), calendar::Amsterdam()) +
                  7 * default_evaluation_weeks_);
  SCHAKEL_RETURN_IF_ERROR(
      store
          .AddDeadline(NewDeadline(row.case_id, kEvaluationDeadline, row.version, "", evaluation,
                                   director.professional_id, director.organisation_id,
                                   director.professional_id))
          .status());
  for (const v1::PlanSectionItems& section : content.sections()) {
    if (section.section() != v1::PLAN_SECTION_AGREEMENTS) continue;
    for (const v1::PlanItem& item : section.items()) {
      if (!item.has_agreement() || !item.agreement().has_due()) continue;
      const v1::Agreement& a = item.agreement();
      if (a.status() != v1::AGREEMENT_STATUS_OPEN &&
          a.status() != v1::AGREEMENT_STATUS_UNSPECIFIED) {
        continue;
      }
      SCHAKEL_RETURN_IF_ERROR(
          store
              .AddDeadline(NewDeadline(row.case_id, kAgreementDeadline, row.version, item.id(),
                                       YmdOf(a.due()), a.owner_professional_id(),
                                       a.owner_organisation_id(), director.professional_id))
              .status());
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<int64_t> SafetyPlanService::NextEvaluation(PlanDeadlineStore& store,
                                                          const std::string& case_id) const {
  SCHAKEL_ASSIGN_OR_RETURN(auto open, store.OpenDeadlines(case_id));
  for (const DeadlineRow& d : open) {
    if (d.kind == kEvaluationDeadline) return d.due;
  }
  return 0;
}

void SafetyPlanService::WithEvaluationDate(v1::PlanContent& content) const {
  if (content.has_evaluation_date()) return;
  *content.mutable_evaluation_date() = DateOf(YmdOf(Today() + 7 * default_evaluation_weeks_));
}

void SafetyPlanService::ScheduleScan() {
  if (env_.scheduler == nullptr) return;
  scan_job_ = env_.scheduler->Schedule("safetyplan.deadlines", scan_interval_, [this] {
    if (absl::StatusOr<int> acted = ScanDeadlines(); !acted.ok()) {
      LogEvent(LogLevel::kWarning, "safetyplan.deadline_scan_failed",
               {{"code", absl::StatusCodeToString(acted.status().code())}});
    }
  });
}

absl::StatusOr<int> SafetyPlanService::ScanDeadlines() {
  absl::MutexLock lock(&scan_mu_);
  const int64_t now = absl::ToUnixMicros(env_.clock->Now());
  const int64_t today = YmdOf(Today());
  std::vector<int64_t> due;
  SCHAKEL_RETURN_IF_ERROR(rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
    PlanDeadlineStore store(c);
    SCHAKEL_ASSIGN_OR_RETURN(due, store.DueOn(today));
    return absl::OkStatus();
  }));
  Caller system;
  system.principal = env_.internal->host;
  int acted = 0;
  // Each deadline in a transaction of its own: one that fails is logged and holds up no other.
  for (const int64_t id : due) {
    const absl::Status st = rt_.db->Transaction([&](sqlite::Connection& c) -> absl::Status {
      PlanDeadlineStore store(c);
      SCHAKEL_ASSIGN_OR_RETURN(auto d, store.GetDeadline(id));
      if (!d || d->done_at != 0) return absl::OkStatus();  // done meanwhile
      std::string event;
      if (d->due < today && d->escalated_at == 0) {
        // Passed: the director once, the owning organisation's supervisors once. A reminder not
        // sent by now (the service was down) would come too late; the escalation says it all.
        if (!d->director_id.empty()) {
          SCHAKEL_RETURN_IF_ERROR(store.AddInboxItem(id, kEscalationItem, d->director_id, "", now));
        }
        SCHAKEL_RETURN_IF_ERROR(
            store.AddInboxItem(id, kEscalationItem, "", d->owner_organisation_id, now));
        SCHAKEL_RETURN_IF_ERROR(store.MarkEscalated(id, now));
        SCHAKEL_RETURN_IF_ERROR(store.MarkReminded(id, now));
        const auto [nl, en] = Subject(*d);
        SCHAKEL_RETURN_IF_ERROR(
            Timeline(c, system, d->case_id, "plan.deadline_passed",
                     absl::StrCat("Niet op tijd: ", nl, " (uiterlijk ", DutchDate(d->due),
                                  "); casusregisseur en leidinggevenden ingelicht / Overdue: ", en,
                                  "; the case director and supervisors told")));
        event = "plan.deadline_escalated";
      } else if (d->due >= today && d->reminded_at == 0 && d->remind_on <= today) {
        if (!d->owner_id.empty()) {
          SCHAKEL_RETURN_IF_ERROR(store.AddInboxItem(id, kReminderItem, d->owner_id, "", now));
        }
        SCHAKEL_RETURN_IF_ERROR(store.MarkReminded(id, now));
        event = "plan.deadline_reminded";
      } else {
        return absl::OkStatus();
      }
      v1::AuditRecord rec = rt_.audit->NewRecord(system, v1::AUDIT_ACTION_UPDATE, event);
      AddObject(rec, "case", d->case_id, v1::SENSITIVITY_CARE);
      AddObject(rec, "plan-deadline", absl::StrCat(id));
      rec.set_purpose_of_use("deadline monitoring of safety plans");
      SCHAKEL_RETURN_IF_ERROR(rt_.audit->Record(c, rec));
      ++acted;
      return absl::OkStatus();
    });
    if (!st.ok()) {
      LogEvent(LogLevel::kError, "safetyplan.deadline_not_settled",
               {{"deadline", id},
                {"code", absl::StatusCodeToString(st.code())},
                {"detail", st.message()}});
    }
  }
  if (acted > 0) LogEvent(LogLevel::kInfo, "safetyplan.deadlines_acted", {{"deadlines", acted}});
  return acted;
}

grpc::ServerUnaryReactor* SafetyPlanService::ListPlanInbox(grpc::CallbackServerContext* ctx,
                                                           const v1::ListPlanInboxRequest*,
                                                           v1::ListPlanInboxResponse* resp) {
  auto handler = [this, resp](const Caller& caller) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(DirectoryEntry entry, rt_.roles->Resolve(caller.principal.id));
    const std::string supervisor_of =
        entry.HasAnyRole({v1::ROLE_SUPERVISOR}) ? caller.principal.organisation_id : "";
    const int64_t today = YmdOf(Today());
    const ReadSpec spec{.audit = rt_.audit.get(),
                        .caller = &caller,
                        .event_type = "plan.inbox.read",
                        .purpose_of_use = "safety plan deadlines",
                        .response = resp};
    return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      return rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
        PlanDeadlineStore store(c);
        SCHAKEL_ASSIGN_OR_RETURN(auto rows, store.Inbox(caller.principal.id, supervisor_of));
        for (const InboxRow& r : rows) {
          v1::PlanInboxItem* item = resp->add_items();
          item->set_id(r.id);
          item->set_kind(ItemKindOf(r.kind));
          item->set_about(KindOf(r.deadline.kind));
          item->set_case_id(r.deadline.case_id);
          item->set_version(r.deadline.version);
          item->set_subject_id(r.deadline.subject_id);
          *item->mutable_due() = DateOf(r.deadline.due);
          SetTime(item->mutable_created_at(), r.created_at);
          item->set_text(ItemText(r.kind, r.deadline));
          item->set_overdue(r.deadline.due < today);
          AddObject(rec, "case", r.deadline.case_id, v1::SENSITIVITY_CARE);
        }
        SetTime(resp->mutable_as_of(), absl::ToUnixMicros(env_.clock->Now()));
        return absl::OkStatus();
      });
    });
  };
  return Handle(ctx, "ListPlanInbox", "", std::move(handler));
}

}  // namespace schakel::safetyplan
