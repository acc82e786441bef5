#include "services/directory/governance_store.h"

#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"

namespace schakel::directory {
namespace {

using google::protobuf::util::TimeUtil;

constexpr char kServiceColumns[] =
    "id, organisation_id, description, state, version, create_time, update_time, revoke_time, "
    "revoke_reason";

v1::ServiceIdentity ServiceFromRow(const sqlite::Statement& s) {
  v1::ServiceIdentity service;
  service.set_id(s.ColumnText(0));
  service.set_organisation_id(s.ColumnText(1));
  service.set_description(s.ColumnText(2));
  service.set_state(static_cast<v1::ServiceIdentityState>(s.ColumnInt(3)));
  service.set_etag(absl::StrCat(s.ColumnInt(4)));
  SetTime(service.mutable_create_time(), s.ColumnInt(5));
  SetTime(service.mutable_update_time(), s.ColumnInt(6));
  if (!s.IsNull(7)) SetTime(service.mutable_revoke_time(), s.ColumnInt(7));
  service.set_revoke_reason(s.ColumnText(8));
  return service;
}

absl::StatusOr<v1::Proposal> ProposalFromRow(const sqlite::Statement& s) {
  v1::Proposal proposal;
  if (!proposal.ParseFromString(s.ColumnBlob(0))) {
    return absl::DataLossError("a stored proposal cannot be read");
  }
  return proposal;
}

constexpr char kDualControlSince[] = "dual_control_since";

}  // namespace

absl::StatusOr<std::optional<v1::ServiceIdentity>> SqliteGovernanceStore::GetService(
    Conn& c, const std::string& id) {
  SCHAKEL_ASSIGN_OR_RETURN(auto* s,
                           c.PrepareCached(absl::StrCat("SELECT ", kServiceColumns,
                                                        " FROM service_identities WHERE id = ?")));
  s->Bind(1, id);
  SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return std::nullopt;
  return ServiceFromRow(*s);
}

absl::StatusOr<std::vector<v1::ServiceIdentity>> SqliteGovernanceStore::ListServices(
    Conn& c, const std::string& after_id, int limit) {
  SCHAKEL_ASSIGN_OR_RETURN(auto* s,
                           c.PrepareCached(absl::StrCat("SELECT ", kServiceColumns,
                                                        " FROM service_identities WHERE id > ? "
                                                        "ORDER BY id LIMIT ?")));
  s->BindAll(after_id, static_cast<int64_t>(limit));
  std::vector<v1::ServiceIdentity> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(*s, [&] {
    out.push_back(ServiceFromRow(*s));
    return absl::OkStatus();
  }));
  return out;
}

absl::Status SqliteGovernanceStore::InsertService(Conn& c, const v1::ServiceIdentity& service,
                                                  absl::Time now) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto* s, c.PrepareCached("INSERT INTO service_identities (id, organisation_id, description, "
                               "state, version, create_time, update_time) "
                               "VALUES (?, ?, ?, ?, 1, ?, ?)"));
  s->BindAll(service.id(), service.organisation_id(), service.description(),
             static_cast<int64_t>(v1::SERVICE_IDENTITY_STATE_ACTIVE), absl::ToUnixMicros(now),
             absl::ToUnixMicros(now));
  return s->Run();
}

absl::Status SqliteGovernanceStore::SaveService(Conn& c, const v1::ServiceIdentity& service,
                                                absl::Time now) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto* s, c.PrepareCached("UPDATE service_identities SET state = ?, version = version + 1, "
                               "update_time = ?, revoke_time = ?, revoke_reason = ? WHERE id = ?"));
  s->Bind(1, static_cast<int64_t>(service.state())).Bind(2, absl::ToUnixMicros(now));
  if (service.has_revoke_time()) {
    s->Bind(3, TimeUtil::TimestampToMicroseconds(service.revoke_time()));
  } else {
    s->BindNull(3);
  }
  s->Bind(4, service.revoke_reason()).Bind(5, service.id());
  return s->Run();
}

absl::StatusOr<std::optional<v1::Proposal>> SqliteGovernanceStore::GetProposal(
    Conn& c, const std::string& id) {
  SCHAKEL_ASSIGN_OR_RETURN(auto* s, c.PrepareCached("SELECT proposal FROM proposals WHERE id = ?"));
  s->Bind(1, id);
  SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return std::nullopt;
  return ProposalFromRow(*s);
}

absl::Status SqliteGovernanceStore::SaveProposal(Conn& c, const v1::Proposal& proposal) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto* s, c.PrepareCached("INSERT OR REPLACE INTO proposals (id, state, expire_time, "
                               "proposal) VALUES (?, ?, ?, ?)"));
  s->Bind(1, proposal.id())
      .Bind(2, static_cast<int64_t>(proposal.state()))
      .Bind(3, TimeUtil::TimestampToMicroseconds(proposal.expire_time()))
      .BindBlob(4, proposal.SerializeAsString());
  return s->Run();
}

absl::StatusOr<std::vector<v1::Proposal>> SqliteGovernanceStore::ListProposals(
    Conn& c, bool show_closed, absl::Time now, const std::string& after_id, int limit) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto* s, c.PrepareCached("SELECT proposal FROM proposals WHERE id > ?1 AND "
                               "(?2 OR (state = ?3 AND expire_time > ?4)) ORDER BY id LIMIT ?5"));
  s->BindAll(after_id, static_cast<int64_t>(show_closed),
             static_cast<int64_t>(v1::PROPOSAL_STATE_PENDING), absl::ToUnixMicros(now),
             static_cast<int64_t>(limit));
  std::vector<v1::Proposal> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(*s, [&]() -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(auto proposal, ProposalFromRow(*s));
    out.push_back(std::move(proposal));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::optional<absl::Time>> SqliteGovernanceStore::DualControlSince(Conn& c) {
  SCHAKEL_ASSIGN_OR_RETURN(auto* s,
                           c.PrepareCached("SELECT value FROM directory_facts WHERE name = ?"));
  s->Bind(1, kDualControlSince);
  SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return std::nullopt;
  return absl::FromUnixMicros(s->ColumnInt(0));
}

absl::StatusOr<bool> SqliteGovernanceStore::UpdateDualControl(Conn& c, absl::Time now) {
  SCHAKEL_ASSIGN_OR_RETURN(auto since, DualControlSince(c));
  if (since) return true;
  SCHAKEL_ASSIGN_OR_RETURN(
      auto* count, c.PrepareCached("SELECT COUNT(*) FROM professionals p JOIN professional_roles "
                                   "r ON r.professional_id = p.id WHERE r.role = ? AND "
                                   "p.state = ?"));
  count->BindAll(static_cast<int64_t>(v1::ROLE_ADMIN),
                 static_cast<int64_t>(v1::PROFESSIONAL_STATE_ACTIVE));
  SCHAKEL_ASSIGN_OR_RETURN(bool row, count->Step());
  const int64_t admins = row ? count->ColumnInt(0) : 0;
  count->Reset();
  if (admins < 2) return false;
  SCHAKEL_ASSIGN_OR_RETURN(
      auto* ins, c.PrepareCached("INSERT INTO directory_facts (name, value) VALUES (?, ?)"));
  ins->BindAll(kDualControlSince, absl::ToUnixMicros(now));
  SCHAKEL_RETURN_IF_ERROR(ins->Run());
  return true;
}

}  // namespace schakel::directory
