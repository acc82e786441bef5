#include "services/intake/intake_feedback_store.h"

#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/intake/intake_sealed.h"

namespace schakel::intake {
namespace {

constexpr char kTaskColumns[] =
    "report_id, occasion, region, reporter_type, scope, decided_at, due, assignee, given_at, "
    "given_by, record_time, signals_sent, next_signal_at, key_id, given";

}  // namespace

absl::Status FeedbackStore::Insert(const FeedbackRow& f) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("INSERT INTO feedback_tasks (report_id, occasion, region, reporter_type, "
                       "scope, decided_at, due, assignee, signals_sent, next_signal_at) VALUES "
                       "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  s->BindAll(f.report_id, f.occasion, static_cast<int>(f.region), static_cast<int>(f.reporter_type),
             static_cast<int>(f.scope), f.decided_at, f.due, f.assignee, f.signals_sent);
  s->BindOptional(10, f.next_signal_at);
  return s->Run();
}

absl::StatusOr<std::vector<FeedbackRow>> FeedbackStore::Query(sqlite::Statement& s, bool decrypt) {
  std::vector<FeedbackRow> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&]() -> absl::Status {
    FeedbackRow f;
    f.report_id = s.ColumnText(0);
    f.occasion = s.ColumnText(1);
    f.region = static_cast<v1::Region>(s.ColumnInt(2));
    f.reporter_type = static_cast<v1::ReporterType>(s.ColumnInt(3));
    f.scope = static_cast<v1::FeedbackScope>(s.ColumnInt(4));
    f.decided_at = s.ColumnInt(5);
    f.due = s.ColumnInt(6);
    f.assignee = s.ColumnText(7);
    f.given_at = s.ColumnOptionalInt(8);
    f.given_by = s.ColumnText(9);
    f.record_time = s.ColumnOptionalInt(10);
    f.signals_sent = static_cast<int>(s.ColumnInt(11));
    f.next_signal_at = s.ColumnOptionalInt(12);
    if (decrypt && f.given_at && !s.IsNull(14)) {
      SCHAKEL_RETURN_IF_ERROR(sealer_.Open(c_, f.report_id, s.ColumnText(13), s.ColumnBlob(14),
                                           FeedbackAad(f.report_id, f.occasion), f.given));
    }
    out.push_back(std::move(f));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::optional<FeedbackRow>> FeedbackStore::Get(const std::string& report_id,
                                                              const std::string& occasion,
                                                              bool decrypt) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat("SELECT ", kTaskColumns,
                                    " FROM feedback_tasks WHERE report_id = ? AND occasion = ?")));
  s->Bind(1, report_id).Bind(2, occasion);
  SCHAKEL_ASSIGN_OR_RETURN(auto rows, Query(*s, decrypt));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

absl::StatusOr<bool> FeedbackStore::MarkGiven(const FeedbackRow& f) {
  std::string key_id;
  SCHAKEL_ASSIGN_OR_RETURN(
      std::string sealed,
      sealer_.Seal(c_, f.report_id, f.given, FeedbackAad(f.report_id, f.occasion), key_id));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE feedback_tasks SET given_at = ?, given_by = ?, record_time = ?, "
                       "key_id = ?, given = ?, next_signal_at = NULL WHERE report_id = ? AND "
                       "occasion = ? AND given_at IS NULL"));
  s->BindOptional(1, f.given_at);
  s->Bind(2, f.given_by);
  s->BindOptional(3, f.record_time);
  s->Bind(4, key_id);
  s->BindBlob(5, sealed);
  s->Bind(6, f.report_id).Bind(7, f.occasion);
  SCHAKEL_RETURN_IF_ERROR(s->Run());
  return c_.Changes() == 1;
}

absl::StatusOr<std::vector<FeedbackRow>> FeedbackStore::List(v1::Region region,
                                                             std::optional<int64_t> done_since,
                                                             int limit, bool decrypt) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat(
          "SELECT ", kTaskColumns,
          " FROM feedback_tasks WHERE region = ?1 AND (given_at IS NULL OR (?2 IS NOT NULL AND "
          "given_at >= ?2)) ORDER BY given_at IS NOT NULL, CASE WHEN given_at IS NULL THEN due "
          "ELSE -given_at END, report_id, occasion LIMIT ?3")));
  s->Bind(1, static_cast<int>(region));
  s->BindOptional(2, done_since);
  s->Bind(3, limit);
  return Query(*s, decrypt);
}

absl::Status FeedbackStore::CountOpen(v1::Region region, int64_t now, int& open, int& overdue) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("SELECT COUNT(*), COUNT(CASE WHEN due <= ?2 THEN 1 END) FROM "
                       "feedback_tasks WHERE region = ?1 AND given_at IS NULL"));
  s->Bind(1, static_cast<int>(region)).Bind(2, now);
  return sqlite::ForEachRow(*s, [&]() -> absl::Status {
    open = static_cast<int>(s->ColumnInt(0));
    overdue = static_cast<int>(s->ColumnInt(1));
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<std::pair<std::string, std::string>>> FeedbackStore::DueForSignals(
    int64_t now, int limit) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("SELECT report_id, occasion FROM feedback_tasks WHERE next_signal_at IS "
                       "NOT NULL AND next_signal_at <= ? ORDER BY next_signal_at LIMIT ?"));
  s->Bind(1, now).Bind(2, limit);
  std::vector<std::pair<std::string, std::string>> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(*s, [&]() -> absl::Status {
    out.emplace_back(s->ColumnText(0), s->ColumnText(1));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<bool> FeedbackStore::MarkSignals(const std::string& report_id,
                                                const std::string& occasion, int previous, int sent,
                                                std::optional<int64_t> next) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE feedback_tasks SET signals_sent = ?, next_signal_at = ? WHERE "
                       "report_id = ? AND occasion = ? AND signals_sent = ? AND given_at IS NULL"));
  s->Bind(1, sent);
  s->BindOptional(2, next);
  s->Bind(3, report_id).Bind(4, occasion).Bind(5, previous);
  SCHAKEL_RETURN_IF_ERROR(s->Run());
  return c_.Changes() == 1;
}

absl::Status FeedbackStore::SetAssessed(const std::string& report_id, int64_t assessed_at,
                                        int route) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE reports SET assessed_at = ?, route = ? WHERE id = ?"));
  s->Bind(1, assessed_at).Bind(2, route).Bind(3, report_id);
  return s->Run();
}

absl::Status FeedbackStore::SetInvestigationCompleted(const std::string& report_id,
                                                      int64_t completed_at) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE reports SET investigation_completed_at = ?, next_signal_at = NULL "
                       "WHERE id = ?"));
  s->Bind(1, completed_at).Bind(2, report_id);
  return s->Run();
}

absl::StatusOr<std::optional<int64_t>> FeedbackStore::InvestigationCompletedAt(
    const std::string& report_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("SELECT investigation_completed_at FROM reports WHERE id = ?"));
  s->Bind(1, report_id);
  std::optional<int64_t> at;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(*s, [&]() -> absl::Status {
    at = s->ColumnOptionalInt(0);
    return absl::OkStatus();
  }));
  return at;
}

absl::StatusOr<std::vector<ReportFact>> FeedbackStore::ReportFacts(v1::Region region, int64_t from,
                                                                   int64_t to) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(
          "SELECT id, kind, channel, state, violence_kinds, assessment_due, assessed_at, route, "
          "investigation_due, investigation_completed_at FROM reports WHERE region = ? AND "
          "received_at >= ? AND received_at < ? ORDER BY received_at, id"));
  s->Bind(1, static_cast<int>(region)).Bind(2, from).Bind(3, to);
  std::vector<ReportFact> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(*s, [&]() -> absl::Status {
    ReportFact f;
    f.id = s->ColumnText(0);
    f.kind = static_cast<v1::ReportKind>(s->ColumnInt(1));
    f.channel = static_cast<v1::ReportChannel>(s->ColumnInt(2));
    f.state = static_cast<v1::ReportState>(s->ColumnInt(3));
    f.violence_kinds = s->ColumnText(4);
    f.assessment_due = s->ColumnOptionalInt(5);
    f.assessed_at = s->ColumnOptionalInt(6);
    if (auto route = s->ColumnOptionalInt(7)) f.route = static_cast<int>(*route);
    f.investigation_due = s->ColumnOptionalInt(8);
    f.investigation_completed_at = s->ColumnOptionalInt(9);
    out.push_back(std::move(f));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<v1::OverdueItem>> FeedbackStore::Overdue(
    v1::Region region, int64_t now, int limit, std::map<std::string, int>& counts) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(
          "SELECT id, 'assessment', assessment_due FROM reports WHERE region = ?1 AND state = 1 "
          "AND assessment_due IS NOT NULL AND assessment_due <= ?2 "
          "UNION ALL SELECT id, 'investigation', investigation_due FROM reports WHERE region = ?1 "
          "AND investigation_due IS NOT NULL AND investigation_completed_at IS NULL AND "
          "investigation_due <= ?2 "
          "UNION ALL SELECT report_id, 'feedback', due FROM feedback_tasks WHERE region = ?1 AND "
          "given_at IS NULL AND due <= ?2 ORDER BY 3, 1, 2"));
  s->Bind(1, static_cast<int>(region)).Bind(2, now);
  std::vector<v1::OverdueItem> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(*s, [&]() -> absl::Status {
    const std::string what = s->ColumnText(1);
    ++counts[what];
    if (static_cast<int>(out.size()) >= limit) return absl::OkStatus();
    v1::OverdueItem item;
    item.set_report_id(s->ColumnText(0));
    item.set_what(what);
    SetTime(item.mutable_due(), s->ColumnInt(2));
    out.push_back(std::move(item));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<FeedbackRow>> FeedbackStore::FeedbackOfPeriod(v1::Region region,
                                                                         int64_t from, int64_t to) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(
          "SELECT f.report_id, f.occasion, f.region, f.reporter_type, f.scope, f.decided_at, "
          "f.due, f.assignee, f.given_at, f.given_by, f.record_time, f.signals_sent, "
          "f.next_signal_at, f.key_id, f.given FROM feedback_tasks f JOIN reports r ON r.id = "
          "f.report_id WHERE r.region = ? AND r.received_at >= ? AND r.received_at < ? "
          "ORDER BY f.report_id, f.occasion"));
  s->Bind(1, static_cast<int>(region)).Bind(2, from).Bind(3, to);
  return Query(*s, false);
}

}  // namespace schakel::intake
