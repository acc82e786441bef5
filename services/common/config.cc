#include "services/common/config.h"

#include <algorithm>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "services/common/log.h"
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
  FoldDeprecatedServiceAddresses(config);
  return config;
}

void FoldDeprecatedServiceAddresses(v1::HostConfig& config) {
  // Through reflection, so this names no service: every deprecated string field `<name>_address`
  // is the address of service <name>.
  constexpr absl::string_view kSuffix = "_address";
  const google::protobuf::Descriptor* descriptor = config.GetDescriptor();
  const google::protobuf::Reflection* reflection = config.GetReflection();
  auto& addresses = *config.mutable_service_addresses();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const google::protobuf::FieldDescriptor* field = descriptor->field(i);
    if (!field->options().deprecated() || field->is_repeated() ||
        field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_STRING ||
        !absl::EndsWith(field->name(), kSuffix)) {
      continue;
    }
    std::string address = reflection->GetString(config, field);
    if (address.empty()) continue;
    const std::string service(absl::StripSuffix(field->name(), kSuffix));
    const auto [it, inserted] = addresses.insert({service, address});
    if (!inserted && it->second != address) {
      LogEvent(LogLevel::kWarning, "config.deprecated_address_ignored",
               {{"field", field->name()}, {"service", service}});
    }
    reflection->ClearField(&config, field);
  }
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
  if (config.max_request_bytes() == 0) config.set_max_request_bytes(4 << 20);
  if (config.idempotency_retention_days() == 0) config.set_idempotency_retention_days(7);
  if (config.relay_alarm_seconds() == 0) config.set_relay_alarm_seconds(300);
  if (config.metrics_listen().empty()) config.set_metrics_listen("127.0.0.1:7490");
  if (config.metrics_interval_seconds() == 0) config.set_metrics_interval_seconds(15);
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
  // Sorted, so the answer lists the entries in the same order every time.
  std::vector<std::string> address_keys;
  for (const auto& [service, address] : config.service_addresses()) address_keys.push_back(service);
  std::sort(address_keys.begin(), address_keys.end());
  for (const std::string& service : address_keys) {
    const std::string field = absl::StrCat("service_addresses[", service, "]");
    if (std::find(known_services.begin(), known_services.end(), service) == known_services.end()) {
      v.Add(field, absl::StrCat("unknown service '", service,
                                "'; known: ", absl::StrJoin(known_services, ", ")));
    } else if (config.service_addresses().at(service).empty()) {
      v.Add(field, "must be an address (host:port)");
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
  if (config.max_request_bytes() < (64 << 10) || config.max_request_bytes() > (64 << 20)) {
    v.Add("max_request_bytes", "must be between 65536 and 67108864");
  }
  if (config.idempotency_retention_days() < 1 || config.idempotency_retention_days() > 90) {
    v.Add("idempotency_retention_days",
          "must be between 1 and 90 (a retry needs days at most; the answers hold case data)");
  }
  if (config.relay_alarm_seconds() < 1 || config.relay_alarm_seconds() > 86400) {
    v.Add("relay_alarm_seconds", "must be between 1 and 86400");
  }
  if (const std::string& m = config.metrics_listen();
      !m.empty() && m != "off" &&
      (m.rfind(':') == std::string::npos || m.rfind(':') + 1 == m.size())) {
    v.Add("metrics_listen", "must be host:port (\"127.0.0.1:7490\") or \"off\"");
  }
  if (config.metrics_interval_seconds() < 0 || config.metrics_interval_seconds() > 3600) {
    v.Add("metrics_interval_seconds", "must be between 1 and 3600 (0: the default, 15)");
  }
  return v.ToStatus();
}

}  // namespace schakel
