#include "services/runtime/unit_of_work.h"

#include <optional>

#include "services/common/status.h"
#include "services/common/validation.h"

namespace schakel {

absl::Status RunChange(const ChangeSpec& spec, const std::function<absl::Status()>& prepare,
                       const ConnectionFn& change) {
  // No request carries more entries than a limit allows (each field named); checked before
  // anything is read or stored.
  FieldViolations too_many;
  CheckRepeatedLimits(too_many, *spec.request);
  SCHAKEL_RETURN_IF_ERROR(too_many.ToStatus());
  const IdempotencyKey key{spec.caller->principal.id, spec.request_id, spec.method};
  // 1. A replay is answered before anything about the state is checked.
  SCHAKEL_ASSIGN_OR_RETURN(bool answered,
                           HasStoredAnswer(*spec.db, key, *spec.request, spec.protector));
  if (answered) {
    if (spec.may_replay) SCHAKEL_RETURN_IF_ERROR(spec.may_replay());
  } else if (prepare) {
    SCHAKEL_RETURN_IF_ERROR(prepare());
  }
  // 2. The change (or, for a replay and for a duplicate that committed meanwhile, the stored
  // answer) in one transaction.
  // Group-committed: concurrent changes on this database share one fsync (each in a savepoint
  // of its own, so one's failure does not undo another).
  return RunIdempotent(*spec.db, key, *spec.request, *spec.response, spec.now, change,
                       spec.protector, spec.on_replay, CommitMode::kGrouped);
}

absl::Status RunAuditedRead(const ReadSpec& spec,
                            const std::function<absl::Status(v1::AuditRecord& record)>& body) {
  v1::AuditRecord record = spec.audit->NewRecord(*spec.caller, spec.action, spec.event_type);
  if (!spec.purpose_of_use.empty()) record.set_purpose_of_use(spec.purpose_of_use);
  SCHAKEL_RETURN_IF_ERROR(body(record));
  absl::Status recorded = spec.audit->RecordDurably(record);
  if (!recorded.ok() && spec.response != nullptr) spec.response->Clear();
  return recorded;
}

}  // namespace schakel
