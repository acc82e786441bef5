#include "services/backup/sealed_file.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <memory>

#include "absl/strings/str_cat.h"
#include "services/common/crypto.h"
#include "services/common/openssl_util.h"
#include "services/common/status.h"

namespace schakel::backup {
namespace {

using MdCtx = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

class Sha256 {
 public:
  Sha256() : ctx_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) {
    ok_ = ctx_ != nullptr && EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) == 1;
  }
  void Update(absl::string_view data) {
    ok_ = ok_ && EVP_DigestUpdate(ctx_.get(), data.data(), data.size()) == 1;
    size_ += static_cast<int64_t>(data.size());
  }
  absl::StatusOr<Digest> Finish() {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!ok_ || EVP_DigestFinal_ex(ctx_.get(), out, &len) != 1) {
      return ossl::Error(absl::StatusCode::kInternal, "SHA-256");
    }
    return Digest{size_, std::string(reinterpret_cast<char*>(out), len)};
  }

 private:
  MdCtx ctx_;
  bool ok_ = false;
  int64_t size_ = 0;
};

std::string ChunkAad(absl::string_view context, int64_t index, bool last) {
  return absl::StrCat(context, "|", index, "|", last ? 1 : 0);
}

// A new file for this user only; refuses to overwrite.
absl::StatusOr<int> CreateExclusive(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return absl::ErrnoToStatus(errno, absl::StrCat("creating ", path.string()));
  return fd;
}

absl::Status WriteAll(int fd, absl::string_view data, const std::filesystem::path& path) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return absl::ErrnoToStatus(errno, absl::StrCat("writing ", path.string()));
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return absl::OkStatus();
}

// Flushes to disk and closes: a backup or a restored database is durable once this returns.
absl::Status SyncAndClose(ossl::ScopedFd& fd, const std::filesystem::path& path) {
  if (::fsync(fd.get()) != 0) {
    return absl::ErrnoToStatus(errno, absl::StrCat("fsync ", path.string()));
  }
  if (::close(fd.Release()) != 0) {
    return absl::ErrnoToStatus(errno, absl::StrCat("closing ", path.string()));
  }
  return absl::OkStatus();
}

// Reads up to `n` bytes (fewer only at the end of the file).
std::string ReadUpTo(std::ifstream& in, int64_t n) {
  std::string buffer(static_cast<size_t>(n), '\0');
  in.read(buffer.data(), n);
  buffer.resize(static_cast<size_t>(in.gcount()));
  return buffer;
}

}  // namespace

absl::StatusOr<Digest> SealFile(const std::filesystem::path& plain,
                                const std::filesystem::path& sealed, absl::string_view key,
                                absl::string_view context, int64_t chunk_size) {
  std::ifstream in(plain, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", plain.string()));
  SCHAKEL_ASSIGN_OR_RETURN(const int out_fd, CreateExclusive(sealed));
  ossl::ScopedFd out(out_fd);
  Sha256 sha;
  std::string chunk = ReadUpTo(in, chunk_size);
  for (int64_t index = 0;; ++index) {
    // Read ahead one chunk to know whether this one is the last.
    std::string next =
        chunk.size() == static_cast<size_t>(chunk_size) ? ReadUpTo(in, chunk_size) : std::string();
    const bool last = next.empty();
    sha.Update(chunk);
    SCHAKEL_ASSIGN_OR_RETURN(crypto::Sealed s,
                             crypto::Seal(key, chunk, ChunkAad(context, index, last)));
    SCHAKEL_RETURN_IF_ERROR(
        WriteAll(out.get(), absl::StrCat(s.nonce, s.ciphertext, s.tag), sealed));
    if (last) break;
    chunk = std::move(next);
  }
  if (in.bad()) return absl::DataLossError(absl::StrCat("reading ", plain.string(), " failed"));
  SCHAKEL_RETURN_IF_ERROR(SyncAndClose(out, sealed));
  return sha.Finish();
}

absl::StatusOr<Digest> OpenFile(const std::filesystem::path& sealed,
                                const std::filesystem::path& plain, absl::string_view key,
                                absl::string_view context, int64_t chunk_size) {
  std::ifstream in(sealed, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("missing ", sealed.filename().string()));
  SCHAKEL_ASSIGN_OR_RETURN(const int out_fd, CreateExclusive(plain));
  ossl::ScopedFd out(out_fd);
  Sha256 sha;
  const int64_t record = crypto::kNonceSize + chunk_size + crypto::kTagSize;
  std::string current = ReadUpTo(in, record);
  for (int64_t index = 0;; ++index) {
    if (current.size() < crypto::kNonceSize + crypto::kTagSize) {
      return absl::DataLossError(absl::StrCat(sealed.filename().string(), " ends early (chunk ",
                                              index, "): the backup is partial"));
    }
    std::string next = ReadUpTo(in, record);
    const bool last = next.empty();
    crypto::Sealed s{
        current.substr(0, crypto::kNonceSize),
        current.substr(crypto::kNonceSize, current.size() - crypto::kNonceSize - crypto::kTagSize),
        current.substr(current.size() - crypto::kTagSize)};
    absl::StatusOr<std::string> opened = crypto::Open(key, s, ChunkAad(context, index, last));
    if (!opened.ok()) {
      return absl::DataLossError(absl::StrCat(
          sealed.filename().string(), " does not authenticate at chunk ", index,
          ": it was changed, cut short, belongs to another backup, or the backup key is wrong"));
    }
    sha.Update(*opened);
    SCHAKEL_RETURN_IF_ERROR(WriteAll(out.get(), *opened, plain));
    if (last) break;
    current = std::move(next);
  }
  SCHAKEL_RETURN_IF_ERROR(SyncAndClose(out, plain));
  return sha.Finish();
}

absl::StatusOr<Digest> DigestOf(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", file.string()));
  Sha256 sha;
  for (;;) {
    const std::string chunk = ReadUpTo(in, 1 << 20);
    if (chunk.empty()) break;
    sha.Update(chunk);
  }
  return sha.Finish();
}

}  // namespace schakel::backup
