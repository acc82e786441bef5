#include "services/cases/case_retention_store.h"

#include "absl/strings/str_cat.h"
#include "services/cases/case_sealed.h"
#include "services/common/calendar.h"
#include "services/common/retention.h"
#include "services/common/status.h"

namespace schakel::cases {
namespace {

constexpr char kColumns[] =
    "id, reference, status, closed_at, legal_hold, legal_hold_by, destroyed_at";

}  // namespace

absl::StatusOr<std::vector<CaseRetentionRow>> CaseRetentionStore::Query(sqlite::Statement& s) {
  std::vector<CaseRetentionRow> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&]() -> absl::Status {
    CaseRetentionRow r;
    r.case_id = s.ColumnText(0);
    r.reference = s.ColumnText(1);
    r.status = static_cast<v1::CaseStatus>(s.ColumnInt(2));
    r.closed_at = s.ColumnOptionalInt(3);
    if (!s.IsNull(4)) {
      r.legal_hold = true;
      SCHAKEL_ASSIGN_OR_RETURN(r.legal_hold_reason,
                               sealer_.service().Open(s.ColumnBlob(4), HoldAad(r.case_id)));
    }
    r.legal_hold_by = s.ColumnText(5);
    r.destroyed_at = s.ColumnOptionalInt(6);
    out.push_back(std::move(r));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::optional<CaseRetentionRow>> CaseRetentionStore::Get(
    const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat("SELECT ", kColumns, " FROM cases WHERE id = ?")));
  s->Bind(1, case_id);
  SCHAKEL_ASSIGN_OR_RETURN(auto rows, Query(*s));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

absl::StatusOr<bool> CaseRetentionStore::WasOnTeam(const std::string& case_id,
                                                   const std::string& organisation_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(
          "SELECT 1 FROM team_members WHERE case_id = ? AND organisation_id = ? LIMIT 1"));
  s->Bind(1, case_id).Bind(2, organisation_id);
  SCHAKEL_ASSIGN_OR_RETURN(bool found, s->Step());
  s->Reset();
  return found;
}

absl::StatusOr<std::vector<CaseRetentionRow>> CaseRetentionStore::ListClosedBefore(
    const std::string& organisation_id, int64_t cutoff, const std::string& after, int limit) {
  SCHAKEL_ASSIGN_OR_RETURN(auto cursor, calendar::ParseClosureCursor(after));
  const auto& [after_closed, after_id] = cursor;
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat(
          "SELECT ", kColumns,
          " FROM cases WHERE closed_at IS NOT NULL AND destroyed_at IS NULL AND closed_at < ?2 "
          "AND (closed_at > ?3 OR (closed_at = ?3 AND id > ?4)) AND EXISTS (SELECT 1 FROM "
          "team_members t WHERE t.case_id = cases.id AND t.organisation_id = ?1) "
          "ORDER BY closed_at, id LIMIT ?5")));
  s->Bind(1, organisation_id).Bind(2, cutoff).Bind(3, after_closed).Bind(4, after_id);
  s->Bind(5, limit);
  return Query(*s);
}

absl::StatusOr<bool> CaseRetentionStore::IsDestroyed(const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("SELECT 1 FROM cases WHERE id = ? AND destroyed_at IS NOT NULL"));
  s->Bind(1, case_id);
  SCHAKEL_ASSIGN_OR_RETURN(bool destroyed, s->Step());
  s->Reset();
  return destroyed;
}

absl::Status CaseRetentionStore::SetHold(const std::string& case_id,
                                         const std::optional<std::string>& reason,
                                         const std::string& by, int64_t now) {
  std::optional<std::string> sealed;
  if (reason) {
    SCHAKEL_ASSIGN_OR_RETURN(sealed, sealer_.service().Seal(*reason, HoldAad(case_id)));
  }
  return retention::SetHold(c_, "cases", case_id, sealed, by, now);
}

absl::Status CaseRetentionStore::DeleteContent(const std::string& case_id, int64_t now) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE cases SET body = X'', key_id = ?3, destroyed_at = ?2 "
                       "WHERE id = ?1 AND destroyed_at IS NULL"));
  s->BindAll(case_id, now, kDestroyedKeyId);
  SCHAKEL_RETURN_IF_ERROR(s->Run());
  auto run = [&](const char* sql, auto... values) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * d, c_.PrepareCached(sql));
    d->BindAll(case_id, values...);
    return d->Run();
  };
  SCHAKEL_RETURN_IF_ERROR(run("DELETE FROM person_index WHERE case_id = ?"));
  for (const char* sql : {"UPDATE persons SET body = X'', key_id = ?2 WHERE case_id = ?1",
                          "UPDATE meetings SET body = X'', key_id = ?2 WHERE case_id = ?1",
                          "UPDATE actions SET body = X'', key_id = ?2 WHERE case_id = ?1",
                          "UPDATE timeline SET body = X'', key_id = ?2 WHERE case_id = ?1"}) {
    SCHAKEL_RETURN_IF_ERROR(run(sql, kDestroyedKeyId));
  }
  // A recorded outcome goes; the checks not done lapse with the case.
  SCHAKEL_RETURN_IF_ERROR(
      run("UPDATE follow_ups SET body = NULL, key_id = NULL, status = CASE WHEN status = ?2 "
          "THEN ?3 ELSE status END WHERE case_id = ?1",
          static_cast<int64_t>(v1::FOLLOW_UP_STATUS_SCHEDULED),
          static_cast<int64_t>(v1::FOLLOW_UP_STATUS_CANCELLED)));
  return absl::OkStatus();
}

}  // namespace schakel::cases
