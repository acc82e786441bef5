// Destroying audit content takes two auditors: one proposes a period (ProposeShred), a different
// one approves within the approval term (ApproveShred), and only a period older than the log's
// retention term. Every step is on record, refusals included.
#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "services/audit/audit_service.h"
#include "services/common/idempotency.h"
#include "services/common/status.h"
#include "services/common/validation.h"

namespace schakel::audit {
namespace {

using google::protobuf::util::TimeUtil;

google::protobuf::Timestamp ToProto(absl::Time t) {
  return TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(t));
}

std::string Day(absl::Time t) { return absl::FormatTime("%Y-%m-%d", t, absl::UTCTimeZone()); }

// Validates request_id and period; `month` is the parsed period.
void CheckPeriod(FieldViolations& v, const std::string& period, absl::CivilMonth* month) {
  if (period.size() != 7 || !absl::ParseCivilTime(period, month)) {
    v.Add("period", "must be a month as YYYY-MM");
  }
}

absl::Status CheckRetention(absl::CivilMonth month, const std::string& period, int years,
                            absl::Time now) {
  const absl::Time from = ShreddableFrom(month, years);
  if (now < from) {
    return absl::FailedPreconditionError(absl::StrCat("the audit log keeps every period ", years,
                                                      " years after it ended: ", period,
                                                      " may be shredded from ", Day(from)));
  }
  return absl::OkStatus();
}

// The newest proposal for `period` that nobody approved yet, if any.
absl::StatusOr<std::optional<v1::ShredProposal>> PendingProposal(sqlite::Connection& c,
                                                                 const std::string& period) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto* s, c.PrepareCached("SELECT propose_time, proposed_by, reason, expire_time "
                               "FROM shred_proposals WHERE period = ? AND approved_by IS NULL "
                               "ORDER BY propose_time DESC LIMIT 1"));
  s->Bind(1, period);
  SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return std::nullopt;
  v1::ShredProposal p;
  p.set_period(period);
  *p.mutable_propose_time() = TimeUtil::MicrosecondsToTimestamp(s->ColumnInt(0));
  p.set_proposed_by(s->ColumnText(1));
  p.set_reason(s->ColumnText(2));
  *p.mutable_expire_time() = TimeUtil::MicrosecondsToTimestamp(s->ColumnInt(3));
  return p;
}

absl::Time FromProto(const google::protobuf::Timestamp& t) {
  return absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(t));
}

}  // namespace

absl::Time ShreddableFrom(absl::CivilMonth period, int retention_years) {
  const absl::CivilDay ended(period + 1);  // the first day after the period
  return absl::FromCivil(absl::CivilDay(ended.year() + retention_years, ended.month(), 1),
                         absl::UTCTimeZone());
}

absl::Status AuditService::RecordShredRefusal(const Caller& caller, absl::string_view step,
                                              const std::string& period,
                                              const absl::Status& refusal) {
  v1::AuditRecord record =
      audit_->NewRecord(caller, v1::AUDIT_ACTION_DELETE, absl::StrCat("audit.shred.", step));
  record.set_outcome(v1::AUDIT_OUTCOME_FAILED);
  record.set_outcome_detail(absl::StatusCodeToString(refusal.code()));
  auto* o = record.add_objects();
  o->set_type("audit_period");
  o->set_id(period);
  return audit_->RecordDurably(record);
}

grpc::ServerUnaryReactor* AuditService::ProposeShred(grpc::CallbackServerContext* ctx,
                                                     const v1::ProposeShredRequest* req,
                                                     v1::ProposeShredResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    absl::CivilMonth month;
    CheckPeriod(v, req->period(), &month);
    CheckName(v, "reason", req->reason(), 500);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const absl::Time now = env_.clock->Now();
    absl::Status st = RunIdempotent(
        *db_, {caller.principal.id, req->request_id(), "ProposeShred"}, *req, *resp, now,
        [&](sqlite::Connection& c) -> absl::Status {
          SCHAKEL_RETURN_IF_ERROR(CheckRetention(month, req->period(), retention_years_, now));
          SCHAKEL_RETURN_IF_ERROR(AuditLog::CheckPeriodLive(c, req->period()));
          SCHAKEL_ASSIGN_OR_RETURN(auto pending, PendingProposal(c, req->period()));
          if (pending && FromProto(pending->expire_time()) > now) {
            return absl::FailedPreconditionError(
                absl::StrCat(req->period(), " was proposed by ", pending->proposed_by(),
                             " and awaits another auditor's approval until ",
                             TimeUtil::ToString(pending->expire_time())));
          }
          v1::ShredProposal& p = *resp->mutable_proposal();
          p.set_period(req->period());
          p.set_reason(req->reason());
          p.set_proposed_by(caller.principal.id);
          *p.mutable_propose_time() = ToProto(now);
          *p.mutable_expire_time() = ToProto(now + shred_approval_term_);
          SCHAKEL_ASSIGN_OR_RETURN(
              auto* ins,
              c.PrepareCached("INSERT INTO shred_proposals (period, propose_time, "
                              "proposed_by, reason, expire_time) VALUES (?, ?, ?, ?, ?)"));
          ins->Bind(1, req->period()).Bind(2, absl::ToUnixMicros(now));
          ins->Bind(3, caller.principal.id).Bind(4, req->reason());
          ins->Bind(5, absl::ToUnixMicros(now + shred_approval_term_));
          SCHAKEL_RETURN_IF_ERROR(ins->Run());
          v1::AuditRecord record =
              audit_->NewRecord(caller, v1::AUDIT_ACTION_EXECUTE, "audit.shred.proposed");
          record.set_purpose_of_use(req->reason());
          auto* o = record.add_objects();
          o->set_type("audit_period");
          o->set_id(req->period());
          return audit_->Record(c, record);
        });
    if (absl::IsFailedPrecondition(st) || absl::IsNotFound(st)) {
      SCHAKEL_RETURN_IF_ERROR(RecordShredRefusal(caller, "propose_refused", req->period(), st));
    }
    return st;
  };
  return Handle(ctx, "ProposeShred", *req, {Asked("audit_period", req->period())},
                std::move(handler));
}

grpc::ServerUnaryReactor* AuditService::ApproveShred(grpc::CallbackServerContext* ctx,
                                                     const v1::ApproveShredRequest* req,
                                                     v1::ApproveShredResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    absl::CivilMonth month;
    CheckPeriod(v, req->period(), &month);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const absl::Time now = env_.clock->Now();
    absl::Status st = RunIdempotent(
        *db_, {caller.principal.id, req->request_id(), "ApproveShred"}, *req, *resp, now,
        [&](sqlite::Connection& c) -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(auto pending, PendingProposal(c, req->period()));
          if (!pending) {
            return absl::FailedPreconditionError(
                absl::StrCat("no shredding of ", req->period(),
                             " is proposed: an auditor proposes it first (ProposeShred)"));
          }
          if (FromProto(pending->expire_time()) <= now) {
            return absl::FailedPreconditionError(
                absl::StrCat("the proposal to shred ", req->period(), " lapsed at ",
                             TimeUtil::ToString(pending->expire_time()), ": propose it again"));
          }
          if (pending->proposed_by() == caller.principal.id) {
            return absl::PermissionDeniedError(
                "the auditor who proposed a shredding cannot approve it: another auditor must");
          }
          // The term may have been configured longer since the proposal.
          SCHAKEL_RETURN_IF_ERROR(CheckRetention(month, req->period(), retention_years_, now));
          SCHAKEL_ASSIGN_OR_RETURN(
              int64_t n,
              log_->ShredInTransaction(c, req->period(), pending->reason(), caller.principal.id));
          SCHAKEL_ASSIGN_OR_RETURN(
              auto* up, c.PrepareCached("UPDATE shred_proposals SET approved_by = ?, "
                                        "approve_time = ? WHERE period = ? AND propose_time = ?"));
          up->Bind(1, caller.principal.id).Bind(2, absl::ToUnixMicros(now)).Bind(3, req->period());
          up->Bind(4, TimeUtil::TimestampToMicroseconds(pending->propose_time()));
          SCHAKEL_RETURN_IF_ERROR(up->Run());
          v1::AuditRecord record =
              audit_->NewRecord(caller, v1::AUDIT_ACTION_DELETE, "audit.shred");
          record.set_purpose_of_use(pending->reason());
          auto* o = record.add_objects();
          o->set_type("audit_period");
          o->set_id(req->period());
          auto* proposer = record.add_objects();
          proposer->set_type("shred_proposed_by");
          proposer->set_id(pending->proposed_by());
          SCHAKEL_RETURN_IF_ERROR(audit_->Record(c, record));
          *resp->mutable_proposal() = *std::move(pending);
          resp->set_approved_by(caller.principal.id);
          resp->set_entries(n);
          *resp->mutable_shred_time() = ToProto(now);
          return absl::OkStatus();
        });
    if (absl::IsFailedPrecondition(st) || absl::IsNotFound(st)) {
      SCHAKEL_RETURN_IF_ERROR(RecordShredRefusal(caller, "approve_refused", req->period(), st));
    }
    SCHAKEL_RETURN_IF_ERROR(st);
    return log_->AfterShred(req->period());
  };
  return Handle(ctx, "ApproveShred", *req, {Asked("audit_period", req->period())},
                std::move(handler));
}

}  // namespace schakel::audit
