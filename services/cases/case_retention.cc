// Retention and destruction of MDA++ cases (see ListCaseRetention in the proto): the term after
// closure, legal holds, and the daily job that destroys what expired. Destroying is
// crypto-shredding: the case's data key goes (ObjectSealer), and with it its sealed content, which
// is deleted too; the database runs with secure_delete and the WAL is checkpointed after, so no
// copy stays in the live files. A case event tells the handover service to delete its copy.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/cases/case_change.h"
#include "services/cases/case_retention_store.h"
#include "services/cases/case_service.h"
#include "services/cases/case_store.h"
#include "services/cases/case_views.h"
#include "services/common/calendar.h"
#include "services/common/ids.h"
#include "services/common/log.h"
#include "services/common/outbox.h"
#include "services/common/proto_time.h"
#include "services/common/retention.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::cases {
namespace {

constexpr char kRetentionPurpose[] = "retention of MDA++ cases";
constexpr char kNotYourCase[] =
    "uw organisatie stond niet in het team van deze casus / your organisation was not on this "
    "case's team";

}  // namespace

void CaseService::ScheduleRetention() {
  if (env_.scheduler == nullptr) return;
  retention_job_ = env_.scheduler->Schedule("cases.retention", retention_interval_, [this] {
    if (absl::StatusOr<int> n = RunRetention(); !n.ok()) {
      LogEvent(LogLevel::kError, "cases.retention_failed",
               {{"error", std::string(n.status().message())}});
    }
  });
}

absl::Status CaseService::Destroy(sqlite::Connection& c, const std::string& case_id,
                                  absl::Time now) const {
  const std::string key = sealer_->KeyOf(case_id);
  SCHAKEL_ASSIGN_OR_RETURN(DataKeys::State state, DataKeys::StateOf(c, key));
  const std::string reason = absl::StrCat("retention term of ", retention_years_, " years ended");
  const std::string& by = env_.internal->host.id;
  if (state == DataKeys::State::kLive) {
    SCHAKEL_RETURN_IF_ERROR(sealer_->keys().Shred(c, key, reason, by));
  }
  SCHAKEL_ASSIGN_OR_RETURN(auto row, CaseRetentionStore(c, *sealer_).Get(case_id));
  if (!row) return absl::NotFoundError(absl::StrCat("no case ", case_id));
  SCHAKEL_RETURN_IF_ERROR(
      CaseRetentionStore(c, *sealer_).DeleteContent(case_id, absl::ToUnixMicros(now)));
  // The handover service deletes its copy (the handovers' conditions, agreements and reasons).
  v1::CaseEvent event;
  event.set_event_id(NewRandomId());
  event.set_type(v1::CASE_EVENT_TYPE_DESTROYED);
  event.set_case_id(case_id);
  event.set_reference(row->reference);
  SetTime(event.mutable_time(), now);
  SCHAKEL_RETURN_IF_ERROR(WriteCaseEvent(c, event, now));
  Caller system;
  system.principal = env_.internal->host;
  v1::AuditRecord rec = audit_->NewRecord(system, v1::AUDIT_ACTION_DELETE, "case.destroyed");
  rec.set_purpose_of_use(kRetentionPurpose);
  AddCaseObject(rec, case_id);
  AddObject(rec, "grounds", reason);
  return audit_->Record(c, rec);
}

void CaseService::AfterDestruction(const std::vector<std::string>& case_ids) {
  for (const std::string& id : case_ids) sealer_->keys().Forget(sealer_->KeyOf(id));
  // The old pages (the wrapped keys, the ciphertexts) are overwritten in the database file by
  // secure_delete; the WAL still holds copies until a checkpoint truncates it.
  if (absl::Status st = db_->CheckpointTruncate(); !st.ok()) {
    LogEvent(LogLevel::kError, "cases.retention.checkpoint_failed",
             {{"error", std::string(st.message())}});
  }
}

absl::StatusOr<int> CaseService::RunRetention() {
  absl::MutexLock lock(&retention_mu_);
  const absl::Time now = env_.clock->Now();
  SCHAKEL_ASSIGN_OR_RETURN(
      int destroyed,
      retention::RunDestruction(
          {.db = db_,
           .table = "cases",
           .cutoff = calendar::ClosedBeforeForDestruction(
               absl::ToCivilDay(now, calendar::Amsterdam()), retention_years_),
           .destroy = [&](sqlite::Connection& c, const std::string& id) -> absl::Status {
             return Destroy(c, id, now);
           },
           .after = [this](const std::vector<std::string>& ids) { AfterDestruction(ids); }}));
  if (destroyed > 0) {
    LogEvent(LogLevel::kInfo, "cases.retention.destroyed",
             {{"cases", absl::StrCat(destroyed)}, {"years", absl::StrCat(retention_years_)}});
  }
  return destroyed;
}

v1::CaseRetentionItem CaseService::ToRetentionItem(const CaseRetentionRow& r) const {
  v1::CaseRetentionItem item;
  item.set_case_id(r.case_id);
  item.set_reference(r.reference);
  item.set_status(r.status);
  if (r.closed_at) {
    SetTime(item.mutable_closed_at(), absl::FromUnixMicros(*r.closed_at));
    *item.mutable_destroy_on() =
        FromCivilDay(calendar::RetentionEnd(*r.closed_at, retention_years_));
  }
  item.set_legal_hold(r.legal_hold);
  item.set_legal_hold_reason(r.legal_hold_reason);
  item.set_legal_hold_by(r.legal_hold_by);
  return item;
}

grpc::ServerUnaryReactor* CaseService::ListCaseRetention(grpc::CallbackServerContext* ctx,
                                                         const v1::ListCaseRetentionRequest* req,
                                                         v1::ListCaseRetentionResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(retention::ListWindow window,
                             retention::ParseListWindow(req->within_days(), req->page_size(),
                                                        env_.clock->Now(), retention_years_));
    const int size = window.page_size;
    const ReadSpec spec{.audit = audit_,
                        .caller = &caller,
                        .event_type = "case.retention.read",
                        .purpose_of_use = kRetentionPurpose,
                        .response = resp};
    return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      std::vector<CaseRetentionRow> rows;
      SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
        SCHAKEL_ASSIGN_OR_RETURN(
            rows, CaseRetentionStore(c, *sealer_)
                      .ListClosedBefore(caller.principal.organisation_id, window.cutoff,
                                        req->page_token(), size + 1));
        return absl::OkStatus();
      }));
      if (static_cast<int>(rows.size()) > size) {
        rows.resize(size);
        resp->set_next_page_token(
            calendar::ClosureCursor(*rows.back().closed_at, rows.back().case_id));
      }
      for (const CaseRetentionRow& r : rows) {
        *resp->add_items() = ToRetentionItem(r);
        AddCaseObject(rec, r.case_id);
      }
      resp->set_retention_years(retention_years_);
      rec.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_NOT_APPLICABLE);
      return absl::OkStatus();
    });
  };
  return Handle(ctx, "ListCaseRetention", {}, std::move(handler));
}

grpc::ServerUnaryReactor* CaseService::SetCaseLegalHold(grpc::CallbackServerContext* ctx,
                                                        const v1::SetCaseLegalHoldRequest* req,
                                                        v1::SetCaseLegalHoldResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::Time now = env_.clock->Now();
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    CheckText(v, "reason", req->reason(), 500, req->hold());
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const std::string event = req->hold() ? "case.legal_hold.set" : "case.legal_hold.lifted";
    auto authorize = [&](sqlite::Connection& c) -> absl::StatusOr<CaseRetentionRow> {
      CaseRetentionStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(bool on_team,
                               store.WasOnTeam(req->case_id(), caller.principal.organisation_id));
      if (!on_team) return absl::PermissionDeniedError(kNotYourCase);
      SCHAKEL_ASSIGN_OR_RETURN(auto row, store.Get(req->case_id()));
      if (!row) return absl::PermissionDeniedError(kNotYourCase);
      if (row->destroyed_at) {
        const std::string date = calendar::AmsterdamDate(*row->destroyed_at);
        return absl::NotFoundError(absl::StrCat("deze casus is vernietigd op ", date,
                                                " / this case was destroyed on ", date));
      }
      return *std::move(row);
    };
    auto change = [&](sqlite::Connection& c) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(CaseRetentionRow row, authorize(c));
      if (!req->hold() && !row.legal_hold) {
        return absl::FailedPreconditionError(
            "deze casus heeft geen juridische blokkade / this case is under no legal hold");
      }
      CaseRetentionStore store(c, *sealer_);
      SCHAKEL_RETURN_IF_ERROR(store.SetHold(
          row.case_id, req->hold() ? std::optional<std::string>(req->reason()) : std::nullopt,
          caller.principal.id, absl::ToUnixMicros(now)));
      SCHAKEL_ASSIGN_OR_RETURN(auto after, store.Get(row.case_id));
      *resp->mutable_item() = ToRetentionItem(*after);
      v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_UPDATE, event);
      rec.set_purpose_of_use(kRetentionPurpose);
      AddCaseObject(rec, row.case_id);
      return audit_->Record(c, rec);
    };
    const ChangeSpec spec{
        .db = db_,
        .caller = &caller,
        .method = "SetCaseLegalHold",
        .request = req,
        .response = resp,
        .request_id = req->request_id(),
        .now = now,
        .protector = cipher_,
        .on_replay = [&](sqlite::Connection& c) -> absl::Status {
          SCHAKEL_RETURN_IF_ERROR(authorize(c).status());
          return audit_->Record(c, ReplayRecord(*audit_, caller, event, req->case_id()));
        },
    };
    return RunChange(spec, nullptr, change);
  };
  return Handle(ctx, "SetCaseLegalHold", AskedCase(req->case_id()), std::move(handler));
}

}  // namespace schakel::cases
