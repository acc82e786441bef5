#include "client/cli/cli.h"

#include <cstdlib>
#include <iostream>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>
#include <grpcpp/create_channel.h>

#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "services/common/ids.h"
#include "services/common/status.h"
#include "services/common/tls.h"

ABSL_FLAG(std::string, home, "", "Schakel checkout holding var/ (default: $SCHAKEL_HOME or .)");
ABSL_FLAG(std::string, as, "", "Act as this demo user: var/pki/users/NAME.{crt,key}");
ABSL_FLAG(std::string, cert, "", "Client certificate (PEM), instead of --as");
ABSL_FLAG(std::string, key, "", "Client private key (PEM), instead of --as");
ABSL_FLAG(std::string, ca, "", "CA certificate (PEM); default var/pki/ca.crt");
ABSL_FLAG(std::string, server, "127.0.0.1:7400", "Address of schakeld");
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

absl::StatusOr<std::shared_ptr<grpc::Channel>> Connect() {
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
  auto material = LoadTlsMaterial(files);
  if (!material.ok()) return material.status();
  return grpc::CreateChannel(absl::GetFlag(FLAGS_server), MutualTlsChannelCredentials(*material));
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
    id = NewRandomId();
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
  } else {
    google::protobuf::TextFormat::Printer printer;
    printer.SetUseUtf8StringEscaping(true);  // show names as written, not as octal escapes
    printer.PrintToString(message, &out);
  }
  std::cout << out;
}

int PrintRpcError(const grpc::Status& status) {
  const absl::Status st = FromGrpcStatus(status);
  std::cerr << "error: " << absl::StatusCodeToString(st.code()) << ": " << st.message() << "\n";
  const google::rpc::BadRequest bad_request = BadRequestOf(st);
  for (const auto& v : bad_request.field_violations()) {
    std::cerr << "  " << v.field() << ": " << v.description() << "\n";
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

int UsageError(absl::string_view message) {
  std::cerr << "schakelctl: " << message << "\n";
  return 2;
}

}  // namespace schakel::cli
