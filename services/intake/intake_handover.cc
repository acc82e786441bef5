// Route HANDOVER of a safety assessment: Veilig Thuis hands a report to the local team or to help
// already in place, and stays responsible until that organisation accepts. The receiver sees what
// the route passes on (ListHandedReports) and answers (AnswerReportHandover); a declined report
// goes back to Veilig Thuis to be assessed again. The term to answer has a reminder and an
// escalation like the other terms (intake_clocks.cc, clock "handover").
#include "absl/strings/str_cat.h"
#include "services/common/proto_time.h"
#include "services/common/validation.h"
#include "services/intake/intake_service.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::intake {
namespace {

constexpr char kHandoverPurpose[] = "handover of a report";
constexpr absl::Duration kAnsweredShown = absl::Hours(24 * 90);
constexpr int kDefaultAcceptDays = 5;

}  // namespace

void IntakeService::ProposeHandover(ReportRow& row, const v1::HandoverRoute& route,
                                    absl::Time now) const {
  const int configured = env_.config.handover().accept_working_days();
  const absl::Time due =
      calendar_->DeadlineAfter(now, configured > 0 ? configured : kDefaultAcceptDays);
  row.handover_org = route.receiving_organisation_id();
  row.handover_state = v1::REPORT_HANDOVER_STATE_PROPOSED;
  row.handover_due = absl::ToUnixMicros(due);
  row.signals_sent &= ~(kHandoverReminder | kHandoverEscalation);
  v1::ReportHandover& h = *row.body.mutable_handover();
  h.Clear();
  h.set_to_organisation_id(route.receiving_organisation_id());
  h.set_state(v1::REPORT_HANDOVER_STATE_PROPOSED);
  SetTime(h.mutable_proposed_at(), now);
  SetTime(h.mutable_accept_due(), due);
  h.set_note(route.note());
}

v1::HandedReport IntakeService::HandedOf(const ReportRow& row, absl::Time now) const {
  const v1::Report full = ToProto(row);  // BSNs masked
  const v1::SafetyAssessment& a = full.assessment();
  v1::HandedReport out;
  out.set_report_id(row.id);
  out.set_region(row.region);
  out.set_from_organisation_id(row.submitted_by_organisation_id);
  out.set_assessed_by(full.assessed_by());
  *out.mutable_assess_time() = full.assess_time();
  out.set_acute(row.acute);
  *out.mutable_violence_kinds() = full.input().violence_kinds();
  *out.mutable_persons() = full.input().persons();
  out.set_acute_unsafety(a.acute_unsafety());
  out.set_structural_unsafety(a.structural_unsafety());
  out.set_reasoning(a.reasoning());
  *out.mutable_risk_factors() = a.risk_factors();
  *out.mutable_protective_factors() = a.protective_factors();
  *out.mutable_handover() = row.body.handover();
  out.mutable_handover()->set_state(row.handover_state);
  out.set_overdue(row.handover_state == v1::REPORT_HANDOVER_STATE_PROPOSED && row.handover_due &&
                  *row.handover_due <= absl::ToUnixMicros(now));
  out.set_etag(absl::StrCat(row.version));
  return out;
}

grpc::ServerUnaryReactor* IntakeService::ListHandedReports(grpc::CallbackServerContext* ctx,
                                                           const v1::ListHandedReportsRequest* req,
                                                           v1::ListHandedReportsResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::Time now = env_.clock->Now();
    const ReadSpec spec{.audit = rt_.audit.get(),
                        .caller = &caller,
                        .event_type = "intake.handed.read",
                        .purpose_of_use = kHandoverPurpose,
                        .response = resp};
    return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      AddObject(rec, "organisation", caller.principal.organisation_id);
      return rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
        IntakeStore store(c, *sealer_);
        SCHAKEL_ASSIGN_OR_RETURN(
            auto rows, store.ListHanded(caller.principal.organisation_id, req->include_answered(),
                                        absl::ToUnixMicros(now - kAnsweredShown)));
        for (const ReportRow& r : rows) {
          *resp->add_reports() = HandedOf(r, now);
          AddObject(rec, "report", r.id, v1::SENSITIVITY_CARE);
        }
        return absl::OkStatus();
      });
    });
  };
  return Handle(ctx, "ListHandedReports", {}, std::move(handler));
}

grpc::ServerUnaryReactor* IntakeService::AnswerReportHandover(
    grpc::CallbackServerContext* ctx, const v1::AnswerReportHandoverRequest* req,
    v1::AnswerReportHandoverResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::Time now = env_.clock->Now();
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->report_id().empty()) v.Add("report_id", "must be set");
    if (req->accept()) {
      if (!req->decline_reason().empty()) {
        v.Add("decline_reason", "is only for a declined handover");
      }
    } else {
      CheckText(v, "decline_reason", req->decline_reason(), 2000, true);
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const std::string& org = caller.principal.organisation_id;
    // Only the receiving organisation: others get the answer a missing report gets.
    auto receiver_of = [&](const std::optional<ReportRow>& row) -> absl::Status {
      if (!row || row->handover_org.empty() || row->handover_org != org) {
        return absl::PermissionDeniedError(kNoReportForYou);
      }
      return absl::OkStatus();
    };
    auto change = [&](sqlite::Connection& c) -> absl::Status {
      IntakeStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetReport(req->report_id(), false));
      SCHAKEL_RETURN_IF_ERROR(receiver_of(row));
      if (row->handover_state != v1::REPORT_HANDOVER_STATE_PROPOSED) {
        return absl::FailedPreconditionError("this handover has been answered already");
      }
      SCHAKEL_ASSIGN_OR_RETURN(row, store.GetReport(req->report_id(), true));
      row->handover_state =
          req->accept() ? v1::REPORT_HANDOVER_STATE_ACCEPTED : v1::REPORT_HANDOVER_STATE_DECLINED;
      row->handover_due.reset();
      v1::ReportHandover& h = *row->body.mutable_handover();
      h.set_state(row->handover_state);
      SetTime(h.mutable_answered_at(), now);
      h.set_answered_by(caller.principal.id);
      h.set_decline_reason(req->decline_reason());
      row->next_signal_at = NextSignalAt(*row);
      SCHAKEL_RETURN_IF_ERROR(store.UpdateReport(*row));
      // Accepted: Veilig Thuis's involvement ends, and the file's retention term starts.
      if (req->accept()) {
        SCHAKEL_RETURN_IF_ERROR(
            RetentionStore(c, *sealer_).SetClosed(row->id, absl::ToUnixMicros(now)));
      }
      *resp->mutable_report() = HandedOf(*row, now);
      v1::AuditRecord rec =
          ReportRecord(*rt_.audit, caller, v1::AUDIT_ACTION_UPDATE,
                       req->accept() ? "intake.handover.accepted" : "intake.handover.declined",
                       row->id, kHandoverPurpose);
      return rt_.audit->Record(c, rec);
    };
    const ChangeSpec spec{
        .db = rt_.db.get(),
        .caller = &caller,
        .method = "AnswerReportHandover",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .now = now,
        .protector = rt_.cipher.get(),
        .on_replay = [&](sqlite::Connection& c) -> absl::Status {
          IntakeStore store(c, *sealer_);
          SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetReport(req->report_id(), false));
          SCHAKEL_RETURN_IF_ERROR(receiver_of(row));
          return rt_.audit->Record(
              c, ReportRecord(*rt_.audit, caller, v1::AUDIT_ACTION_READ,
                              "intake.handover.answer_replayed", row->id, kHandoverPurpose));
        },
    };
    return RunChange(spec, nullptr, change);
  };
  return Handle(ctx, "AnswerReportHandover", AskedReport(req->report_id()), std::move(handler));
}

}  // namespace schakel::intake
