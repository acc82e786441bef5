// The statutory terms at work: the timer that sends each reminder and escalation once
// (ScanClocks: the reports' terms, then the feedback tasks'), and ListSignals, where the people
// they are for find them.
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "services/common/log.h"
#include "services/common/proto_time.h"
#include "services/intake/intake_feedback.h"
#include "services/intake/intake_service.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::intake {
namespace {

// Reports handled per scan; the rest wait for the next one (a scan must stay short: it runs on
// the host's one scheduler thread).
constexpr int kScanBatch = 500;
constexpr absl::Duration kSignalsShown = absl::Hours(24 * 30);

std::string SignalText(const SignalRow& s) {
  std::string what_nl = "Veiligheidsbeoordeling", what_en = "Safety assessment";
  if (s.clock == "acute") {
    what_nl = "Acute melding: actie";
    what_en = "Acute report: action";
  } else if (s.clock == "investigation") {
    what_nl = "Onderzoek";
    what_en = "Investigation";
  } else if (s.clock == "handover") {
    what_nl = "Overdracht: antwoord van de ontvanger";
    what_en = "Handover: the receiver's answer";
  } else if (s.clock == "feedback") {
    what_nl = "Terugkoppeling aan melder";
    what_en = "Feedback to the reporter";
  } else if (s.clock == "feedback_investigation") {
    what_nl = "Terugkoppeling aan melder na onderzoek";
    what_en = "Feedback to the reporter after the investigation";
  }
  const std::string due = DueText(s.due);
  if (s.signal == "reminder") {
    return absl::StrCat(what_nl, " uiterlijk ", due, " / ", what_en, " due by ", due);
  }
  return absl::StrCat(what_nl, " niet op tijd (termijn ", due, ") / ", what_en, " overdue (term ",
                      due, ")");
}

// A reminder goes to the report's holder (the whole team when nobody holds it); an
// investigation's to the investigator. Escalations go to the supervisors ('').
std::string AddresseeOf(const PendingSignal& p, const ReportRow& r, bool held) {
  if (p.signal != "reminder") return "";
  if (p.clock == "investigation") return r.investigator_id;
  return held ? r.claimed_by : "";
}

}  // namespace

std::vector<PendingSignal> IntakeService::PendingOf(const ReportRow& r) const {
  auto time_of = [](const std::optional<int64_t>& us) -> std::optional<absl::Time> {
    if (!us) return std::nullopt;
    return absl::FromUnixMicros(*us);
  };
  switch (r.state) {
    case v1::REPORT_STATE_OPEN:
      return PendingSignals(time_of(r.acute_due), time_of(r.assessment_due), r.signals_sent,
                            *calendar_, time_of(r.investigation_due));
    case v1::REPORT_STATE_ASSESSED:
      // The assessment stopped the acute and assessment terms; an investigation's runs on.
      return PendingSignals(
          std::nullopt, std::nullopt, r.signals_sent, *calendar_, time_of(r.investigation_due),
          r.handover_state == v1::REPORT_HANDOVER_STATE_PROPOSED ? time_of(r.handover_due)
                                                                 : std::nullopt);
    default:
      return {};
  }
}

std::optional<int64_t> IntakeService::NextSignalAt(const ReportRow& r) const {
  const auto pending = PendingOf(r);
  if (pending.empty()) return std::nullopt;
  return absl::ToUnixMicros(pending.front().at);
}

void IntakeService::ScheduleScan() {
  if (env_.scheduler == nullptr) return;
  scan_job_ = env_.scheduler->Schedule("intake.clocks", scan_interval_, [this] {
    if (absl::StatusOr<int> sent = ScanClocks(); !sent.ok()) {
      LogEvent(LogLevel::kError, "intake.clocks_not_scanned",
               {{"error", std::string(sent.status().message())}});
    }
  });
}

absl::StatusOr<int> IntakeService::ScanClocks() {
  absl::MutexLock lock(&scan_mu_);
  const absl::Time now = env_.clock->Now();
  const int64_t now_us = absl::ToUnixMicros(now);
  std::vector<std::string> due;
  SCHAKEL_RETURN_IF_ERROR(rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(due, IntakeStore(c, *sealer_).DueForSignals(now_us, kScanBatch));
    return absl::OkStatus();
  }));
  Caller system;
  system.principal = env_.internal->host;
  int sent_count = 0;
  SCHAKEL_ASSIGN_OR_RETURN(sent_count, ScanFeedbackClocks(system, now));
  for (const std::string& id : due) {
    // Each report in a transaction of its own: one that fails is logged and holds up no other.
    const absl::Status st = rt_.db->Transaction([&](sqlite::Connection& c) -> absl::Status {
      IntakeStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetReport(id, false));
      if (!row || !row->next_signal_at || *row->next_signal_at > now_us) return absl::OkStatus();
      const auto pending = PendingOf(*row);
      int skipped = 0;
      const auto send = SignalsToSend(pending, now, skipped);
      const int previous = row->signals_sent;
      row->signals_sent |= skipped;
      const bool held = !ClaimLapsed(*row, now);
      for (const PendingSignal& p : send) {
        row->signals_sent |= p.bit;
        SignalRow s{.report_id = row->id,
                    .clock = p.clock,
                    .signal = p.signal,
                    .region = row->region,
                    .due = absl::ToUnixMicros(p.due),
                    .addressee = AddresseeOf(p, *row, held),
                    .create_time = now_us};
        SCHAKEL_RETURN_IF_ERROR(store.InsertSignal(s));
        SCHAKEL_RETURN_IF_ERROR(
            rt_.audit->Record(c, ReportRecord(*rt_.audit, system, v1::AUDIT_ACTION_CREATE,
                                              absl::StrCat("intake.clock.", p.clock, ".", p.signal),
                                              row->id, "monitoring of statutory terms")));
        if (p.signal == "escalation") {
          LogEvent(LogLevel::kWarning, "intake.term_passed",
                   {{"report", row->id}, {"clock", p.clock}});
        }
        ++sent_count;
      }
      SCHAKEL_ASSIGN_OR_RETURN(
          bool marked, store.MarkSignals(row->id, previous, row->signals_sent, NextSignalAt(*row)));
      if (!marked) return absl::AbortedError("the report's signals changed meanwhile");
      return absl::OkStatus();
    });
    if (!st.ok()) {
      LogEvent(LogLevel::kError, "intake.signal_not_sent",
               {{"report", id}, {"error", std::string(st.message())}});
    }
  }
  return sent_count;
}

absl::StatusOr<int> IntakeService::ScanFeedbackClocks(const Caller& system, absl::Time now) {
  const int64_t now_us = absl::ToUnixMicros(now);
  std::vector<std::pair<std::string, std::string>> due;
  SCHAKEL_RETURN_IF_ERROR(rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(due, FeedbackStore(c, *sealer_).DueForSignals(now_us, kScanBatch));
    return absl::OkStatus();
  }));
  int sent_count = 0;
  for (const auto& [report_id, occasion] : due) {
    // Each task in a transaction of its own, like the reports' terms.
    const absl::Status st = rt_.db->Transaction([&](sqlite::Connection& c) -> absl::Status {
      FeedbackStore feedback(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto task, feedback.Get(report_id, occasion, false));
      if (!task || task->given_at || !task->next_signal_at || *task->next_signal_at > now_us) {
        return absl::OkStatus();
      }
      const int previous = task->signals_sent;
      const std::string clock = FeedbackClock(occasion);
      for (const FeedbackSignal& p : PendingFeedbackSignals(*task, *calendar_)) {
        if (p.at > now) continue;
        task->signals_sent |= p.bit;
        // A reminder whose term has passed too helps nobody: the escalation says more.
        if (p.signal == "reminder" && task->due <= now_us) continue;
        SignalRow s{.report_id = report_id,
                    .clock = clock,
                    .signal = p.signal,
                    .region = task->region,
                    .due = task->due,
                    .addressee = p.signal == "reminder" ? task->assignee : "",
                    .create_time = now_us};
        SCHAKEL_RETURN_IF_ERROR(IntakeStore(c, *sealer_).InsertSignal(s));
        SCHAKEL_RETURN_IF_ERROR(
            rt_.audit->Record(c, ReportRecord(*rt_.audit, system, v1::AUDIT_ACTION_CREATE,
                                              absl::StrCat("intake.clock.", clock, ".", p.signal),
                                              report_id, "monitoring of statutory terms")));
        if (p.signal == "escalation") {
          LogEvent(LogLevel::kWarning, "intake.term_passed",
                   {{"report", report_id}, {"clock", clock}});
        }
        ++sent_count;
      }
      SCHAKEL_ASSIGN_OR_RETURN(
          bool marked, feedback.MarkSignals(report_id, occasion, previous, task->signals_sent,
                                            NextFeedbackSignalAt(*task, *calendar_)));
      if (!marked) return absl::AbortedError("the feedback task's signals changed meanwhile");
      return absl::OkStatus();
    });
    if (!st.ok()) {
      LogEvent(LogLevel::kError, "intake.signal_not_sent",
               {{"report", report_id},
                {"clock", FeedbackClock(occasion)},
                {"error", std::string(st.message())}});
    }
  }
  return sent_count;
}

grpc::ServerUnaryReactor* IntakeService::ListSignals(grpc::CallbackServerContext* ctx,
                                                     const v1::ListSignalsRequest* req,
                                                     v1::ListSignalsResponse* resp) {
  auto handler = [this, resp](const Caller& caller) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(Desk desk, DeskOf(caller));
    if (!desk.veilig_thuis) {
      return absl::PermissionDeniedError("the terms of intake are Veilig Thuis's");
    }
    const ReadSpec spec{.audit = rt_.audit.get(),
                        .caller = &caller,
                        .event_type = "intake.signals.read",
                        .purpose_of_use = "monitoring of statutory terms",
                        .response = resp};
    return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      AddObject(rec, "region", v1::Region_Name(desk.region));
      return rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
        SCHAKEL_ASSIGN_OR_RETURN(
            auto rows,
            IntakeStore(c, *sealer_)
                .ListSignals(desk.region, absl::ToUnixMicros(env_.clock->Now() - kSignalsShown),
                             caller.principal.id, caller.HasRole(v1::ROLE_VT_INTAKE),
                             caller.HasRole(v1::ROLE_SUPERVISOR)));
        for (const SignalRow& s : rows) {
          v1::Signal* out = resp->add_signals();
          out->set_report_id(s.report_id);
          out->set_clock(s.clock);
          out->set_signal(s.signal);
          SetTime(out->mutable_due(), s.due);
          out->set_addressee(s.addressee);
          SetTime(out->mutable_create_time(), s.create_time);
          out->set_text(SignalText(s));
          AddObject(rec, "report", s.report_id);
        }
        return absl::OkStatus();
      });
    });
  };
  return Handle(ctx, "ListSignals", {}, std::move(handler));
}

}  // namespace schakel::intake
