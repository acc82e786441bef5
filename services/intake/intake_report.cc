// The VT supervisor's figures (GetIntakeReport): counts of a period, the sector norms (90% of
// safety assessments within 5 working days, 80% of investigations within 10 weeks), what is
// overdue now, feedback to reporters, and the CSV export. Counts and references only.
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/common/csv.h"
#include "services/common/person_fields.h"
#include "services/common/proto_time.h"
#include "services/intake/intake_feedback_store.h"
#include "services/intake/intake_service.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::intake {
namespace {

constexpr char kReportPurpose[] = "oversight of statutory terms";
constexpr double kAssessmentNorm = 0.9;
constexpr double kInvestigationNorm = 0.8;
constexpr int kMaxOverdueShown = 500;
constexpr int kMaxPeriodDays = 3 * 366;

// A period's figures before they become the answer.
struct Tally {
  std::map<int, int> kinds, channels, routes, violence;
  int assessed_on_time = 0, assessed_late = 0;
  int investigated_on_time = 0, investigated_late = 0;
};

void AddCounts(google::protobuf::RepeatedPtrField<v1::IntakeCount>* out,
               const google::protobuf::EnumDescriptor* type, const std::map<int, int>& counts) {
  for (int i = 0; i < type->value_count(); ++i) {
    const int number = type->value(i)->number();
    if (number == 0) continue;
    v1::IntakeCount* c = out->Add();
    c->set_value(type->value(i)->name());
    const auto it = counts.find(number);
    c->set_count(it == counts.end() ? 0 : it->second);
  }
}

v1::NormShare Share(int on_time, int late, double norm) {
  v1::NormShare s;
  s.set_measured(on_time + late);
  s.set_on_time(on_time);
  s.set_late(late);
  s.set_share(s.measured() == 0 ? 0 : static_cast<double>(on_time) / s.measured());
  s.set_norm(norm);
  s.set_met(s.measured() > 0 && s.share() >= norm);
  return s;
}

std::string DateText(const v1::Date& d) {
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

void AppendShare(std::string& csv, absl::string_view subject, const v1::NormShare& s) {
  const std::pair<const char*, std::string> measures[] = {
      {"measured", absl::StrCat(s.measured())},
      {"on_time", absl::StrCat(s.on_time())},
      {"late", absl::StrCat(s.late())},
      {"share", absl::StrFormat("%.4f", s.share())},
      {"norm", absl::StrFormat("%.2f", s.norm())},
      {"met", s.met() ? "yes" : "no"}};
  for (const auto& [measure, value] : measures) {
    absl::StrAppend(&csv, "norm,", subject, ",", measure, ",", value, "\n");
  }
}

// The answer from the facts of the period's reports (with `tally` of what plain columns could
// not tell already counted in), its feedback tasks and what is overdue now.
v1::IntakeReport BuildIntakeReport(const std::vector<ReportFact>& facts, Tally tally,
                                   const std::vector<FeedbackRow>& feedback, int64_t now) {
  v1::IntakeReport report;
  report.set_received(static_cast<int>(facts.size()));
  for (const ReportFact& f : facts) {
    ++tally.kinds[f.kind];
    ++tally.channels[f.channel];
    for (v1::ViolenceKind k : KindsFromColumn(f.violence_kinds)) ++tally.violence[k];
    if (f.route) ++tally.routes[*f.route];
    if (f.kind == v1::REPORT_KIND_REPORT && f.assessment_due) {
      if (f.assessed_at) {
        ++(*f.assessed_at <= *f.assessment_due ? tally.assessed_on_time : tally.assessed_late);
      } else if (f.state == v1::REPORT_STATE_OPEN && *f.assessment_due <= now) {
        ++tally.assessed_late;
      }
    }
    if (f.investigation_due) {
      if (f.investigation_completed_at) {
        ++(*f.investigation_completed_at <= *f.investigation_due ? tally.investigated_on_time
                                                                 : tally.investigated_late);
      } else if (*f.investigation_due <= now) {
        ++tally.investigated_late;
      }
    }
  }
  AddCounts(report.mutable_by_kind(), v1::ReportKind_descriptor(), tally.kinds);
  AddCounts(report.mutable_by_channel(), v1::ReportChannel_descriptor(), tally.channels);
  AddCounts(report.mutable_by_route(), v1::AssessmentRoute_descriptor(), tally.routes);
  AddCounts(report.mutable_by_violence_kind(), v1::ViolenceKind_descriptor(), tally.violence);
  *report.mutable_assessments() =
      Share(tally.assessed_on_time, tally.assessed_late, kAssessmentNorm);
  *report.mutable_investigations() =
      Share(tally.investigated_on_time, tally.investigated_late, kInvestigationNorm);
  for (const FeedbackRow& t : feedback) {
    report.set_feedback_tasks(report.feedback_tasks() + 1);
    if (t.given_at) {
      report.set_feedback_given(report.feedback_given() + 1);
      if (*t.given_at <= t.due) {
        report.set_feedback_given_on_time(report.feedback_given_on_time() + 1);
      }
    } else if (t.due <= now) {
      report.set_feedback_overdue(report.feedback_overdue() + 1);
    }
  }
  return report;
}

std::string IntakeReportCsv(const v1::IntakeReport& r) {
  std::string csv = "section,subject,measure,value\n";
  absl::StrAppend(&csv, "report,,generated_at,", csv::IsoTime(ToMicros(r.generated_at())), "\n");
  absl::StrAppend(&csv, "report,,region,", v1::Region_Name(r.region()), "\n");
  absl::StrAppend(&csv, "report,,from,", DateText(r.from()), "\n");
  absl::StrAppend(&csv, "report,,to,", DateText(r.to()), "\n");
  absl::StrAppend(&csv, "report,,received,", r.received(), "\n");
  const std::pair<const char*, const google::protobuf::RepeatedPtrField<v1::IntakeCount>*>
      sections[] = {{"kind", &r.by_kind()},
                    {"channel", &r.by_channel()},
                    {"route", &r.by_route()},
                    {"violence_kind", &r.by_violence_kind()}};
  for (const auto& [section, counts] : sections) {
    for (const v1::IntakeCount& c : *counts) {
      absl::StrAppend(&csv, "count,", section, ",", csv::Field(c.value()), ",", c.count(), "\n");
    }
  }
  AppendShare(csv, "assessment_5_working_days", r.assessments());
  AppendShare(csv, "investigation_10_weeks", r.investigations());
  absl::StrAppend(&csv, "overdue_now,,assessments,", r.overdue_assessments(), "\n");
  absl::StrAppend(&csv, "overdue_now,,investigations,", r.overdue_investigations(), "\n");
  absl::StrAppend(&csv, "overdue_now,,feedback,", r.overdue_feedback(), "\n");
  for (const v1::OverdueItem& o : r.overdue()) {
    absl::StrAppend(&csv, "overdue,", csv::Field(o.report_id()), ",", o.what(), ",",
                    csv::IsoTime(ToMicros(o.due())), "\n");
  }
  absl::StrAppend(&csv, "feedback,,tasks,", r.feedback_tasks(), "\n");
  absl::StrAppend(&csv, "feedback,,given,", r.feedback_given(), "\n");
  absl::StrAppend(&csv, "feedback,,given_on_time,", r.feedback_given_on_time(), "\n");
  absl::StrAppend(&csv, "feedback,,overdue,", r.feedback_overdue(), "\n");
  return csv;
}

}  // namespace

grpc::ServerUnaryReactor* IntakeService::GetIntakeReport(grpc::CallbackServerContext* ctx,
                                                         const v1::GetIntakeReportRequest* req,
                                                         v1::GetIntakeReportResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    const bool from_ok = req->has_from() && IsValidDate(req->from());
    const bool to_ok = req->has_to() && IsValidDate(req->to());
    if (!from_ok) v.Add("from", "must be a valid date");
    if (!to_ok) v.Add("to", "must be a valid date");
    if (from_ok && to_ok) {
      const int64_t days = ToCivilDay(req->to()) - ToCivilDay(req->from());
      if (days < 0) v.Add("to", "must not be before from");
      if (days >= kMaxPeriodDays) v.Add("to", "the period is at most 3 years");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(Desk desk, DeskOf(caller));
    if (!desk.veilig_thuis) {
      return absl::PermissionDeniedError("the figures of intake are Veilig Thuis's supervisors'");
    }
    const int64_t now = absl::ToUnixMicros(env_.clock->Now());
    const int64_t from = absl::ToUnixMicros(
        absl::FromCivil(absl::CivilSecond(ToCivilDay(req->from())), calendar::Amsterdam()));
    const int64_t to = absl::ToUnixMicros(
        absl::FromCivil(absl::CivilSecond(ToCivilDay(req->to()) + 1), calendar::Amsterdam()));
    const ReadSpec spec{
        .audit = rt_.audit.get(),
        .caller = &caller,
        .event_type = req->csv() ? "intake.figures.exported" : "intake.figures.read",
        .purpose_of_use = kReportPurpose,
        .action = req->csv() ? v1::AUDIT_ACTION_EXECUTE : v1::AUDIT_ACTION_READ,
        .response = resp,
    };
    return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      std::vector<ReportFact> facts;
      std::vector<FeedbackRow> feedback;
      std::vector<v1::OverdueItem> overdue;
      std::map<std::string, int> overdue_counts;
      SCHAKEL_RETURN_IF_ERROR(rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
        FeedbackStore store(c, *sealer_);
        SCHAKEL_ASSIGN_OR_RETURN(facts, store.ReportFacts(desk.region, from, to));
        SCHAKEL_ASSIGN_OR_RETURN(feedback, store.FeedbackOfPeriod(desk.region, from, to));
        SCHAKEL_ASSIGN_OR_RETURN(overdue,
                                 store.Overdue(desk.region, now, kMaxOverdueShown, overdue_counts));
        // Reports assessed before the figures had their own columns (migration 0003): their
        // assessment's time and route are in the sealed body only.
        IntakeStore reports(c, *sealer_);
        for (ReportFact& f : facts) {
          // An advice request has no assessment (a closed one neither): nothing to open.
          if (f.assessed_at || f.state == v1::REPORT_STATE_OPEN ||
              f.kind != v1::REPORT_KIND_REPORT) {
            continue;
          }
          if (!NotDestroyed(c, f.id).ok()) continue;  // its content is gone
          SCHAKEL_ASSIGN_OR_RETURN(auto row, reports.GetReport(f.id, true));
          if (!row || !row->body.has_assess_time()) continue;
          f.assessed_at = ToMicros(row->body.assess_time());
          f.route = static_cast<int>(row->body.assessment().route());
        }
        return absl::OkStatus();
      }));
      v1::IntakeReport* report = resp->mutable_report();
      *report = BuildIntakeReport(facts, Tally(), feedback, now);
      report->set_region(desk.region);
      *report->mutable_from() = req->from();
      *report->mutable_to() = req->to();
      SetTime(report->mutable_generated_at(), now);
      report->set_overdue_assessments(overdue_counts["assessment"]);
      report->set_overdue_investigations(overdue_counts["investigation"]);
      report->set_overdue_feedback(overdue_counts["feedback"]);
      for (v1::OverdueItem& o : overdue) *report->add_overdue() = std::move(o);
      if (req->csv()) resp->set_csv(IntakeReportCsv(*report));
      rec.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_NOT_APPLICABLE);
      AddObject(rec, "region", v1::Region_Name(desk.region));
      for (const v1::OverdueItem& o : report->overdue()) AddObject(rec, "report", o.report_id());
      return absl::OkStatus();
    });
  };
  return Handle(ctx, "GetIntakeReport", {}, std::move(handler));
}

}  // namespace schakel::intake
