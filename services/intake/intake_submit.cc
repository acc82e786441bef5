// Taking reports in: SubmitReport, SubmitReports (the police feed) and ConvertAdvice.
#include <map>

#include "absl/strings/str_cat.h"
#include "services/common/etag.h"
#include "services/common/validation.h"
#include "services/intake/intake_service.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::intake {
namespace {

constexpr char kSubmitPurpose[] = "intake";

// The submitter's kind, or PERMISSION_DENIED: Veilig Thuis staff with VT_INTAKE, or police
// professionals (the feed).
absl::StatusOr<Submitter> SubmitterOf(const Caller& caller, bool veilig_thuis, bool police) {
  if (veilig_thuis && caller.HasRole(v1::ROLE_VT_INTAKE)) return Submitter::kVeiligThuis;
  if (police && caller.HasRole(v1::ROLE_PROFESSIONAL)) return Submitter::kPolice;
  return absl::PermissionDeniedError(
      "reports are taken in by Veilig Thuis (VT_INTAKE) and sent by the police (PROFESSIONAL of a "
      "police organisation)");
}

v1::AuditRecord SubmitRecord(const AuditTrail& audit, const Caller& caller,
                             const std::string& report_id, bool duplicate) {
  return ReportRecord(audit, caller, duplicate ? v1::AUDIT_ACTION_EXECUTE : v1::AUDIT_ACTION_CREATE,
                      duplicate ? "intake.report.resubmitted" : "intake.report.submitted",
                      report_id, kSubmitPurpose);
}

}  // namespace

grpc::ServerUnaryReactor* IntakeService::SubmitReport(grpc::CallbackServerContext* ctx,
                                                      const v1::SubmitReportRequest* req,
                                                      v1::SubmitReportResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(Desk desk, DeskOf(caller));
    SCHAKEL_ASSIGN_OR_RETURN(Submitter submitter,
                             SubmitterOf(caller, desk.veilig_thuis, desk.police));
    const absl::Time now = env_.clock->Now();
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    CheckRepeatedLimits(v, *req);
    CheckReportInput(v, "report.", req->report(), submitter, now);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());

    auto change = [&](sqlite::Connection& c) -> absl::Status {
      IntakeStore store(c, *sealer_);
      if (!req->report().external_reference().empty()) {
        SCHAKEL_ASSIGN_OR_RETURN(auto earlier,
                                 store.FindByReference(caller.principal.organisation_id,
                                                       req->report().external_reference()));
        if (earlier) {
          resp->set_report_id(*earlier);
          resp->set_duplicate(true);
          return rt_.audit->Record(c, SubmitRecord(*rt_.audit, caller, *earlier, true));
        }
      }
      ReportRow r = NewReport(req->report(), caller, desk, now);
      SCHAKEL_RETURN_IF_ERROR(store.InsertReport(r, RadarKeys(r.body.input(), *rt_.cipher)));
      resp->set_report_id(r.id);
      if (submitter == Submitter::kVeiligThuis) *resp->mutable_report() = ToProto(r);
      return rt_.audit->Record(c, SubmitRecord(*rt_.audit, caller, r.id, false));
    };
    const ChangeSpec spec{
        .db = rt_.db.get(),
        .caller = &caller,
        .method = "SubmitReport",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .now = now,
        .protector = rt_.cipher.get(),
        .on_replay = [&](sqlite::Connection& c) -> absl::Status {
          // The stored answer holds the report: not once it is destroyed.
          SCHAKEL_RETURN_IF_ERROR(NotDestroyed(c, resp->report_id()));
          return rt_.audit->Record(
              c, ReportRecord(*rt_.audit, caller, v1::AUDIT_ACTION_READ, "intake.report.replayed",
                              resp->report_id(), kSubmitPurpose));
        },
    };
    return RunChange(spec, nullptr, change);
  };
  return Handle(ctx, "SubmitReport", {}, std::move(handler));
}

grpc::ServerUnaryReactor* IntakeService::SubmitReports(grpc::CallbackServerContext* ctx,
                                                       const v1::SubmitReportsRequest* req,
                                                       v1::SubmitReportsResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(Desk desk, DeskOf(caller));
    SCHAKEL_ASSIGN_OR_RETURN(Submitter submitter,
                             SubmitterOf(caller, desk.veilig_thuis, desk.police));
    const absl::Time now = env_.clock->Now();
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    CheckRepeatedLimits(v, *req);
    if (req->reports().empty()) v.Add("reports", "must hold at least one report");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());

    // Each item on its own: its violations (checked once, outside the transaction), or nothing.
    std::vector<std::vector<v1::ItemViolation>> violations;
    violations.reserve(req->reports_size());
    for (const v1::ReportInput& in : req->reports()) {
      violations.push_back(ReportViolations(in, submitter, now));
    }
    auto change = [&](sqlite::Connection& c) -> absl::Status {
      resp->Clear();
      IntakeStore store(c, *sealer_);
      // A reference twice in one batch: the second is a duplicate of the first.
      std::map<std::string, std::string> in_batch;
      for (int i = 0; i < req->reports_size(); ++i) {
        const v1::ReportInput& in = req->reports(i);
        v1::SubmitItemResult* result = resp->add_results();
        result->set_index(i);
        if (!violations[i].empty()) {
          for (const auto& iv : violations[i]) *result->add_violations() = iv;
          resp->set_rejected(resp->rejected() + 1);
          continue;
        }
        std::optional<std::string> earlier;
        if (!in.external_reference().empty()) {
          if (auto it = in_batch.find(in.external_reference()); it != in_batch.end()) {
            earlier = it->second;
          } else {
            SCHAKEL_ASSIGN_OR_RETURN(
                earlier,
                store.FindByReference(caller.principal.organisation_id, in.external_reference()));
          }
        }
        if (earlier) {
          result->set_report_id(*earlier);
          result->set_duplicate(true);
          resp->set_duplicates(resp->duplicates() + 1);
          SCHAKEL_RETURN_IF_ERROR(
              rt_.audit->Record(c, SubmitRecord(*rt_.audit, caller, *earlier, true)));
          continue;
        }
        ReportRow r = NewReport(in, caller, desk, now);
        SCHAKEL_RETURN_IF_ERROR(store.InsertReport(r, RadarKeys(r.body.input(), *rt_.cipher)));
        if (!in.external_reference().empty()) in_batch[in.external_reference()] = r.id;
        result->set_report_id(r.id);
        resp->set_accepted(resp->accepted() + 1);
        SCHAKEL_RETURN_IF_ERROR(
            rt_.audit->Record(c, SubmitRecord(*rt_.audit, caller, r.id, false)));
      }
      return absl::OkStatus();
    };
    const ChangeSpec spec{
        .db = rt_.db.get(),
        .caller = &caller,
        .method = "SubmitReports",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .now = now,
        .protector = rt_.cipher.get(),
        .on_replay = [&](sqlite::Connection& c) -> absl::Status {
          v1::AuditRecord rec =
              rt_.audit->NewRecord(caller, v1::AUDIT_ACTION_READ, "intake.batch.replayed");
          rec.set_purpose_of_use(kSubmitPurpose);
          for (const auto& r : resp->results()) {
            if (!r.report_id().empty()) AddObject(rec, "report", r.report_id());
          }
          return rt_.audit->Record(c, rec);
        },
    };
    return RunChange(spec, nullptr, change);
  };
  return Handle(ctx, "SubmitReports", {}, std::move(handler));
}

grpc::ServerUnaryReactor* IntakeService::ConvertAdvice(grpc::CallbackServerContext* ctx,
                                                       const v1::ConvertAdviceRequest* req,
                                                       v1::ConvertAdviceResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->report_id().empty()) v.Add("report_id", "must be set");
    CheckText(v, "reason", req->reason(), 2000, true);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(Desk desk, DeskOf(caller));
    const absl::Time now = env_.clock->Now();
    auto change = [&](sqlite::Connection& c) -> absl::Status {
      IntakeStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetReport(req->report_id(), true));
      if (!row) return absl::PermissionDeniedError(kNoReportForYou);
      SCHAKEL_RETURN_IF_ERROR(MaySee(caller, desk, *row, {v1::ROLE_VT_INTAKE}));
      if (!req->etag().empty() && req->etag() != absl::StrCat(row->version)) {
        return absl::AbortedError("the report changed meanwhile; read it again");
      }
      if (row->kind != v1::REPORT_KIND_ADVICE) {
        return absl::FailedPreconditionError("this is a report already, not an advice request");
      }
      if (row->state != v1::REPORT_STATE_OPEN) {
        return absl::FailedPreconditionError("the advice request is no longer open");
      }
      row->kind = v1::REPORT_KIND_REPORT;
      row->body.mutable_input()->set_kind(v1::REPORT_KIND_REPORT);
      row->body.set_convert_reason(req->reason());
      row->converted_at = absl::ToUnixMicros(now);
      // The statutory term runs from the moment it became a report.
      const Clocks clocks = ComputeClocks(v1::REPORT_KIND_REPORT, row->acute, now, *calendar_);
      row->assessment_due = absl::ToUnixMicros(*clocks.assessment_due);
      row->next_signal_at = NextSignalAt(*row);
      SCHAKEL_RETURN_IF_ERROR(store.UpdateReport(*row));
      *resp->mutable_report() = ToProto(*row);
      return rt_.audit->Record(c, ReportRecord(*rt_.audit, caller, v1::AUDIT_ACTION_UPDATE,
                                               "intake.advice.converted", row->id, kSubmitPurpose));
    };
    const ChangeSpec spec{
        .db = rt_.db.get(),
        .caller = &caller,
        .method = "ConvertAdvice",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .now = now,
        .protector = rt_.cipher.get(),
        .on_replay = [&](sqlite::Connection& c) -> absl::Status {
          return RecordReplay(c, caller, desk, req->report_id(), {v1::ROLE_VT_INTAKE},
                              "intake.advice.replayed", kSubmitPurpose);
        },
    };
    return RunChange(spec, nullptr, change);
  };
  return Handle(ctx, "ConvertAdvice", AskedReport(req->report_id()), std::move(handler));
}

}  // namespace schakel::intake
