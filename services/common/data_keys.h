// Data keys wrapped by a service's master key, one per owner of the data they encrypt (a month of
// the audit log; a case or a report next), kept in the service's own database. Crypto-shredding
// forgets one: its wrapped key goes, the row stays with when, why and by whom, and whatever the
// key encrypted can never be read again — while every hash over the ciphertext (the audit log's
// Merkle tree) stays valid.
//
// The table, created by the service's own migration:
//   CREATE TABLE data_keys (key_id TEXT PRIMARY KEY, wrapped BLOB, nonce BLOB, tag BLOB,
//     create_time INTEGER NOT NULL, shred_time INTEGER, shred_reason TEXT, shredded_by TEXT)
//     STRICT;
#ifndef SCHAKEL_SERVICES_COMMON_DATA_KEYS_H_
#define SCHAKEL_SERVICES_COMMON_DATA_KEYS_H_

#include <cstdint>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "services/common/clock.h"
#include "services/common/sqlite.h"

namespace schakel {

// What a destroyed row's key_id column holds: its sealed content is deleted (and its data key,
// if it had one of its own, shredded).
inline constexpr char kDestroyedKeyId[] = "destroyed";

class DataKeys {
 public:
  // `master_key` (32 bytes) wraps every data key; a key's wrapping is bound to
  // "<aad_prefix><key_id>", so a wrapped key cannot be moved to another owner.
  DataKeys(std::string master_key, std::string aad_prefix, const Clock& clock);

  // The data key of `key_id`: unwrapped from its row, or with `create` a new random one, stored
  // wrapped in this transaction. DATA_LOSS when it was shredded; NOT_FOUND when there is none and
  // not `create`. `cache`: keep it in memory for the next call (only for a row known committed).
  absl::StatusOr<std::string> Get(sqlite::Connection& c, const std::string& key_id, bool create,
                                  bool cache);

  enum class State { kAbsent, kLive, kShredded };
  static absl::StatusOr<State> StateOf(sqlite::Connection& c, const std::string& key_id);

  // Forgets the key of `key_id` in this transaction, recording when, why and by whom. NOT_FOUND
  // when there is none, FAILED_PRECONDITION when it is already shredded. Call Forget after the
  // transaction commits (the cache), and checkpoint the WAL, so no copy stays on disk.
  absl::Status Shred(sqlite::Connection& c, const std::string& key_id, const std::string& reason,
                     const std::string& by);
  void Forget(const std::string& key_id);

  // Master key rotation: rewraps every live data key under `new_master` in this transaction and
  // returns how many. Shredded keys stay shredded. Commit, then start the service with the new
  // master key; the old one opens nothing any more and can be destroyed.
  static absl::StatusOr<int64_t> Rewrap(sqlite::Connection& c, absl::string_view old_master,
                                        absl::string_view new_master, absl::string_view aad_prefix);

 private:
  const std::string master_key_;
  const std::string aad_prefix_;
  const Clock& clock_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::string> cache_ ABSL_GUARDED_BY(mu_);
};

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_DATA_KEYS_H_
