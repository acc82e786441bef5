#include "services/common/sqlite.h"

#include <algorithm>

#include "absl/strings/string_view.h"

#include "absl/strings/str_cat.h"
#include "services/common/status.h"

namespace schakel::sqlite {

absl::Status StatusFromSqlite(sqlite3* db, int rc, absl::string_view what) {
  const int primary = rc & 0xff;
  std::string message = absl::StrCat(what, ": ", sqlite3_errstr(rc));
  if (db != nullptr && sqlite3_errcode(db) == rc)
    absl::StrAppend(&message, " (", sqlite3_errmsg(db), ")");
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return absl::UnavailableError(message);
    case SQLITE_CONSTRAINT:
      return absl::AlreadyExistsError(message);
    case SQLITE_FULL:
      return absl::ResourceExhaustedError(message);
    default:
      return absl::InternalError(message);
  }
}

// A failed bind is remembered and reported by the next Step(), so callers can chain Bind()s.
void Statement::BindResult(int rc) {
  if (rc != SQLITE_OK && bind_status_.ok()) bind_status_ = StatusFromSqlite(db_, rc, "bind");
}

Statement& Statement::Bind(int index, absl::string_view text) {
  BindResult(sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()),
                               SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  BindResult(sqlite3_bind_int64(stmt_.get(), index, value));
  return *this;
}

Statement& Statement::BindBlob(int index, absl::string_view bytes) {
  BindResult(sqlite3_bind_blob(stmt_.get(), index, bytes.data(), static_cast<int>(bytes.size()),
                               SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::BindNull(int index) {
  BindResult(sqlite3_bind_null(stmt_.get(), index));
  return *this;
}

absl::StatusOr<bool> Statement::Step() {
  if (!bind_status_.ok()) return bind_status_;
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return StatusFromSqlite(db_, rc, "step");
}

absl::Status Statement::Run() {
  for (;;) {
    auto row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return absl::OkStatus();
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
  bind_status_ = absl::OkStatus();
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

int64_t Statement::ColumnInt(int column) const { return sqlite3_column_int64(stmt_.get(), column); }

std::string Statement::ColumnText(int column) const {
  const auto* text = sqlite3_column_text(stmt_.get(), column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     sqlite3_column_bytes(stmt_.get(), column));
}

std::string Statement::ColumnBlob(int column) const {
  const void* blob = sqlite3_column_blob(stmt_.get(), column);
  if (blob == nullptr) return {};
  return std::string(static_cast<const char*>(blob), sqlite3_column_bytes(stmt_.get(), column));
}

absl::StatusOr<std::unique_ptr<Connection>> Connection::Open(const std::filesystem::path& path) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<Connection> conn(new Connection(raw, path));
  if (rc != SQLITE_OK) {
    return StatusFromSqlite(raw, rc, absl::StrCat("open ", path.string()));
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 5000);
  // journal_mode answers with a row; the others are silent.
  auto wal = conn->Prepare("PRAGMA journal_mode=WAL");
  if (!wal.ok()) return wal.status();
  auto mode = wal->Step();
  if (!mode.ok()) return mode.status();
  if (!*mode || wal->ColumnText(0) != "wal") {
    return absl::FailedPreconditionError(
        absl::StrCat(path.string(), ": the file system does not support SQLite's WAL mode"));
  }
  if (auto st = conn->Exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"); !st.ok()) return st;
  return conn;
}

absl::StatusOr<Statement> Connection::Prepare(absl::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc =
      sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return StatusFromSqlite(db_.get(), rc, "prepare");
  return Statement(db_.get(), stmt);
}

absl::StatusOr<Statement*> Connection::PrepareCached(absl::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    auto stmt = Prepare(sql);
    if (!stmt.ok()) return stmt.status();
    it = cache_.emplace(std::string(sql), std::make_unique<Statement>(*std::move(stmt))).first;
  } else {
    it->second->Reset();
  }
  return it->second.get();
}

void Connection::ResetCached() {
  for (auto& [sql, stmt] : cache_) stmt->Reset();
}

absl::Status Connection::Exec(absl::string_view sql) {
  const std::string copy(sql);
  char* error = nullptr;
  const int rc = sqlite3_exec(db_.get(), copy.c_str(), nullptr, nullptr, &error);
  sqlite3_free(error);
  if (rc != SQLITE_OK) return StatusFromSqlite(db_.get(), rc, "exec");
  return absl::OkStatus();
}

int64_t Connection::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_.get()); }

int Connection::Changes() const { return sqlite3_changes(db_.get()); }

absl::StatusOr<std::unique_ptr<Database>> Database::Open(const std::filesystem::path& path) {
  return Open(path, Options{});
}

absl::StatusOr<std::unique_ptr<Database>> Database::Open(const std::filesystem::path& path,
                                                         Options options) {
  auto conn = Connection::Open(path);
  if (!conn.ok()) return conn.status();
  std::unique_ptr<Database> db(new Database(*std::move(conn), path, options));
  {
    absl::MutexLock lock(&db->mu_);
    if (auto st = db->Configure(*db->conn_); !st.ok()) return st;
  }
  return db;
}

absl::Status Database::Configure(Connection& c) const {
  if (options_.cache_kib <= 0) return absl::OkStatus();
  return c.Exec(absl::StrCat("PRAGMA cache_size=-", options_.cache_kib));
}

absl::StatusOr<std::unique_ptr<Connection>> Database::TakeReader() {
  {
    absl::MutexLock lock(&readers_mu_);
    auto available = [this]() ABSL_SHARED_LOCKS_REQUIRED(readers_mu_) {
      return !free_readers_.empty() || open_readers_ < options_.readers;
    };
    readers_mu_.Await(absl::Condition(&available));
    if (!free_readers_.empty()) {
      std::unique_ptr<Connection> reader = std::move(free_readers_.back());
      free_readers_.pop_back();
      return reader;
    }
    ++open_readers_;
  }
  auto reader = Connection::Open(path_);
  // A Read() body that tried to write fails loudly instead of writing beside the writer.
  absl::Status st = reader.ok() ? (*reader)->Exec("PRAGMA query_only=ON") : reader.status();
  if (st.ok()) st = Configure(**reader);
  if (!st.ok()) {
    absl::MutexLock lock(&readers_mu_);
    --open_readers_;
    return st;
  }
  return reader;
}

void Database::ReturnReader(std::unique_ptr<Connection> reader) {
  absl::MutexLock lock(&readers_mu_);
  free_readers_.push_back(std::move(reader));
}

absl::Status Database::RunIn(absl::string_view begin,
                             const std::function<absl::Status(Connection&)>& body) {
  absl::MutexLock lock(&mu_);
  if (auto st = conn_->Exec(begin); !st.ok()) return st;
  absl::Status result = body(*conn_);
  conn_->ResetCached();
  if (result.ok()) result = conn_->Exec("COMMIT");
  if (!result.ok()) {
    // Harmless when COMMIT already ended the transaction.
    conn_->Exec("ROLLBACK").IgnoreError();
  }
  return result;
}

absl::Status Database::Transaction(const std::function<absl::Status(Connection&)>& body) {
  return RunIn("BEGIN IMMEDIATE", body);
}

absl::Status Database::GroupTransaction(std::function<absl::Status(Connection&)> body,
                                        std::atomic<int64_t>* commits) {
  auto item = std::make_shared<Grouped>();
  item->body = std::move(body);
  item->commits = commits;
  std::deque<std::shared_ptr<Grouped>> batch;
  {
    absl::MutexLock lock(&group_mu_);
    group_queue_.push_back(item);
    auto ready = [&]()
                     ABSL_SHARED_LOCKS_REQUIRED(group_mu_) { return item->done || !group_leader_; };
    group_mu_.Await(absl::Condition(&ready));
    if (item->done) return item->status;
    group_leader_ = true;
    batch.swap(group_queue_);
  }
  const absl::Status commit = CommitGroup(batch);
  absl::MutexLock lock(&group_mu_);
  if (commit.ok()) {
    ++group_commits_;
    // Once per commit for each counter in the batch.
    std::vector<std::atomic<int64_t>*> counted;
    for (const auto& it : batch) {
      if (it->commits == nullptr) continue;
      if (std::find(counted.begin(), counted.end(), it->commits) != counted.end()) continue;
      counted.push_back(it->commits);
      it->commits->fetch_add(1);
    }
  }
  for (const auto& it : batch) {
    // A body that failed keeps its own status (its writes were undone either way); the others,
    // run or not, fail with the commit.
    if (!commit.ok() && it->status.ok()) it->status = commit;
    it->done = true;
  }
  group_leader_ = false;
  return item->status;
}

absl::Status Database::CommitGroup(const std::deque<std::shared_ptr<Grouped>>& batch) {
  return Transaction([&](Connection& c) -> absl::Status {
    for (const auto& it : batch) {
      if (auto st = c.Exec("SAVEPOINT grouped"); !st.ok()) return st;
      try {
        it->status = it->body(c);
      } catch (...) {
        // Not to strand the group's other callers; bodies are not meant to throw.
        it->status = absl::InternalError("a group-committed change threw an exception");
      }
      // No statement of this body may hold a cursor into the next one's savepoint.
      c.ResetCached();
      if (auto st =
              c.Exec(it->status.ok() ? "RELEASE grouped" : "ROLLBACK TO grouped; RELEASE grouped");
          !st.ok()) {
        return st;
      }
    }
    return absl::OkStatus();
  });
}

int64_t Database::group_commits() const {
  absl::MutexLock lock(&group_mu_);
  return group_commits_;
}

absl::Status Database::Exec(absl::string_view sql) {
  absl::MutexLock lock(&mu_);
  return conn_->Exec(sql);
}

absl::Status Database::CheckpointTruncate() {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Statement> s = conn_->Prepare("PRAGMA wal_checkpoint(TRUNCATE)");
  if (!s.ok()) return s.status();
  absl::StatusOr<bool> row = s->Step();
  if (!row.ok()) return row.status();
  // One row: busy (1 when it could not finish), WAL frames, frames checkpointed.
  if (*row && s->ColumnInt(0) != 0) {
    return absl::UnavailableError(
        absl::StrCat(path_.filename().string(), ": the WAL checkpoint was held up by a reader"));
  }
  return absl::OkStatus();
}

absl::Status Database::Read(const std::function<absl::Status(Connection&)>& body) {
  if (options_.readers <= 0) return RunIn("BEGIN DEFERRED", body);
  auto taken = TakeReader();
  if (!taken.ok()) return taken.status();
  // Back to the pool only in a clean state; closed (and its slot freed) on any other way out,
  // an exception from `body` included, so the pool can never run dry.
  struct Lease {
    Database* db;
    std::unique_ptr<Connection> conn;
    bool clean = false;
    ~Lease() {
      if (clean) {
        db->ReturnReader(std::move(conn));
        return;
      }
      conn.reset();
      absl::MutexLock lock(&db->readers_mu_);
      --db->open_readers_;
    }
  } lease{this, *std::move(taken)};
  Connection& c = *lease.conn;
  absl::Status result = c.Exec("BEGIN DEFERRED");
  if (!result.ok()) return result;
  result = body(c);
  c.ResetCached();
  if (result.ok()) result = c.Exec("COMMIT");
  if (!result.ok() && !c.Exec("ROLLBACK").ok()) return result;  // state unknown: close it
  lease.clean = true;
  return result;
}

absl::StatusOr<int64_t> ReadInt(Database& db, absl::string_view sql,
                                std::initializer_list<int64_t> binds) {
  int64_t value = 0;
  SCHAKEL_RETURN_IF_ERROR(db.Read([&](Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(Statement s, c.Prepare(sql));
    int i = 1;
    for (int64_t b : binds) s.Bind(i++, b);
    SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) value = s.ColumnInt(0);
    return absl::OkStatus();
  }));
  return value;
}

}  // namespace schakel::sqlite
