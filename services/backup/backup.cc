#include "services/backup/backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <memory>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/backup/backup_internal.h"
#include "services/backup/sealed_file.h"
#include "services/common/crypto.h"
#include "services/common/ids.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"

namespace schakel::backup {
namespace internal {

absl::StatusOr<SqliteHandle> OpenSqlite(const std::filesystem::path& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  SqliteHandle db(raw, &sqlite3_close_v2);
  if (rc != SQLITE_OK) {
    return absl::UnavailableError(absl::StrCat("cannot open ", path.string(), ": ",
                                               raw != nullptr ? sqlite3_errmsg(raw) : "no memory"));
  }
  sqlite3_busy_timeout(db.get(), 10000);
  return db;
}

absl::Status ForEachRow(sqlite3* db, const std::string& sql,
                        const std::function<absl::Status(sqlite3_stmt*)>& row) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
    return absl::DataLossError(absl::StrCat(sql, ": ", sqlite3_errmsg(db)));
  }
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> stmt(raw, &sqlite3_finalize);
  for (;;) {
    const int rc = sqlite3_step(stmt.get());
    if (rc == SQLITE_DONE) return absl::OkStatus();
    if (rc != SQLITE_ROW) return absl::DataLossError(absl::StrCat(sql, ": ", sqlite3_errmsg(db)));
    SCHAKEL_RETURN_IF_ERROR(row(stmt.get()));
  }
}

std::string FileContext(absl::string_view backup_id, absl::string_view name) {
  return absl::StrCat("schakel-backup-v1|", backup_id, "|", name);
}

}  // namespace internal

namespace {

using internal::ForEachRow;
using internal::OpenSqlite;

constexpr char kManifestContext[] = "schakel-backup-v1|manifest";

// fsync of a file or a directory.
absl::Status SyncPath(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return absl::ErrnoToStatus(errno, absl::StrCat("opening ", path.string()));
  const int rc = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (rc != 0) return absl::ErrnoToStatus(error, absl::StrCat("fsync ", path.string()));
  return absl::OkStatus();
}

// A consistent copy of `source` at `copy`, through SQLite's online backup API: one step over
// every page, under one read transaction of the source, while its writers go on (WAL).
absl::Status CopyDatabase(const std::filesystem::path& source, const std::filesystem::path& copy) {
  SCHAKEL_ASSIGN_OR_RETURN(internal::SqliteHandle from,
                           OpenSqlite(source, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX));
  SCHAKEL_ASSIGN_OR_RETURN(
      internal::SqliteHandle to,
      OpenSqlite(copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX));
  sqlite3_backup* b = sqlite3_backup_init(to.get(), "main", from.get(), "main");
  if (b == nullptr) {
    return absl::InternalError(
        absl::StrCat("backup of ", source.string(), ": ", sqlite3_errmsg(to.get())));
  }
  int rc = SQLITE_OK;
  // BUSY/LOCKED: a writer holds the file for a moment (a checkpoint); try again.
  for (int attempt = 0; attempt < 100; ++attempt) {
    rc = sqlite3_backup_step(b, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    sqlite3_sleep(100);
  }
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) {
    return absl::UnavailableError(
        absl::StrCat("backup of ", source.string(), ": ", sqlite3_errstr(rc)));
  }
  return absl::OkStatus();
}

// The newest migration per track of a database copy.
absl::Status ReadSchema(sqlite3* db, v1::BackupFile& file) {
  return ForEachRow(db,
                    "SELECT track, MAX(version) FROM schakel_migrations GROUP BY track "
                    "ORDER BY track",
                    [&](sqlite3_stmt* s) {
                      v1::BackupSchemaVersion* v = file.add_schema();
                      v->set_track(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
                      v->set_version(sqlite3_column_int(s, 1));
                      return absl::OkStatus();
                    });
}

absl::Status ReadCheckpoint(sqlite3* db, v1::BackupManifest& manifest) {
  return ForEachRow(
      db, "SELECT tree_size, root, signed_note FROM checkpoints ORDER BY tree_size DESC LIMIT 1",
      [&](sqlite3_stmt* s) {
        v1::BackupCheckpoint* cp = manifest.mutable_audit_checkpoint();
        cp->set_tree_size(sqlite3_column_int64(s, 0));
        cp->set_root_hash(static_cast<const char*>(sqlite3_column_blob(s, 1)),
                          static_cast<size_t>(sqlite3_column_bytes(s, 1)));
        cp->set_signed_note(reinterpret_cast<const char*>(sqlite3_column_text(s, 2)));
        return absl::OkStatus();
      });
}

void RemoveCopy(const std::filesystem::path& copy) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(copy.string() + suffix, ignored);
  }
}

// One database: copied, described in the manifest, sealed; the plain copy removed.
absl::Status BackUpOne(const BackupOptions& o, const std::string& name,
                       const std::filesystem::path& scratch, v1::BackupManifest& manifest) {
  const std::filesystem::path copy = scratch / name;
  RemoveCopy(copy);
  absl::Status st = [&]() -> absl::Status {
    SCHAKEL_RETURN_IF_ERROR(CopyDatabase(o.data_dir / name, copy));
    v1::BackupFile* file = manifest.add_files();
    file->set_name(name);
    {
      SCHAKEL_ASSIGN_OR_RETURN(internal::SqliteHandle db, OpenSqlite(copy, SQLITE_OPEN_READWRITE));
      SCHAKEL_RETURN_IF_ERROR(ReadSchema(db.get(), *file));
      if (name == "audit.db") SCHAKEL_RETURN_IF_ERROR(ReadCheckpoint(db.get(), manifest));
    }
    SCHAKEL_ASSIGN_OR_RETURN(
        Digest digest, SealFile(copy, o.backup_dir / absl::StrCat(name, ".enc"), o.backup_key,
                                internal::FileContext(manifest.backup_id(), name), o.chunk_size));
    file->set_size(digest.size);
    file->set_sha256(digest.sha256);
    return absl::OkStatus();
  }();
  RemoveCopy(copy);
  return st;
}

}  // namespace

absl::StatusOr<v1::BackupManifest> Backup(const BackupOptions& o) {
  if (o.backup_key.size() != crypto::kKeySize) {
    return absl::InvalidArgumentError("the backup key must be 32 bytes (a key file)");
  }
  const Clock& clock = o.clock != nullptr ? *o.clock : RealClock::Instance();
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(o.data_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && absl::EndsWith(name, ".db")) names.push_back(name);
  }
  if (ec) return absl::NotFoundError(absl::StrCat("cannot list ", o.data_dir.string()));
  if (names.empty()) {
    return absl::NotFoundError(absl::StrCat("no databases (*.db) in ", o.data_dir.string()));
  }
  std::sort(names.begin(), names.end());
  if (o.backup_dir.has_parent_path()) {
    std::filesystem::create_directories(o.backup_dir.parent_path(), ec);
  }
  if (!std::filesystem::create_directory(o.backup_dir, ec) || ec) {
    return absl::AlreadyExistsError(absl::StrCat(
        o.backup_dir.string(), " exists or cannot be made: a backup goes into a new directory"));
  }
  std::filesystem::permissions(o.backup_dir, std::filesystem::perms::owner_all, ec);
  const std::filesystem::path scratch = o.data_dir / ".backup";
  std::filesystem::create_directories(scratch, ec);
  std::filesystem::permissions(scratch, std::filesystem::perms::owner_all, ec);

  v1::BackupManifest manifest;
  manifest.set_format(1);
  manifest.set_backup_id(NewRandomId());
  manifest.set_chunk_size(static_cast<int32_t>(o.chunk_size));
  SetTime(manifest.mutable_start_time(), clock.Now());
  for (const std::string& name : names) {
    SCHAKEL_RETURN_IF_ERROR(BackUpOne(o, name, scratch, manifest));
  }
  SetTime(manifest.mutable_finish_time(), clock.Now());

  // The manifest last: a backup without it is partial, and restore refuses it.
  SCHAKEL_RETURN_IF_ERROR(WriteManifest(o.backup_dir, o.backup_key, manifest));
  return manifest;
}

absl::Status WriteManifest(const std::filesystem::path& backup_dir, const std::string& backup_key,
                           const v1::BackupManifest& manifest) {
  SCHAKEL_ASSIGN_OR_RETURN(
      crypto::Sealed sealed,
      crypto::Seal(backup_key, manifest.SerializeAsString(), kManifestContext));
  const std::filesystem::path tmp = backup_dir / "manifest.tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << sealed.nonce << sealed.ciphertext << sealed.tag;
    out.close();
    if (!out) return absl::DataLossError(absl::StrCat("cannot write ", tmp.string()));
  }
  // The manifest marks the backup complete: on disk before it is named, and its name on disk too.
  SCHAKEL_RETURN_IF_ERROR(SyncPath(tmp));
  std::error_code ec;
  std::filesystem::rename(tmp, backup_dir / kManifestFile, ec);
  if (ec) return absl::DataLossError(absl::StrCat("cannot write the manifest: ", ec.message()));
  return SyncPath(backup_dir);
}

absl::StatusOr<v1::BackupManifest> ReadManifest(const std::filesystem::path& backup_dir,
                                                const std::string& backup_key) {
  std::ifstream in(backup_dir / kManifestFile, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("no ", kManifestFile, " in ", backup_dir.string(),
                                            ": not a backup, or a partial one"));
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() < crypto::kNonceSize + crypto::kTagSize) {
    return absl::DataLossError("the manifest is cut short");
  }
  crypto::Sealed sealed{
      bytes.substr(0, crypto::kNonceSize),
      bytes.substr(crypto::kNonceSize, bytes.size() - crypto::kNonceSize - crypto::kTagSize),
      bytes.substr(bytes.size() - crypto::kTagSize)};
  absl::StatusOr<std::string> plain = crypto::Open(backup_key, sealed, kManifestContext);
  if (!plain.ok()) {
    return absl::DataLossError(
        "the manifest does not authenticate: it was changed, or this is not the backup key");
  }
  v1::BackupManifest manifest;
  if (!manifest.ParseFromString(*plain) || manifest.format() != 1 || manifest.chunk_size() <= 0) {
    return absl::DataLossError("the manifest is not one this schakeld reads (format 1)");
  }
  return manifest;
}

}  // namespace schakel::backup
