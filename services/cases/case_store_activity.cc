// CaseStore, second half: meetings, actions, the timeline and "my cases". The first half
// (case_store.cc) holds the case, its persons, relations, team and shares; follow-up checks are in
// case_store_follow_ups.cc.
#include "services/cases/case_store.h"

#include <cstdio>

#include <algorithm>
#include <iterator>

#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/cases/case_sealed.h"
#include "services/common/inbox.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"

namespace schakel::cases {
namespace {

using google::protobuf::util::TimeUtil;

v1::Date ParseDate(const std::string& s) {
  v1::Date d;
  int y = 0, m = 0, day = 0;
  if (std::sscanf(s.c_str(), "%d-%d-%d", &y, &m, &day) == 3) {
    d.set_year(y);
    d.set_month(m);
    d.set_day(day);
  }
  return d;
}

}  // namespace

absl::Status CaseStore::InsertMeeting(const std::string& case_id, const v1::Meeting& meeting,
                                      absl::Time now) {
  v1::StoredMeeting stored;
  *stored.mutable_meeting() = meeting;
  std::string key_id;
  SCHAKEL_ASSIGN_OR_RETURN(
      std::string body,
      sealer_.Seal(c_, case_id, stored, MeetingAad(case_id, meeting.id()), key_id));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("INSERT INTO meetings (case_id, id, meeting_date, key_id, body, "
                       "create_time) VALUES (?, ?, ?, ?, ?, ?)"));
  sqlite::Statement& s = *sp;
  s.BindAll(case_id, meeting.id(), DateString(meeting.date()), key_id);
  s.BindBlob(5, body);
  s.Bind(6, absl::ToUnixMicros(now));
  return s.Run();
}

absl::StatusOr<std::vector<v1::Meeting>> CaseStore::ListMeetings(const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("SELECT id, key_id, body FROM meetings WHERE "
                                            "case_id = ? ORDER BY meeting_date, create_time"));
  sqlite::Statement& s = *sp;
  s.Bind(1, case_id);
  std::vector<v1::Meeting> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&]() -> absl::Status {
    v1::StoredMeeting stored;
    SCHAKEL_RETURN_IF_ERROR(sealer_.Open(c_, case_id, s.ColumnText(1), s.ColumnBlob(2),
                                         MeetingAad(case_id, s.ColumnText(0)), stored));
    out.push_back(std::move(*stored.mutable_meeting()));
    return absl::OkStatus();
  }));
  return out;
}

namespace {
constexpr char kActionColumns[] =
    "id, meeting_id, owner_organisation_id, due_date, status, version, key_id, body";
}  // namespace

absl::Status CaseStore::InsertAction(const std::string& case_id, const v1::Action& action) {
  std::string key_id;
  SCHAKEL_ASSIGN_OR_RETURN(
      std::string body, sealer_.Seal(c_, case_id, action, ActionAad(case_id, action.id()), key_id));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("INSERT INTO actions (case_id, id, meeting_id, owner_organisation_id, "
                       "due_date, status, version, key_id, body) VALUES (?, ?, ?, ?, ?, ?, 1, ?, "
                       "?)"));
  sqlite::Statement& s = *sp;
  s.BindAll(case_id, action.id(), action.meeting_id(), action.owner_organisation_id(),
            DateString(action.due_date()), static_cast<int64_t>(action.status()), key_id);
  s.BindBlob(8, body);
  return s.Run();
}

absl::Status CaseStore::SaveAction(const std::string& case_id, v1::Action& action) {
  std::string key_id;
  SCHAKEL_ASSIGN_OR_RETURN(
      std::string body, sealer_.Seal(c_, case_id, action, ActionAad(case_id, action.id()), key_id));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("UPDATE actions SET status = ?, version = version + "
                       "1, key_id = ?, body = ? WHERE case_id = ? AND id = ?"));
  sqlite::Statement& s = *sp;
  s.Bind(1, static_cast<int64_t>(action.status()));
  s.Bind(2, key_id);
  s.BindBlob(3, body);
  s.Bind(4, case_id);
  s.Bind(5, action.id());
  return s.Run();
}

namespace {
absl::StatusOr<v1::Action> ActionFromRow(sqlite::Connection& c, const ObjectSealer& sealer,
                                         const std::string& case_id, const sqlite::Statement& s) {
  v1::Action a;
  const std::string id = s.ColumnText(0);
  SCHAKEL_RETURN_IF_ERROR(
      sealer.Open(c, case_id, s.ColumnText(6), s.ColumnBlob(7), ActionAad(case_id, id), a));
  a.set_id(id);
  a.set_meeting_id(s.ColumnText(1));
  a.set_owner_organisation_id(s.ColumnText(2));
  *a.mutable_due_date() = ParseDate(s.ColumnText(3));
  a.set_status(static_cast<v1::ActionStatus>(s.ColumnInt(4)));
  a.set_etag(absl::StrCat("v", s.ColumnInt(5)));
  return a;
}
}  // namespace

absl::StatusOr<std::vector<v1::Action>> CaseStore::ListActions(const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached(absl::StrCat("SELECT ", kActionColumns,
                                                         " FROM actions WHERE case_id = ? ORDER "
                                                         "BY due_date, id")));
  sqlite::Statement& s = *sp;
  s.Bind(1, case_id);
  std::vector<v1::Action> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&]() -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(auto a, ActionFromRow(c_, sealer_, case_id, s));
    out.push_back(std::move(a));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::optional<v1::Action>> CaseStore::GetAction(const std::string& case_id,
                                                               const std::string& action_id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached(absl::StrCat("SELECT ", kActionColumns,
                                                         " FROM actions WHERE case_id = ? AND "
                                                         "id = ?")));
  sqlite::Statement& s = *sp;
  s.BindAll(case_id, action_id);
  SCHAKEL_ASSIGN_OR_RETURN(bool found, s.Step());
  if (!found) return std::optional<v1::Action>();
  SCHAKEL_ASSIGN_OR_RETURN(auto a, ActionFromRow(c_, sealer_, case_id, s));
  return std::optional<v1::Action>(std::move(a));
}

absl::StatusOr<std::pair<int, int>> CaseStore::CountActions(const std::string& case_id,
                                                            const std::string& today) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto s, c_.PrepareCached("SELECT COALESCE(SUM(status = 1), 0), COALESCE(SUM(status = 1 AND "
                               "due_date < ?2), 0) FROM actions WHERE case_id = ?1"));
  s->Bind(1, case_id);
  s->Bind(2, today);
  auto row = s->Step();
  std::pair<int, int> counts{0, 0};
  if (row.ok() && *row) {
    counts = {static_cast<int>(s->ColumnInt(0)), static_cast<int>(s->ColumnInt(1))};
  }
  s->Reset();
  if (!row.ok()) return row.status();
  return counts;
}

namespace {
absl::StatusOr<bool> InsertTimeline(sqlite::Connection& c, ObjectSealer& sealer,
                                    const std::string& case_id, const TimelineRow& row,
                                    std::optional<int64_t> source_sequence) {
  std::string key_id;
  SCHAKEL_ASSIGN_OR_RETURN(
      std::string body, sealer.SealText(c, case_id, row.summary,
                                        TimelineAad(case_id, row.type, row.sensitivity), key_id));
  SCHAKEL_ASSIGN_OR_RETURN(
      auto s, c.Prepare("INSERT OR IGNORE INTO timeline (case_id, time, type, sensitivity, "
                        "actor_id, actor_organisation_id, source_service, source_sequence, key_id, "
                        "body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  s.BindAll(case_id, absl::ToUnixMicros(row.time), row.type, static_cast<int64_t>(row.sensitivity),
            row.actor_id, row.actor_organisation_id, row.source_service);
  if (source_sequence) {
    s.Bind(8, *source_sequence);
  } else {
    s.BindNull(8);
  }
  s.Bind(9, key_id);
  s.BindBlob(10, body);
  SCHAKEL_RETURN_IF_ERROR(s.Run());
  return c.Changes() > 0;
}
}  // namespace

absl::Status CaseStore::AppendTimeline(const std::string& case_id, const TimelineRow& row) {
  return InsertTimeline(c_, sealer_, case_id, row, std::nullopt).status();
}

absl::StatusOr<bool> CaseStore::AppendForeign(const std::string& case_id, const TimelineRow& row,
                                              int64_t source_sequence) {
  // The inbox decides whether this event was received before; the timeline keeps its sequence
  // for tracing.
  SCHAKEL_ASSIGN_OR_RETURN(bool fresh,
                           ReceiveOnce(c_, row.source_service, source_sequence, "", row.time));
  if (!fresh) return false;
  return InsertTimeline(c_, sealer_, case_id, row, source_sequence);
}

absl::StatusOr<std::vector<TimelineRow>> CaseStore::ListTimeline(const std::string& case_id,
                                                                 int64_t after_seq, int limit) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("SELECT seq, time, type, sensitivity, actor_id, actor_organisation_id, "
                       "source_service, key_id, body FROM timeline WHERE case_id = ? AND seq > ? "
                       "ORDER BY seq LIMIT ?"));
  sqlite::Statement& s = *sp;
  s.BindAll(case_id, after_seq, static_cast<int64_t>(limit));
  std::vector<TimelineRow> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&]() -> absl::Status {
    TimelineRow r;
    r.seq = s.ColumnInt(0);
    r.time = absl::FromUnixMicros(s.ColumnInt(1));
    r.type = s.ColumnText(2);
    r.sensitivity = static_cast<v1::Sensitivity>(s.ColumnInt(3));
    r.actor_id = s.ColumnText(4);
    r.actor_organisation_id = s.ColumnText(5);
    r.source_service = s.ColumnText(6);
    SCHAKEL_ASSIGN_OR_RETURN(r.summary,
                             sealer_.OpenText(c_, case_id, s.ColumnText(7), s.ColumnBlob(8),
                                              TimelineAad(case_id, r.type, r.sensitivity)));
    out.push_back(std::move(r));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<MyCaseRow>> CaseStore::ListMyCases(
    const std::string& professional_id, const std::string& organisation_id, bool oversight,
    v1::CaseStatus status, v1::CaseRole role, const std::string& after_reference, int limit) {
  // Two walks in reference order, each stopping after `limit` rows: the caller's own memberships
  // (team_mine_by_reference), and — for supervisors and auditors — the organisation's cases
  // (team_organisation_by_reference) as OVERSIGHT. Merged here; an own membership wins.
  auto walk = [&](absl::string_view sql, v1::CaseRole fixed_role,
                  std::vector<MyCaseRow>& out) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * s, c_.PrepareCached(sql));
    s->Bind(1, professional_id);
    s->Bind(2, organisation_id);
    s->Bind(3, after_reference);
    s->Bind(4, static_cast<int64_t>(status));
    s->Bind(5, static_cast<int64_t>(role));
    s->Bind(6, static_cast<int64_t>(limit));
    absl::Status st = sqlite::ForEachRow(*s, [&] {
      MyCaseRow r;
      r.id = s->ColumnText(0);
      r.reference = s->ColumnText(1);
      r.region = static_cast<v1::Region>(s->ColumnInt(2));
      r.status = static_cast<v1::CaseStatus>(s->ColumnInt(3));
      r.honour_related = s->ColumnInt(4) != 0;
      r.create_time = absl::FromUnixMicros(s->ColumnInt(5));
      r.role = fixed_role != v1::CASE_ROLE_UNSPECIFIED ? fixed_role
                                                       : static_cast<v1::CaseRole>(s->ColumnInt(6));
      out.push_back(std::move(r));
      return absl::OkStatus();
    });
    s->Reset();
    return st;
  };
  std::vector<MyCaseRow> mine, theirs;
  if (role != v1::CASE_ROLE_OVERSIGHT) {
    SCHAKEL_RETURN_IF_ERROR(walk(
        "SELECT c.id, c.reference, c.region, c.status, c.honour_related, c.create_time, t.role "
        "FROM team_members t JOIN cases c ON c.id = t.case_id "
        "WHERE t.professional_id = ?1 AND t.organisation_id = ?2 AND t.end_time IS NULL "
        "AND t.case_reference > ?3 AND (?4 = 0 OR c.status = ?4) AND (?5 = 0 OR t.role = ?5) "
        "AND c.destroyed_at IS NULL "
        "ORDER BY t.case_reference LIMIT ?6",
        v1::CASE_ROLE_UNSPECIFIED, mine));
  }
  if (oversight && (role == v1::CASE_ROLE_UNSPECIFIED || role == v1::CASE_ROLE_OVERSIGHT)) {
    SCHAKEL_RETURN_IF_ERROR(
        walk("SELECT c.id, c.reference, c.region, c.status, c.honour_related, c.create_time, 0 "
             "FROM (SELECT DISTINCT case_id, case_reference FROM team_members "
             "      WHERE organisation_id = ?2 AND end_time IS NULL AND case_reference > ?3 "
             "      AND ?1 = ?1 AND ?5 = ?5 ORDER BY case_reference) t "  // (binds every parameter)
             "JOIN cases c ON c.id = t.case_id "
             "WHERE (?4 = 0 OR c.status = ?4) AND c.destroyed_at IS NULL "
             "AND NOT EXISTS (SELECT 1 FROM team_members o WHERE o.case_id = t.case_id AND "
             "o.professional_id = ?1 AND o.organisation_id = ?2 AND o.end_time IS NULL) "
             "ORDER BY t.case_reference LIMIT ?6",
             v1::CASE_ROLE_OVERSIGHT, theirs));
  }
  std::vector<MyCaseRow> out;
  std::merge(std::make_move_iterator(mine.begin()), std::make_move_iterator(mine.end()),
             std::make_move_iterator(theirs.begin()), std::make_move_iterator(theirs.end()),
             std::back_inserter(out),
             [](const MyCaseRow& x, const MyCaseRow& y) { return x.reference < y.reference; });
  if (static_cast<int>(out.size()) > limit) out.resize(limit);
  return out;
}

}  // namespace schakel::cases
