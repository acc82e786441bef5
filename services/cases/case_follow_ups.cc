// Follow-up checks after closure: recording a check's outcome (a failed one may reopen the case),
// the reminder one working day before a check falls due and the escalation once it is missed —
// each sent exactly once (guarded by the check's stored remind_time / escalate_time in the
// transaction that sends it; alerts are UNIQUE per check, kind and recipient) — and the list of
// alerts a director or supervisor reads.
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "services/cases/case_change.h"
#include "services/cases/case_rules.h"
#include "services/cases/case_service.h"
#include "services/cases/case_store.h"
#include "services/cases/case_validation.h"
#include "services/cases/case_views.h"
#include "services/common/audit_trail.h"
#include "services/common/etag.h"
#include "services/common/log.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/redaction/need_to_know.h"
#include "services/runtime/page_token.h"

namespace schakel::cases {
namespace {

// How often the scheduler looks for reminders and escalations; a scan is one indexed read when
// nothing is due. ListFollowUpsDue scans first, so a reader never sees a stale list.
constexpr absl::Duration kFollowUpScanInterval = absl::Minutes(1);
// Scheduled checks due within this many days are looked at: the last working day before a due
// date lies at most a few days before it (a weekend with Christmas, equated days).
constexpr int kReminderLookaheadDays = 31;

// The day the reminder of a check due on `due` goes out: the last working day before it.
absl::CivilDay ReminderDay(const calendar::WorkingDayCalendar& cal, absl::CivilDay due) {
  absl::CivilDay day = due - 1;
  while (!cal.IsWorkingDay(day)) --day;
  return day;
}

}  // namespace

void CaseService::ScheduleFollowUpScan() {
  if (env_.scheduler == nullptr) return;
  follow_up_job_ = env_.scheduler->Schedule("cases.follow_ups", kFollowUpScanInterval, [this] {
    if (absl::StatusOr<int> sent = ScanFollowUps(); !sent.ok()) {
      LogEvent(LogLevel::kWarning, "cases.follow_up_scan_failed",
               {{"code", absl::StatusCodeToString(sent.status().code())}});
    }
  });
}

void CaseService::Stop() {
  follow_up_job_.Cancel();
  retention_job_.Cancel();
}

absl::StatusOr<int> CaseService::ScanFollowUps() {
  absl::MutexLock lock(&scan_mu_);
  const absl::Time now = env_.clock->Now();
  const absl::CivilDay today = AmsterdamToday(now);
  std::vector<PendingFollowUp> pending;
  SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
    CaseStore store(c, *sealer_);
    SCHAKEL_ASSIGN_OR_RETURN(
        pending, store.PendingFollowUps(DateString(FromCivilDay(today + kReminderLookaheadDays))));
    return absl::OkStatus();
  }));
  Caller system;
  system.principal = env_.internal->host;
  int sent = 0;
  for (const PendingFollowUp& p : pending) {
    // Missed: the due date has passed. A reminder that would come after that is overtaken by the
    // escalation and never sent.
    const bool escalate = !p.escalated && today > p.due;
    const bool remind = !p.reminded && !escalate && today >= ReminderDay(*calendar_, p.due);
    if (!escalate && !remind) continue;
    const v1::FollowUpAlertKind kind =
        escalate ? v1::FOLLOW_UP_ALERT_KIND_ESCALATION : v1::FOLLOW_UP_ALERT_KIND_REMINDER;
    const std::string due = DateString(FromCivilDay(p.due));
    // Each check in a transaction of its own: one that cannot be settled is logged and skipped,
    // and holds up no other.
    const absl::Status st = db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
      CaseStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetCase(p.case_id));
      if (!row || row->status != v1::CASE_STATUS_CLOSED) return absl::OkStatus();
      SCHAKEL_ASSIGN_OR_RETURN(auto f, store.GetFollowUp(p.case_id, p.id));
      // Recorded, cancelled or sent meanwhile (by the timer or a call): nothing to do.
      if (!f || f->status() != v1::FOLLOW_UP_STATUS_SCHEDULED) return absl::OkStatus();
      if (escalate ? f->has_escalate_time() : f->has_remind_time()) return absl::OkStatus();
      SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(p.case_id, false));
      const v1::TeamMember* director = nullptr;
      for (const auto& m : team) {
        if (m.role() == v1::CASE_ROLE_CASE_DIRECTOR) director = &m;
      }
      if (director == nullptr) return absl::InternalError("a case without a director");
      FollowUpAlertRow alert{.case_id = p.case_id,
                             .follow_up_id = p.id,
                             .kind = kind,
                             .professional_id = director->professional_id(),
                             .create_time = now};
      SCHAKEL_RETURN_IF_ERROR(store.AddFollowUpAlert(alert).status());
      TimelineRow event;
      event.time = now;
      event.source_service = "cases";
      v1::AuditRecord rec;
      if (escalate) {
        SCHAKEL_RETURN_IF_ERROR(store.MarkFollowUpEscalated(p.case_id, p.id, now));
        // The overtaken reminder is never sent either.
        SCHAKEL_RETURN_IF_ERROR(store.MarkFollowUpReminded(p.case_id, p.id, now));
        alert.professional_id.clear();
        alert.organisation_id = director->organisation_id();
        SCHAKEL_RETURN_IF_ERROR(store.AddFollowUpAlert(alert).status());
        event.type = "follow_up.missed";
        event.summary = absl::StrCat(
            "Vervolgcontrole van ", due,
            " niet vastgelegd; regisseur en leidinggevenden ingelicht / Follow-up check due ", due,
            " not recorded; director and supervisors told");
        rec = audit_->NewRecord(system, v1::AUDIT_ACTION_UPDATE, "case.follow_up.escalated");
      } else {
        SCHAKEL_RETURN_IF_ERROR(store.MarkFollowUpReminded(p.case_id, p.id, now));
        event.type = "follow_up.reminder";
        event.summary = absl::StrCat("Herinnering aan de regisseur: vervolgcontrole op ", due,
                                     " / Reminder to the director: follow-up check due ", due);
        rec = audit_->NewRecord(system, v1::AUDIT_ACTION_UPDATE, "case.follow_up.reminded");
      }
      SCHAKEL_RETURN_IF_ERROR(store.AppendTimeline(p.case_id, event));
      AddCaseObject(rec, p.case_id);
      AddObject(rec, "follow_up", p.id);
      AddObject(rec, "professional", director->professional_id());
      rec.set_purpose_of_use("follow-up monitoring after closure (MDA++)");
      SCHAKEL_RETURN_IF_ERROR(audit_->Record(c, rec));
      ++sent;
      return absl::OkStatus();
    });
    if (!st.ok()) {
      LogEvent(LogLevel::kError, "cases.follow_up_not_settled",
               {{"case", p.case_id},
                {"follow_up", p.id},
                {"code", absl::StatusCodeToString(st.code())},
                {"detail", st.message()}});
    }
  }
  if (sent > 0) LogEvent(LogLevel::kInfo, "cases.follow_ups_alerted", {{"alerts", sent}});
  return sent;
}

grpc::ServerUnaryReactor* CaseService::RecordFollowUp(grpc::CallbackServerContext* ctx,
                                                      const v1::RecordFollowUpRequest* req,
                                                      v1::RecordFollowUpResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    if (req->follow_up_id().empty()) v.Add("follow_up_id", "must be set");
    const bool unsafe = req->outcome() == v1::FOLLOW_UP_OUTCOME_UNSAFE;
    if (req->outcome() != v1::FOLLOW_UP_OUTCOME_SAFE && !unsafe) {
      v.Add("outcome", "must be SAFE or UNSAFE");
    }
    CheckText(v, "note", req->note(), kTextMax, unsafe);
    if (req->note_sensitivity() != v1::SENSITIVITY_UNSPECIFIED) {
      CheckSensitivity(v, "note_sensitivity", req->note_sensitivity());
    }
    if (req->reopen() && !unsafe) v.Add("reopen", "only a failed (UNSAFE) check reopens the case");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return ChangeCase(
        {.caller = &caller,
         .method = "RecordFollowUp",
         .request = req,
         .response = resp,
         .request_id = req->request_id(),
         .case_id = req->case_id(),
         .need = Need::kEdit,
         .allow_closed = true,
         .action = v1::AUDIT_ACTION_UPDATE,
         .event_type = "case.follow_up.recorded"},
        [&](Mutation& m) -> absl::Status {
          if (m.row.status != v1::CASE_STATUS_CLOSED) {
            return absl::FailedPreconditionError(
                "the case is open; follow-up checks are recorded on a closed case");
          }
          if (req->reopen() && !m.access.is_director()) {
            return absl::PermissionDeniedError("only the case director reopens the case");
          }
          SCHAKEL_ASSIGN_OR_RETURN(auto f, m.store.GetFollowUp(m.row.id, req->follow_up_id()));
          if (!f) return absl::NotFoundError("no follow-up check with that id on this case");
          if (f->status() != v1::FOLLOW_UP_STATUS_SCHEDULED) {
            return absl::FailedPreconditionError(
                absl::StrCat("this follow-up check is not scheduled (",
                             v1::FollowUpStatus_Name(f->status()), ")"));
          }
          const v1::Sensitivity sensitivity =
              SensitivityOrDefault(req->note_sensitivity(), m.access.organisation_type);
          f->set_status(unsafe ? v1::FOLLOW_UP_STATUS_FAILED : v1::FOLLOW_UP_STATUS_DONE);
          f->set_outcome(req->outcome());
          f->set_note(req->note());
          f->set_note_sensitivity(sensitivity);
          SetTime(f->mutable_record_time(), m.now);
          f->set_recorded_by(caller.principal.id);
          SCHAKEL_RETURN_IF_ERROR(m.store.SaveFollowUpRecord(m.row.id, *f));
          AddObject(m.audit, "follow_up", f->id());
          const std::string due = DateString(f->due_date());
          // The note is content: it stays on the check, under its sensitivity.
          m.Event("follow_up.recorded",
                  unsafe
                      ? absl::StrCat("Vervolgcontrole van ", due,
                                     " mislukt: niet veilig / Follow-up check due ", due,
                                     " failed: not safe")
                      : absl::StrCat("Vervolgcontrole van ", due,
                                     " gedaan: veilig / Follow-up check due ", due, " done: safe"));
          v1::FollowUp shown = *f;
          if (req->reopen()) {
            m.row.status = v1::CASE_STATUS_OPEN;
            SCHAKEL_RETURN_IF_ERROR(
                m.store.CancelScheduledFollowUps(m.row.id, DateString(FromCivilDay(m.today))));
            m.Event("case.reopened",
                    absl::StrCat("Casus heropend na een mislukte vervolgcontrole / Case reopened "
                                 "after a failed follow-up check: ",
                                 req->note()),
                    sensitivity);
            SCHAKEL_RETURN_IF_ERROR(AnnounceStatusChange(m, v1::CASE_EVENT_TYPE_REOPENED, caller,
                                                         *resp->mutable_case_()));
          } else {
            SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_case_(),
                                     BuildCase(m.store, m.row, m.access, m.today));
            resp->mutable_case_()->set_etag(Etag(m.row.version + 1));  // as SaveCase will write
          }
          DecorateFollowUp(shown, m.access, m.row.status, m.today);
          *resp->mutable_follow_up() = std::move(shown);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "RecordFollowUp", AskedCase(req->case_id(), "follow_up", req->follow_up_id()),
                std::move(handler));
}

grpc::ServerUnaryReactor* CaseService::ListFollowUpsDue(grpc::CallbackServerContext* ctx,
                                                        const v1::ListFollowUpsDueRequest* req,
                                                        v1::ListFollowUpsDueResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    const Page page = DecodePage(v, *req, "cases.follow_ups_due");
    int64_t after_seq = 0;
    if (!page.after.empty() && !absl::SimpleAtoi(page.after, &after_seq)) {
      v.Add("page_token", "is not a token this service gave out");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    // What fell due since the last scan is shown at once.
    if (absl::StatusOr<int> sent = ScanFollowUps(); !sent.ok()) {
      LogEvent(LogLevel::kWarning, "cases.follow_up_scan_failed",
               {{"code", absl::StatusCodeToString(sent.status().code())}});
    }
    const bool supervisor = caller.entry.HasAnyRole({v1::ROLE_SUPERVISOR});
    v1::AuditRecord rec =
        audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "case.follow_ups_due.listed");
    rec.set_purpose_of_use("follow-up monitoring after closure (MDA++)");
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      CaseStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(
          auto rows, store.ListFollowUpAlerts(caller.principal.id, caller.principal.organisation_id,
                                              supervisor, after_seq, page.limit + 1));
      const bool more = static_cast<int>(rows.size()) > page.limit;
      if (more) rows.pop_back();
      const absl::CivilDay today = AmsterdamToday(env_.clock->Now());
      for (const FollowUpAlertRow& a : rows) {
        // Only while the caller may still see the case (a director who handed the role over
        // keeps the alert only as long as they stay on the team).
        SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(a.case_id, false));
        if (!AccessFromTeam(team, caller.principal.id, caller.principal.organisation_id,
                            caller.entry.HasOversightRole())
                 .allowed()) {
          continue;
        }
        v1::FollowUpAlert& out = *resp->add_alerts();
        out.set_case_id(a.case_id);
        out.set_reference(a.reference);
        out.set_follow_up_id(a.follow_up_id);
        absl::CivilDay due;
        if (absl::ParseCivilTime(a.due_date, &due)) {
          *out.mutable_due_date() = FromCivilDay(due);
          out.set_overdue(due < today);
        }
        out.set_kind(a.kind);
        SetTime(out.mutable_create_time(), a.create_time);
        out.set_honour_related_violence(a.honour_related);
        AddCaseObject(rec, a.case_id);
      }
      if (more) {
        resp->set_next_page_token(
            NextPageToken(*req, "cases.follow_ups_due", absl::StrCat(rows.back().seq)));
      }
      return absl::OkStatus();
    }));
    return audit_->RecordDurably(rec);
  };
  return Handle(ctx, "ListFollowUpsDue", {}, std::move(handler));
}

}  // namespace schakel::cases
