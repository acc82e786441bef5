#include "services/directory/directory_store.h"

#include <algorithm>

#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"

namespace schakel::directory {
namespace {

using google::protobuf::util::TimeUtil;

constexpr char kOrgColumns[] = "id, name, type, region, version, create_time, update_time";

v1::Organisation OrgFromRow(const sqlite::Statement& s) {
  v1::Organisation org;
  org.set_id(s.ColumnText(0));
  org.set_name(s.ColumnText(1));
  org.set_type(static_cast<v1::OrganisationType>(s.ColumnInt(2)));
  org.set_region(static_cast<v1::Region>(s.ColumnInt(3)));
  org.set_etag(absl::StrCat(s.ColumnInt(4)));
  SetTime(org.mutable_create_time(), s.ColumnInt(5));
  SetTime(org.mutable_update_time(), s.ColumnInt(6));
  return org;
}

constexpr char kProColumns[] =
    "id, name, organisation_id, state, version, create_time, update_time, revoke_time, "
    "revoke_reason";

absl::StatusOr<v1::Professional> ProFromRow(sqlite::Connection& c, const sqlite::Statement& s) {
  v1::Professional pro;
  pro.set_id(s.ColumnText(0));
  pro.set_name(s.ColumnText(1));
  pro.set_organisation_id(s.ColumnText(2));
  pro.set_state(static_cast<v1::ProfessionalState>(s.ColumnInt(3)));
  pro.set_etag(absl::StrCat(s.ColumnInt(4)));
  SetTime(pro.mutable_create_time(), s.ColumnInt(5));
  SetTime(pro.mutable_update_time(), s.ColumnInt(6));
  if (!s.IsNull(7)) SetTime(pro.mutable_revoke_time(), s.ColumnInt(7));
  pro.set_revoke_reason(s.ColumnText(8));
  SCHAKEL_ASSIGN_OR_RETURN(
      auto roles,
      c.Prepare("SELECT role FROM professional_roles WHERE professional_id = ? ORDER BY role"));
  roles.Bind(1, pro.id());
  for (;;) {
    SCHAKEL_ASSIGN_OR_RETURN(bool row, roles.Step());
    if (!row) break;
    pro.add_roles(static_cast<v1::Role>(roles.ColumnInt(0)));
  }
  return pro;
}

absl::Status WriteRoles(sqlite::Connection& c, const v1::Professional& pro) {
  SCHAKEL_ASSIGN_OR_RETURN(auto del,
                           c.Prepare("DELETE FROM professional_roles WHERE professional_id = ?"));
  SCHAKEL_RETURN_IF_ERROR(del.Bind(1, pro.id()).Run());
  SCHAKEL_ASSIGN_OR_RETURN(
      auto ins, c.Prepare("INSERT OR IGNORE INTO professional_roles (professional_id, role) "
                          "VALUES (?, ?)"));
  for (int role : pro.roles()) {
    ins.Reset();
    SCHAKEL_RETURN_IF_ERROR(ins.BindAll(pro.id(), static_cast<int64_t>(role)).Run());
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::optional<v1::Organisation>> SqliteDirectoryStore::GetOrganisation(
    Conn& c, const std::string& id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto s, c.Prepare(absl::StrCat("SELECT ", kOrgColumns, " FROM organisations WHERE id = ?")));
  s.Bind(1, id);
  SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::nullopt;
  return OrgFromRow(s);
}

absl::StatusOr<bool> SqliteDirectoryStore::AnyOrganisation(Conn& c) {
  SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare("SELECT 1 FROM organisations LIMIT 1"));
  return s.Step();
}

absl::StatusOr<std::vector<v1::Organisation>> SqliteDirectoryStore::ListOrganisations(
    Conn& c, v1::Region region, v1::OrganisationType type, const std::string& after_id, int limit) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto s, c.Prepare(absl::StrCat("SELECT ", kOrgColumns,
                                     " FROM organisations WHERE id > ?1 "
                                     "AND (?2 = 0 OR region = ?2) AND (?3 = 0 OR type = ?3) "
                                     "ORDER BY id LIMIT ?4")));
  s.BindAll(after_id, static_cast<int64_t>(region), static_cast<int64_t>(type),
            static_cast<int64_t>(limit));
  std::vector<v1::Organisation> out;
  for (;;) {
    SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(OrgFromRow(s));
  }
  return out;
}

absl::Status SqliteDirectoryStore::InsertOrganisation(Conn& c, v1::Organisation& org,
                                                      absl::Time now) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto s, c.Prepare("INSERT INTO organisations (id, name, type, region, version, create_time, "
                        "update_time) VALUES (?, ?, ?, ?, 1, ?, ?)"));
  s.BindAll(org.id(), org.name(), static_cast<int64_t>(org.type()),
            static_cast<int64_t>(org.region()), absl::ToUnixMicros(now), absl::ToUnixMicros(now));
  SCHAKEL_RETURN_IF_ERROR(s.Run());
  org.set_etag("1");
  SetTime(org.mutable_create_time(), absl::ToUnixMicros(now));
  SetTime(org.mutable_update_time(), absl::ToUnixMicros(now));
  return absl::OkStatus();
}

absl::Status SqliteDirectoryStore::UpdateOrganisation(Conn& c, v1::Organisation& org,
                                                      absl::Time now) {
  SCHAKEL_ASSIGN_OR_RETURN(auto s,
                           c.Prepare("UPDATE organisations SET name = ?, type = ?, region = ?, "
                                     "version = version + 1, update_time = ? WHERE id = ?"));
  s.BindAll(org.name(), static_cast<int64_t>(org.type()), static_cast<int64_t>(org.region()),
            absl::ToUnixMicros(now), org.id());
  SCHAKEL_RETURN_IF_ERROR(s.Run());
  SCHAKEL_ASSIGN_OR_RETURN(auto stored, GetOrganisation(c, org.id()));
  if (!stored) return absl::InternalError("organisation vanished during update");
  org = *std::move(stored);
  return absl::OkStatus();
}

absl::StatusOr<std::optional<v1::Professional>> SqliteDirectoryStore::GetProfessional(
    Conn& c, const std::string& id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto s, c.Prepare(absl::StrCat("SELECT ", kProColumns, " FROM professionals WHERE id = ?")));
  s.Bind(1, id);
  SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::nullopt;
  SCHAKEL_ASSIGN_OR_RETURN(auto pro, ProFromRow(c, s));
  return pro;
}

absl::StatusOr<std::vector<v1::Professional>> SqliteDirectoryStore::ListProfessionals(
    Conn& c, const std::string& organisation_id, v1::Role role, bool show_revoked,
    const std::string& after_id, int limit) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto s, c.Prepare(absl::StrCat(
                  "SELECT ", kProColumns,
                  " FROM professionals p WHERE id > ?1 AND (?2 = '' OR organisation_id = ?2) "
                  "AND (?3 = 0 OR EXISTS (SELECT 1 FROM professional_roles r "
                  "WHERE r.professional_id = p.id AND r.role = ?3)) AND (?4 OR state = ?5) "
                  "ORDER BY id LIMIT ?6")));
  s.BindAll(after_id, organisation_id, static_cast<int64_t>(role),
            static_cast<int64_t>(show_revoked), static_cast<int64_t>(v1::PROFESSIONAL_STATE_ACTIVE),
            static_cast<int64_t>(limit));
  std::vector<v1::Professional> out;
  for (;;) {
    SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    SCHAKEL_ASSIGN_OR_RETURN(auto pro, ProFromRow(c, s));
    out.push_back(std::move(pro));
  }
  return out;
}

absl::Status SqliteDirectoryStore::InsertProfessional(Conn& c, const v1::Professional& pro,
                                                      absl::Time now) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto s, c.Prepare("INSERT INTO professionals (id, name, organisation_id, state, version, "
                        "create_time, update_time) VALUES (?, ?, ?, ?, 1, ?, ?)"));
  s.BindAll(pro.id(), pro.name(), pro.organisation_id(),
            static_cast<int64_t>(v1::PROFESSIONAL_STATE_ACTIVE), absl::ToUnixMicros(now),
            absl::ToUnixMicros(now));
  SCHAKEL_RETURN_IF_ERROR(s.Run());
  return WriteRoles(c, pro);
}

absl::Status SqliteDirectoryStore::SaveProfessional(Conn& c, const v1::Professional& pro,
                                                    absl::Time now) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto s, c.Prepare("UPDATE professionals SET state = ?, version = version + 1, "
                        "update_time = ?, revoke_time = ?, revoke_reason = ? WHERE id = ?"));
  s.Bind(1, static_cast<int64_t>(pro.state())).Bind(2, absl::ToUnixMicros(now));
  if (pro.has_revoke_time()) {
    s.Bind(3, TimeUtil::TimestampToMicroseconds(pro.revoke_time()));
  } else {
    s.BindNull(3);
  }
  s.Bind(4, pro.revoke_reason()).Bind(5, pro.id());
  SCHAKEL_RETURN_IF_ERROR(s.Run());
  return WriteRoles(c, pro);
}

}  // namespace schakel::directory
