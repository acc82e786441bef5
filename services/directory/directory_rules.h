// Rules of the directory shared by its RPC files: field checks, which changes take a second
// administrator, and the shape of the directory's audit records. No database, no gRPC.
#ifndef SCHAKEL_SERVICES_DIRECTORY_DIRECTORY_RULES_H_
#define SCHAKEL_SERVICES_DIRECTORY_DIRECTORY_RULES_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "schakel/v1/audit.pb.h"
#include "schakel/v1/directory.pb.h"
#include "services/common/audit_trail.h"
#include "services/common/authz.h"
#include "services/common/validation.h"

namespace schakel::directory {

// How long a proposal waits for a second administrator's approval.
inline constexpr absl::Duration kProposalLifetime = absl::Hours(24);

// The purpose of use recorded for a change one administrator made alone because the directory
// has never had a second one (the setup after the bootstrap).
inline constexpr char kSetupPurpose[] =
    "directory setup: a single administrator, no second approval possible yet";

void CheckOrganisationFields(FieldViolations& v, const v1::Organisation& org);
void CheckRole(FieldViolations& v, const std::string& field, int role);
// Roles that only make sense in some organisations (VT_INTAKE: Veilig Thuis only).
void CheckRoleFitsOrganisation(FieldViolations& v, const std::string& field, v1::Role role,
                               const v1::Organisation& org);
// Sorts the roles and drops duplicates.
void SortRoles(v1::Professional& pro);
// OK when `given` is empty (and not `required`) or equals `current`; ABORTED when stale.
absl::Status CheckEtag(const std::string& given, const std::string& current, bool required);

// Whether granting `role` takes a second administrator once dual control is on: the roles that
// read across organisations or the audit log, and ADMIN itself (else one administrator could make
// a second one to approve their own proposals).
bool NeedsSecondAdmin(v1::Role role);

// The PERMISSION_DENIED answer (so the attempt is on record) for a change one administrator may
// not make alone: `what` names it, e.g. "granting AUDITOR".
absl::Status TakesSecondAdmin(absl::string_view what);

// An object a request names, for the audit record of its refusal (issue 11, item 9; the record
// cuts a long id, see kMaxAskedIdBytes). Types as in the directory's records: "organisation",
// "professional", "service", "proposal". An empty id names nothing (NewDeniedRecord skips it).
AskedObject Asked(absl::string_view type, absl::string_view id);

// The audit record of a directory change (objects are directory entries: not client data).
v1::AuditRecord ChangeRecord(const AuditTrail& audit, const Caller& caller, v1::AuditAction action,
                             absl::string_view event_type, absl::string_view object_type,
                             const std::string& object_id);

}  // namespace schakel::directory

#endif  // SCHAKEL_SERVICES_DIRECTORY_DIRECTORY_RULES_H_
