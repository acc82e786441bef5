// Retention and destruction of Veilig Thuis files (see ListRetention in the proto): the term after
// closure, legal holds, decisions on requests to destroy an unfounded report, and the daily job
// that destroys what expired. Destroying is crypto-shredding: the report's data key goes
// (ReportSealer), and with it its sealed content, which is deleted too; the database runs with
// secure_delete and the WAL is checkpointed after, so no copy stays in the live files.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/common/calendar.h"
#include "services/common/log.h"
#include "services/common/person_fields.h"
#include "services/common/proto_time.h"
#include "services/common/retention.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/intake/intake_retention_store.h"
#include "services/intake/intake_service.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::intake {
namespace {

constexpr char kRetentionPurpose[] = "retention of Veilig Thuis files";
constexpr char kNotVeiligThuis[] = "the retention of intake is Veilig Thuis supervisors'";

}  // namespace

absl::CivilDay IntakeService::DestroyOn(int64_t closed_at) const {
  return calendar::RetentionEnd(closed_at, retention_years_);
}

absl::Status IntakeService::NotDestroyed(sqlite::Connection& c, const std::string& report_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c.PrepareCached(
          "SELECT destroyed_at FROM reports WHERE id = ? AND destroyed_at IS NOT NULL"));
  s->Bind(1, report_id);
  SCHAKEL_ASSIGN_OR_RETURN(bool destroyed, s->Step());
  if (!destroyed) return absl::OkStatus();
  const std::string date = calendar::AmsterdamDate(s->ColumnInt(0));
  return absl::NotFoundError(absl::StrCat("deze melding is vernietigd op ", date,
                                          " / this report was destroyed on ", date));
}

absl::StatusOr<IntakeService::Desk> IntakeService::SupervisorDesk(const Caller& caller) {
  SCHAKEL_ASSIGN_OR_RETURN(Desk desk, DeskOf(caller));
  if (!desk.veilig_thuis || !caller.HasRole(v1::ROLE_SUPERVISOR)) {
    return absl::PermissionDeniedError(kNotVeiligThuis);
  }
  return desk;
}

absl::Status IntakeService::Destroy(sqlite::Connection& c, const std::string& report_id,
                                    const std::string& reason, const std::string& by,
                                    absl::Time now) const {
  const std::string key = ReportSealer::KeyOf(report_id);
  SCHAKEL_ASSIGN_OR_RETURN(DataKeys::State state, DataKeys::StateOf(c, key));
  if (state == DataKeys::State::kLive) {
    SCHAKEL_RETURN_IF_ERROR(sealer_->keys().Shred(c, key, reason, by));
  }
  return RetentionStore(c, *sealer_).DeleteContent(report_id, absl::ToUnixMicros(now));
}

void IntakeService::AfterDestruction(const std::vector<std::string>& report_ids) {
  for (const std::string& id : report_ids) sealer_->keys().Forget(ReportSealer::KeyOf(id));
  // The old pages (the wrapped keys, the ciphertexts) are overwritten in the database file by
  // secure_delete; the WAL still holds copies until a checkpoint truncates it.
  if (absl::Status st = rt_.db->CheckpointTruncate(); !st.ok()) {
    LogEvent(LogLevel::kError, "intake.retention.checkpoint_failed",
             {{"error", std::string(st.message())}});
  }
}

void IntakeService::ScheduleRetention() {
  if (env_.scheduler == nullptr) return;
  retention_job_ = env_.scheduler->Schedule("intake.retention", retention_interval_, [this] {
    if (absl::StatusOr<int> n = RunRetention(); !n.ok()) {
      LogEvent(LogLevel::kError, "intake.retention_failed",
               {{"error", std::string(n.status().message())}});
    }
  });
}

absl::StatusOr<int> IntakeService::RunRetention() {
  absl::MutexLock lock(&retention_mu_);
  const absl::Time now = env_.clock->Now();
  // Reports from before their closure had a column of their own get one first; a failure there
  // is logged and does not hold up the destruction of what is known to be due.
  if (absl::StatusOr<int> backfilled = BackfillClosures(now); !backfilled.ok()) {
    LogEvent(LogLevel::kError, "intake.retention.backfill_failed",
             {{"error", std::string(backfilled.status().message())}});
  }
  Caller system;
  system.principal = env_.internal->host;
  const std::string reason = absl::StrCat("retention term of ", retention_years_, " years ended");
  auto destroy = [&](sqlite::Connection& c, const std::string& id) -> absl::Status {
    SCHAKEL_RETURN_IF_ERROR(Destroy(c, id, reason, system.principal.id, now));
    v1::AuditRecord rec = ReportRecord(*rt_.audit, system, v1::AUDIT_ACTION_DELETE,
                                       "intake.report.destroyed", id, kRetentionPurpose);
    AddObject(rec, "grounds", "retention term");
    return rt_.audit->Record(c, rec);
  };
  SCHAKEL_ASSIGN_OR_RETURN(
      int destroyed,
      retention::RunDestruction(
          {.db = rt_.db.get(),
           .table = "reports",
           .cutoff = calendar::ClosedBeforeForDestruction(
               absl::ToCivilDay(now, calendar::Amsterdam()), retention_years_),
           .destroy = destroy,
           .after = [this](const std::vector<std::string>& ids) { AfterDestruction(ids); }}));
  if (destroyed > 0) {
    LogEvent(LogLevel::kInfo, "intake.retention.destroyed",
             {{"reports", absl::StrCat(destroyed)}, {"years", absl::StrCat(retention_years_)}});
  }
  return destroyed;
}

v1::RetentionItem IntakeService::ToRetentionItem(const RetentionRow& r) const {
  v1::RetentionItem item;
  item.set_report_id(r.report_id);
  item.set_kind(r.kind);
  SetTime(item.mutable_received_at(), absl::FromUnixMicros(r.received_at));
  if (r.closed_at) {
    SetTime(item.mutable_closed_at(), absl::FromUnixMicros(*r.closed_at));
    *item.mutable_destroy_on() = FromCivilDay(DestroyOn(*r.closed_at));
  }
  item.set_legal_hold(r.legal_hold);
  item.set_legal_hold_reason(r.legal_hold_reason);
  item.set_legal_hold_by(r.legal_hold_by);
  if (r.destroyed_at) SetTime(item.mutable_destroyed_at(), absl::FromUnixMicros(*r.destroyed_at));
  return item;
}

grpc::ServerUnaryReactor* IntakeService::ListRetention(grpc::CallbackServerContext* ctx,
                                                       const v1::ListRetentionRequest* req,
                                                       v1::ListRetentionResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(retention::ListWindow window,
                             retention::ParseListWindow(req->within_days(), req->page_size(),
                                                        env_.clock->Now(), retention_years_));
    SCHAKEL_ASSIGN_OR_RETURN(Desk desk, SupervisorDesk(caller));
    const int size = window.page_size;
    const ReadSpec spec{.audit = rt_.audit.get(),
                        .caller = &caller,
                        .event_type = "intake.retention.read",
                        .purpose_of_use = kRetentionPurpose,
                        .response = resp};
    return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      std::vector<RetentionRow> rows;
      SCHAKEL_RETURN_IF_ERROR(rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
        SCHAKEL_ASSIGN_OR_RETURN(
            rows, RetentionStore(c, *sealer_)
                      .ListClosedBefore(desk.region, window.cutoff, req->page_token(), size + 1));
        return absl::OkStatus();
      }));
      if (static_cast<int>(rows.size()) > size) {
        rows.resize(size);
        resp->set_next_page_token(RetentionStore::Cursor(rows.back()));
      }
      for (const RetentionRow& r : rows) {
        *resp->add_items() = ToRetentionItem(r);
        AddObject(rec, "report", r.report_id);
      }
      resp->set_retention_years(retention_years_);
      rec.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_NOT_APPLICABLE);
      AddObject(rec, "region", v1::Region_Name(desk.region));
      return absl::OkStatus();
    });
  };
  return Handle(ctx, "ListRetention", {}, std::move(handler));
}

grpc::ServerUnaryReactor* IntakeService::SetLegalHold(grpc::CallbackServerContext* ctx,
                                                      const v1::SetLegalHoldRequest* req,
                                                      v1::SetLegalHoldResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::Time now = env_.clock->Now();
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->report_id().empty()) v.Add("report_id", "must be set");
    CheckText(v, "reason", req->reason(), 500, req->hold());
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(Desk desk, SupervisorDesk(caller));
    auto change = [&](sqlite::Connection& c) -> absl::Status {
      RetentionStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto row, store.Get(req->report_id()));
      if (!row || row->region != desk.region) return absl::PermissionDeniedError(kNoReportForYou);
      SCHAKEL_RETURN_IF_ERROR(NotDestroyed(c, row->report_id));
      if (!req->hold() && !row->legal_hold) {
        return absl::FailedPreconditionError(
            "deze melding heeft geen juridische blokkade / this report is under no legal hold");
      }
      SCHAKEL_RETURN_IF_ERROR(store.SetHold(
          row->report_id, req->hold() ? std::optional<std::string>(req->reason()) : std::nullopt,
          caller.principal.id, absl::ToUnixMicros(now)));
      SCHAKEL_ASSIGN_OR_RETURN(row, store.Get(req->report_id()));
      *resp->mutable_item() = ToRetentionItem(*row);
      return rt_.audit->Record(
          c, ReportRecord(*rt_.audit, caller, v1::AUDIT_ACTION_UPDATE,
                          req->hold() ? "intake.legal_hold.set" : "intake.legal_hold.lifted",
                          row->report_id, kRetentionPurpose));
    };
    const ChangeSpec spec{
        .db = rt_.db.get(),
        .caller = &caller,
        .method = "SetLegalHold",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .now = now,
        .protector = rt_.cipher.get(),
        .on_replay = [&](sqlite::Connection& c) -> absl::Status {
          return RecordReplay(c, caller, desk, req->report_id(), {v1::ROLE_SUPERVISOR},
                              "intake.legal_hold.replayed", kRetentionPurpose, true);
        },
    };
    return RunChange(spec, nullptr, change);
  };
  return Handle(ctx, "SetLegalHold", AskedReport(req->report_id()), std::move(handler));
}

grpc::ServerUnaryReactor* IntakeService::DecideDestructionRequest(
    grpc::CallbackServerContext* ctx, const v1::DecideDestructionRequestRequest* req,
    v1::DecideDestructionRequestResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::Time now = env_.clock->Now();
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->report_id().empty()) v.Add("report_id", "must be set");
    if (req->decision() == v1::DESTRUCTION_DECISION_UNSPECIFIED ||
        !v1::DestructionDecision_IsValid(req->decision())) {
      v.Add("decision", "must be GRANTED or REFUSED");
    }
    CheckText(v, "reason", req->reason(), 2000, true);
    CheckText(v, "requested_by", req->requested_by(), 200, true);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(Desk desk, SupervisorDesk(caller));
    const bool granted = req->decision() == v1::DESTRUCTION_DECISION_GRANTED;
    auto change = [&](sqlite::Connection& c) -> absl::Status {
      RetentionStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto row, store.Get(req->report_id()));
      if (!row || row->region != desk.region) return absl::PermissionDeniedError(kNoReportForYou);
      SCHAKEL_RETURN_IF_ERROR(NotDestroyed(c, row->report_id));
      if (granted && row->state == v1::REPORT_STATE_OPEN) {
        return absl::FailedPreconditionError(
            "eerst de veiligheidsbeoordeling: pas daarna blijkt een melding ongegrond / assess the "
            "report first: only then can it be found unfounded");
      }
      if (granted && row->legal_hold) {
        return absl::FailedPreconditionError(
            "deze melding heeft een juridische blokkade / this report is under a legal hold");
      }
      v1::StoredDestruction what;
      what.set_requested_by(req->requested_by());
      what.set_reason(req->reason());
      SCHAKEL_RETURN_IF_ERROR(store.InsertDecision(row->report_id, absl::ToUnixMicros(now),
                                                   caller.principal.id, req->decision(), what));
      v1::AuditRecord rec =
          ReportRecord(*rt_.audit, caller, v1::AUDIT_ACTION_UPDATE,
                       "intake.destruction_request.decided", row->report_id, kRetentionPurpose);
      AddObject(rec, "decision", v1::DestructionDecision_Name(req->decision()));
      SCHAKEL_RETURN_IF_ERROR(rt_.audit->Record(c, rec));
      if (granted) {
        SCHAKEL_RETURN_IF_ERROR(
            Destroy(c, row->report_id, "destruction request granted", caller.principal.id, now));
        v1::AuditRecord del =
            ReportRecord(*rt_.audit, caller, v1::AUDIT_ACTION_DELETE, "intake.report.destroyed",
                         row->report_id, kRetentionPurpose);
        AddObject(del, "grounds", "destruction request granted");
        SCHAKEL_RETURN_IF_ERROR(rt_.audit->Record(c, del));
      }
      SCHAKEL_ASSIGN_OR_RETURN(row, store.Get(req->report_id()));
      *resp->mutable_item() = ToRetentionItem(*row);
      resp->set_decision(req->decision());
      return absl::OkStatus();
    };
    const ChangeSpec spec{
        .db = rt_.db.get(),
        .caller = &caller,
        .method = "DecideDestructionRequest",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .now = now,
        .protector = rt_.cipher.get(),
        .on_replay = [&](sqlite::Connection& c) -> absl::Status {
          return RecordReplay(c, caller, desk, req->report_id(), {v1::ROLE_SUPERVISOR},
                              "intake.destruction_request.replayed", kRetentionPurpose, true);
        },
    };
    SCHAKEL_RETURN_IF_ERROR(RunChange(spec, nullptr, change));
    if (granted) AfterDestruction({req->report_id()});
    return absl::OkStatus();
  };
  return Handle(ctx, "DecideDestructionRequest", AskedReport(req->report_id()), std::move(handler));
}

}  // namespace schakel::intake
