#include "services/common/config.h"

#include <algorithm>

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/common/status.h"
#include "services/common/tls.h"

namespace schakel {
namespace {

class CollectingErrors final : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    errors.push_back(absl::StrCat("line ", line + 1, ", column ", column + 1, ": ", message));
  }
  std::vector<std::string> errors;
};

}  // namespace

absl::StatusOr<v1::HostConfig> LoadHostConfig(const std::filesystem::path& path) {
  SCHAKEL_ASSIGN_OR_RETURN(std::string text, ReadFileToString(path));
  google::protobuf::TextFormat::Parser parser;
  CollectingErrors errors;
  parser.RecordErrorsTo(&errors);
  v1::HostConfig config;
  if (!parser.ParseFromString(text, &config)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path.string(), ": ", absl::StrJoin(errors.errors, "; ")));
  }
  return config;
}

void MergeHostConfig(const v1::HostConfig& overrides, v1::HostConfig& base) {
  // Proto3 MergeFrom copies exactly the fields that are set (non-default) — what "flags win"
  // means — except repeated fields, which it appends: a service list given twice is replaced.
  if (overrides.services_size() > 0) base.clear_services();
  base.MergeFrom(overrides);
}

void ApplyHostConfigDefaults(v1::HostConfig& config) {
  if (config.listen().empty()) config.set_listen("127.0.0.1:7400");
  if (config.services().empty()) config.add_services("all");
  if (config.shutdown_grace_seconds() == 0) config.set_shutdown_grace_seconds(10);
  if (config.worker_threads() == 0) config.set_worker_threads(4);
  if (config.role_cache_ttl_ms() == 0) config.set_role_cache_ttl_ms(2000);
}

absl::Status ValidateHostConfig(const v1::HostConfig& config,
                                const std::vector<std::string>& known_services) {
  FieldViolations v;
  if (config.data_dir().empty()) v.Add("data_dir", "must be set (--data_dir)");
  if (config.tls().cert_file().empty()) v.Add("tls.cert_file", "must be set (--tls_cert)");
  if (config.tls().key_file().empty()) v.Add("tls.key_file", "must be set (--tls_key)");
  if (config.tls().ca_file().empty()) v.Add("tls.ca_file", "must be set (--tls_ca)");
  for (int i = 0; i < config.services_size(); ++i) {
    const std::string& s = config.services(i);
    if (s != "all" &&
        std::find(known_services.begin(), known_services.end(), s) == known_services.end()) {
      v.Add(absl::StrCat("services[", i, "]"),
            absl::StrCat("unknown service '", s, "'; known: all, ",
                         absl::StrJoin(known_services, ", ")));
    }
  }
  if (config.shutdown_grace_seconds() < 0 || config.shutdown_grace_seconds() > 600) {
    v.Add("shutdown_grace_seconds", "must be between 0 and 600");
  }
  if (config.worker_threads() < 1 || config.worker_threads() > 256) {
    v.Add("worker_threads", "must be between 1 and 256");
  }
  if (config.role_cache_ttl_ms() < 0 || config.role_cache_ttl_ms() > 5000) {
    v.Add("role_cache_ttl_ms", "must be between 0 and 5000 (a revocation must bite within 5 s)");
  }
  return v.ToStatus();
}

}  // namespace schakel
