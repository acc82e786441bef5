// Feedback to the reporter (terugkoppeling) and the end of an investigation: the task each
// decision opens (AfterAssessment, CompleteInvestigation), ListFeedbackTasks and RecordFeedback.
// The timer of the tasks' terms is in intake_clocks.cc, the figures in intake_report.cc.
#include "services/intake/intake_feedback.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/common/proto_time.h"
#include "services/common/validation.h"
#include "services/intake/intake_service.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::intake {
namespace {

constexpr char kFeedbackPurpose[] = "feedback to the reporter";
constexpr absl::Duration kDoneShown = absl::Hours(24 * 30);
constexpr int kMaxTasksShown = 500;

}  // namespace

v1::FeedbackScope FeedbackScopeOf(const v1::Reporter& reporter) {
  switch (reporter.type()) {
    case v1::REPORTER_TYPE_PROFESSIONAL:
    case v1::REPORTER_TYPE_POLICE:
      return v1::FEEDBACK_SCOPE_FULL;
    case v1::REPORTER_TYPE_CITIZEN:
      return reporter.anonymous() ? v1::FEEDBACK_SCOPE_UNSPECIFIED : v1::FEEDBACK_SCOPE_LIMITED;
    default:
      return v1::FEEDBACK_SCOPE_UNSPECIFIED;
  }
}

std::string OccasionColumn(v1::FeedbackOccasion occasion) {
  switch (occasion) {
    case v1::FEEDBACK_OCCASION_ASSESSMENT:
      return kAfterAssessment;
    case v1::FEEDBACK_OCCASION_INVESTIGATION:
      return kAfterInvestigation;
    default:
      return "";
  }
}

v1::FeedbackOccasion OccasionOf(const std::string& column) {
  if (column == kAfterAssessment) return v1::FEEDBACK_OCCASION_ASSESSMENT;
  if (column == kAfterInvestigation) return v1::FEEDBACK_OCCASION_INVESTIGATION;
  return v1::FEEDBACK_OCCASION_UNSPECIFIED;
}

std::string FeedbackClock(const std::string& occasion) {
  return occasion == kAfterInvestigation ? "feedback_investigation" : "feedback";
}

std::string DueText(int64_t due_us) {
  // A term ending at 24:00 is shown as that day's 24:00, not the next day's 00:00.
  const absl::Time t = absl::FromUnixMicros(due_us);
  const absl::CivilSecond cs = absl::ToCivilSecond(t, calendar::Amsterdam());
  if (cs.hour() == 0 && cs.minute() == 0 && cs.second() == 0) {
    const absl::CivilDay day = absl::CivilDay(cs) - 1;
    return absl::StrFormat("%02d-%02d-%04d 24:00", day.day(), day.month(), day.year());
  }
  return absl::FormatTime("%d-%m-%Y %H:%M", t, calendar::Amsterdam());
}

std::vector<FeedbackSignal> PendingFeedbackSignals(const FeedbackRow& f,
                                                   const calendar::WorkingDayCalendar& calendar) {
  std::vector<FeedbackSignal> out;
  if (f.given_at) return out;
  const absl::Time due = absl::FromUnixMicros(f.due);
  if ((f.signals_sent & kFeedbackReminder) == 0) {
    out.push_back({kFeedbackReminder, "reminder", ReminderTime(due, false, calendar)});
  }
  if ((f.signals_sent & kFeedbackEscalation) == 0) {
    out.push_back({kFeedbackEscalation, "escalation", due});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const FeedbackSignal& a, const FeedbackSignal& b) { return a.at < b.at; });
  return out;
}

std::optional<int64_t> NextFeedbackSignalAt(const FeedbackRow& f,
                                            const calendar::WorkingDayCalendar& calendar) {
  const auto pending = PendingFeedbackSignals(f, calendar);
  if (pending.empty()) return std::nullopt;
  return absl::ToUnixMicros(pending.front().at);
}

v1::FeedbackTask FeedbackTaskProto(const FeedbackRow& f, absl::Time now) {
  v1::FeedbackTask t;
  t.set_report_id(f.report_id);
  t.set_occasion(OccasionOf(f.occasion));
  t.set_reporter_type(f.reporter_type);
  t.set_scope(f.scope);
  SetTime(t.mutable_decided_at(), f.decided_at);
  SetTime(t.mutable_due(), f.due);
  t.set_assignee(f.assignee);
  const int64_t now_us = absl::ToUnixMicros(now);
  const std::string due = DueText(f.due);
  const std::string after_nl = f.occasion == kAfterInvestigation ? " na onderzoek" : "";
  const std::string after_en = f.occasion == kAfterInvestigation ? " after the investigation" : "";
  if (f.given_at) {
    t.set_done(true);
    *t.mutable_given() = f.given;
    SetTime(t.mutable_given()->mutable_given_at(), *f.given_at);
    t.mutable_given()->set_given_by(f.given_by);
    if (f.record_time) SetTime(t.mutable_given()->mutable_record_time(), *f.record_time);
    t.set_text(absl::StrCat("Terugkoppeling aan melder", after_nl, " gegeven / Feedback to the ",
                            "reporter", after_en, " given"));
    return t;
  }
  t.set_seconds_left((f.due - now_us) / 1000000);
  t.set_overdue(f.due <= now_us);
  if (t.overdue()) {
    t.set_text(absl::StrCat("Terugkoppeling aan melder", after_nl, " niet op tijd (termijn ", due,
                            ") / Feedback to the reporter", after_en, " overdue (term ", due, ")"));
  } else {
    t.set_text(absl::StrCat("Terugkoppeling aan melder", after_nl, " uiterlijk ", due,
                            " / Feedback to the reporter", after_en, " due by ", due));
  }
  return t;
}

absl::Status IntakeService::AfterAssessment(sqlite::Connection& c, const ReportRow& row,
                                            const Caller& caller, absl::Time now) const {
  FeedbackStore feedback(c, *sealer_);
  SCHAKEL_RETURN_IF_ERROR(feedback.SetAssessed(row.id, absl::ToUnixMicros(now),
                                               static_cast<int>(row.body.assessment().route())));
  // End of involvement: Veilig Thuis closes the file, and its retention term starts.
  if (row.body.assessment().route() == v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT) {
    SCHAKEL_RETURN_IF_ERROR(RetentionStore(c, *sealer_).SetClosed(row.id, absl::ToUnixMicros(now)));
  }
  return OpenFeedbackTask(c, row, kAfterAssessment, caller.principal.id, now, nullptr);
}

absl::Status IntakeService::OpenFeedbackTask(sqlite::Connection& c, const ReportRow& row,
                                             const std::string& occasion,
                                             const std::string& assignee, absl::Time now,
                                             v1::FeedbackTask* out) const {
  const v1::FeedbackScope scope = FeedbackScopeOf(row.body.input().reporter());
  if (scope == v1::FEEDBACK_SCOPE_UNSPECIFIED) return absl::OkStatus();
  FeedbackRow f;
  f.report_id = row.id;
  f.occasion = occasion;
  f.region = row.region;
  f.reporter_type = row.body.input().reporter().type();
  f.scope = scope;
  f.decided_at = absl::ToUnixMicros(now);
  f.due = absl::ToUnixMicros(calendar_->DeadlineAfter(now, feedback_days_));
  f.assignee = assignee;
  f.next_signal_at = NextFeedbackSignalAt(f, *calendar_);
  SCHAKEL_RETURN_IF_ERROR(FeedbackStore(c, *sealer_).Insert(f));
  if (out != nullptr) *out = FeedbackTaskProto(f, now);
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* IntakeService::ListFeedbackTasks(grpc::CallbackServerContext* ctx,
                                                           const v1::ListFeedbackTasksRequest* req,
                                                           v1::ListFeedbackTasksResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(Desk desk, DeskOf(caller));
    if (!desk.veilig_thuis) {
      return absl::PermissionDeniedError("feedback to reporters is Veilig Thuis's");
    }
    const absl::Time now = env_.clock->Now();
    const ReadSpec spec{.audit = rt_.audit.get(),
                        .caller = &caller,
                        .event_type = "intake.feedback.read",
                        .purpose_of_use = kFeedbackPurpose,
                        .response = resp};
    return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      AddObject(rec, "region", v1::Region_Name(desk.region));
      return rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
        FeedbackStore store(c, *sealer_);
        std::optional<int64_t> done_since;
        if (req->include_done()) done_since = absl::ToUnixMicros(now - kDoneShown);
        SCHAKEL_ASSIGN_OR_RETURN(auto rows,
                                 store.List(desk.region, done_since, kMaxTasksShown, true));
        int open = 0, overdue = 0;
        SCHAKEL_RETURN_IF_ERROR(
            store.CountOpen(desk.region, absl::ToUnixMicros(now), open, overdue));
        resp->set_open(open);
        resp->set_overdue(overdue);
        for (const FeedbackRow& f : rows) {
          *resp->add_tasks() = FeedbackTaskProto(f, now);
          AddObject(rec, "report", f.report_id, v1::SENSITIVITY_CARE);
        }
        return absl::OkStatus();
      });
    });
  };
  return Handle(ctx, "ListFeedbackTasks", {}, std::move(handler));
}

grpc::ServerUnaryReactor* IntakeService::RecordFeedback(grpc::CallbackServerContext* ctx,
                                                        const v1::RecordFeedbackRequest* req,
                                                        v1::RecordFeedbackResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::Time now = env_.clock->Now();
    const v1::FeedbackGiven& given = req->feedback();
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->report_id().empty()) v.Add("report_id", "must be set");
    if (OccasionColumn(req->occasion()).empty()) {
      v.Add("occasion", "must be ASSESSMENT or INVESTIGATION");
    }
    if (!given.has_given_at()) {
      v.Add("feedback.given_at", "must be set");
    } else if (!ValidTimestamp(given.given_at())) {
      v.Add("feedback.given_at", "must be a valid time");
    } else if (ToTime(given.given_at()) > now + kFutureLeeway) {
      v.Add("feedback.given_at", "must not be in the future");
    }
    if (given.method() == v1::FEEDBACK_METHOD_UNSPECIFIED ||
        !v1::FeedbackMethod_IsValid(given.method())) {
      v.Add("feedback.method", "must be PHONE, MAIL, LETTER or IN_PERSON");
    }
    CheckText(v, "feedback.note", given.note(), 2000, true);
    CheckText(v, "feedback.taken_over_by", given.taken_over_by(), 200, false);
    CheckText(v, "feedback.reporter_part", given.reporter_part(), 2000, false);
    CheckRepeatedLimits(v, *req);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(Desk desk, DeskOf(caller));
    if (!desk.veilig_thuis) return absl::PermissionDeniedError(kNoReportForYou);
    const std::string occasion = OccasionColumn(req->occasion());

    auto change = [&](sqlite::Connection& c) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(auto row,
                               IntakeStore(c, *sealer_).GetReport(req->report_id(), false));
      if (!row) return absl::PermissionDeniedError(kNoReportForYou);
      SCHAKEL_RETURN_IF_ERROR(MaySee(caller, desk, *row, {v1::ROLE_VT_INTAKE}));
      FeedbackStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto task, store.Get(row->id, occasion, false));
      if (!task) {
        return absl::FailedPreconditionError(
            "geen terugkoppeling voor deze melding en dit moment / no feedback task for this "
            "report and occasion (an anonymous reporter gets none)");
      }
      if (task->given_at) {
        return absl::FailedPreconditionError(
            "terugkoppeling is al vastgelegd / the feedback was recorded already");
      }
      FieldViolations late;
      if (task->scope == v1::FEEDBACK_SCOPE_LIMITED) {
        constexpr char kCitizen[] =
            "is not told to a citizen reporter (only whether follow-up started)";
        if (!given.taken_over_by().empty()) late.Add("feedback.taken_over_by", kCitizen);
        if (!given.reporter_part().empty()) late.Add("feedback.reporter_part", kCitizen);
      }
      if (ToMicros(given.given_at()) < task->decided_at) {
        late.Add("feedback.given_at", "is before the decision it tells of");
      }
      SCHAKEL_RETURN_IF_ERROR(late.ToStatus());
      task->given = given;
      task->given.clear_given_at();
      task->given.clear_given_by();
      task->given.clear_record_time();
      task->given_at = ToMicros(given.given_at());
      task->given_by = caller.principal.id;
      task->record_time = absl::ToUnixMicros(now);
      task->next_signal_at.reset();
      SCHAKEL_ASSIGN_OR_RETURN(bool marked, store.MarkGiven(*task));
      if (!marked) return absl::AbortedError("the feedback task changed meanwhile; read it again");
      *resp->mutable_task() = FeedbackTaskProto(*task, now);
      v1::AuditRecord rec = ReportRecord(*rt_.audit, caller, v1::AUDIT_ACTION_UPDATE,
                                         "intake.feedback.recorded", row->id, kFeedbackPurpose);
      AddObject(rec, "feedback", absl::StrCat(row->id, "/", occasion));
      return rt_.audit->Record(c, rec);
    };
    const ChangeSpec spec{
        .db = rt_.db.get(),
        .caller = &caller,
        .method = "RecordFeedback",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .now = now,
        .protector = rt_.cipher.get(),
        .on_replay = [&](sqlite::Connection& c) -> absl::Status {
          return RecordReplay(c, caller, desk, req->report_id(), {v1::ROLE_VT_INTAKE},
                              "intake.feedback.replayed", kFeedbackPurpose);
        },
    };
    return RunChange(spec, nullptr, change);
  };
  return Handle(ctx, "RecordFeedback", AskedReport(req->report_id()), std::move(handler));
}

grpc::ServerUnaryReactor* IntakeService::CompleteInvestigation(
    grpc::CallbackServerContext* ctx, const v1::CompleteInvestigationRequest* req,
    v1::CompleteInvestigationResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::Time now = env_.clock->Now();
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->report_id().empty()) v.Add("report_id", "must be set");
    CheckText(v, "conclusion", req->conclusion(), kDescriptionMax, true);
    if (req->follow_up() == v1::INVESTIGATION_FOLLOW_UP_UNSPECIFIED ||
        !v1::InvestigationFollowUp_IsValid(req->follow_up())) {
      v.Add("follow_up", "must be set");
    }
    CheckText(v, "follow_up_note", req->follow_up_note(), 2000, false);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(Desk desk, DeskOf(caller));
    if (!desk.veilig_thuis) return absl::PermissionDeniedError(kNoReportForYou);

    auto change = [&](sqlite::Connection& c) -> absl::Status {
      IntakeStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto meta, store.GetReport(req->report_id(), false));
      if (!meta) return absl::PermissionDeniedError(kNoReportForYou);
      SCHAKEL_RETURN_IF_ERROR(MaySee(caller, desk, *meta, {v1::ROLE_VT_INTAKE}));
      SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetReport(req->report_id(), true));
      if (!req->etag().empty() && req->etag() != absl::StrCat(row->version)) {
        return absl::AbortedError("the report changed meanwhile; read it again");
      }
      if (row->state != v1::REPORT_STATE_ASSESSED || !row->investigation_due) {
        return absl::FailedPreconditionError(
            "geen onderzoek bij deze melding / this report has no investigation by Veilig Thuis "
            "(route INVESTIGATION)");
      }
      if (row->body.has_investigation_end()) {
        return absl::FailedPreconditionError(
            "het onderzoek is al afgerond / the investigation has ended already");
      }
      v1::InvestigationEnd* end = row->body.mutable_investigation_end();
      end->set_conclusion(req->conclusion());
      end->set_follow_up(req->follow_up());
      end->set_follow_up_note(req->follow_up_note());
      end->set_completed_by(caller.principal.id);
      SetTime(end->mutable_complete_time(), now);
      end->set_on_time(absl::ToUnixMicros(now) <= *row->investigation_due);
      // The term stops: no reminder or escalation of it any more.
      row->next_signal_at.reset();
      SCHAKEL_RETURN_IF_ERROR(store.UpdateReport(*row));
      SCHAKEL_RETURN_IF_ERROR(
          FeedbackStore(c, *sealer_).SetInvestigationCompleted(row->id, absl::ToUnixMicros(now)));
      // Veilig Thuis's involvement ends with the investigation, unless it monitors conditions.
      if (req->follow_up() != v1::INVESTIGATION_FOLLOW_UP_CONDITIONS_FOLLOW_UP) {
        SCHAKEL_RETURN_IF_ERROR(
            RetentionStore(c, *sealer_).SetClosed(row->id, absl::ToUnixMicros(now)));
      }
      SCHAKEL_RETURN_IF_ERROR(OpenFeedbackTask(c, *row, kAfterInvestigation, caller.principal.id,
                                               now, resp->mutable_feedback()));
      *resp->mutable_report() = ToProto(*row);
      v1::AuditRecord rec =
          ReportRecord(*rt_.audit, caller, v1::AUDIT_ACTION_UPDATE,
                       "intake.investigation.completed", row->id, "investigation by Veilig Thuis");
      AddObject(rec, "follow_up", v1::InvestigationFollowUp_Name(req->follow_up()));
      return rt_.audit->Record(c, rec);
    };
    const ChangeSpec spec{
        .db = rt_.db.get(),
        .caller = &caller,
        .method = "CompleteInvestigation",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .now = now,
        .protector = rt_.cipher.get(),
        .on_replay = [&](sqlite::Connection& c) -> absl::Status {
          return RecordReplay(c, caller, desk, req->report_id(), {v1::ROLE_VT_INTAKE},
                              "intake.investigation.replayed", "investigation by Veilig Thuis");
        },
    };
    return RunChange(spec, nullptr, change);
  };
  return Handle(ctx, "CompleteInvestigation", AskedReport(req->report_id()), std::move(handler));
}

}  // namespace schakel::intake
