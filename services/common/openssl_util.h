// Small shared helpers for code that talks to OpenSSL and the file system directly: RAII deleters
// for OpenSSL handles, a scoped file descriptor, and turning OpenSSL's error queue into a status.
#ifndef SCHAKEL_SERVICES_COMMON_OPENSSL_UTIL_H_
#define SCHAKEL_SERVICES_COMMON_OPENSSL_UTIL_H_

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace schakel::ossl {

// std::unique_ptr deleter calling an OpenSSL free function: Ptr<EVP_PKEY, EVP_PKEY_free>.
template <auto FreeFn>
struct Deleter {
  template <typename T>
  void operator()(T* p) const {
    FreeFn(p);
  }
};
template <typename T, auto FreeFn>
using Ptr = std::unique_ptr<T, Deleter<FreeFn>>;

using EvpPkeyPtr = Ptr<EVP_PKEY, EVP_PKEY_free>;
using BioPtr = Ptr<BIO, BIO_free_all>;

// A file descriptor closed on scope exit unless handed back with Release(), so write paths can
// check close() themselves (it can report deferred write errors).
class ScopedFd {
 public:
  explicit ScopedFd(int fd) : fd_(fd) {}
  ScopedFd(const ScopedFd&) = delete;
  ScopedFd& operator=(const ScopedFd&) = delete;
  ~ScopedFd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int Release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

// Empties this thread's OpenSSL error queue into "reason; reason; ..." (empty when none), so a
// failure is not blamed on whatever OpenSSL call the thread makes next.
std::string DrainErrors();

// `code` with "what: <queued OpenSSL errors>".
absl::Status Error(absl::StatusCode code, absl::string_view what);

}  // namespace schakel::ossl

#endif  // SCHAKEL_SERVICES_COMMON_OPENSSL_UTIL_H_
