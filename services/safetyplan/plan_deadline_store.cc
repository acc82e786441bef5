#include "services/safetyplan/plan_deadline_store.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "services/common/status.h"

namespace schakel::safetyplan {
namespace {

constexpr char kEvaluationColumns[] =
    "id, case_id, version, evaluated_at, evaluated_by, organisation_id, decision, "
    "next_evaluation_due, next_version, notes_sensitivity, key_id, body";

constexpr char kIncidentColumns[] =
    "id, case_id, occurred_at, sensitivity, recorded_by, organisation_id, recorded_at, review_due, "
    "key_id, body";

constexpr char kDeadlineColumns[] =
    "d.id, d.case_id, d.kind, d.version, d.subject_id, d.due, d.remind_on, d.owner_id, "
    "d.owner_organisation_id, d.director_id, d.created_at, d.reminded_at, d.escalated_at, "
    "d.done_at";

// Reads the deadline columns starting at `at`.
DeadlineRow DeadlineFromRow(const sqlite::Statement& s, int at = 0) {
  DeadlineRow r;
  r.id = s.ColumnInt(at + 0);
  r.case_id = s.ColumnText(at + 1);
  r.kind = s.ColumnText(at + 2);
  r.version = static_cast<int>(s.ColumnInt(at + 3));
  r.subject_id = s.ColumnText(at + 4);
  r.due = s.ColumnInt(at + 5);
  r.remind_on = s.ColumnInt(at + 6);
  r.owner_id = s.ColumnText(at + 7);
  r.owner_organisation_id = s.ColumnText(at + 8);
  r.director_id = s.ColumnText(at + 9);
  r.created_at = s.ColumnInt(at + 10);
  r.reminded_at = s.ColumnInt(at + 11);
  r.escalated_at = s.ColumnInt(at + 12);
  r.done_at = s.ColumnInt(at + 13);
  return r;
}

// Runs `s` (bound) to the end, collecting each row with `read`.
template <typename Row, typename Read>
absl::StatusOr<std::vector<Row>> Collect(sqlite::Statement& s, Read read) {
  std::vector<Row> rows;
  absl::Status st = sqlite::ForEachRow(s, [&] {
    rows.push_back(read(s));
    return absl::OkStatus();
  });
  s.Reset();
  SCHAKEL_RETURN_IF_ERROR(st);
  return rows;
}

absl::Status RunAndReset(sqlite::Statement& s) {
  absl::Status st = s.Run();
  s.Reset();
  return st;
}

}  // namespace

absl::Status PlanDeadlineStore::InsertEvaluation(const EvaluationRow& r) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat("INSERT INTO plan_evaluations (", kEvaluationColumns,
                                    ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
  s->Bind(1, r.id)
      .Bind(2, r.case_id)
      .Bind(3, r.version)
      .Bind(4, r.evaluated_at)
      .Bind(5, r.evaluated_by)
      .Bind(6, r.organisation_id)
      .Bind(7, r.decision)
      .Bind(8, r.next_evaluation_due)
      .Bind(9, r.next_version)
      .Bind(10, r.notes_sensitivity)
      .Bind(11, r.key_id)
      .BindBlob(12, r.body);
  return RunAndReset(*s);
}

absl::StatusOr<std::vector<EvaluationRow>> PlanDeadlineStore::Evaluations(
    const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * s,
                           c_.PrepareCached(absl::StrCat("SELECT ", kEvaluationColumns,
                                                         " FROM plan_evaluations WHERE case_id = ? "
                                                         "ORDER BY evaluated_at DESC, id")));
  s->Bind(1, case_id);
  return Collect<EvaluationRow>(*s, [](const sqlite::Statement& row) {
    EvaluationRow r;
    r.id = row.ColumnText(0);
    r.case_id = row.ColumnText(1);
    r.version = static_cast<int>(row.ColumnInt(2));
    r.evaluated_at = row.ColumnInt(3);
    r.evaluated_by = row.ColumnText(4);
    r.organisation_id = row.ColumnText(5);
    r.decision = row.ColumnText(6);
    r.next_evaluation_due = row.ColumnInt(7);
    r.next_version = static_cast<int>(row.ColumnInt(8));
    r.notes_sensitivity = static_cast<int>(row.ColumnInt(9));
    r.key_id = row.ColumnText(10);
    r.body = row.ColumnBlob(11);
    return r;
  });
}

absl::Status PlanDeadlineStore::InsertIncident(const IncidentRow& r) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat("INSERT INTO plan_incidents (", kIncidentColumns,
                                    ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
  s->Bind(1, r.id)
      .Bind(2, r.case_id)
      .Bind(3, r.occurred_at)
      .Bind(4, r.sensitivity)
      .Bind(5, r.recorded_by)
      .Bind(6, r.organisation_id)
      .Bind(7, r.recorded_at)
      .Bind(8, r.review_due)
      .Bind(9, r.key_id)
      .BindBlob(10, r.body);
  return RunAndReset(*s);
}

absl::StatusOr<std::vector<IncidentRow>> PlanDeadlineStore::Incidents(const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * s,
                           c_.PrepareCached(absl::StrCat("SELECT ", kIncidentColumns,
                                                         " FROM plan_incidents WHERE case_id = ? "
                                                         "ORDER BY recorded_at DESC, id")));
  s->Bind(1, case_id);
  return Collect<IncidentRow>(*s, [](const sqlite::Statement& row) {
    IncidentRow r;
    r.id = row.ColumnText(0);
    r.case_id = row.ColumnText(1);
    r.occurred_at = row.ColumnInt(2);
    r.sensitivity = static_cast<int>(row.ColumnInt(3));
    r.recorded_by = row.ColumnText(4);
    r.organisation_id = row.ColumnText(5);
    r.recorded_at = row.ColumnInt(6);
    r.review_due = row.ColumnInt(7);
    r.key_id = row.ColumnText(8);
    r.body = row.ColumnBlob(9);
    return r;
  });
}

absl::StatusOr<int64_t> PlanDeadlineStore::AddDeadline(const DeadlineRow& r) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(
          "INSERT INTO plan_deadlines (case_id, kind, version, subject_id, due, remind_on, "
          "owner_id, owner_organisation_id, director_id, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (case_id, kind, version, subject_id, due) DO NOTHING"));
  s->Bind(1, r.case_id)
      .Bind(2, r.kind)
      .Bind(3, r.version)
      .Bind(4, r.subject_id)
      .Bind(5, r.due)
      .Bind(6, r.remind_on)
      .Bind(7, r.owner_id)
      .Bind(8, r.owner_organisation_id)
      .Bind(9, r.director_id)
      .Bind(10, r.created_at);
  SCHAKEL_RETURN_IF_ERROR(RunAndReset(*s));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * q,
      c_.PrepareCached("SELECT id FROM plan_deadlines WHERE case_id = ? AND kind = ? AND "
                       "version = ? AND subject_id = ? AND due = ?"));
  q->Bind(1, r.case_id).Bind(2, r.kind).Bind(3, r.version).Bind(4, r.subject_id).Bind(5, r.due);
  SCHAKEL_ASSIGN_OR_RETURN(bool found, q->Step());
  const int64_t id = found ? q->ColumnInt(0) : 0;
  q->Reset();
  if (!found) return absl::InternalError("a deadline just added is not there");
  return id;
}

absl::Status PlanDeadlineStore::FinishDeadlines(const std::string& case_id,
                                                const std::vector<std::string>& kinds,
                                                int64_t now) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE plan_deadlines SET done_at = ?1 WHERE case_id = ?2 AND "
                       "done_at = 0 AND kind = ?3"));
  for (const std::string& kind : kinds) {
    s->Bind(1, now).Bind(2, case_id).Bind(3, kind);
    SCHAKEL_RETURN_IF_ERROR(RunAndReset(*s));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<DeadlineRow>> PlanDeadlineStore::OpenDeadlines(
    const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat("SELECT ", kDeadlineColumns,
                                    " FROM plan_deadlines d WHERE d.case_id = ? AND "
                                    "d.done_at = 0 ORDER BY d.due, d.id")));
  s->Bind(1, case_id);
  return Collect<DeadlineRow>(*s,
                              [](const sqlite::Statement& row) { return DeadlineFromRow(row); });
}

absl::StatusOr<bool> PlanDeadlineStore::ReviewDone(const std::string& incident_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("SELECT count(*) FROM plan_deadlines WHERE kind = 'INCIDENT_REVIEW' AND "
                       "subject_id = ? AND done_at = 0"));
  s->Bind(1, incident_id);
  SCHAKEL_ASSIGN_OR_RETURN(bool found, s->Step());
  const bool open = found && s->ColumnInt(0) > 0;
  s->Reset();
  return !open;
}

absl::StatusOr<std::optional<DeadlineRow>> PlanDeadlineStore::GetDeadline(int64_t id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * s,
                           c_.PrepareCached(absl::StrCat("SELECT ", kDeadlineColumns,
                                                         " FROM plan_deadlines d WHERE d.id = ?")));
  s->Bind(1, id);
  SCHAKEL_ASSIGN_OR_RETURN(bool found, s->Step());
  std::optional<DeadlineRow> row;
  if (found) row = DeadlineFromRow(*s);
  s->Reset();
  return row;
}

absl::StatusOr<std::vector<int64_t>> PlanDeadlineStore::DueOn(int64_t today) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("SELECT id FROM plan_deadlines WHERE done_at = 0 AND reminded_at = 0 AND "
                       "remind_on <= ?1 UNION SELECT id FROM plan_deadlines WHERE done_at = 0 AND "
                       "escalated_at = 0 AND due < ?1 ORDER BY 1"));
  s->Bind(1, today);
  return Collect<int64_t>(*s, [](const sqlite::Statement& row) { return row.ColumnInt(0); });
}

absl::Status PlanDeadlineStore::MarkReminded(int64_t id, int64_t now) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE plan_deadlines SET reminded_at = ? WHERE id = ? AND "
                       "reminded_at = 0"));
  s->Bind(1, now).Bind(2, id);
  return RunAndReset(*s);
}

absl::Status PlanDeadlineStore::MarkEscalated(int64_t id, int64_t now) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE plan_deadlines SET escalated_at = ? WHERE id = ? AND "
                       "escalated_at = 0"));
  s->Bind(1, now).Bind(2, id);
  return RunAndReset(*s);
}

absl::Status PlanDeadlineStore::AddInboxItem(int64_t deadline_id, const std::string& kind,
                                             const std::string& professional_id,
                                             const std::string& organisation_id, int64_t now) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("INSERT INTO plan_inbox (deadline_id, kind, professional_id, "
                       "organisation_id, created_at) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT DO NOTHING"));
  s->Bind(1, deadline_id)
      .Bind(2, kind)
      .Bind(3, professional_id)
      .Bind(4, organisation_id)
      .Bind(5, now);
  return RunAndReset(*s);
}

absl::StatusOr<std::vector<InboxRow>> PlanDeadlineStore::Inbox(const std::string& professional_id,
                                                               const std::string& supervisor_of) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat(
          "SELECT i.id, i.kind, i.created_at, ", kDeadlineColumns,
          " FROM plan_inbox i JOIN plan_deadlines d ON d.id = i.deadline_id "
          "WHERE d.done_at = 0 AND ((i.professional_id <> '' AND i.professional_id = ?1) OR "
          "(i.professional_id = '' AND ?2 <> '' AND i.organisation_id = ?2)) "
          "ORDER BY i.created_at, i.id")));
  s->Bind(1, professional_id).Bind(2, supervisor_of);
  return Collect<InboxRow>(*s, [](const sqlite::Statement& row) {
    InboxRow r;
    r.id = row.ColumnInt(0);
    r.kind = row.ColumnText(1);
    r.created_at = row.ColumnInt(2);
    r.deadline = DeadlineFromRow(row, 3);
    return r;
  });
}

}  // namespace schakel::safetyplan
