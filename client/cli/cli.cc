#include "client/cli/cli.h"

#include <cstdlib>
#include <iostream>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/util/json_util.h>

#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "client/cli/readable.h"
#include "client/lib/connection.h"
#include "client/lib/errors.h"
#include "services/common/calendar.h"
#include "services/common/ids.h"
#include "services/common/tls.h"

ABSL_FLAG(std::string, home, "", "Schakel checkout holding var/ (default: $SCHAKEL_HOME or .)");
ABSL_FLAG(std::string, as, "", "Act as this demo user: var/pki/users/NAME.{crt,key}");
ABSL_FLAG(std::string, cert, "", "Client certificate (PEM), instead of --as");
ABSL_FLAG(std::string, key, "", "Client private key (PEM), instead of --as");
ABSL_FLAG(std::string, ca, "", "CA certificate (PEM); default var/pki/ca.crt");
ABSL_FLAG(std::string, server, "",
          "Address of schakeld (HOST:PORT), or of each service when each runs in a process of its "
          "own: directory=HOST:PORT,audit=HOST:PORT,... (a bare HOST:PORT serves the rest). "
          "Default: $SCHAKEL_SERVER, else 127.0.0.1:7400");
ABSL_FLAG(bool, json, false, "Print protobuf JSON instead of text");
ABSL_FLAG(std::string, request_id, "", "request_id for a mutation (default: a new random one)");
ABSL_FLAG(int, timeout_seconds, 10, "Deadline of each call");

namespace schakel::cli {

std::filesystem::path PkiDir() {
  std::string home = absl::GetFlag(FLAGS_home);
  if (home.empty()) {
    const char* env = std::getenv("SCHAKEL_HOME");
    home = env != nullptr ? env : ".";
  }
  return std::filesystem::path(home) / "var" / "pki";
}

absl::StatusOr<client::ServerAddresses> Servers() {
  std::string text = absl::GetFlag(FLAGS_server);
  if (text.empty()) {
    const char* env = std::getenv("SCHAKEL_SERVER");
    text = env != nullptr && *env != '\0' ? env : "127.0.0.1:7400";
  }
  return client::ServerAddresses::Parse(text);
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> Connect(absl::string_view service) {
  auto servers = Servers();
  if (!servers.ok()) return servers.status();
  return ConnectTo(servers->For(service));
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> ConnectTo(const std::string& address) {
  TlsFiles files;
  files.ca = absl::GetFlag(FLAGS_ca).empty() ? PkiDir() / "ca.crt"
                                             : std::filesystem::path(absl::GetFlag(FLAGS_ca));
  if (const std::string as = absl::GetFlag(FLAGS_as); !as.empty()) {
    if (!IsWellFormedId(as)) return absl::InvalidArgumentError("--as: not a user name");
    files.cert = PkiDir() / "users" / (as + ".crt");
    files.key = PkiDir() / "users" / (as + ".key");
  } else {
    files.cert = absl::GetFlag(FLAGS_cert);
    files.key = absl::GetFlag(FLAGS_key);
  }
  if (files.cert.empty() || files.key.empty()) {
    return absl::InvalidArgumentError(
        "say who you are: --as NAME (a demo user) or --cert FILE --key FILE");
  }
  return client::Connect(address, files);
}

std::unique_ptr<grpc::ClientContext> NewContext() {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(std::chrono::system_clock::now() +
                    std::chrono::seconds(absl::GetFlag(FLAGS_timeout_seconds)));
  return ctx;
}

std::string RequestId() {
  std::string id = absl::GetFlag(FLAGS_request_id);
  if (id.empty()) {
    id = client::NewRequestId();
    std::cerr << "request_id: " << id << " (pass --request-id=" << id << " to retry safely)\n";
  }
  return id;
}

void Print(const google::protobuf::Message& message) {
  std::string out;
  if (absl::GetFlag(FLAGS_json)) {
    google::protobuf::util::JsonPrintOptions options;
    options.add_whitespace = true;
    options.preserve_proto_field_names = true;
    if (!google::protobuf::util::MessageToJsonString(message, &out, options).ok()) {
      out = "{}\n";
    }
    std::cout << out;
    return;
  }
  PrintReadable(message, std::cout);
}

int PrintRpcError(const grpc::Status& status) {
  const client::CallError error = client::DecodeCallError(status);
  std::cerr << "error: " << absl::StatusCodeToString(error.code) << ": " << error.message << "\n";
  for (const client::FieldError& f : error.field_errors) {
    std::cerr << "  " << f.field << ": " << f.description << "\n";
  }
  return 1;
}

absl::StatusOr<int> ParseEnum(absl::string_view enum_name, absl::string_view text) {
  const auto* descriptor = google::protobuf::DescriptorPool::generated_pool()->FindEnumTypeByName(
      std::string(enum_name));
  if (descriptor == nullptr) return absl::InternalError("unknown enum");
  std::string wanted = absl::AsciiStrToUpper(text);
  for (char& c : wanted) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  wanted = absl::StrReplaceAll(wanted, {{"__", "_"}});
  // The value prefix is the enum's name in UPPER_SNAKE ("ORGANISATION_TYPE_").
  const std::string first = descriptor->value(0)->name();
  const std::string prefix = first.substr(0, first.rfind("UNSPECIFIED"));
  for (int i = 1; i < descriptor->value_count(); ++i) {
    const std::string& name = descriptor->value(i)->name();
    if (name == wanted || name == prefix + wanted) return descriptor->value(i)->number();
  }
  std::string known;
  for (int i = 1; i < descriptor->value_count(); ++i) {
    absl::StrAppend(&known, i > 1 ? ", " : "",
                    absl::AsciiStrToLower(descriptor->value(i)->name().substr(prefix.size())));
  }
  return absl::InvalidArgumentError(absl::StrCat("'", text, "' is not one of: ", known));
}

bool DateFlag(absl::string_view flag, const std::string& value, v1::Date& out) {
  absl::CivilDay day;
  if (!absl::ParseCivilTime(value, &day) || day.year() < 1 || day.year() > 9999) {
    std::cerr << "schakelctl: --" << flag << ": '" << value << "' is not a date (YYYY-MM-DD)\n";
    return false;
  }
  out.set_year(static_cast<int32_t>(day.year()));
  out.set_month(day.month());
  out.set_day(day.day());
  return true;
}

bool DayStartFlag(absl::string_view flag, const std::string& value, int days_after,
                  absl::Time& out) {
  v1::Date date;
  if (!DateFlag(flag, value, date)) return false;
  const absl::CivilDay day(date.year(), date.month(), date.day());
  out = absl::FromCivil(day + days_after, calendar::Amsterdam());
  return true;
}

bool JsonFile(const std::string& path, google::protobuf::Message& out) {
  auto json = ReadFileToString(path);
  if (!json.ok()) {
    std::cerr << "schakelctl: --from-json: " << json.status().message() << "\n";
    return false;
  }
  if (auto st = google::protobuf::util::JsonStringToMessage(*json, &out); !st.ok()) {
    std::cerr << "schakelctl: --from-json: " << path << " is not a " << out.GetTypeName()
              << " in protobuf JSON: " << st.message() << "\n";
    return false;
  }
  return true;
}

std::vector<std::string> ListFlag(const std::string& value, char separator) {
  std::vector<std::string> out;
  for (absl::string_view item : absl::StrSplit(value, separator, absl::SkipWhitespace())) {
    out.emplace_back(absl::StripAsciiWhitespace(item));
  }
  return out;
}

std::string SubcommandUsage(absl::string_view command, absl::string_view usage,
                            absl::string_view verb) {
  const std::string prefix = absl::StrCat("usage: schakelctl ", command, " ");
  std::string out;
  bool in = false;
  for (absl::string_view line : absl::StrSplit(usage, '\n')) {
    if (absl::StartsWith(line, "  ") && !absl::StartsWith(line, "   ")) {
      in =
          absl::StartsWith(line, absl::StrCat("  ", verb, " ")) || line == absl::StrCat("  ", verb);
      if (in) absl::StrAppend(&out, prefix, line.substr(2));
    } else if (in) {
      absl::StrAppend(&out, "\n", std::string(prefix.size() - 2, ' '), line);
    }
  }
  return out.empty() ? absl::StrCat(prefix, verb) : out;
}

bool RequireFlags(absl::string_view command, absl::string_view usage, absl::string_view verb,
                  std::initializer_list<std::pair<const char*, std::string>> set) {
  for (const auto& [flag, value] : set) {
    if (value.empty()) {
      UsageError(absl::StrCat("--", flag, " is required\n", SubcommandUsage(command, usage, verb)));
      return false;
    }
  }
  return true;
}

int UsageError(absl::string_view message) {
  std::cerr << "schakelctl: " << message << "\n";
  return 2;
}

}  // namespace schakel::cli
