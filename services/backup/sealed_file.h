// A file sealed in chunks with AES-256-GCM, so a database of any size is encrypted and checked
// without holding it in memory.
//
// Layout: for each chunk of at most `chunk_size` plaintext bytes, nonce (12) || ciphertext ||
// tag (16). Each chunk's additional data is "<context>|<chunk index>|<last: 0 or 1>", so a chunk
// moved, dropped, repeated or taken from another file or backup (another context), and a file
// cut short after a whole chunk, all fail to open. An empty file is one empty last chunk.
#ifndef SCHAKEL_SERVICES_BACKUP_SEALED_FILE_H_
#define SCHAKEL_SERVICES_BACKUP_SEALED_FILE_H_

#include <cstdint>
#include <filesystem>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace schakel::backup {

// What went through: plaintext bytes and their SHA-256 (32 raw bytes).
struct Digest {
  int64_t size = 0;
  std::string sha256;
};

// Seals `plain` into `sealed` (created, mode 0600; it must not exist).
absl::StatusOr<Digest> SealFile(const std::filesystem::path& plain,
                                const std::filesystem::path& sealed, absl::string_view key,
                                absl::string_view context, int64_t chunk_size);

// Opens `sealed` into `plain` (created, mode 0600; it must not exist). DATA_LOSS naming the file
// and the chunk when anything does not authenticate or the file ends early.
absl::StatusOr<Digest> OpenFile(const std::filesystem::path& sealed,
                                const std::filesystem::path& plain, absl::string_view key,
                                absl::string_view context, int64_t chunk_size);

// SHA-256 and size of a file.
absl::StatusOr<Digest> DigestOf(const std::filesystem::path& file);

}  // namespace schakel::backup

#endif  // SCHAKEL_SERVICES_BACKUP_SEALED_FILE_H_
