// The triage queue and its reports: GetReport, ListTriageQueue, ClaimReport, ReleaseReport.
#include "absl/strings/str_cat.h"
#include "services/common/person_fields.h"
#include "services/common/proto_time.h"
#include "services/common/validation.h"
#include "services/intake/intake_service.h"
#include "services/runtime/page_token.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::intake {
namespace {

constexpr char kTriagePurpose[] = "triage";
constexpr absl::Duration kYear = absl::Hours(24 * 365);

}  // namespace

grpc::ServerUnaryReactor* IntakeService::GetReport(grpc::CallbackServerContext* ctx,
                                                   const v1::GetReportRequest* req,
                                                   v1::GetReportResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (req->report_id().empty()) v.Add("report_id", "must be set");
    CheckText(v, "purpose", req->purpose(), 200, false);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(Desk desk, DeskOf(caller));
    const ReadSpec spec{.audit = rt_.audit.get(),
                        .caller = &caller,
                        .event_type = "intake.report.read",
                        .purpose_of_use = req->purpose().empty() ? kTriagePurpose : req->purpose(),
                        .response = resp};
    return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      return rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
        IntakeStore store(c, *sealer_);
        SCHAKEL_ASSIGN_OR_RETURN(auto row, ReadReport(store, caller, desk, req->report_id()));
        if (ClaimLapsed(row, env_.clock->Now())) row.claimed_by.clear();
        *resp->mutable_report() = ToProto(row);
        AddObject(rec, "report", row.id, v1::SENSITIVITY_CARE);
        for (const auto& p : row.body.input().persons()) AddObject(rec, "person", p.id());
        rec.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_PASSED);
        return absl::OkStatus();
      });
    });
  };
  return Handle(ctx, "GetReport", AskedReport(req->report_id()), std::move(handler));
}

grpc::ServerUnaryReactor* IntakeService::ListTriageQueue(grpc::CallbackServerContext* ctx,
                                                         const v1::ListTriageQueueRequest* req,
                                                         v1::ListTriageQueueResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    const Page page = DecodePage(v, *req, "triage-queue");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(Desk desk, DeskOf(caller));
    if (!desk.veilig_thuis) {
      return absl::PermissionDeniedError("the triage queue is Veilig Thuis's");
    }
    const absl::Time now = env_.clock->Now();
    const int64_t now_us = absl::ToUnixMicros(now);
    const ReadSpec spec{.audit = rt_.audit.get(),
                        .caller = &caller,
                        .event_type = "intake.queue.read",
                        .purpose_of_use = kTriagePurpose,
                        .response = resp};
    return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      AddObject(rec, "region", v1::Region_Name(desk.region));
      return rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
        IntakeStore store(c, *sealer_);
        const std::string holder = req->mine() ? caller.principal.id : "";
        SCHAKEL_ASSIGN_OR_RETURN(auto rows,
                                 store.ListQueue(desk.region, page.after, page.limit + 1, holder));
        SCHAKEL_ASSIGN_OR_RETURN(int total, store.CountQueue(desk.region, holder));
        resp->set_total(total);
        const bool more = static_cast<int>(rows.size()) > page.limit;
        if (more) rows.resize(page.limit);
        const int64_t year_ago = absl::ToUnixMicros(now - kYear);
        for (const ReportRow& r : rows) {
          v1::TriageRow* row = resp->add_rows();
          row->set_report_id(r.id);
          row->set_kind(r.kind);
          row->set_channel(r.channel);
          row->set_reporter_type(r.reporter_type);
          row->set_acute(r.acute);
          SetTime(row->mutable_received_at(), r.received_at);
          if (r.queue_due() != kNoTerm) {
            SetTime(row->mutable_due(), r.queue_due());
            row->set_seconds_left((r.queue_due() - now_us) / 1000000);
            row->set_overdue(r.queue_due() <= now_us);
          }
          if (!ClaimLapsed(r, now)) {
            row->set_claimed_by(r.claimed_by);
            SetTime(row->mutable_claim_time(), *r.claim_time);
          }
          // Kept on the report at submission (IntakeStore::InsertReport): a repeat has two or
          // more earlier reports in the last 12 months, that is, its second-latest is recent.
          row->set_radar_earlier(r.radar_earlier);
          row->set_repeat(r.radar_second_latest && *r.radar_second_latest >= year_ago);
          for (v1::ViolenceKind k : KindsFromColumn(r.violence_kinds)) row->add_violence_kinds(k);
          AddObject(rec, "report", r.id);
        }
        if (more) {
          resp->set_next_page_token(
              NextPageToken(*req, "triage-queue", IntakeStore::QueueCursor(rows.back())));
        }
        return absl::OkStatus();
      });
    });
  };
  return Handle(ctx, "ListTriageQueue", {}, std::move(handler));
}

absl::Status IntakeService::ChangeClaim(const Caller& caller, const std::string& method,
                                        const google::protobuf::Message* req,
                                        google::protobuf::Message* resp, v1::Report* out,
                                        const std::string& request_id, const std::string& report_id,
                                        bool claim) {
  FieldViolations v;
  CheckRequestId(v, request_id);
  if (report_id.empty()) v.Add("report_id", "must be set");
  SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
  SCHAKEL_ASSIGN_OR_RETURN(Desk desk, DeskOf(caller));
  const absl::Time now = env_.clock->Now();
  const std::string event = claim ? "intake.report.claimed" : "intake.report.released";
  auto change = [&](sqlite::Connection& c) -> absl::Status {
    IntakeStore store(c, *sealer_);
    SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetReport(report_id, false));
    if (!row) return absl::PermissionDeniedError(kNoReportForYou);
    SCHAKEL_RETURN_IF_ERROR(
        MaySee(caller, desk, *row,
               claim ? std::initializer_list<v1::Role>{v1::ROLE_VT_INTAKE}
                     : std::initializer_list<v1::Role>{v1::ROLE_VT_INTAKE, v1::ROLE_SUPERVISOR}));
    if (row->state != v1::REPORT_STATE_OPEN) {
      return absl::FailedPreconditionError("the report has its safety assessment; nothing to hold");
    }
    const bool held = !ClaimLapsed(*row, now);
    if (claim) {
      if (held && row->claimed_by != caller.principal.id) {
        return absl::FailedPreconditionError(
            absl::StrCat("in behandeling bij ", row->claimed_by, " / held by ", row->claimed_by));
      }
      if (!held || row->claimed_by != caller.principal.id) {
        row->claim_time = absl::ToUnixMicros(now);
      }
      row->claimed_by = caller.principal.id;
      row->claim_touch = absl::ToUnixMicros(now);
    } else {
      if (!held) return absl::FailedPreconditionError("nobody holds this report");
      if (row->claimed_by != caller.principal.id && !caller.HasRole(v1::ROLE_SUPERVISOR)) {
        return absl::FailedPreconditionError(
            absl::StrCat("in behandeling bij ", row->claimed_by,
                         "; only they or a supervisor may release it / held by ", row->claimed_by));
      }
      row->claimed_by.clear();
      row->claim_time.reset();
      row->claim_touch.reset();
    }
    // The body is sealed again on update: read it.
    SCHAKEL_ASSIGN_OR_RETURN(auto full, store.GetReport(report_id, true));
    row->body = std::move(full->body);
    SCHAKEL_RETURN_IF_ERROR(store.UpdateReport(*row));
    *out = ToProto(*row);
    return rt_.audit->Record(c, ReportRecord(*rt_.audit, caller, v1::AUDIT_ACTION_UPDATE, event,
                                             report_id, kTriagePurpose));
  };
  const ChangeSpec spec{
      .db = rt_.db.get(),
      .caller = &caller,
      .method = method,
      .request = req,
      .response = resp,
      .request_id = request_id,
      .now = now,
      .protector = rt_.cipher.get(),
      .on_replay = [&](sqlite::Connection& c) -> absl::Status {
        return RecordReplay(c, caller, desk, report_id, {v1::ROLE_VT_INTAKE, v1::ROLE_SUPERVISOR},
                            event + ".replayed", kTriagePurpose);
      },
  };
  return RunChange(spec, nullptr, change);
}

grpc::ServerUnaryReactor* IntakeService::ClaimReport(grpc::CallbackServerContext* ctx,
                                                     const v1::ClaimReportRequest* req,
                                                     v1::ClaimReportResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    return ChangeClaim(caller, "ClaimReport", req, resp, resp->mutable_report(), req->request_id(),
                       req->report_id(), true);
  };
  return Handle(ctx, "ClaimReport", AskedReport(req->report_id()), std::move(handler));
}

grpc::ServerUnaryReactor* IntakeService::ReleaseReport(grpc::CallbackServerContext* ctx,
                                                       const v1::ReleaseReportRequest* req,
                                                       v1::ReleaseReportResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    return ChangeClaim(caller, "ReleaseReport", req, resp, resp->mutable_report(),
                       req->request_id(), req->report_id(), false);
  };
  return Handle(ctx, "ReleaseReport", AskedReport(req->report_id()), std::move(handler));
}

}  // namespace schakel::intake
