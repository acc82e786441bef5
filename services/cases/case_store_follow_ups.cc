// CaseStore, follow-up checks after closure: the checks, their recorded outcome (sealed), and the
// reminders and escalations the follow-up scan sends (schema/cases/0006_follow_up_checks.sql).
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/cases/case_sealed.h"
#include "services/cases/case_store.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"

namespace schakel::cases {
namespace {

v1::Date FollowUpDate(const std::string& s) {
  absl::CivilDay day;
  v1::Date d;
  if (absl::ParseCivilTime(s, &day)) d = FromCivilDay(day);
  return d;
}

constexpr char kFollowUpColumns[] =
    "id, due_date, months, status, remind_time, escalate_time, key_id, body";

// A check from a row of kFollowUpColumns.
absl::StatusOr<v1::FollowUp> FollowUpFromRow(sqlite::Connection& c, const ObjectSealer& sealer,
                                             const std::string& case_id,
                                             const sqlite::Statement& s) {
  v1::FollowUp f;
  f.set_id(s.ColumnText(0));
  *f.mutable_due_date() = FollowUpDate(s.ColumnText(1));
  f.set_months_after_closure(static_cast<int32_t>(s.ColumnInt(2)));
  f.set_status(static_cast<v1::FollowUpStatus>(s.ColumnInt(3)));
  if (!s.IsNull(4)) SetTime(f.mutable_remind_time(), s.ColumnInt(4));
  if (!s.IsNull(5)) SetTime(f.mutable_escalate_time(), s.ColumnInt(5));
  if (!s.IsNull(7)) {
    v1::StoredFollowUp stored;
    SCHAKEL_RETURN_IF_ERROR(sealer.Open(c, case_id, s.ColumnText(6), s.ColumnBlob(7),
                                        FollowUpAad(case_id, f.id()), stored));
    f.set_outcome(stored.outcome());
    f.set_note(stored.note());
    f.set_note_sensitivity(stored.note_sensitivity());
    *f.mutable_record_time() = stored.record_time();
    f.set_recorded_by(stored.recorded_by());
  }
  return f;
}

}  // namespace

absl::Status CaseStore::InsertFollowUp(const std::string& case_id, const v1::FollowUp& f) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("INSERT INTO follow_ups (case_id, id, due_date, "
                                            "months, status) VALUES (?, ?, ?, ?, ?)"));
  sqlite::Statement& s = *sp;
  return s
      .BindAll(case_id, f.id(), DateString(f.due_date()),
               static_cast<int64_t>(f.months_after_closure()), static_cast<int64_t>(f.status()))
      .Run();
}

absl::StatusOr<std::vector<v1::FollowUp>> CaseStore::ListFollowUps(const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached(absl::StrCat("SELECT ", kFollowUpColumns,
                                    " FROM follow_ups WHERE case_id = ? ORDER BY due_date, id")));
  sqlite::Statement& s = *sp;
  s.Bind(1, case_id);
  std::vector<v1::FollowUp> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&]() -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(v1::FollowUp f, FollowUpFromRow(c_, sealer_, case_id, s));
    out.push_back(std::move(f));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::optional<v1::FollowUp>> CaseStore::GetFollowUp(
    const std::string& case_id, const std::string& follow_up_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached(absl::StrCat("SELECT ", kFollowUpColumns,
                                    " FROM follow_ups WHERE case_id = ? AND id = ?")));
  sqlite::Statement& s = *sp;
  s.BindAll(case_id, follow_up_id);
  SCHAKEL_ASSIGN_OR_RETURN(bool found, s.Step());
  if (!found) return std::optional<v1::FollowUp>();
  absl::StatusOr<v1::FollowUp> f = FollowUpFromRow(c_, sealer_, case_id, s);
  s.Reset();
  if (!f.ok()) return f.status();
  return std::optional<v1::FollowUp>(*std::move(f));
}

absl::Status CaseStore::SaveFollowUpRecord(const std::string& case_id, const v1::FollowUp& f) {
  v1::StoredFollowUp stored;
  stored.set_outcome(f.outcome());
  stored.set_note(f.note());
  stored.set_note_sensitivity(f.note_sensitivity());
  *stored.mutable_record_time() = f.record_time();
  stored.set_recorded_by(f.recorded_by());
  std::string key_id;
  SCHAKEL_ASSIGN_OR_RETURN(std::string body,
                           sealer_.Seal(c_, case_id, stored, FollowUpAad(case_id, f.id()), key_id));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("UPDATE follow_ups SET status = ?, key_id = ?, body = ? "
                       "WHERE case_id = ? AND id = ?"));
  sqlite::Statement& s = *sp;
  s.Bind(1, static_cast<int64_t>(f.status()));
  s.Bind(2, key_id);
  s.BindBlob(3, body);
  s.Bind(4, case_id);
  s.Bind(5, f.id());
  return s.Run();
}

absl::Status CaseStore::CancelScheduledFollowUps(const std::string& case_id,
                                                 const std::string& today) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("UPDATE follow_ups SET status = ? WHERE case_id = ? "
                                            "AND status = ? AND due_date > ?"));
  sqlite::Statement& s = *sp;
  return s
      .BindAll(static_cast<int64_t>(v1::FOLLOW_UP_STATUS_CANCELLED), case_id,
               static_cast<int64_t>(v1::FOLLOW_UP_STATUS_SCHEDULED), today)
      .Run();
}

absl::StatusOr<std::vector<PendingFollowUp>> CaseStore::PendingFollowUps(const std::string& until) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("SELECT f.case_id, f.id, f.due_date, f.remind_time IS NOT NULL, "
                       "f.escalate_time IS NOT NULL FROM follow_ups f JOIN cases c ON c.id = "
                       "f.case_id WHERE f.status = ?1 AND f.due_date <= ?2 AND c.status = ?3 AND "
                       "(f.remind_time IS NULL OR f.escalate_time IS NULL) ORDER BY f.due_date, "
                       "f.case_id, f.id"));
  sqlite::Statement& s = *sp;
  s.Bind(1, static_cast<int64_t>(v1::FOLLOW_UP_STATUS_SCHEDULED));
  s.Bind(2, until);
  s.Bind(3, static_cast<int64_t>(v1::CASE_STATUS_CLOSED));
  std::vector<PendingFollowUp> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&]() -> absl::Status {
    PendingFollowUp p;
    p.case_id = s.ColumnText(0);
    p.id = s.ColumnText(1);
    if (!absl::ParseCivilTime(s.ColumnText(2), &p.due)) {
      return absl::DataLossError("a follow-up check with a malformed due date");
    }
    p.reminded = s.ColumnInt(3) != 0;
    p.escalated = s.ColumnInt(4) != 0;
    out.push_back(std::move(p));
    return absl::OkStatus();
  }));
  return out;
}

absl::Status CaseStore::MarkFollowUpReminded(const std::string& case_id, const std::string& id,
                                             absl::Time now) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("UPDATE follow_ups SET remind_time = ? WHERE case_id "
                                            "= ? AND id = ? AND remind_time IS NULL"));
  return sp->BindAll(absl::ToUnixMicros(now), case_id, id).Run();
}

absl::Status CaseStore::MarkFollowUpEscalated(const std::string& case_id, const std::string& id,
                                              absl::Time now) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("UPDATE follow_ups SET escalate_time = ? WHERE case_id "
                                            "= ? AND id = ? AND escalate_time IS NULL"));
  return sp->BindAll(absl::ToUnixMicros(now), case_id, id).Run();
}

absl::StatusOr<bool> CaseStore::AddFollowUpAlert(const FollowUpAlertRow& a) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("INSERT OR IGNORE INTO follow_up_alerts (case_id, follow_up_id, kind, "
                       "professional_id, organisation_id, create_time) VALUES (?, ?, ?, ?, ?, ?)"));
  SCHAKEL_RETURN_IF_ERROR(sp->BindAll(a.case_id, a.follow_up_id, static_cast<int64_t>(a.kind),
                                      a.professional_id, a.organisation_id,
                                      absl::ToUnixMicros(a.create_time))
                              .Run());
  return c_.Changes() > 0;
}

absl::StatusOr<std::vector<FollowUpAlertRow>> CaseStore::ListFollowUpAlerts(
    const std::string& professional_id, const std::string& organisation_id, bool supervisor,
    int64_t after_seq, int limit) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached(
          "SELECT a.seq, a.case_id, a.follow_up_id, a.kind, a.professional_id, "
          "a.organisation_id, a.create_time, c.reference, c.honour_related, f.due_date "
          "FROM follow_up_alerts a "
          "JOIN follow_ups f ON f.case_id = a.case_id AND f.id = a.follow_up_id "
          "JOIN cases c ON c.id = a.case_id "
          "WHERE a.seq > ?3 AND f.status = ?5 AND c.status = ?6 AND "
          "((?1 <> '' AND a.professional_id = ?1) OR (?4 AND ?2 <> '' AND a.organisation_id = ?2)) "
          "ORDER BY a.seq LIMIT ?7"));
  sqlite::Statement& s = *sp;
  s.BindAll(professional_id, organisation_id, after_seq, static_cast<int64_t>(supervisor),
            static_cast<int64_t>(v1::FOLLOW_UP_STATUS_SCHEDULED),
            static_cast<int64_t>(v1::CASE_STATUS_CLOSED), static_cast<int64_t>(limit));
  std::vector<FollowUpAlertRow> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&] {
    FollowUpAlertRow a;
    a.seq = s.ColumnInt(0);
    a.case_id = s.ColumnText(1);
    a.follow_up_id = s.ColumnText(2);
    a.kind = static_cast<v1::FollowUpAlertKind>(s.ColumnInt(3));
    a.professional_id = s.ColumnText(4);
    a.organisation_id = s.ColumnText(5);
    a.create_time = absl::FromUnixMicros(s.ColumnInt(6));
    a.reference = s.ColumnText(7);
    a.honour_related = s.ColumnInt(8) != 0;
    a.due_date = s.ColumnText(9);
    out.push_back(std::move(a));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<int> CaseStore::CountOverdueFollowUps(const std::string& case_id,
                                                     const std::string& today) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("SELECT COUNT(*) FROM follow_ups f JOIN cases c ON c.id = f.case_id WHERE "
                       "f.case_id = ? AND f.status = ? AND c.status = ? AND f.due_date < ?"));
  sqlite::Statement& s = *sp;
  s.BindAll(case_id, static_cast<int64_t>(v1::FOLLOW_UP_STATUS_SCHEDULED),
            static_cast<int64_t>(v1::CASE_STATUS_CLOSED), today);
  SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
  const int count = row ? static_cast<int>(s.ColumnInt(0)) : 0;
  s.Reset();
  return count;
}

}  // namespace schakel::cases
