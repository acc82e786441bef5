// schakeld: hosts any subset of Schakel's services behind one mutual-TLS gRPC port.
//
//   schakeld --services=all --listen=127.0.0.1:7400 --data-dir=var/data
//            --tls-cert=... --tls-key=... --tls-ca=...      (or --config=FILE)
#include <sys/stat.h>

#include <cstdlib>
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_split.h"
#include "services/common/config.h"
#include "services/common/flags.h"
#include "services/common/service_host.h"
#include "services/common/tls.h"
#include "services/schakeld/registry.h"

ABSL_FLAG(std::string, config, "", "HostConfig file in protobuf text format; flags override it");
ABSL_FLAG(std::string, services, "", "Services to host: all, or a comma-separated list");
ABSL_FLAG(std::string, listen, "", "Address to listen on (default 127.0.0.1:7400)");
ABSL_FLAG(std::string, data_dir, "", "Directory for the services' SQLite databases");
ABSL_FLAG(std::string, tls_cert, "", "This host's service certificate (PEM)");
ABSL_FLAG(std::string, tls_key, "", "Its private key (PEM)");
ABSL_FLAG(std::string, tls_ca, "", "The CA certificate that signs every principal (PEM)");
ABSL_FLAG(int, shutdown_grace_seconds, 0, "Time in-flight calls get after SIGTERM (default 10)");
ABSL_FLAG(int, worker_threads, 0, "Threads for disk and crypto work (default 4)");

namespace {

int Fail(const absl::Status& status) {
  std::cerr << "schakeld: " << status.message() << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  // Whatever it creates (databases, their WAL and journal files, exports) is for its own user
  // only, whatever umask it was started with.
  ::umask(077);
  absl::SetProgramUsageMessage(
      "Hosts Schakel's gRPC services over mutual TLS.\n"
      "  schakeld --services=all --listen=127.0.0.1:7400 --data-dir=DIR \\\n"
      "           --tls-cert=FILE --tls-key=FILE --tls-ca=FILE   (or --config=FILE)");
  const std::vector<std::string> positional = schakel::ParseFlags(argc, argv);
  if (positional.size() > 1) {
    return Fail(
        absl::InvalidArgumentError("unexpected argument '" + positional[1] + "'; see --help"));
  }

  schakel::v1::HostConfig config;
  if (const std::string path = absl::GetFlag(FLAGS_config); !path.empty()) {
    auto loaded = schakel::LoadHostConfig(path);
    if (!loaded.ok()) return Fail(loaded.status());
    config = *std::move(loaded);
  }
  schakel::v1::HostConfig overrides;
  overrides.set_listen(absl::GetFlag(FLAGS_listen));
  overrides.set_data_dir(absl::GetFlag(FLAGS_data_dir));
  overrides.mutable_tls()->set_cert_file(absl::GetFlag(FLAGS_tls_cert));
  overrides.mutable_tls()->set_key_file(absl::GetFlag(FLAGS_tls_key));
  overrides.mutable_tls()->set_ca_file(absl::GetFlag(FLAGS_tls_ca));
  overrides.set_shutdown_grace_seconds(absl::GetFlag(FLAGS_shutdown_grace_seconds));
  overrides.set_worker_threads(absl::GetFlag(FLAGS_worker_threads));
  for (absl::string_view s :
       absl::StrSplit(absl::GetFlag(FLAGS_services), ',', absl::SkipEmpty())) {
    overrides.add_services(std::string(s));
  }
  schakel::MergeHostConfig(overrides, config);
  schakel::ApplyHostConfigDefaults(config);
  if (auto st = schakel::ValidateHostConfig(config, schakel::KnownServices()); !st.ok()) {
    return Fail(st);
  }

  auto tls = schakel::LoadTlsMaterial(
      {config.tls().cert_file(), config.tls().key_file(), config.tls().ca_file()});
  if (!tls.ok()) return Fail(tls.status());
  auto services = schakel::MakeServices({config.services().begin(), config.services().end()});
  if (!services.ok()) return Fail(services.status());

  schakel::ServiceHost::Options options;
  options.listen = config.listen();
  options.tls = *std::move(tls);
  options.data_dir = config.data_dir();
  options.shutdown_grace = absl::Seconds(config.shutdown_grace_seconds());
  options.worker_threads = config.worker_threads();
  options.config = config;
  auto host = schakel::ServiceHost::Start(std::move(options), *std::move(services));
  if (!host.ok()) return Fail(host.status());
  (*host)->RunUntilSignal();
  return 0;
}
