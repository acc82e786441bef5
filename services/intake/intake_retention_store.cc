#include "services/intake/intake_retention_store.h"

#include "absl/strings/str_cat.h"
#include "services/common/calendar.h"
#include "services/common/retention.h"
#include "services/common/status.h"
#include "services/intake/intake_sealed.h"
#include "services/intake/intake_store.h"

namespace schakel::intake {
namespace {

constexpr char kColumns[] =
    "id, region, kind, state, received_at, closed_at, legal_hold, legal_hold_by, destroyed_at";

}  // namespace

absl::Status RetentionStore::SetClosed(const std::string& report_id,
                                       std::optional<int64_t> closed_at) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE reports SET closed_at = ? WHERE id = ? AND destroyed_at IS NULL"));
  s->BindOptional(1, closed_at).Bind(2, report_id);
  return s->Run();
}

absl::StatusOr<std::vector<RetentionRow>> RetentionStore::Query(sqlite::Statement& s) {
  std::vector<RetentionRow> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&]() -> absl::Status {
    RetentionRow r;
    r.report_id = s.ColumnText(0);
    r.region = static_cast<v1::Region>(s.ColumnInt(1));
    r.kind = static_cast<v1::ReportKind>(s.ColumnInt(2));
    r.state = static_cast<v1::ReportState>(s.ColumnInt(3));
    r.received_at = s.ColumnInt(4);
    r.closed_at = s.ColumnOptionalInt(5);
    if (!s.IsNull(6)) {
      r.legal_hold = true;
      SCHAKEL_ASSIGN_OR_RETURN(r.legal_hold_reason,
                               sealer_.service().Open(s.ColumnBlob(6), HoldAad(r.report_id)));
    }
    r.legal_hold_by = s.ColumnText(7);
    r.destroyed_at = s.ColumnOptionalInt(8);
    out.push_back(std::move(r));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::optional<RetentionRow>> RetentionStore::Get(const std::string& report_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat("SELECT ", kColumns, " FROM reports WHERE id = ?")));
  s->Bind(1, report_id);
  SCHAKEL_ASSIGN_OR_RETURN(auto rows, Query(*s));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::string RetentionStore::Cursor(const RetentionRow& r) {
  return calendar::ClosureCursor(r.closed_at.value_or(0), r.report_id);
}

absl::StatusOr<std::vector<RetentionRow>> RetentionStore::ListClosedBefore(v1::Region region,
                                                                           int64_t cutoff,
                                                                           const std::string& after,
                                                                           int limit) {
  SCHAKEL_ASSIGN_OR_RETURN(auto cursor, calendar::ParseClosureCursor(after));
  const auto& [after_closed, after_id] = cursor;
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat(
          "SELECT ", kColumns,
          " FROM reports WHERE region = ?1 AND closed_at IS NOT NULL AND destroyed_at IS NULL "
          "AND closed_at < ?2 AND (closed_at > ?3 OR (closed_at = ?3 AND id > ?4)) "
          "ORDER BY closed_at, id LIMIT ?5")));
  s->Bind(1, static_cast<int>(region)).Bind(2, cutoff).Bind(3, after_closed).Bind(4, after_id);
  s->Bind(5, limit);
  return Query(*s);
}

absl::Status RetentionStore::SetHold(const std::string& report_id,
                                     const std::optional<std::string>& reason,
                                     const std::string& by, int64_t now) {
  std::optional<std::string> sealed;
  if (reason) {
    SCHAKEL_ASSIGN_OR_RETURN(sealed, sealer_.service().Seal(*reason, HoldAad(report_id)));
  }
  return retention::SetHold(c_, "reports", report_id, sealed, by, now);
}

absl::Status RetentionStore::InsertDecision(const std::string& report_id, int64_t decided_at,
                                            const std::string& decided_by,
                                            v1::DestructionDecision decision,
                                            const v1::StoredDestruction& what) {
  const FieldCipher& cipher = sealer_.service();
  SCHAKEL_ASSIGN_OR_RETURN(std::string sealed,
                           cipher.Seal(what, DestructionAad(report_id, decided_at)));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("INSERT INTO destruction_requests (report_id, decided_at, decided_by, "
                       "decision, key_id, sealed) VALUES (?, ?, ?, ?, ?, ?)"));
  s->BindAll(report_id, decided_at, decided_by, static_cast<int>(decision), cipher.key_id());
  s->BindBlob(6, sealed);
  return s->Run();
}

absl::Status RetentionStore::DeleteContent(const std::string& report_id, int64_t now) {
  // No term of it runs on: no reminder, escalation or overdue investigation.
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(
          "UPDATE reports SET body = X'', key_id = ?3, external_reference = '', claimed_by = '', "
          "next_signal_at = NULL, handover_due = NULL, investigation_due = CASE WHEN "
          "investigation_completed_at IS NULL THEN NULL ELSE investigation_due END, "
          "handover_state = CASE WHEN handover_state = 1 THEN 0 ELSE handover_state END, "
          "destroyed_at = ?2 WHERE id = ?1 AND destroyed_at IS NULL"));
  s->BindAll(report_id, now, kDestroyedKeyId);
  SCHAKEL_RETURN_IF_ERROR(s->Run());
  for (const char* sql : {
           // Feedback not given yet lapses with the report; what was given keeps its date.
           "DELETE FROM feedback_tasks WHERE report_id = ? AND given_at IS NULL",
           "UPDATE feedback_tasks SET given = NULL, key_id = '' WHERE report_id = ?",
           "DELETE FROM radar_keys WHERE report_id = ?",
       }) {
    SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * d, c_.PrepareCached(sql));
    d->Bind(1, report_id);
    SCHAKEL_RETURN_IF_ERROR(d->Run());
  }
  return absl::OkStatus();
}

}  // namespace schakel::intake
