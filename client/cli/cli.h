// Shared plumbing of schakelctl: who to connect as, the channel, output, and enum parsing.
#ifndef SCHAKEL_CLIENT_CLI_CLI_H_
#define SCHAKEL_CLIENT_CLI_CLI_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <google/protobuf/message.h>
#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace schakel::cli {

// Positional arguments after the command words, e.g. {"get-organisation", "vt-haaglanden"}.
using Args = std::vector<std::string>;

// <home>/var/pki: where `pki init` and `--as NAME` look (home: --home, $SCHAKEL_HOME, or ".").
std::filesystem::path PkiDir();

// A mutual-TLS channel to --server, as --as NAME or --cert/--key/--ca.
absl::StatusOr<std::shared_ptr<grpc::Channel>> Connect();

// A client context with the --timeout_seconds deadline.
std::unique_ptr<grpc::ClientContext> NewContext();

// --request_id, or a fresh random one (printed to stderr so a retry can reuse it).
std::string RequestId();

// Prints a message as readable text, or as protobuf JSON with --json.
void Print(const google::protobuf::Message& message);

// Prints a failed call (code, message, each bad field) to stderr; returns the exit code (1).
int PrintRpcError(const grpc::Status& status);

// Parses "police", "POLICE" or "ORGANISATION_TYPE_POLICE" (and "haaglanden", "Zuid-Limburg",
// "case-director" ...) into the enum value of `enum_name` ("schakel.v1.Region").
absl::StatusOr<int> ParseEnum(absl::string_view enum_name, absl::string_view text);

// Prints "schakelctl: <message>" and returns 2 (usage error).
int UsageError(absl::string_view message);

int RunDirectoryCommand(const Args& args);
int RunPkiCommand(const Args& args);
int RunAuditCommand(const Args& args);
int RunCasesCommand(const Args& args);
int RunWhoAmI();
int RunHealth();

}  // namespace schakel::cli

#endif  // SCHAKEL_CLIENT_CLI_CLI_H_
