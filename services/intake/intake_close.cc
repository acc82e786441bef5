// Files that have no closing step of their own (see CloseReport in the proto): an advice request,
// and a report under Voorwaarden & Vervolg whose monitoring ended, are closed by hand; their
// retention term starts then. And reports assessed before the figures had columns of their own
// (migration 0003) get their closing time from their sealed body, by the daily retention job.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/common/calendar.h"
#include "services/common/log.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/intake/intake_retention_store.h"
#include "services/intake/intake_rules.h"
#include "services/intake/intake_service.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::intake {
namespace {

constexpr char kClosePurpose[] = "closing a Veilig Thuis file";
constexpr int kBackfillBatch = 100;

// Why `row` cannot be closed by hand (empty when it can): it is open yet, or closes by itself.
std::string NotClosable(const ReportRow& row) {
  if (row.kind == v1::REPORT_KIND_ADVICE) {
    return row.state == v1::REPORT_STATE_OPEN
               ? ""
               : "dit adviesverzoek is niet meer open / this advice request is no longer open";
  }
  if (row.state == v1::REPORT_STATE_OPEN) {
    return "eerst de veiligheidsbeoordeling / assess the report first";
  }
  if (row.case_open) {
    return "de MDA++-casus van deze melding loopt nog; het dossier sluit met de casus / the "
           "report's MDA++ case is open: the file closes with it";
  }
  const v1::AssessmentRoute route = row.body.assessment().route();
  if (route == v1::ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP) return "";
  if (route == v1::ASSESSMENT_ROUTE_INVESTIGATION) {
    if (!row.body.has_investigation_end()) {
      return "eerst het onderzoek afronden / complete the investigation first";
    }
    if (row.body.investigation_end().follow_up() ==
        v1::INVESTIGATION_FOLLOW_UP_CONDITIONS_FOLLOW_UP) {
      return "";
    }
  }
  return "dit dossier sluit vanzelf (einde bemoeienis, een aanvaarde overdracht, een afgerond "
         "onderzoek, een gesloten MDA++-casus) / this file closes by itself";
}

// When a report assessed before migration 0003 closed, from its sealed body; nullopt while it is
// open (its route goes on) or when the body does not tell.
std::optional<int64_t> ClosedFromBody(const ReportRow& row, int64_t now) {
  const v1::StoredReport& body = row.body;
  switch (body.assessment().route()) {
    case v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT:
      if (body.has_assess_time()) return ToMicros(body.assess_time());
      return std::nullopt;
    case v1::ASSESSMENT_ROUTE_HANDOVER:
      if (row.handover_state != v1::REPORT_HANDOVER_STATE_ACCEPTED) return std::nullopt;
      if (body.handover().has_answered_at()) return ToMicros(body.handover().answered_at());
      return now;
    case v1::ASSESSMENT_ROUTE_INVESTIGATION:
      if (!body.has_investigation_end() || body.investigation_end().follow_up() ==
                                               v1::INVESTIGATION_FOLLOW_UP_CONDITIONS_FOLLOW_UP) {
        return std::nullopt;
      }
      return ToMicros(body.investigation_end().complete_time());
    case v1::ASSESSMENT_ROUTE_MDA_PLUS_PLUS:
      // The case's closure time is the cases service's; from now is never shorter.
      if (!row.case_id.empty() && !row.case_open) return now;
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

}  // namespace

grpc::ServerUnaryReactor* IntakeService::CloseReport(grpc::CallbackServerContext* ctx,
                                                     const v1::CloseReportRequest* req,
                                                     v1::CloseReportResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::Time now = env_.clock->Now();
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->report_id().empty()) v.Add("report_id", "must be set");
    CheckText(v, "reason", req->reason(), 2000, true);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(Desk desk, DeskOf(caller));
    if (!desk.veilig_thuis) return absl::PermissionDeniedError(kNoReportForYou);
    auto change = [&](sqlite::Connection& c) -> absl::Status {
      IntakeStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto meta, store.GetReport(req->report_id(), false));
      if (!meta) return absl::PermissionDeniedError(kNoReportForYou);
      SCHAKEL_RETURN_IF_ERROR(MaySee(caller, desk, *meta, {v1::ROLE_VT_INTAKE}));
      SCHAKEL_RETURN_IF_ERROR(NotDestroyed(c, meta->id));
      SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetReport(req->report_id(), true));
      if (!req->etag().empty() && req->etag() != absl::StrCat(row->version)) {
        return absl::AbortedError("the report changed meanwhile; read it again");
      }
      RetentionStore retention(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto term, retention.Get(row->id));
      if (term && term->closed_at) {
        const std::string date = calendar::AmsterdamDate(*term->closed_at);
        return absl::FailedPreconditionError(absl::StrCat("dit dossier is al afgesloten op ", date,
                                                          " / this file was closed on ", date));
      }
      if (const std::string why = NotClosable(*row); !why.empty()) {
        return absl::FailedPreconditionError(why);
      }
      v1::ReportClosure* closure = row->body.mutable_closure();
      closure->set_reason(req->reason());
      closure->set_closed_by(caller.principal.id);
      SetTime(closure->mutable_close_time(), now);
      row->state = v1::REPORT_STATE_CLOSED;
      row->next_signal_at.reset();
      // It leaves the queue: nobody holds it any more.
      row->claimed_by.clear();
      row->claim_time.reset();
      row->claim_touch.reset();
      SCHAKEL_RETURN_IF_ERROR(store.UpdateReport(*row));
      SCHAKEL_RETURN_IF_ERROR(retention.SetClosed(row->id, absl::ToUnixMicros(now)));
      *resp->mutable_report() = ToProto(*row);
      v1::AuditRecord rec = ReportRecord(*rt_.audit, caller, v1::AUDIT_ACTION_UPDATE,
                                         "intake.report.closed", row->id, kClosePurpose);
      AddObject(rec, "kind", v1::ReportKind_Name(row->kind));
      return rt_.audit->Record(c, rec);
    };
    const ChangeSpec spec{
        .db = rt_.db.get(),
        .caller = &caller,
        .method = "CloseReport",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .now = now,
        .protector = rt_.cipher.get(),
        .on_replay = [&](sqlite::Connection& c) -> absl::Status {
          return RecordReplay(c, caller, desk, req->report_id(), {v1::ROLE_VT_INTAKE},
                              "intake.report.close_replayed", kClosePurpose);
        },
    };
    return RunChange(spec, nullptr, change);
  };
  return Handle(ctx, "CloseReport", AskedReport(req->report_id()), std::move(handler));
}

absl::StatusOr<int> IntakeService::BackfillClosures(absl::Time now) {
  // Reports assessed before migration 0003: no assessed_at, no route column. Those still open
  // (their route goes on) are looked at again each day; there are only as many as then existed.
  int closed = 0;
  std::string after;
  for (;;) {
    std::vector<std::string> ids;
    SCHAKEL_RETURN_IF_ERROR(rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(ids, LegacyOpenReports(c, after, kBackfillBatch));
      return absl::OkStatus();
    }));
    if (ids.empty()) break;
    after = ids.back();
    SCHAKEL_RETURN_IF_ERROR(rt_.db->Transaction([&](sqlite::Connection& c) -> absl::Status {
      IntakeStore store(c, *sealer_);
      RetentionStore retention(c, *sealer_);
      for (const std::string& id : ids) {
        SCHAKEL_ASSIGN_OR_RETURN(auto term, retention.Get(id));
        if (!term || term->closed_at || term->destroyed_at) continue;  // changed since the read
        absl::StatusOr<std::optional<ReportRow>> row = store.GetReport(id, true);
        if (!row.ok() || !*row) {
          // One unreadable report must not stop the job: it is logged and skipped.
          LogEvent(LogLevel::kError, "intake.retention.backfill_unreadable",
                   {{"error", std::string(row.status().message())}});
          continue;
        }
        const std::optional<int64_t> at = ClosedFromBody(**row, absl::ToUnixMicros(now));
        if (!at) continue;
        SCHAKEL_RETURN_IF_ERROR(retention.SetClosed(id, *at));
        ++closed;
      }
      return absl::OkStatus();
    }));
    if (static_cast<int>(ids.size()) < kBackfillBatch) break;
  }
  if (closed > 0) {
    LogEvent(LogLevel::kInfo, "intake.retention.backfilled", {{"reports", absl::StrCat(closed)}});
  }
  return closed;
}

absl::StatusOr<std::vector<std::string>> IntakeService::LegacyOpenReports(sqlite::Connection& c,
                                                                          const std::string& after,
                                                                          int limit) const {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c.PrepareCached("SELECT id FROM reports WHERE state = ? AND assessed_at IS NULL AND "
                      "closed_at IS NULL AND destroyed_at IS NULL AND id > ? ORDER BY id LIMIT ?"));
  s->Bind(1, static_cast<int64_t>(v1::REPORT_STATE_ASSESSED)).Bind(2, after).Bind(3, limit);
  std::vector<std::string> ids;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(*s, [&]() -> absl::Status {
    ids.push_back(s->ColumnText(0));
    return absl::OkStatus();
  }));
  return ids;
}

}  // namespace schakel::intake
