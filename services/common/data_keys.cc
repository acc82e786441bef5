#include "services/common/data_keys.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/common/crypto.h"
#include "services/common/status.h"

namespace schakel {

DataKeys::DataKeys(std::string master_key, std::string aad_prefix, const Clock& clock)
    : master_key_(std::move(master_key)), aad_prefix_(std::move(aad_prefix)), clock_(clock) {}

absl::StatusOr<std::string> DataKeys::Get(sqlite::Connection& c, const std::string& key_id,
                                          bool create, bool cache) {
  {
    absl::MutexLock lock(&mu_);
    auto it = cache_.find(key_id);
    if (it != cache_.end()) return it->second;
  }
  const std::string aad = absl::StrCat(aad_prefix_, key_id);
  SCHAKEL_ASSIGN_OR_RETURN(
      auto* s, c.PrepareCached("SELECT wrapped, nonce, tag FROM data_keys WHERE key_id = ?"));
  s->Bind(1, key_id);
  SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
  std::string key;
  if (row) {
    if (s->IsNull(0)) {
      return absl::DataLossError(absl::StrCat("the data key of ", key_id, " was shredded"));
    }
    crypto::Sealed wrapped{s->ColumnBlob(1), s->ColumnBlob(0), s->ColumnBlob(2)};
    SCHAKEL_ASSIGN_OR_RETURN(key, crypto::Open(master_key_, wrapped, aad));
  } else {
    if (!create) return absl::NotFoundError(absl::StrCat("no data key for ", key_id));
    SCHAKEL_ASSIGN_OR_RETURN(key, crypto::RandomBytes(crypto::kKeySize));
    SCHAKEL_ASSIGN_OR_RETURN(crypto::Sealed wrapped, crypto::Seal(master_key_, key, aad));
    SCHAKEL_ASSIGN_OR_RETURN(
        auto* ins,
        c.PrepareCached("INSERT INTO data_keys (key_id, wrapped, nonce, tag, create_time) "
                        "VALUES (?, ?, ?, ?, ?)"));
    ins->Bind(1, key_id).BindBlob(2, wrapped.ciphertext).BindBlob(3, wrapped.nonce);
    ins->BindBlob(4, wrapped.tag).Bind(5, absl::ToUnixMicros(clock_.Now()));
    SCHAKEL_RETURN_IF_ERROR(ins->Run());
    return key;
  }
  if (cache) {
    absl::MutexLock lock(&mu_);
    cache_[key_id] = key;
  }
  return key;
}

absl::StatusOr<DataKeys::State> DataKeys::StateOf(sqlite::Connection& c,
                                                  const std::string& key_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto* s, c.PrepareCached("SELECT wrapped IS NULL FROM data_keys WHERE key_id = ?"));
  s->Bind(1, key_id);
  SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return State::kAbsent;
  return s->ColumnInt(0) != 0 ? State::kShredded : State::kLive;
}

absl::Status DataKeys::Shred(sqlite::Connection& c, const std::string& key_id,
                             const std::string& reason, const std::string& by) {
  SCHAKEL_ASSIGN_OR_RETURN(State state, StateOf(c, key_id));
  if (state == State::kAbsent) return absl::NotFoundError(absl::StrCat("no data key for ", key_id));
  if (state == State::kShredded) {
    return absl::FailedPreconditionError(absl::StrCat(key_id, " was already shredded"));
  }
  SCHAKEL_ASSIGN_OR_RETURN(
      auto drop, c.Prepare("UPDATE data_keys SET wrapped = NULL, nonce = NULL, tag = NULL, "
                           "shred_time = ?, shred_reason = ?, shredded_by = ? WHERE key_id = ?"));
  drop.Bind(1, absl::ToUnixMicros(clock_.Now())).Bind(2, reason).Bind(3, by).Bind(4, key_id);
  return drop.Run();
}

void DataKeys::Forget(const std::string& key_id) {
  absl::MutexLock lock(&mu_);
  cache_.erase(key_id);
}

absl::StatusOr<int64_t> DataKeys::Rewrap(sqlite::Connection& c, absl::string_view old_master,
                                         absl::string_view new_master,
                                         absl::string_view aad_prefix) {
  struct Rewrapped {
    std::string key_id;
    crypto::Sealed wrapped;
  };
  std::vector<Rewrapped> out;
  SCHAKEL_ASSIGN_OR_RETURN(
      auto read,
      c.Prepare("SELECT key_id, wrapped, nonce, tag FROM data_keys WHERE wrapped IS NOT NULL"));
  for (;;) {
    SCHAKEL_ASSIGN_OR_RETURN(bool row, read.Step());
    if (!row) break;
    const std::string key_id = read.ColumnText(0);
    const std::string aad = absl::StrCat(aad_prefix, key_id);
    crypto::Sealed wrapped{read.ColumnBlob(2), read.ColumnBlob(1), read.ColumnBlob(3)};
    auto key = crypto::Open(old_master, wrapped, aad);
    if (!key.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the old master key does not open the data key of ", key_id, " (wrong key?)"));
    }
    SCHAKEL_ASSIGN_OR_RETURN(crypto::Sealed again, crypto::Seal(new_master, *key, aad));
    out.push_back({key_id, std::move(again)});
  }
  SCHAKEL_ASSIGN_OR_RETURN(
      auto write,
      c.Prepare("UPDATE data_keys SET wrapped = ?, nonce = ?, tag = ? WHERE key_id = ?"));
  for (const Rewrapped& r : out) {
    write.Reset();
    write.BindBlob(1, r.wrapped.ciphertext).BindBlob(2, r.wrapped.nonce).BindBlob(3, r.wrapped.tag);
    write.Bind(4, r.key_id);
    SCHAKEL_RETURN_IF_ERROR(write.Run());
  }
  return static_cast<int64_t>(out.size());
}

}  // namespace schakel
