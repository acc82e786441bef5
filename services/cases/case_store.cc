#include "services/cases/case_store.h"

#include <algorithm>
#include <iterator>

#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/cases/case_sealed.h"
#include "services/common/calendar.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"

namespace schakel::cases {
namespace {

using google::protobuf::util::TimeUtil;

int64_t Micros(absl::Time t) { return absl::ToUnixMicros(t); }

bool HonourRelated(const v1::StoredCaseBody& body) {
  return body.details().honour_related_violence();
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

std::string ScopedReportKey(absl::string_view organisation_id, absl::string_view report_id) {
  return absl::StrCat(organisation_id, "/", report_id);
}

absl::Status CaseStore::InsertCase(const CaseRow& row) {
  std::string key_id;
  SCHAKEL_ASSIGN_OR_RETURN(std::string body,
                           sealer_.Seal(c_, row.id, row.body, CaseAad(row.id), key_id));
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
    s.Bind(6, ScopedReportKey(row.report_organisation_id, row.origin_report_id));
  }
  s.Bind(7, static_cast<int64_t>(HonourRelated(row.body)));
  s.Bind(8, key_id);
  s.BindBlob(9, body);
  s.Bind(10, Micros(row.create_time));
  s.Bind(11, Micros(row.update_time));
  return s.Run();
}

absl::StatusOr<std::optional<CaseRow>> CaseStore::GetCase(const std::string& id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached(
          "SELECT reference, region, status, origin, origin_report_id, version, "
          "key_id, body, create_time, update_time, destroyed_at FROM cases WHERE id = ?"));
  sqlite::Statement& s = *sp;
  s.Bind(1, id);
  SCHAKEL_ASSIGN_OR_RETURN(bool found, s.Step());
  if (!found) return std::optional<CaseRow>();
  if (!s.IsNull(10)) {
    const std::string date = calendar::AmsterdamDate(s.ColumnInt(10));
    s.Reset();
    return absl::NotFoundError(
        absl::StrCat("deze casus is vernietigd op ", date, " / this case was destroyed on ", date));
  }
  CaseRow row;
  row.id = id;
  row.reference = s.ColumnText(0);
  row.region = static_cast<v1::Region>(s.ColumnInt(1));
  row.status = static_cast<v1::CaseStatus>(s.ColumnInt(2));
  row.origin = static_cast<v1::CaseOrigin>(s.ColumnInt(3));
  if (!s.IsNull(4)) {
    const std::string key = s.ColumnText(4);
    const size_t slash = key.find('/');
    row.report_organisation_id = slash == std::string::npos ? "" : key.substr(0, slash);
    row.origin_report_id = slash == std::string::npos ? key : key.substr(slash + 1);
  }
  row.version = s.ColumnInt(5);
  SCHAKEL_RETURN_IF_ERROR(
      sealer_.Open(c_, id, s.ColumnText(6), s.ColumnBlob(7), CaseAad(id), row.body));
  row.create_time = absl::FromUnixMicros(s.ColumnInt(8));
  row.update_time = absl::FromUnixMicros(s.ColumnInt(9));
  return std::optional<CaseRow>(std::move(row));
}

absl::Status CaseStore::SaveCase(CaseRow& row, absl::Time now) {
  std::string key_id;
  SCHAKEL_ASSIGN_OR_RETURN(std::string body,
                           sealer_.Seal(c_, row.id, row.body, CaseAad(row.id), key_id));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("UPDATE cases SET status = ?1, honour_related = ?2, version = version + 1, "
                       "key_id = ?3, body = ?4, update_time = ?5, closed_at = CASE WHEN ?1 = ?7 "
                       "THEN coalesce(closed_at, ?5) END WHERE id = ?6"));
  sqlite::Statement& s = *sp;
  // A closed case's retention term runs from its closure; a reopened one has none.
  s.Bind(7, static_cast<int64_t>(v1::CASE_STATUS_CLOSED));
  s.Bind(1, static_cast<int64_t>(row.status));
  s.Bind(2, static_cast<int64_t>(HonourRelated(row.body)));
  s.Bind(3, key_id);
  s.BindBlob(4, body);
  s.Bind(5, Micros(now));
  s.Bind(6, row.id);
  SCHAKEL_RETURN_IF_ERROR(s.Run());
  ++row.version;
  row.update_time = now;
  return absl::OkStatus();
}

absl::StatusOr<std::optional<std::string>> CaseStore::CaseIdForReport(
    const std::string& organisation_id, const std::string& report_id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("SELECT id FROM cases WHERE origin_report_id = ?"));
  sqlite::Statement& s = *sp;
  s.Bind(1, ScopedReportKey(organisation_id, report_id));
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
  std::string key_id;
  SCHAKEL_ASSIGN_OR_RETURN(std::string body, sealer_.Seal(c_, case_id, person.body,
                                                          PersonAad(case_id, person.id), key_id));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("INSERT INTO persons (case_id, id, role, version, key_id, body, "
                       "create_time) VALUES (?, ?, ?, 1, ?, ?, ?)"));
  sqlite::Statement& s = *sp;
  s.BindAll(case_id, person.id, static_cast<int64_t>(person.role), key_id);
  s.BindBlob(5, body);
  s.Bind(6, Micros(now));
  SCHAKEL_RETURN_IF_ERROR(s.Run());
  return WriteIndexes(c_, sealer_.service(), case_id, person.id, person.body);
}

absl::Status CaseStore::SavePerson(const std::string& case_id, PersonRow& person) {
  std::string key_id;
  SCHAKEL_ASSIGN_OR_RETURN(std::string body, sealer_.Seal(c_, case_id, person.body,
                                                          PersonAad(case_id, person.id), key_id));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * sp,
      c_.PrepareCached("UPDATE persons SET role = ?, version = version + 1, key_id = ?, body = ? "
                       "WHERE case_id = ? AND id = ?"));
  sqlite::Statement& s = *sp;
  s.Bind(1, static_cast<int64_t>(person.role));
  s.Bind(2, key_id);
  s.BindBlob(3, body);
  s.Bind(4, case_id);
  s.Bind(5, person.id);
  SCHAKEL_RETURN_IF_ERROR(s.Run());
  ++person.version;
  return WriteIndexes(c_, sealer_.service(), case_id, person.id, person.body);
}

namespace {
// A person from a row of "SELECT id, role, version, key_id, body FROM persons".
absl::StatusOr<PersonRow> PersonFromRow(sqlite::Connection& c, const ObjectSealer& sealer,
                                        const std::string& case_id, const sqlite::Statement& s) {
  PersonRow p;
  p.id = s.ColumnText(0);
  p.role = static_cast<v1::PersonRole>(s.ColumnInt(1));
  p.version = s.ColumnInt(2);
  SCHAKEL_RETURN_IF_ERROR(
      sealer.Open(c, case_id, s.ColumnText(3), s.ColumnBlob(4), PersonAad(case_id, p.id), p.body));
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
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&]() -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(PersonRow p, PersonFromRow(c_, sealer_, case_id, s));
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
  SCHAKEL_ASSIGN_OR_RETURN(PersonRow p, PersonFromRow(c_, sealer_, case_id, s));
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
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&] {
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
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&] {
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

absl::StatusOr<std::optional<v1::Relation>> CaseStore::GetRelation(const std::string& case_id,
                                                                   const std::string& relation_id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("SELECT id, from_person_id, to_person_id, type FROM "
                                            "relations WHERE case_id = ? AND id = ?"));
  sqlite::Statement& s = *sp;
  s.BindAll(case_id, relation_id);
  SCHAKEL_ASSIGN_OR_RETURN(bool found, s.Step());
  if (!found) return std::optional<v1::Relation>();
  v1::Relation r;
  r.set_id(s.ColumnText(0));
  r.set_from_person_id(s.ColumnText(1));
  r.set_to_person_id(s.ColumnText(2));
  r.set_type(static_cast<v1::RelationType>(s.ColumnInt(3)));
  s.Reset();
  return std::optional<v1::Relation>(std::move(r));
}

absl::Status CaseStore::DeleteRelation(const std::string& case_id, const std::string& relation_id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp,
                           c_.PrepareCached("DELETE FROM relations WHERE case_id = ? AND id = ?"));
  return sp->BindAll(case_id, relation_id).Run();
}

absl::StatusOr<std::vector<std::string>> CaseStore::DeletePerson(const std::string& case_id,
                                                                 const std::string& person_id) {
  std::vector<std::string> relation_ids;
  {
    SCHAKEL_ASSIGN_OR_RETURN(
        sqlite::Statement * sp,
        c_.PrepareCached("SELECT id FROM relations WHERE case_id = ?1 AND (from_person_id = ?2 OR "
                         "to_person_id = ?2) ORDER BY rowid"));
    sqlite::Statement& s = *sp;
    s.BindAll(case_id, person_id);
    SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&] {
      relation_ids.push_back(s.ColumnText(0));
      return absl::OkStatus();
    }));
  }
  // Children first (relations and blind indexes refer to the person).
  for (const char* sql : {"DELETE FROM relations WHERE case_id = ?1 AND (from_person_id = ?2 OR "
                          "to_person_id = ?2)",
                          "DELETE FROM person_index WHERE case_id = ?1 AND person_id = ?2",
                          "DELETE FROM persons WHERE case_id = ?1 AND id = ?2"}) {
    SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * sp, c_.PrepareCached(sql));
    SCHAKEL_RETURN_IF_ERROR(sp->BindAll(case_id, person_id).Run());
  }
  return relation_ids;
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
  absl::Status st = sqlite::ForEachRow(*s, [&] {
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
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&] {
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

}  // namespace schakel::cases
