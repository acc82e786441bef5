// What a destruction test looks for: the bytes a record stored (read from its database file by a
// connection of the test's own), which files of a data directory still hold them (every
// database, WAL and shared-memory file), and whether the audit log still proves an entry.
#ifndef SCHAKEL_TESTS_SUPPORT_FILE_SCAN_H_
#define SCHAKEL_TESTS_SUPPORT_FILE_SCAN_H_

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "schakel/v1/audit.grpc.pb.h"
#include "services/transparency/merkle.h"

namespace schakel::testing {

// Column 0 of every row `sql` (with ?1 = `arg`) returns from the database file `db`, read by a
// connection of its own (closed before returning).
inline std::vector<std::string> ColumnOf(const std::filesystem::path& db, const std::string& sql,
                                         const std::string& arg) {
  sqlite3* conn = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.string().c_str(), &conn, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(conn, sql.c_str(), -1, &s, nullptr), SQLITE_OK)
      << sqlite3_errmsg(conn);
  sqlite3_bind_text(s, 1, arg.data(), static_cast<int>(arg.size()), SQLITE_TRANSIENT);
  std::vector<std::string> out;
  while (sqlite3_step(s) == SQLITE_ROW) {
    const char* bytes = static_cast<const char*>(sqlite3_column_blob(s, 0));
    out.emplace_back(bytes == nullptr ? "" : std::string(bytes, sqlite3_column_bytes(s, 0)));
  }
  sqlite3_finalize(s);
  sqlite3_close(conn);
  return out;
}

// The files under `dir` as they are now, read once, to look for many byte strings in.
class DirectoryContents {
 public:
  explicit DirectoryContents(const std::filesystem::path& dir) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      files_.emplace_back(entry.path().filename(),
                          std::string((std::istreambuf_iterator<char>(in)), {}));
    }
  }
  // The names of the files that hold `bytes`.
  std::vector<std::string> Holding(const std::string& bytes) const {
    std::vector<std::string> found;
    for (const auto& [name, content] : files_) {
      if (content.find(bytes) != std::string::npos) found.push_back(name);
    }
    return found;
  }

 private:
  std::vector<std::pair<std::string, std::string>> files_;
};

// The files under `dir` that hold `bytes`.
inline std::vector<std::string> FilesHolding(const std::filesystem::path& dir,
                                             const std::string& bytes) {
  return DirectoryContents(dir).Holding(bytes);
}

// The audit log proves entry `index` in its current signed tree.
inline bool ProvenInLog(v1::AuditService::Stub& auditor, int64_t index) {
  namespace merkle = audit::merkle;
  grpc::ClientContext ctx;
  v1::GetInclusionProofRequest req;
  req.set_index(index);
  v1::GetInclusionProofResponse proof;
  const grpc::Status st = auditor.GetInclusionProof(&ctx, req, &proof);
  EXPECT_TRUE(st.ok()) << st.error_message();
  std::vector<merkle::Hash> path;
  for (const auto& p : proof.proof()) path.push_back(*merkle::HashFromBytes(p));
  auto leaf = merkle::HashFromBytes(proof.leaf_hash());
  auto root = merkle::HashFromBytes(proof.checkpoint().root_hash());
  return leaf.ok() && root.ok() &&
         merkle::VerifyInclusion(proof.index(), proof.tree_size(), *leaf, path, *root).ok();
}

}  // namespace schakel::testing

#endif  // SCHAKEL_TESTS_SUPPORT_FILE_SCAN_H_
