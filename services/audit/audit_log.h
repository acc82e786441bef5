// AuditLog: the encrypted, append-only, verifiable log behind AuditService — storage, keys,
// Merkle tree and checkpoints — without any gRPC, so tests and benchmarks drive it directly.
//
// Each appended AuditRecord becomes a LogEntry: the record is encrypted with AES-256-GCM under
// the data key of the month it is appended in (wrapped by the master key; index and source in the
// AAD), and SHA-256(0x00 || entry bytes) is appended as a leaf of an RFC 6962 tree whose
// complete-subtree hashes are stored (Go tlog layout), so any proof is a handful of lookups.
// Checkpoints (C2SP tlog-checkpoint, signed note, Ed25519) only ever extend the previous one: each
// is checked against its predecessor with a consistency proof before it is signed.
#ifndef SCHAKEL_SERVICES_AUDIT_AUDIT_LOG_H_
#define SCHAKEL_SERVICES_AUDIT_AUDIT_LOG_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/types/span.h"
#include "schakel/v1/audit.pb.h"
#include "services/common/clock.h"
#include "services/common/data_keys.h"
#include "services/common/sqlite.h"
#include "services/transparency/merkle.h"
#include "services/transparency/note.h"

namespace schakel::audit {

// What each period's wrapped data key is bound to, before the period ("YYYY-MM").
inline constexpr char kAuditDataKeyAad[] = "schakel audit data key ";

struct AuditLogKeys {
  std::string master_key;  // 32 bytes: wraps the data keys
  std::string index_key;   // 32 bytes: blind indexes of principals and objects
  std::optional<note::Signer> signer;
};

struct AuditLogOptions {
  absl::Duration checkpoint_interval = absl::Seconds(10);
  int64_t checkpoint_every_entries = 1000;
  // Checkpoints asked for (SignOnDemand) are signed at most once per this, whoever asks.
  absl::Duration on_demand_interval = absl::Seconds(1);
};

// Where an entry is and whose it is.
struct EntryLocation {
  int64_t index = 0;
  std::string organisation_id;
};

// One entry as stored, with the organisation it belongs to.
struct StoredEntry {
  int64_t index = 0;
  std::string organisation_id;
  std::string bytes;  // the serialized LogEntry, exactly as its leaf hashes it
};

// What ListEntries filters on. The organisation is required: an entry belongs to the
// organisation of the user who acted (AuditRecord.user.organisation_id, the clear column
// entries.organisation_id), the same rule as inclusion proofs and supervisors' queries.
struct EntryListFilter {
  std::string organisation_id;
  std::string event_type;
  std::optional<absl::Time> start_time;
  std::optional<absl::Time> end_time;
};

struct QueryFilter {
  std::string object_id;
  std::string principal_id;
  std::string organisation_id;
  std::string event_type;
  std::optional<absl::Time> start_time;
  std::optional<absl::Time> end_time;
};

class AuditLog {
 public:
  // `db` must already be migrated (schema/audit) and outlive the log.
  AuditLog(sqlite::Database& db, AuditLogKeys keys, AuditLogOptions options, const Clock& clock);

  // Appends records, in order, in one transaction. Idempotent on (source_service,
  // source_sequence): a record already in the log is not stored again; its first index is
  // returned and counted as a duplicate.
  absl::StatusOr<v1::AppendResponse> Append(
      const google::protobuf::RepeatedPtrField<v1::AuditRecord>& records);
  // The same inside a transaction the caller holds (the log's own records: queries, shredding).
  absl::StatusOr<int64_t> AppendInTransaction(sqlite::Connection& c, const v1::AuditRecord& record,
                                              bool* duplicate);

  // Entries in the log.
  absl::StatusOr<int64_t> Size();

  // The newest checkpoint, signing one first when there is none yet.
  absl::StatusOr<v1::SignedCheckpoint> LatestCheckpoint();
  // Signs a checkpoint for the current size (or returns the latest when nothing was added).
  absl::StatusOr<v1::SignedCheckpoint> SignCheckpoint();
  // Signs when the schedule says so (entries or time since the last); for the host's timer.
  absl::Status MaybeCheckpoint();
  // A checkpoint someone asked for: signs one covering every entry unless a checkpoint was
  // signed on demand less than `on_demand_interval` ago, whoever asked; then the latest one.
  absl::StatusOr<v1::SignedCheckpoint> SignOnDemand();
  // The checkpoint signed for exactly `tree_size`, if any.
  absl::StatusOr<std::optional<v1::SignedCheckpoint>> CheckpointAt(int64_t tree_size);

  absl::StatusOr<std::optional<EntryLocation>> FindByIndex(int64_t index);
  absl::StatusOr<std::optional<EntryLocation>> FindByEventId(const std::string& event_id);

  // Leaf hash and audit path of `index` in the tree of `tree_size`.
  absl::StatusOr<std::pair<merkle::Hash, std::vector<merkle::Hash>>> ProveInclusion(
      int64_t index, int64_t tree_size);
  absl::StatusOr<std::vector<merkle::Hash>> ProveConsistency(int64_t size1, int64_t size2);

  // Decrypted entries matching `filter` with index > after, in index order, at most `limit`.
  absl::StatusOr<std::vector<v1::QueriedEntry>> Query(const QueryFilter& filter, int64_t after,
                                                      int limit);

  // Stored entry bytes [from, from + count).
  absl::StatusOr<std::vector<std::string>> ReadEntries(int64_t from, int64_t count);
  // One stored entry, by index or by event id.
  absl::StatusOr<std::optional<StoredEntry>> ReadEntry(int64_t index);
  absl::StatusOr<std::optional<StoredEntry>> ReadEntryByEventId(const std::string& event_id);
  // Summaries (index, event id, time, type) of one organisation's entries with index > after, in
  // index order, at most `limit`. Nothing is decrypted.
  absl::StatusOr<std::vector<v1::EntrySummary>> ListEntries(const EntryListFilter& filter,
                                                            int64_t after, int limit);
  // Per source, the highest sequence that arrived, its event time and when it arrived.
  absl::StatusOr<std::vector<v1::SourceWatermark>> Watermarks();

  // Destroys the data key of `period` ("YYYY-MM", before the current month) and the period's
  // blind indexes, inside the caller's transaction (which also records the shredding). Returns
  // the entries affected. Call AfterShred() once that transaction committed.
  absl::StatusOr<int64_t> ShredInTransaction(sqlite::Connection& c, const std::string& period,
                                             const std::string& reason, const std::string& by);
  // Forgets the cached key and checkpoints the WAL, so no copy of the wrapped key stays on disk
  // (the audit database runs with secure_delete on).
  absl::Status AfterShred(const std::string& period);

  // The C2SP verifier key of the checkpoint signer, and the origin line.
  std::string VerifierKey() const;
  const std::string& origin() const;

  // Decrypts one stored entry (DATA_LOSS when its key was shredded or it was tampered with).
  absl::StatusOr<v1::AuditRecord> Decrypt(const v1::LogEntry& entry);

  // The bytes the AES-GCM AAD covers for `entry` (fields 1-5 of LogEntry).
  static std::string AssociatedData(const v1::LogEntry& entry);
  // "YYYY-MM" of `t` in UTC.
  static std::string PeriodOf(absl::Time t);
  // OK when `period` has a data key that is not shredded; NOT_FOUND when the log has no entries
  // for it, FAILED_PRECONDITION when it was shredded.
  static absl::Status CheckPeriodLive(sqlite::Connection& c, const std::string& period);

 private:
  // The data key of `key_id`. With `create`, makes (and stores, in the caller's transaction) one
  // when there is none. Keys are cached only when `committed` says the row the key came from is
  // committed: a key read back inside the write transaction that created it must not outlive a
  // rollback of that transaction.
  absl::StatusOr<std::string> DataKey(sqlite::Connection& c, const std::string& key_id, bool create,
                                      bool committed);
  absl::StatusOr<v1::SignedCheckpoint> SignLocked(sqlite::Connection& c)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(checkpoint_mu_);
  std::string BlindIndex(absl::string_view kind, absl::string_view value) const;

  sqlite::Database& db_;
  const AuditLogKeys keys_;
  const AuditLogOptions options_;
  const Clock& clock_;
  // One per period ("YYYY-MM"), wrapped by keys_.master_key (services/common/data_keys.h).
  DataKeys data_keys_;
  absl::Mutex checkpoint_mu_;
  // When SignOnDemand last signed a new checkpoint.
  std::optional<absl::Time> last_on_demand_ ABSL_GUARDED_BY(checkpoint_mu_);
};

}  // namespace schakel::audit

#endif  // SCHAKEL_SERVICES_AUDIT_AUDIT_LOG_H_
