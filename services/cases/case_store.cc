#include "services/cases/case_store.h"

#include <algorithm>
#include <iterator>

#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/common/status.h"

namespace schakel::cases {
namespace {

using google::protobuf::util::TimeUtil;

int64_t Micros(absl::Time t) { return absl::ToUnixMicros(t); }
void SetTime(google::protobuf::Timestamp* ts, int64_t micros) {
  *ts = TimeUtil::MicrosecondsToTimestamp(micros);
}

std::string CaseAad(const std::string& id) { return absl::StrCat("case/", id); }
std::string PersonAad(const std::string& case_id, const std::string& id) {
  return absl::StrCat("person/", case_id, "/", id);
}
std::string MeetingAad(const std::string& case_id, const std::string& id) {
  return absl::StrCat("meeting/", case_id, "/", id);
}
std::string ActionAad(const std::string& case_id, const std::string& id) {
  return absl::StrCat("action/", case_id, "/", id);
}
// A summary is bound to its case, type and sensitivity: moved into a row with a lower sensitivity
// (shown to more organisations) it no longer decrypts.
std::string TimelineAad(const std::string& case_id, absl::string_view type, int sensitivity) {
  return absl::StrCat("timeline/", case_id, "/", type, "/", sensitivity);
}

bool HonourRelated(const v1::StoredCaseBody& body) {
  return body.details().honour_related_violence();
}

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

// Loops over the rows of `s`, calling `row` for each.
template <typename F>
absl::Status ForEachRow(sqlite::Statement& s, F&& row) {
  for (;;) {
    SCHAKEL_ASSIGN_OR_RETURN(bool has, s.Step());
    if (!has) return absl::OkStatus();
    SCHAKEL_RETURN_IF_ERROR(row());
  }
}

}  // namespace

absl::StatusOr<std::string> CaseStore::NextReference(int year) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("INSERT INTO case_numbers (year, last) VALUES (?, 1) "
                       "ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last"));
  sqlite::Statement& s = *sp;
  s.Bind(1, static_cast<int64_t>(year));
  SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return absl::InternalError("no case number");
  return absl::StrFormat("MDA-%04d-%06d", year, s.ColumnInt(0));
}

absl::Status CaseStore::InsertCase(const CaseRow& row) {
  SCHAKEL_ASSIGN_OR_RETURN(std::string body, cipher_.Seal(row.body, CaseAad(row.id)));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("INSERT INTO cases (id, reference, region, status, origin, "
                       "origin_report_id, honour_related, version, key_id, body, create_time, "
                       "update_time) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)"));
  sqlite::Statement& s = *sp;
  s.BindAll(row.id, row.reference, static_cast<int64_t>(row.region),
            static_cast<int64_t>(row.status), static_cast<int64_t>(row.origin));
  if (row.origin_report_id.empty()) {
    s.BindNull(6);
  } else {
    s.Bind(6, row.origin_report_id);
  }
  s.Bind(7, static_cast<int64_t>(HonourRelated(row.body)));
  s.Bind(8, cipher_.key_id());
  s.BindBlob(9, body);
  s.Bind(10, Micros(row.create_time));
  s.Bind(11, Micros(row.update_time));
  return s.Run();
}

absl::StatusOr<std::optional<CaseRow>> CaseStore::GetCase(const std::string& id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("SELECT reference, region, status, origin, origin_report_id, version, "
                       "key_id, body, create_time, update_time FROM cases WHERE id = ?"));
  sqlite::Statement& s = *sp;
  s.Bind(1, id);
  SCHAKEL_ASSIGN_OR_RETURN(bool found, s.Step());
  if (!found) return std::optional<CaseRow>();
  CaseRow row;
  row.id = id;
  row.reference = s.ColumnText(0);
  row.region = static_cast<v1::Region>(s.ColumnInt(1));
  row.status = static_cast<v1::CaseStatus>(s.ColumnInt(2));
  row.origin = static_cast<v1::CaseOrigin>(s.ColumnInt(3));
  if (!s.IsNull(4)) row.origin_report_id = s.ColumnText(4);
  row.version = s.ColumnInt(5);
  SCHAKEL_RETURN_IF_ERROR(cipher_.Open(s.ColumnText(6), s.ColumnBlob(7), CaseAad(id), row.body));
  row.create_time = absl::FromUnixMicros(s.ColumnInt(8));
  row.update_time = absl::FromUnixMicros(s.ColumnInt(9));
  return std::optional<CaseRow>(std::move(row));
}

absl::Status CaseStore::SaveCase(CaseRow& row, absl::Time now) {
  SCHAKEL_ASSIGN_OR_RETURN(std::string body, cipher_.Seal(row.body, CaseAad(row.id)));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("UPDATE cases SET status = ?, honour_related = ?, version = version + 1, "
                       "key_id = ?, body = ?, update_time = ? WHERE id = ?"));
  sqlite::Statement& s = *sp;
  s.Bind(1, static_cast<int64_t>(row.status));
  s.Bind(2, static_cast<int64_t>(HonourRelated(row.body)));
  s.Bind(3, cipher_.key_id());
  s.BindBlob(4, body);
  s.Bind(5, Micros(now));
  s.Bind(6, row.id);
  SCHAKEL_RETURN_IF_ERROR(s.Run());
  ++row.version;
  row.update_time = now;
  return absl::OkStatus();
}

absl::StatusOr<std::optional<std::string>> CaseStore::CaseIdForReport(
    const std::string& report_id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("SELECT id FROM cases WHERE origin_report_id = ?"));
  sqlite::Statement& s = *sp;
  s.Bind(1, report_id);
  SCHAKEL_ASSIGN_OR_RETURN(bool found, s.Step());
  if (!found) return std::optional<std::string>();
  return std::optional<std::string>(s.ColumnText(0));
}

namespace {

// Replaces the blind indexes of one person.
absl::Status WriteIndexes(sqlite::Connection& c, const FieldCipher& cipher,
                          const std::string& case_id, const std::string& person_id,
                          const v1::StoredPerson& body) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto del, c.Prepare("DELETE FROM person_index WHERE case_id = ? AND person_id = ?"));
  SCHAKEL_RETURN_IF_ERROR(del.BindAll(case_id, person_id).Run());
  SCHAKEL_ASSIGN_OR_RETURN(auto ins,
                           c.Prepare("INSERT OR IGNORE INTO person_index (kind, digest, case_id, "
                                     "person_id) VALUES (?, ?, ?, ?)"));
  auto add = [&](absl::string_view kind, const std::string& digest) -> absl::Status {
    ins.Reset();
    ins.Bind(1, kind);
    ins.BindBlob(2, digest);
    ins.Bind(3, case_id);
    ins.Bind(4, person_id);
    return ins.Run();
  };
  if (!body.bsn().empty())
    SCHAKEL_RETURN_IF_ERROR(add("bsn", cipher.BlindIndex("bsn", body.bsn())));
  if (body.has_date_of_birth()) {
    SCHAKEL_RETURN_IF_ERROR(add(
        "name_dob", cipher.BlindIndex("name_dob", absl::StrCat(NormaliseName(body.name()), "|",
                                                               DateString(body.date_of_birth())))));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CaseStore::InsertPerson(const std::string& case_id, const PersonRow& person,
                                     absl::Time now) {
  SCHAKEL_ASSIGN_OR_RETURN(std::string body,
                           cipher_.Seal(person.body, PersonAad(case_id, person.id)));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("INSERT INTO persons (case_id, id, role, version, key_id, body, "
                       "create_time) VALUES (?, ?, ?, 1, ?, ?, ?)"));
  sqlite::Statement& s = *sp;
  s.BindAll(case_id, person.id, static_cast<int64_t>(person.role), cipher_.key_id());
  s.BindBlob(5, body);
  s.Bind(6, Micros(now));
  SCHAKEL_RETURN_IF_ERROR(s.Run());
  return WriteIndexes(c_, cipher_, case_id, person.id, person.body);
}

absl::Status CaseStore::SavePerson(const std::string& case_id, PersonRow& person) {
  SCHAKEL_ASSIGN_OR_RETURN(std::string body,
                           cipher_.Seal(person.body, PersonAad(case_id, person.id)));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("UPDATE persons SET role = ?, version = version + 1, key_id = ?, body = ? "
                       "WHERE case_id = ? AND id = ?"));
  sqlite::Statement& s = *sp;
  s.Bind(1, static_cast<int64_t>(person.role));
  s.Bind(2, cipher_.key_id());
  s.BindBlob(3, body);
  s.Bind(4, case_id);
  s.Bind(5, person.id);
  SCHAKEL_RETURN_IF_ERROR(s.Run());
  ++person.version;
  return WriteIndexes(c_, cipher_, case_id, person.id, person.body);
}

namespace {
// A person from a row of "SELECT id, role, version, key_id, body FROM persons".
absl::StatusOr<PersonRow> PersonFromRow(const FieldCipher& cipher, const std::string& case_id,
                                        const sqlite::Statement& s) {
  PersonRow p;
  p.id = s.ColumnText(0);
  p.role = static_cast<v1::PersonRole>(s.ColumnInt(1));
  p.version = s.ColumnInt(2);
  SCHAKEL_RETURN_IF_ERROR(
      cipher.Open(s.ColumnText(3), s.ColumnBlob(4), PersonAad(case_id, p.id), p.body));
  return p;
}
}  // namespace

absl::StatusOr<std::vector<PersonRow>> CaseStore::ListPersons(const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("SELECT id, role, version, key_id, body FROM persons "
                                            "WHERE case_id = ? ORDER BY rowid"));
  sqlite::Statement& s = *sp;
  s.Bind(1, case_id);
  std::vector<PersonRow> out;
  SCHAKEL_RETURN_IF_ERROR(ForEachRow(s, [&]() -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(PersonRow p, PersonFromRow(cipher_, case_id, s));
    out.push_back(std::move(p));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::optional<PersonRow>> CaseStore::GetPerson(const std::string& case_id,
                                                              const std::string& person_id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("SELECT id, role, version, key_id, body FROM persons "
                                            "WHERE case_id = ? AND id = ?"));
  sqlite::Statement& s = *sp;
  s.BindAll(case_id, person_id);
  SCHAKEL_ASSIGN_OR_RETURN(bool found, s.Step());
  if (!found) return std::optional<PersonRow>();
  SCHAKEL_ASSIGN_OR_RETURN(PersonRow p, PersonFromRow(cipher_, case_id, s));
  return std::optional<PersonRow>(std::move(p));
}

absl::StatusOr<std::vector<std::string>> CaseStore::CasesByIndex(absl::string_view kind,
                                                                 const std::string& digest) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("SELECT DISTINCT case_id FROM person_index WHERE kind = ? AND digest = ? "
                       "ORDER BY case_id"));
  sqlite::Statement& s = *sp;
  s.Bind(1, kind);
  s.BindBlob(2, digest);
  std::vector<std::string> out;
  SCHAKEL_RETURN_IF_ERROR(ForEachRow(s, [&] {
    out.push_back(s.ColumnText(0));
    return absl::OkStatus();
  }));
  return out;
}

absl::Status CaseStore::InsertRelation(const std::string& case_id, const v1::Relation& r) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("INSERT INTO relations (case_id, id, from_person_id, "
                                            "to_person_id, type) VALUES (?, ?, ?, ?, ?)"));
  sqlite::Statement& s = *sp;
  return s
      .BindAll(case_id, r.id(), r.from_person_id(), r.to_person_id(),
               static_cast<int64_t>(r.type()))
      .Run();
}

absl::StatusOr<std::vector<v1::Relation>> CaseStore::ListRelations(const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("SELECT id, from_person_id, to_person_id, type FROM "
                                            "relations WHERE case_id = ? ORDER BY rowid"));
  sqlite::Statement& s = *sp;
  s.Bind(1, case_id);
  std::vector<v1::Relation> out;
  SCHAKEL_RETURN_IF_ERROR(ForEachRow(s, [&] {
    v1::Relation r;
    r.set_id(s.ColumnText(0));
    r.set_from_person_id(s.ColumnText(1));
    r.set_to_person_id(s.ColumnText(2));
    r.set_type(static_cast<v1::RelationType>(s.ColumnInt(3)));
    out.push_back(std::move(r));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<v1::TeamMember>> CaseStore::ListTeam(const std::string& case_id,
                                                                bool with_former) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto s,
      c_.PrepareCached(with_former ? "SELECT professional_id, organisation_id, organisation_type, "
                                     "role, start_time, end_time FROM team_members WHERE case_id "
                                     "= ? ORDER BY seq"
                                   : "SELECT professional_id, organisation_id, organisation_type, "
                                     "role, start_time, end_time FROM team_members WHERE case_id "
                                     "= ? AND end_time IS NULL ORDER BY seq"));
  s->Bind(1, case_id);
  std::vector<v1::TeamMember> out;
  absl::Status st = ForEachRow(*s, [&] {
    v1::TeamMember m;
    m.set_professional_id(s->ColumnText(0));
    m.set_organisation_id(s->ColumnText(1));
    m.set_organisation_type(static_cast<v1::OrganisationType>(s->ColumnInt(2)));
    m.set_role(static_cast<v1::CaseRole>(s->ColumnInt(3)));
    SetTime(m.mutable_start_time(), s->ColumnInt(4));
    if (!s->IsNull(5)) SetTime(m.mutable_end_time(), s->ColumnInt(5));
    out.push_back(std::move(m));
    return absl::OkStatus();
  });
  s->Reset();
  SCHAKEL_RETURN_IF_ERROR(st);
  return out;
}

absl::Status CaseStore::AddMember(const std::string& case_id, const v1::TeamMember& m) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("INSERT INTO team_members (case_id, professional_id, organisation_id, "
                       "organisation_type, role, start_time, case_reference) VALUES (?1, ?2, ?3, "
                       "?4, ?5, ?6, (SELECT reference FROM cases WHERE id = ?1))"));
  sqlite::Statement& s = *sp;
  return s
      .BindAll(case_id, m.professional_id(), m.organisation_id(),
               static_cast<int64_t>(m.organisation_type()), static_cast<int64_t>(m.role()),
               TimeUtil::TimestampToMicroseconds(m.start_time()))
      .Run();
}

absl::Status CaseStore::EndMember(const std::string& case_id, const std::string& professional_id,
                                  absl::Time now) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("UPDATE team_members SET end_time = ? WHERE case_id = ? AND "
                       "professional_id = ? AND end_time IS NULL"));
  sqlite::Statement& s = *sp;
  return s.BindAll(Micros(now), case_id, professional_id).Run();
}

absl::StatusOr<absl::flat_hash_map<std::string, std::vector<std::string>>> CaseStore::ListShares(
    const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("SELECT note_id, organisation_id FROM note_shares "
                                            "WHERE case_id = ? ORDER BY note_id, organisation_id"));
  sqlite::Statement& s = *sp;
  s.Bind(1, case_id);
  absl::flat_hash_map<std::string, std::vector<std::string>> out;
  SCHAKEL_RETURN_IF_ERROR(ForEachRow(s, [&] {
    out[s.ColumnText(0)].push_back(s.ColumnText(1));
    return absl::OkStatus();
  }));
  return out;
}

absl::Status CaseStore::AddShare(const std::string& case_id, const std::string& note_id,
                                 const std::string& organisation_id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("INSERT OR IGNORE INTO note_shares (case_id, "
                                            "note_id, organisation_id) VALUES (?, ?, ?)"));
  sqlite::Statement& s = *sp;
  return s.BindAll(case_id, note_id, organisation_id).Run();
}

absl::Status CaseStore::InsertMeeting(const std::string& case_id, const v1::Meeting& meeting,
                                      absl::Time now) {
  v1::StoredMeeting stored;
  *stored.mutable_meeting() = meeting;
  SCHAKEL_ASSIGN_OR_RETURN(std::string body,
                           cipher_.Seal(stored, MeetingAad(case_id, meeting.id())));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("INSERT INTO meetings (case_id, id, meeting_date, key_id, body, "
                       "create_time) VALUES (?, ?, ?, ?, ?, ?)"));
  sqlite::Statement& s = *sp;
  s.BindAll(case_id, meeting.id(), DateString(meeting.date()), cipher_.key_id());
  s.BindBlob(5, body);
  s.Bind(6, Micros(now));
  return s.Run();
}

absl::StatusOr<std::vector<v1::Meeting>> CaseStore::ListMeetings(const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("SELECT id, key_id, body FROM meetings WHERE "
                                            "case_id = ? ORDER BY meeting_date, create_time"));
  sqlite::Statement& s = *sp;
  s.Bind(1, case_id);
  std::vector<v1::Meeting> out;
  SCHAKEL_RETURN_IF_ERROR(ForEachRow(s, [&]() -> absl::Status {
    v1::StoredMeeting stored;
    SCHAKEL_RETURN_IF_ERROR(cipher_.Open(s.ColumnText(1), s.ColumnBlob(2),
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
  SCHAKEL_ASSIGN_OR_RETURN(std::string body, cipher_.Seal(action, ActionAad(case_id, action.id())));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("INSERT INTO actions (case_id, id, meeting_id, owner_organisation_id, "
                       "due_date, status, version, key_id, body) VALUES (?, ?, ?, ?, ?, ?, 1, ?, "
                       "?)"));
  sqlite::Statement& s = *sp;
  s.BindAll(case_id, action.id(), action.meeting_id(), action.owner_organisation_id(),
            DateString(action.due_date()), static_cast<int64_t>(action.status()), cipher_.key_id());
  s.BindBlob(8, body);
  return s.Run();
}

absl::Status CaseStore::SaveAction(const std::string& case_id, v1::Action& action) {
  SCHAKEL_ASSIGN_OR_RETURN(std::string body, cipher_.Seal(action, ActionAad(case_id, action.id())));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("UPDATE actions SET status = ?, version = version + "
                       "1, key_id = ?, body = ? WHERE case_id = ? AND id = ?"));
  sqlite::Statement& s = *sp;
  s.Bind(1, static_cast<int64_t>(action.status()));
  s.Bind(2, cipher_.key_id());
  s.BindBlob(3, body);
  s.Bind(4, case_id);
  s.Bind(5, action.id());
  return s.Run();
}

namespace {
absl::StatusOr<v1::Action> ActionFromRow(const FieldCipher& cipher, const std::string& case_id,
                                         const sqlite::Statement& s) {
  v1::Action a;
  const std::string id = s.ColumnText(0);
  SCHAKEL_RETURN_IF_ERROR(
      cipher.Open(s.ColumnText(6), s.ColumnBlob(7), absl::StrCat("action/", case_id, "/", id), a));
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
  SCHAKEL_RETURN_IF_ERROR(ForEachRow(s, [&]() -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(auto a, ActionFromRow(cipher_, case_id, s));
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
  SCHAKEL_ASSIGN_OR_RETURN(auto a, ActionFromRow(cipher_, case_id, s));
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
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("SELECT id, due_date, months, status FROM follow_ups "
                                            "WHERE case_id = ? ORDER BY due_date, id"));
  sqlite::Statement& s = *sp;
  s.Bind(1, case_id);
  std::vector<v1::FollowUp> out;
  SCHAKEL_RETURN_IF_ERROR(ForEachRow(s, [&] {
    v1::FollowUp f;
    f.set_id(s.ColumnText(0));
    *f.mutable_due_date() = ParseDate(s.ColumnText(1));
    f.set_months_after_closure(static_cast<int32_t>(s.ColumnInt(2)));
    f.set_status(static_cast<v1::FollowUpStatus>(s.ColumnInt(3)));
    out.push_back(std::move(f));
    return absl::OkStatus();
  }));
  return out;
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

namespace {
absl::StatusOr<bool> InsertTimeline(sqlite::Connection& c, const FieldCipher& cipher,
                                    const std::string& case_id, const TimelineRow& row,
                                    std::optional<int64_t> source_sequence) {
  SCHAKEL_ASSIGN_OR_RETURN(
      std::string body,
      cipher.SealText(row.summary, TimelineAad(case_id, row.type, row.sensitivity)));
  SCHAKEL_ASSIGN_OR_RETURN(
      auto s, c.Prepare("INSERT OR IGNORE INTO timeline (case_id, time, type, sensitivity, "
                        "actor_id, actor_organisation_id, source_service, source_sequence, key_id, "
                        "body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  s.BindAll(case_id, Micros(row.time), row.type, static_cast<int64_t>(row.sensitivity),
            row.actor_id, row.actor_organisation_id, row.source_service);
  if (source_sequence) {
    s.Bind(8, *source_sequence);
  } else {
    s.BindNull(8);
  }
  s.Bind(9, cipher.key_id());
  s.BindBlob(10, body);
  SCHAKEL_RETURN_IF_ERROR(s.Run());
  return c.Changes() > 0;
}
}  // namespace

absl::Status CaseStore::AppendTimeline(const std::string& case_id, const TimelineRow& row) {
  return InsertTimeline(c_, cipher_, case_id, row, std::nullopt).status();
}

absl::StatusOr<bool> CaseStore::AppendForeign(const std::string& case_id, const TimelineRow& row,
                                              int64_t source_sequence) {
  return InsertTimeline(c_, cipher_, case_id, row, source_sequence);
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
  SCHAKEL_RETURN_IF_ERROR(ForEachRow(s, [&]() -> absl::Status {
    TimelineRow r;
    r.seq = s.ColumnInt(0);
    r.time = absl::FromUnixMicros(s.ColumnInt(1));
    r.type = s.ColumnText(2);
    r.sensitivity = static_cast<v1::Sensitivity>(s.ColumnInt(3));
    r.actor_id = s.ColumnText(4);
    r.actor_organisation_id = s.ColumnText(5);
    r.source_service = s.ColumnText(6);
    SCHAKEL_ASSIGN_OR_RETURN(r.summary,
                             cipher_.OpenText(s.ColumnText(7), s.ColumnBlob(8),
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
    absl::Status st = ForEachRow(*s, [&] {
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
             "WHERE (?4 = 0 OR c.status = ?4) "
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
