#include "services/common/audit_trail.h"

#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "services/common/ids.h"
#include "services/common/outbox.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"

namespace schakel {

AuditTrail::AuditTrail(sqlite::Database& db, std::string source_service, const Clock& clock)
    : source_service_(std::move(source_service)), clock_(clock), committer_(db) {}

v1::AuditRecord AuditTrail::NewRecord(const Caller& caller, v1::AuditAction action,
                                      absl::string_view event_type) const {
  v1::AuditRecord r;
  r.set_event_id(NewRandomId());
  r.set_action(action);
  r.set_event_type(std::string(event_type));
  SetTime(r.mutable_event_time(), clock_.Now());
  r.set_outcome(v1::AUDIT_OUTCOME_SUCCESS);
  const Principal& p = caller.principal;
  auto* user = r.mutable_user();
  user->set_principal_id(p.id);
  user->set_organisation_id(p.organisation_id);
  user->set_name(caller.entry.name);
  user->set_kind(p.kind);
  for (v1::Role role : caller.entry.roles) user->add_roles(role);
  // Every principal calls as itself (a service never acts for a user), so it is responsible too.
  *r.mutable_responsible_user() = *user;
  r.set_access_point(p.peer);
  r.set_source_service(source_service_);
  r.mutable_checks()->set_authorisation(v1::AUDIT_CHECK_PASSED);
  r.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_NOT_APPLICABLE);
  r.mutable_checks()->set_consent(v1::AUDIT_CHECK_NOT_APPLICABLE);
  r.mutable_checks()->set_emergency_access(v1::AUDIT_CHECK_NOT_APPLICABLE);
  return r;
}

v1::AuditRecord AuditTrail::NewDeniedRecord(const Principal& principal, absl::string_view method,
                                            const absl::Status& why,
                                            const std::vector<AskedObject>& asked) const {
  Caller caller{principal, {}};
  v1::AuditRecord r =
      NewRecord(caller, v1::AUDIT_ACTION_EXECUTE, absl::StrCat(source_service_, ".denied"));
  r.set_outcome(v1::AUDIT_OUTCOME_DENIED);
  r.set_outcome_detail(absl::StrCat(absl::StatusCodeToString(why.code()), " ", method));
  r.mutable_checks()->set_authorisation(v1::AUDIT_CHECK_FAILED);
  auto* object = r.add_objects();
  object->set_type("rpc");
  object->set_id(std::string(method));
  object->set_sensitivity(v1::SENSITIVITY_GENERAL);
  for (const AskedObject& a : asked) {
    if (a.type.empty() || a.id.empty()) continue;
    absl::string_view id = a.id;
    if (id.size() > kMaxAskedIdBytes) {
      size_t end = kMaxAskedIdBytes;
      // Not inside a UTF-8 sequence: back off its continuation bytes (10xxxxxx).
      while (end > 0 && (static_cast<unsigned char>(id[end]) & 0xC0) == 0x80) --end;
      id = id.substr(0, end);
    }
    AddObject(r, a.type, id);
  }
  return r;
}

absl::Status AuditTrail::Record(sqlite::Connection& c, const v1::AuditRecord& record) const {
  return WriteToOutbox(c, kAuditTopic, record, clock_.Now()).status();
}

absl::Status AuditTrail::RecordDurably(const v1::AuditRecord& record) {
  return committer_.Run([&](sqlite::Connection& c) { return Record(c, record); });
}

}  // namespace schakel
