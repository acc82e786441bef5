// A thin RAII layer over SQLite: connections, prepared statements and transactions.
//
// Every database is opened in WAL mode with synchronous=FULL (an acknowledged write survives a
// crash or power cut), foreign keys on and a busy timeout. Errors come back as absl::Status; the
// SQLite message is kept for the server log and never reaches a client (see ToGrpcStatus).
#ifndef SCHAKEL_SERVICES_COMMON_SQLITE_H_
#define SCHAKEL_SERVICES_COMMON_SQLITE_H_

#include <sqlite3.h>

#include <atomic>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace schakel::sqlite {

// A prepared statement. Parameters are 1-based, columns 0-based (as in SQLite).
class Statement {
 public:
  Statement(Statement&&) = default;
  Statement& operator=(Statement&&) = default;

  Statement& Bind(int index, absl::string_view text);
  Statement& Bind(int index, const char* text) { return Bind(index, absl::string_view(text)); }
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& BindBlob(int index, absl::string_view bytes);
  Statement& BindNull(int index);
  // NULL for nullopt.
  Statement& BindOptional(int index, const std::optional<int64_t>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }
  template <typename... Args>
  Statement& BindAll(const Args&... args) {
    int i = 0;
    (Bind(++i, args), ...);
    return *this;
  }

  // Advances: true when a row is available, false when done.
  absl::StatusOr<bool> Step();
  // Runs a statement that returns no rows to completion.
  absl::Status Run();
  // Resets for re-execution with new bindings.
  void Reset();

  bool IsNull(int column) const;
  int64_t ColumnInt(int column) const;
  // nullopt for NULL.
  std::optional<int64_t> ColumnOptionalInt(int column) const {
    if (IsNull(column)) return std::nullopt;
    return ColumnInt(column);
  }
  std::string ColumnText(int column) const;
  std::string ColumnBlob(int column) const;

 private:
  friend class Connection;
  struct Finalizer {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  void BindResult(int rc);

  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
  absl::Status bind_status_;
};

// One open database file. Not thread-safe: Database serialises access.
class Connection {
 public:
  // Opens (creating if needed) and applies the pragmas above.
  static absl::StatusOr<std::unique_ptr<Connection>> Open(const std::filesystem::path& path);

  absl::StatusOr<Statement> Prepare(absl::string_view sql);
  // A statement prepared once per connection and reset for reuse: for hot paths. The pointer
  // stays valid as long as the connection; do not hold it across another PrepareCached of the
  // same SQL.
  absl::StatusOr<Statement*> PrepareCached(absl::string_view sql);
  // Resets every cached statement, so none holds a read snapshot past its transaction.
  void ResetCached();
  // Runs one or more statements without results (DDL, pragmas).
  absl::Status Exec(absl::string_view sql);
  int64_t LastInsertRowId() const;
  int Changes() const;
  const std::filesystem::path& path() const { return path_; }

 private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  Connection(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}

  std::unique_ptr<sqlite3, Closer> db_;
  // After db_, so its statements are finalized before the connection closes.
  absl::flat_hash_map<std::string, std::unique_ptr<Statement>> cache_;
  std::filesystem::path path_;
};

// Converts an SQLite result code to a status: BUSY/LOCKED → UNAVAILABLE, CONSTRAINT →
// ALREADY_EXISTS, FULL → RESOURCE_EXHAUSTED, anything else → INTERNAL.
absl::Status StatusFromSqlite(sqlite3* db, int rc, absl::string_view what);

// A database shared by a service's handlers. Transactions run on one writer connection, used by
// one thread at a time (SQLite serialises writers anyway). By default Read() shares that
// connection; a service whose reads must not wait behind commits (and their fsync) asks for
// read-only connections of their own: each Read() then takes one, and sees the last committed
// state (WAL snapshot) while a write goes on. Services with in-memory state that must change in
// step with the database (the audit log's key cache) keep the default.
class Database {
 public:
  struct Options {
    // Read-only connections for Read(), opened on first use. 0: Read() uses the writer.
    int readers = 0;
    // The page cache of each connection (writer and readers), in KiB: PRAGMA cache_size=-N.
    // 0: SQLite's default (2 MB). A database whose indexes are keyed on random values (ids,
    // blind indexes) dirties and reads pages all over its B-trees; a larger cache keeps a
    // transaction's dirty pages, and the index pages its reads probe, in memory.
    int cache_kib = 0;
  };
  static absl::StatusOr<std::unique_ptr<Database>> Open(const std::filesystem::path& path);
  static absl::StatusOr<std::unique_ptr<Database>> Open(const std::filesystem::path& path,
                                                        Options options);

  // Runs `body` inside BEGIN IMMEDIATE … COMMIT. When `body` fails, or the commit does, everything
  // it wrote is rolled back and its status returned.
  absl::Status Transaction(const std::function<absl::Status(Connection&)>& body);

  // Runs `body` as Transaction does, but in a transaction shared with concurrent callers of
  // GroupTransaction (group commit): whoever arrives while no group is running leads, and runs
  // every body queued so far in one BEGIN IMMEDIATE … COMMIT, each in a SAVEPOINT of its own; the
  // others wait for that commit. N concurrent callers cost far fewer than N fsyncs.
  //  - A failing body is rolled back to its savepoint alone and gets its own status; the others
  //    of its group commit.
  //  - A failing COMMIT (or an error that ends the transaction) fails every body of the group.
  //  - Bodies run one after another on the leader's thread and see the writes of those before
  //    them in the group, as if each had run in a transaction of its own, in turn. What a body
  //    changes outside the database is not undone when its group fails: a caller with in-memory
  //    state that must follow the database keeps to Transaction.
  // `commits`, when given, is incremented once for each commit that carried a body passed with
  // it (so that a caller can count its own commits).
  absl::Status GroupTransaction(std::function<absl::Status(Connection&)> body,
                                std::atomic<int64_t>* commits = nullptr);
  // Commits made by GroupTransaction so far.
  int64_t group_commits() const;

  // Runs statements outside any transaction (pragmas such as wal_checkpoint or secure_delete).
  absl::Status Exec(absl::string_view sql);
  // Copies the WAL into the database file and truncates it (PRAGMA wal_checkpoint(TRUNCATE)), so
  // that what secure_delete overwrote in the file has no copy left in the WAL. UNAVAILABLE when a
  // reader held it up past the busy timeout (the copies stay until the next checkpoint).
  absl::Status CheckpointTruncate();

  // Runs `body` in a read transaction (a consistent snapshot).
  absl::Status Read(const std::function<absl::Status(Connection&)>& body);

  const std::filesystem::path& path() const { return path_; }

 private:
  Database(std::unique_ptr<Connection> conn, std::filesystem::path path, Options options)
      : conn_(std::move(conn)), path_(std::move(path)), options_(options) {}
  // Applies the options that every connection carries (cache_kib).
  absl::Status Configure(Connection& c) const;
  absl::Status RunIn(absl::string_view begin, const std::function<absl::Status(Connection&)>& body);
  // A read-only connection for Read(): a free one, a new one while fewer than options_.readers
  // exist, or the next to be given back.
  absl::StatusOr<std::unique_ptr<Connection>> TakeReader();
  void ReturnReader(std::unique_ptr<Connection> reader);

  // One body of a group commit.
  struct Grouped {
    std::function<absl::Status(Connection&)> body;
    std::atomic<int64_t>* commits = nullptr;
    absl::Status status;
    bool done = false;
  };
  // The leader's part of GroupTransaction: runs `batch` in one transaction and returns its
  // commit's status.
  absl::Status CommitGroup(const std::deque<std::shared_ptr<Grouped>>& batch);

  absl::Mutex mu_;
  std::unique_ptr<Connection> conn_ ABSL_GUARDED_BY(mu_);
  mutable absl::Mutex group_mu_;
  std::deque<std::shared_ptr<Grouped>> group_queue_ ABSL_GUARDED_BY(group_mu_);
  bool group_leader_ ABSL_GUARDED_BY(group_mu_) = false;
  int64_t group_commits_ ABSL_GUARDED_BY(group_mu_) = 0;
  std::filesystem::path path_;
  const Options options_;
  absl::Mutex readers_mu_;
  std::vector<std::unique_ptr<Connection>> free_readers_ ABSL_GUARDED_BY(readers_mu_);
  int open_readers_ ABSL_GUARDED_BY(readers_mu_) = 0;
};

// The first column of the first row of `sql`, read with `binds` bound in order (a count, a
// maximum); 0 when there is no row or the value is NULL. For the services' metrics.
absl::StatusOr<int64_t> ReadInt(Database& db, absl::string_view sql,
                                std::initializer_list<int64_t> binds = {});

// Steps `s` through its rows, calling `row()` (which reads the columns of `s`) on each; stops at
// the first error, from stepping or from `row`.
template <typename F>
absl::Status ForEachRow(Statement& s, F&& row) {
  for (;;) {
    absl::StatusOr<bool> has = s.Step();
    if (!has.ok()) return has.status();
    if (!*has) return absl::OkStatus();
    if (absl::Status st = row(); !st.ok()) return st;
  }
}

}  // namespace schakel::sqlite

#endif  // SCHAKEL_SERVICES_COMMON_SQLITE_H_
