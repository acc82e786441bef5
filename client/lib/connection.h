// Connecting to schakeld as a certificate holder, and the request ids that make mutations safe to
// retry. Shared by every Schakel client (schakelctl, the desktop client); nothing here reads flags,
// the environment or the terminal.
#ifndef SCHAKEL_CLIENT_LIB_CONNECTION_H_
#define SCHAKEL_CLIENT_LIB_CONNECTION_H_

#include <filesystem>
#include <memory>
#include <string>

#include <grpcpp/channel.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/common/tls.h"

namespace schakel::client {

// A mutual-TLS channel to `server` ("host:port"), presenting the certificate chain and key in
// `files.cert` / `files.key` and trusting only the CA in `files.ca`.
//
// Every call on the channel is retried by gRPC on UNAVAILABLE, five attempts with exponential
// backoff (about 0.2 s, 0.4 s, 0.8 s, 1.6 s; at most 2 s apart, some 3 s in all): a restarting
// server or a lost connection does not fail a call, and mutations are safe to retry because each
// carries a request id. The caller's deadline still bounds the whole call, retries included.
//
// Reads the three files now and fails with their error (the message names the file); does not
// contact the server, so an unreachable server shows up as UNAVAILABLE on the first call.
// Thread-safe; the channel may be shared by any number of stubs and threads.
absl::StatusOr<std::shared_ptr<grpc::Channel>> Connect(absl::string_view server,
                                                       const TlsFiles& files);

// As Connect, with the certificate, key and CA already loaded (LoadPkcs12).
std::shared_ptr<grpc::Channel> Connect(absl::string_view server, const TlsMaterial& material);

// A person's certificate chain and key from a PKCS#12 file (.p12 / .pfx, as an organisation's
// certificate tooling hands them out) opened with `password`, and the CA to trust from the PEM
// file `ca`. The PKCS#12 file holds the key, so like a PEM key it must not be readable by others.
// INVALID_ARGUMENT for a wrong password or a file that is not PKCS#12 (or has no key or
// certificate); the message names the file, never the password.
absl::StatusOr<TlsMaterial> LoadPkcs12(const std::filesystem::path& p12,
                                       const std::string& password,
                                       const std::filesystem::path& ca);

// A fresh request id for one mutation: 128 random bits as 32 lowercase hex characters, which
// satisfies the server's request_id rule (IsValidRequestId). Reuse the same id when retrying the
// same mutation, so the server answers the retry from the first attempt instead of repeating it.
// Thread-safe.
std::string NewRequestId();

}  // namespace schakel::client

#endif  // SCHAKEL_CLIENT_LIB_CONNECTION_H_
