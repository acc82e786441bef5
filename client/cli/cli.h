// Shared plumbing of schakelctl: who to connect as, the channel, output, and enum parsing.
#ifndef SCHAKEL_CLIENT_CLI_CLI_H_
#define SCHAKEL_CLIENT_CLI_CLI_H_

#include <filesystem>
#include <initializer_list>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <google/protobuf/message.h>
#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/common.pb.h"

namespace schakel::cli {

// Positional arguments after the command words, e.g. {"get-organisation", "vt-haaglanden"}.
using Args = std::vector<std::string>;

// <home>/var/pki: where `pki init` and `--as NAME` look (home: --home, $SCHAKEL_HOME, or ".").
std::filesystem::path PkiDir();

// Where each service answers, from --server, else $SCHAKEL_SERVER, else 127.0.0.1:7400
// (client/lib/server_addresses.h: one address, or one per service); INVALID_ARGUMENT naming what
// is wrong with it.
absl::StatusOr<client::ServerAddresses> Servers();

// A mutual-TLS channel to `address`, as --as NAME or --cert/--key/--ca.
absl::StatusOr<std::shared_ptr<grpc::Channel>> ConnectTo(const std::string& address);

// A mutual-TLS channel to the address of `service` (its gRPC full name, e.g.
// v1::CaseService::service_full_name()) in --server.
absl::StatusOr<std::shared_ptr<grpc::Channel>> Connect(absl::string_view service);

// A client context with the --timeout_seconds deadline.
std::unique_ptr<grpc::ClientContext> NewContext();

// --request_id, or a fresh random one (printed to stderr so a retry can reuse it).
std::string RequestId();

// Prints a message for people (readable.h: "Label: value" lines and tables, Amsterdam times), or
// as protobuf JSON with --json.
void Print(const google::protobuf::Message& message);

// Prints a failed call (code, message, each bad field) to stderr; returns the exit code (1).
int PrintRpcError(const grpc::Status& status);

// Parses "police", "POLICE" or "ORGANISATION_TYPE_POLICE" (and "haaglanden", "Zuid-Limburg",
// "case-director" ...) into the enum value of `enum_name` ("schakel.v1.Region").
absl::StatusOr<int> ParseEnum(absl::string_view enum_name, absl::string_view text);

// Prints "schakelctl: <message>" and returns 2 (usage error).
int UsageError(absl::string_view message);

// Parses an enum flag value into `out` (empty: unchanged); returns false, after printing why, when
// it is not a value of `enum_name`.
template <typename Enum>
bool EnumFlag(absl::string_view flag, absl::string_view enum_name, const std::string& value,
              Enum& out) {
  if (value.empty()) return true;
  auto parsed = ParseEnum(enum_name, value);
  if (!parsed.ok()) {
    std::cerr << "schakelctl: --" << flag << ": " << parsed.status().message() << "\n";
    return false;
  }
  out = static_cast<Enum>(*parsed);
  return true;
}

// Parses a YYYY-MM-DD flag into `out`; returns false (after printing why) when it is not a date.
bool DateFlag(absl::string_view flag, const std::string& value, v1::Date& out);

// Parses a YYYY-MM-DD flag into the start (00:00, Europe/Amsterdam) of that day, plus
// `days_after` days; returns false (after printing why) when it is not a date.
bool DayStartFlag(absl::string_view flag, const std::string& value, int days_after,
                  absl::Time& out);

// Reads a protobuf JSON file (--from-json) into `out`; returns false (after printing why) when it
// cannot.
bool JsonFile(const std::string& path, google::protobuf::Message& out);

// The items of a list flag split at `separator`, trimmed, empty ones dropped.
std::vector<std::string> ListFlag(const std::string& value, char separator = ',');

// The usage of one subcommand, cut from a command's usage text (lines "  VERB ...", continued by
// lines indented further): "usage: schakelctl cases get CASE_ID".
std::string SubcommandUsage(absl::string_view command, absl::string_view usage,
                            absl::string_view verb);

// Whether every flag in `set` is non-empty; prints the subcommand's usage when one is not.
bool RequireFlags(absl::string_view command, absl::string_view usage, absl::string_view verb,
                  std::initializer_list<std::pair<const char*, std::string>> set);

// Calls `method` of `Service` on a fresh stub into `response`; returns the exit code (the error
// printed when it is not 0).
template <typename Service, typename Request, typename Response, typename Method>
int Call(Method method, const Request& request, Response& response) {
  auto channel = Connect(Service::service_full_name());
  if (!channel.ok()) return UsageError(channel.status().message());
  auto stub = Service::NewStub(*channel);
  auto ctx = NewContext();
  grpc::Status status = ((*stub).*method)(ctx.get(), request, &response);
  if (!status.ok()) return PrintRpcError(status);
  return 0;
}

// Calls `method` of `Service` on a fresh stub, runs `before_print` on the answer (if given) and
// prints it; returns the exit code.
template <typename Service, typename Request, typename Response, typename Method>
int CallAndPrint(Method method, const Request& request,
                 void (*before_print)(const Response&) = nullptr) {
  Response response;
  if (int rc = Call<Service>(method, request, response); rc != 0) return rc;
  if (before_print != nullptr) before_print(response);
  Print(response);
  return 0;
}

int RunDirectoryCommand(const Args& args);
int RunPkiCommand(const Args& args);
int RunAuditCommand(const Args& args);
int RunCasesCommand(const Args& args);
int RunHandoverCommand(const Args& args);
int RunIntakeCommand(const Args& args);
int RunPlanCommand(const Args& args);
// intake import FILE.jsonl (intake_import.cc); `usage` is the import line of the intake usage.
int RunIntakeImport(const Args& args, const std::string& usage);
// intake feedback | complete | close | report | handed | answer | retention | hold | destruction
// (intake_report_commands.cc).
int RunIntakeReportCommand(const Args& args);
int RunWhoAmI();
int RunHealth();

}  // namespace schakel::cli

#endif  // SCHAKEL_CLIENT_CLI_CLI_H_
