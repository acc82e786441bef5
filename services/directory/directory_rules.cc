#include "services/directory/directory_rules.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"

namespace schakel::directory {

void CheckOrganisationFields(FieldViolations& v, const v1::Organisation& org) {
  CheckName(v, "organisation.name", org.name());
  if (org.type() == v1::ORGANISATION_TYPE_UNSPECIFIED ||
      !v1::OrganisationType_IsValid(org.type())) {
    v.Add("organisation.type", "must be one of the organisation types");
  }
  if (org.region() == v1::REGION_UNSPECIFIED || !v1::Region_IsValid(org.region())) {
    v.Add("organisation.region", "must be one of the 28 regions");
  }
}

void CheckRole(FieldViolations& v, const std::string& field, int role) {
  if (role == v1::ROLE_UNSPECIFIED || !v1::Role_IsValid(role)) {
    v.Add(field,
          "must be one of VT_INTAKE, PROFESSIONAL, CASE_DIRECTOR, SUPERVISOR, AUDITOR, ADMIN");
  }
}

void CheckRoleFitsOrganisation(FieldViolations& v, const std::string& field, v1::Role role,
                               const v1::Organisation& org) {
  if (role == v1::ROLE_VT_INTAKE && org.type() != v1::ORGANISATION_TYPE_VEILIG_THUIS) {
    v.Add(field, "VT_INTAKE is only for professionals of a Veilig Thuis organisation");
  }
}

AskedObject Asked(absl::string_view type, absl::string_view id) {
  return AskedObject{std::string(type), std::string(id)};
}

void SortRoles(v1::Professional& pro) {
  std::vector<int> roles(pro.roles().begin(), pro.roles().end());
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  pro.clear_roles();
  for (int r : roles) pro.add_roles(static_cast<v1::Role>(r));
}

absl::Status CheckEtag(const std::string& given, const std::string& current, bool required) {
  if (given.empty()) {
    return required ? InvalidField("etag", "must be set to the etag you read") : absl::OkStatus();
  }
  if (given != current) {
    return absl::AbortedError(
        "the record changed since you read it (stale etag); read it again and retry");
  }
  return absl::OkStatus();
}

bool NeedsSecondAdmin(v1::Role role) {
  // Any role added later that oversees more than one organisation belongs here too; a regional
  // supervisor role is recognised by name so this file needs no change when it appears.
  return role == v1::ROLE_SUPERVISOR || role == v1::ROLE_AUDITOR || role == v1::ROLE_ADMIN ||
         v1::Role_Name(role) == "ROLE_REGIONAL_SUPERVISOR";
}

absl::Status TakesSecondAdmin(absl::string_view what) {
  return absl::PermissionDeniedError(absl::StrCat(
      what, " takes a second administrator's approval: propose it with ProposeChange"));
}

v1::AuditRecord ChangeRecord(const AuditTrail& audit, const Caller& caller, v1::AuditAction action,
                             absl::string_view event_type, absl::string_view object_type,
                             const std::string& object_id) {
  v1::AuditRecord r = audit.NewRecord(caller, action, event_type);
  auto* object = r.add_objects();
  object->set_type(std::string(object_type));
  object->set_id(object_id);
  object->set_sensitivity(v1::SENSITIVITY_GENERAL);
  r.set_purpose_of_use("directory administration");
  return r;
}

}  // namespace schakel::directory
