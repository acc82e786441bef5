#include "services/audit/audit_log.h"

#include <functional>

#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "services/common/crypto.h"
#include "services/common/log.h"
#include "services/common/status.h"

namespace schakel::audit {
namespace {

using google::protobuf::util::TimeUtil;
using merkle::Hash;

std::string HashBytes(const Hash& h) { return std::string(h.begin(), h.end()); }

// Stored hashes, read through the caller's transaction.
class SqliteHashReader final : public merkle::HashReader {
 public:
  explicit SqliteHashReader(sqlite::Connection& c) : c_(c) {}
  absl::StatusOr<std::vector<Hash>> ReadHashes(absl::Span<const int64_t> indexes) override {
    std::vector<Hash> out;
    out.reserve(indexes.size());
    for (int64_t id : indexes) {
      SCHAKEL_ASSIGN_OR_RETURN(auto* s,
                               c_.PrepareCached("SELECT hash FROM tree_hashes WHERE id = ?"));
      s->Bind(1, id);
      SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) return absl::DataLossError(absl::StrCat("stored hash ", id, " is missing"));
      SCHAKEL_ASSIGN_OR_RETURN(Hash h, merkle::HashFromBytes(s->ColumnBlob(0)));
      out.push_back(h);
    }
    return out;
  }

 private:
  sqlite::Connection& c_;
};

absl::StatusOr<int64_t> SizeIn(sqlite::Connection& c) {
  SCHAKEL_ASSIGN_OR_RETURN(auto* s,
                           c.PrepareCached("SELECT COALESCE(MAX(idx), -1) + 1 FROM entries"));
  SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
  return row ? s->ColumnInt(0) : 0;
}

absl::StatusOr<std::optional<v1::SignedCheckpoint>> LatestIn(sqlite::Connection& c) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto* s, c.PrepareCached("SELECT tree_size, root, signed_note, create_time FROM checkpoints "
                               "ORDER BY tree_size DESC LIMIT 1"));
  SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return std::nullopt;
  v1::SignedCheckpoint cp;
  cp.set_tree_size(s->ColumnInt(0));
  cp.set_root_hash(s->ColumnBlob(1));
  cp.set_signed_note(s->ColumnText(2));
  *cp.mutable_time() = TimeUtil::MicrosecondsToTimestamp(s->ColumnInt(3));
  return cp;
}

}  // namespace

AuditLog::AuditLog(sqlite::Database& db, AuditLogKeys keys, AuditLogOptions options,
                   const Clock& clock)
    : db_(db),
      keys_(std::move(keys)),
      options_(options),
      clock_(clock),
      data_keys_(keys_.master_key, kAuditDataKeyAad, clock) {}

std::string AuditLog::PeriodOf(absl::Time t) {
  return absl::FormatTime("%Y-%m", t, absl::UTCTimeZone());
}

std::string AuditLog::AssociatedData(const v1::LogEntry& entry) {
  v1::LogEntry aad;
  aad.set_format_version(entry.format_version());
  aad.set_index(entry.index());
  aad.set_source_service(entry.source_service());
  aad.set_source_sequence(entry.source_sequence());
  aad.set_key_id(entry.key_id());
  // Empty in version 1 entries, so their AAD is the same bytes as before.
  aad.set_event_id(entry.event_id());
  return aad.SerializeAsString();
}

std::string AuditLog::BlindIndex(absl::string_view kind, absl::string_view value) const {
  return crypto::HmacSha256(keys_.index_key, absl::StrCat(kind, ":", value));
}

std::string AuditLog::VerifierKey() const { return keys_.signer->VerifierKey(); }
const std::string& AuditLog::origin() const { return keys_.signer->name(); }

absl::StatusOr<std::string> AuditLog::DataKey(sqlite::Connection& c, const std::string& key_id,
                                              bool create, bool committed) {
  auto key = data_keys_.Get(c, key_id, create, committed);
  if (key.status().code() == absl::StatusCode::kDataLoss) {
    return absl::DataLossError(absl::StrCat("the data key of period ", key_id, " was shredded"));
  }
  if (key.status().code() == absl::StatusCode::kNotFound) {
    return absl::NotFoundError(absl::StrCat("no data key for period ", key_id));
  }
  return key;
}

absl::StatusOr<int64_t> AuditLog::AppendInTransaction(sqlite::Connection& c,
                                                      const v1::AuditRecord& record,
                                                      bool* duplicate) {
  *duplicate = false;
  {
    SCHAKEL_ASSIGN_OR_RETURN(
        auto* s,
        c.PrepareCached(
            "SELECT idx, event_id FROM entries WHERE source_service = ? AND source_sequence = ?"));
    s->Bind(1, record.source_service()).Bind(2, record.source_sequence());
    SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
    if (row) {
      // A retry carries the same event. Anything else means the source reused a sequence number
      // (a restored database, say): refuse loudly rather than drop the record as a duplicate.
      if (s->ColumnText(1) != record.event_id()) {
        return absl::DataLossError(absl::StrCat(
            "source ", record.source_service(), " reused sequence ", record.source_sequence(),
            " for a different event; its outbox no longer matches the log"));
      }
      *duplicate = true;
      return s->ColumnInt(0);
    }
  }
  SCHAKEL_ASSIGN_OR_RETURN(const int64_t index, SizeIn(c));
  v1::LogEntry entry;
  entry.set_format_version(2);
  entry.set_index(index);
  entry.set_source_service(record.source_service());
  entry.set_source_sequence(record.source_sequence());
  entry.set_key_id(PeriodOf(clock_.Now()));
  entry.set_event_id(record.event_id());
  SCHAKEL_ASSIGN_OR_RETURN(std::string key,
                           DataKey(c, entry.key_id(), /*create=*/true, /*committed=*/false));
  SCHAKEL_ASSIGN_OR_RETURN(crypto::Sealed sealed,
                           crypto::Seal(key, record.SerializeAsString(), AssociatedData(entry)));
  entry.set_nonce(std::move(sealed.nonce));
  entry.set_ciphertext(std::move(sealed.ciphertext));
  entry.set_tag(std::move(sealed.tag));
  const std::string bytes = entry.SerializeAsString();

  SqliteHashReader reader(c);
  SCHAKEL_ASSIGN_OR_RETURN(std::vector<Hash> hashes,
                           merkle::StoredHashesForRecord(index, merkle::HashLeaf(bytes), reader));
  int64_t id = merkle::StoredHashCount(index);
  for (const Hash& h : hashes) {
    SCHAKEL_ASSIGN_OR_RETURN(auto* s,
                             c.PrepareCached("INSERT INTO tree_hashes (id, hash) VALUES (?, ?)"));
    s->Bind(1, id++).BindBlob(2, HashBytes(h));
    SCHAKEL_RETURN_IF_ERROR(s->Run());
  }
  SCHAKEL_ASSIGN_OR_RETURN(
      auto* ins,
      c.PrepareCached("INSERT INTO entries (idx, event_id, source_service, source_sequence, entry, "
                      "key_id, organisation_id, event_type, event_time, principal_ix) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  ins->Bind(1, index).Bind(2, record.event_id()).Bind(3, record.source_service());
  ins->Bind(4, record.source_sequence()).BindBlob(5, bytes).Bind(6, entry.key_id());
  ins->Bind(7, record.user().organisation_id()).Bind(8, record.event_type());
  ins->Bind(9, record.event_time().seconds());
  ins->BindBlob(10, BlindIndex("principal", record.user().principal_id()));
  SCHAKEL_RETURN_IF_ERROR(ins->Run());
  for (const auto& object : record.objects()) {
    SCHAKEL_ASSIGN_OR_RETURN(
        auto* s,
        c.PrepareCached("INSERT OR IGNORE INTO entry_objects (object_ix, idx) VALUES (?, ?)"));
    s->BindBlob(1, BlindIndex("object", object.id())).Bind(2, index);
    SCHAKEL_RETURN_IF_ERROR(s->Run());
  }
  SCHAKEL_ASSIGN_OR_RETURN(
      auto* mark,
      c.PrepareCached(
          "INSERT INTO source_watermarks (source_service, source_sequence, event_time, "
          "arrival_time) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (source_service) DO UPDATE SET "
          "source_sequence = ?2, event_time = ?3, arrival_time = ?4 WHERE ?2 > source_sequence"));
  mark->Bind(1, record.source_service()).Bind(2, record.source_sequence());
  mark->Bind(3, record.event_time().seconds()).Bind(4, absl::ToUnixMicros(clock_.Now()));
  SCHAKEL_RETURN_IF_ERROR(mark->Run());
  return index;
}

absl::StatusOr<v1::AppendResponse> AuditLog::Append(
    const google::protobuf::RepeatedPtrField<v1::AuditRecord>& records) {
  v1::AppendResponse response;
  SCHAKEL_RETURN_IF_ERROR(db_.Transaction([&](sqlite::Connection& c) -> absl::Status {
    response.Clear();
    for (const auto& record : records) {
      bool duplicate = false;
      SCHAKEL_ASSIGN_OR_RETURN(int64_t index, AppendInTransaction(c, record, &duplicate));
      response.add_indexes(index);
      if (duplicate) response.set_duplicates(response.duplicates() + 1);
    }
    return absl::OkStatus();
  }));
  // Committed now: warm the cache with this period's key so the next batch need not unwrap it.
  // Only an optimisation (a batch of duplicates may have made no key yet): never fails the call.
  db_.Read([&](sqlite::Connection& c) {
       return DataKey(c, PeriodOf(clock_.Now()), /*create=*/false, /*committed=*/true).status();
     })
      .IgnoreError();
  return response;
}

absl::StatusOr<int64_t> AuditLog::Size() {
  int64_t size = 0;
  SCHAKEL_RETURN_IF_ERROR(db_.Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(size, SizeIn(c));
    return absl::OkStatus();
  }));
  return size;
}

absl::StatusOr<v1::SignedCheckpoint> AuditLog::SignLocked(sqlite::Connection& c) {
  SCHAKEL_ASSIGN_OR_RETURN(const int64_t size, SizeIn(c));
  SCHAKEL_ASSIGN_OR_RETURN(auto latest, LatestIn(c));
  if (latest && latest->tree_size() == size) return *latest;
  SqliteHashReader reader(c);
  SCHAKEL_ASSIGN_OR_RETURN(Hash root, merkle::TreeHash(size, reader));
  if (latest && latest->tree_size() > 0) {
    // Never sign a tree that does not extend the last signed one.
    SCHAKEL_ASSIGN_OR_RETURN(Hash old_root, merkle::HashFromBytes(latest->root_hash()));
    SCHAKEL_ASSIGN_OR_RETURN(auto proof,
                             merkle::ConsistencyProof(latest->tree_size(), size, reader));
    if (absl::Status st =
            merkle::VerifyConsistency(latest->tree_size(), size, old_root, root, proof);
        !st.ok()) {
      LogEvent(LogLevel::kError, "audit.checkpoint_refused",
               {{"old_size", latest->tree_size()}, {"new_size", size}});
      return absl::DataLossError(
          "the stored tree does not extend the last signed checkpoint; refusing to sign");
    }
  }
  note::Checkpoint body{origin(), size, HashBytes(root), {}};
  SCHAKEL_ASSIGN_OR_RETURN(std::string signed_note,
                           keys_.signer->SignNote(note::FormatCheckpoint(body)));
  const absl::Time now = clock_.Now();
  SCHAKEL_ASSIGN_OR_RETURN(
      auto* ins,
      c.PrepareCached("INSERT INTO checkpoints (tree_size, root, signed_note, create_time) "
                      "VALUES (?, ?, ?, ?)"));
  ins->Bind(1, size).BindBlob(2, HashBytes(root)).Bind(3, signed_note);
  ins->Bind(4, absl::ToUnixMicros(now));
  SCHAKEL_RETURN_IF_ERROR(ins->Run());
  v1::SignedCheckpoint cp;
  cp.set_origin(origin());
  cp.set_tree_size(size);
  cp.set_root_hash(HashBytes(root));
  cp.set_signed_note(signed_note);
  *cp.mutable_time() = TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(now));
  return cp;
}

absl::StatusOr<v1::SignedCheckpoint> AuditLog::SignCheckpoint() {
  absl::MutexLock lock(&checkpoint_mu_);
  v1::SignedCheckpoint cp;
  SCHAKEL_RETURN_IF_ERROR(db_.Transaction([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(cp, SignLocked(c));
    return absl::OkStatus();
  }));
  cp.set_origin(origin());
  return cp;
}

absl::StatusOr<v1::SignedCheckpoint> AuditLog::LatestCheckpoint() {
  std::optional<v1::SignedCheckpoint> latest;
  SCHAKEL_RETURN_IF_ERROR(db_.Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(latest, LatestIn(c));
    return absl::OkStatus();
  }));
  if (!latest) return SignCheckpoint();
  latest->set_origin(origin());
  return *latest;
}

absl::Status AuditLog::MaybeCheckpoint() {
  SCHAKEL_ASSIGN_OR_RETURN(int64_t size, Size());
  SCHAKEL_ASSIGN_OR_RETURN(v1::SignedCheckpoint latest, LatestCheckpoint());
  const int64_t added = size - latest.tree_size();
  const absl::Time signed_at =
      absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(latest.time()));
  if (added >= options_.checkpoint_every_entries ||
      (added > 0 && clock_.Now() - signed_at >= options_.checkpoint_interval)) {
    return SignCheckpoint().status();
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::SignedCheckpoint> AuditLog::SignOnDemand() {
  absl::MutexLock lock(&checkpoint_mu_);
  const absl::Time now = clock_.Now();
  const bool may_sign = !last_on_demand_ || now - *last_on_demand_ >= options_.on_demand_interval;
  bool signed_new = false;
  v1::SignedCheckpoint cp;
  SCHAKEL_RETURN_IF_ERROR(db_.Transaction([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(auto latest, LatestIn(c));
    // The first checkpoint of a log is always signed; any other waits for the interval.
    if (latest && !may_sign) {
      cp = *std::move(latest);
      return absl::OkStatus();
    }
    SCHAKEL_ASSIGN_OR_RETURN(cp, SignLocked(c));
    signed_new = !latest || latest->tree_size() != cp.tree_size();
    return absl::OkStatus();
  }));
  if (signed_new) last_on_demand_ = now;
  cp.set_origin(origin());
  return cp;
}

absl::StatusOr<std::optional<v1::SignedCheckpoint>> AuditLog::CheckpointAt(int64_t tree_size) {
  std::optional<v1::SignedCheckpoint> cp;
  SCHAKEL_RETURN_IF_ERROR(db_.Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(
        auto* s, c.PrepareCached("SELECT root, signed_note, create_time FROM checkpoints "
                                 "WHERE tree_size = ?"));
    s->Bind(1, tree_size);
    SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return absl::OkStatus();
    cp.emplace();
    cp->set_origin(origin());
    cp->set_tree_size(tree_size);
    cp->set_root_hash(s->ColumnBlob(0));
    cp->set_signed_note(s->ColumnText(1));
    *cp->mutable_time() = TimeUtil::MicrosecondsToTimestamp(s->ColumnInt(2));
    return absl::OkStatus();
  }));
  return cp;
}

namespace {

absl::StatusOr<std::optional<EntryLocation>> FindWhere(
    sqlite::Database& db, const char* sql, const std::function<void(sqlite::Statement&)>& bind) {
  std::optional<EntryLocation> out;
  SCHAKEL_RETURN_IF_ERROR(db.Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(auto* s, c.PrepareCached(sql));
    bind(*s);
    SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
    if (row) out = EntryLocation{s->ColumnInt(0), s->ColumnText(1)};
    return absl::OkStatus();
  }));
  return out;
}

}  // namespace

absl::StatusOr<std::optional<EntryLocation>> AuditLog::FindByIndex(int64_t index) {
  return FindWhere(db_, "SELECT idx, organisation_id FROM entries WHERE idx = ?",
                   [&](sqlite::Statement& s) { s.Bind(1, index); });
}

absl::StatusOr<std::optional<EntryLocation>> AuditLog::FindByEventId(const std::string& event_id) {
  return FindWhere(db_, "SELECT idx, organisation_id FROM entries WHERE event_id = ?",
                   [&](sqlite::Statement& s) { s.Bind(1, event_id); });
}

absl::StatusOr<std::pair<Hash, std::vector<Hash>>> AuditLog::ProveInclusion(int64_t index,
                                                                            int64_t tree_size) {
  std::pair<Hash, std::vector<Hash>> out;
  SCHAKEL_RETURN_IF_ERROR(db_.Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(int64_t size, SizeIn(c));
    if (index < 0 || tree_size <= index || tree_size > size) {
      return absl::OutOfRangeError(
          "index and tree size must satisfy 0 <= index < tree_size <= size");
    }
    SqliteHashReader reader(c);
    SCHAKEL_ASSIGN_OR_RETURN(auto leaf, reader.ReadHashes({merkle::StoredHashIndex(0, index)}));
    out.first = leaf[0];
    SCHAKEL_ASSIGN_OR_RETURN(out.second, merkle::InclusionProof(index, tree_size, reader));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<Hash>> AuditLog::ProveConsistency(int64_t size1, int64_t size2) {
  std::vector<Hash> proof;
  SCHAKEL_RETURN_IF_ERROR(db_.Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(int64_t size, SizeIn(c));
    if (size1 <= 0 || size1 > size2 || size2 > size) {
      return absl::OutOfRangeError("sizes must satisfy 0 < size1 <= size2 <= size");
    }
    SqliteHashReader reader(c);
    SCHAKEL_ASSIGN_OR_RETURN(proof, merkle::ConsistencyProof(size1, size2, reader));
    return absl::OkStatus();
  }));
  return proof;
}

absl::StatusOr<v1::AuditRecord> AuditLog::Decrypt(const v1::LogEntry& entry) {
  std::string key;
  SCHAKEL_RETURN_IF_ERROR(db_.Read([&](sqlite::Connection& c) -> absl::Status {
    // A read transaction sees committed rows only (writes hold the same connection's mutex).
    SCHAKEL_ASSIGN_OR_RETURN(key, DataKey(c, entry.key_id(), /*create=*/false, /*committed=*/true));
    return absl::OkStatus();
  }));
  crypto::Sealed sealed{entry.nonce(), entry.ciphertext(), entry.tag()};
  SCHAKEL_ASSIGN_OR_RETURN(std::string plain, crypto::Open(key, sealed, AssociatedData(entry)));
  v1::AuditRecord record;
  if (!record.ParseFromString(plain)) return absl::DataLossError("decrypted record does not parse");
  return record;
}

absl::StatusOr<std::vector<v1::QueriedEntry>> AuditLog::Query(const QueryFilter& f, int64_t after,
                                                              int limit) {
  std::vector<std::pair<int64_t, std::string>> rows;
  SCHAKEL_RETURN_IF_ERROR(db_.Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(
        auto* s,
        c.PrepareCached(
            "SELECT e.idx, e.entry FROM entries e WHERE e.idx > ?1 "
            "AND (?2 IS NULL OR EXISTS (SELECT 1 FROM entry_objects o WHERE o.object_ix = ?2 "
            "AND o.idx = e.idx)) "
            "AND (?3 IS NULL OR e.principal_ix = ?3) AND (?4 = '' OR e.organisation_id = ?4) "
            "AND (?5 = '' OR e.event_type = ?5) AND e.event_time >= ?6 AND e.event_time <= ?7 "
            "ORDER BY e.idx LIMIT ?8"));
    s->Bind(1, after);
    if (f.object_id.empty())
      s->BindNull(2);
    else
      s->BindBlob(2, BlindIndex("object", f.object_id));
    if (f.principal_id.empty())
      s->BindNull(3);
    else
      s->BindBlob(3, BlindIndex("principal", f.principal_id));
    s->Bind(4, f.organisation_id).Bind(5, f.event_type);
    s->Bind(6, f.start_time ? absl::ToUnixSeconds(*f.start_time) : INT64_MIN);
    s->Bind(7, f.end_time ? absl::ToUnixSeconds(*f.end_time) : INT64_MAX);
    s->Bind(8, limit);
    for (;;) {
      SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      rows.emplace_back(s->ColumnInt(0), s->ColumnBlob(1));
    }
    return absl::OkStatus();
  }));
  std::vector<v1::QueriedEntry> out;
  for (auto& [index, bytes] : rows) {
    v1::QueriedEntry q;
    q.set_index(index);
    v1::LogEntry entry;
    if (!entry.ParseFromString(bytes)) return absl::DataLossError("stored entry does not parse");
    auto record = Decrypt(entry);
    if (record.ok()) {
      *q.mutable_record() = *std::move(record);
    } else if (absl::IsDataLoss(record.status()) &&
               record.status().message().find("shredded") != absl::string_view::npos) {
      q.set_shredded(true);
    } else {
      return record.status();
    }
    out.push_back(std::move(q));
  }
  return out;
}

absl::StatusOr<std::vector<std::string>> AuditLog::ReadEntries(int64_t from, int64_t count) {
  std::vector<std::string> out;
  SCHAKEL_RETURN_IF_ERROR(db_.Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(
        auto* s, c.PrepareCached("SELECT entry FROM entries WHERE idx >= ? ORDER BY idx LIMIT ?"));
    s->Bind(1, from).Bind(2, count);
    for (;;) {
      SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      out.push_back(s->ColumnBlob(0));
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<int64_t> AuditLog::ShredInTransaction(sqlite::Connection& c,
                                                     const std::string& period,
                                                     const std::string& reason,
                                                     const std::string& by) {
  if (period >= PeriodOf(clock_.Now())) {
    return absl::FailedPreconditionError(
        "only a period that has ended can be shredded (entries are still being added to it)");
  }
  SCHAKEL_RETURN_IF_ERROR(CheckPeriodLive(c, period));
  SCHAKEL_ASSIGN_OR_RETURN(auto count, c.Prepare("SELECT COUNT(*) FROM entries WHERE key_id = ?"));
  count.Bind(1, period);
  SCHAKEL_ASSIGN_OR_RETURN(bool counted, count.Step());
  const int64_t affected = counted ? count.ColumnInt(0) : 0;
  SCHAKEL_RETURN_IF_ERROR(data_keys_.Shred(c, period, reason, by));
  // The blind indexes would still link a period's entries to people and cases: gone too.
  SCHAKEL_ASSIGN_OR_RETURN(auto objects, c.Prepare("DELETE FROM entry_objects WHERE idx IN "
                                                   "(SELECT idx FROM entries WHERE key_id = ?)"));
  SCHAKEL_RETURN_IF_ERROR(objects.Bind(1, period).Run());
  SCHAKEL_ASSIGN_OR_RETURN(auto principals,
                           c.Prepare("UPDATE entries SET principal_ix = NULL WHERE key_id = ?"));
  SCHAKEL_RETURN_IF_ERROR(principals.Bind(1, period).Run());
  return affected;
}

absl::Status AuditLog::CheckPeriodLive(sqlite::Connection& c, const std::string& period) {
  SCHAKEL_ASSIGN_OR_RETURN(DataKeys::State state, DataKeys::StateOf(c, period));
  if (state == DataKeys::State::kAbsent) {
    return absl::NotFoundError(absl::StrCat("the log has no entries for ", period));
  }
  if (state == DataKeys::State::kShredded) {
    return absl::FailedPreconditionError(absl::StrCat(period, " was already shredded"));
  }
  return absl::OkStatus();
}

absl::Status AuditLog::AfterShred(const std::string& period) {
  data_keys_.Forget(period);
  absl::Status st = db_.CheckpointTruncate();
  // The shred is done; a reader holding the checkpoint up only delays the WAL's copy going.
  if (absl::IsUnavailable(st)) {
    LogEvent(LogLevel::kError, "audit.shred.checkpoint_held_up",
             {{"error", std::string(st.message())}});
    return absl::OkStatus();
  }
  return st;
}

}  // namespace schakel::audit
