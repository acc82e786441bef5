// schakeld: hosts any subset of Schakel's services behind one mutual-TLS gRPC port.
//
//   schakeld --services=all --listen=127.0.0.1:7400 --data-dir=var/data
//            --tls-cert=... --tls-key=... --tls-ca=...      (or --config=FILE)
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "services/common/config.h"
#include "services/common/flags.h"
#include "services/common/service_host.h"
#include "services/common/tls.h"
#include "services/schakeld/backup_command.h"
#include "services/schakeld/key_command.h"
#include "services/schakeld/notify.h"
#include "services/schakeld/registry.h"

ABSL_FLAG(std::string, config, "",
          "HostConfig file in protobuf text format, or several, comma-separated (each over the "
          "ones before); flags override them");
ABSL_FLAG(std::string, services, "", "Services to host: all, or a comma-separated list");
ABSL_FLAG(std::string, listen, "", "Address to listen on (default 127.0.0.1:7400)");
ABSL_FLAG(std::string, data_dir, "", "Directory for the services' SQLite databases");
ABSL_FLAG(std::string, tls_cert, "", "This host's service certificate (PEM)");
ABSL_FLAG(std::string, tls_key, "", "Its private key (PEM)");
ABSL_FLAG(std::string, tls_ca, "", "The CA certificate that signs every principal (PEM)");
ABSL_FLAG(int, shutdown_grace_seconds, 0, "Time in-flight calls get after SIGTERM (default 10)");
ABSL_FLAG(int, worker_threads, 0, "Threads for disk and crypto work (default 4)");
ABSL_FLAG(std::string, to, "",
          "backup: the new backup directory; restore: the empty data directory");
ABSL_FLAG(std::string, from, "", "restore: the backup directory");
ABSL_FLAG(std::string, backup_key, "", "backup, restore: the backup key file (32 random bytes)");
ABSL_FLAG(std::string, audit_vkey, "",
          "restore: the audit log's verifier key file, to check the checkpoint's signature");
ABSL_FLAG(std::string, service, "",
          "rotate-master-key: the service whose master key (audit, intake, cases, handover or "
          "safetyplan); "
          "rotate-data-key: whose data key (intake, cases, handover or safetyplan)");
ABSL_FLAG(std::string, new_master_key, "",
          "rotate-master-key: the new master key file (32 random bytes, mode 0600)");
ABSL_FLAG(std::string, new_data_key, "",
          "rotate-data-key: the new data key file (32 random bytes, mode 0600)");
ABSL_FLAG(bool, check_config, false,
          "Read and check the configuration (file and flags), say what is wrong, and exit");
ABSL_FLAG(std::string, metrics_listen, "",
          "Address of the metrics endpoint (default 127.0.0.1:7490), or \"off\"");

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
      "           --tls-cert=FILE --tls-key=FILE --tls-ca=FILE   (or --config=FILE)\n"
      "  schakeld backup --config=FILE --to=NEW_DIR --backup-key=FILE\n"
      "  schakeld restore --from=BACKUP_DIR --to=EMPTY_DIR --backup-key=FILE "
      "[--audit-vkey=FILE]\n"
      "  schakeld rotate-master-key --config=FILE --service=audit|intake|cases|handover|safetyplan "
      "--new-master-key=FILE\n"
      "                          (with the service stopped)\n"
      "  schakeld rotate-data-key --config=FILE --service=intake|cases|handover|safetyplan "
      "--new-data-key=FILE\n"
      "                          (with the service stopped)\n"
      "  schakeld dependencies   the calls and messages between services, as JSON (what a\n"
      "                          firewall or NetworkPolicy between split services must allow)");
  const std::vector<std::string> positional = schakel::ParseFlags(argc, argv);
  const std::string command = positional.size() > 1 ? positional[1] : "";
  const bool known = command.empty() || command == "backup" || command == "restore" ||
                     command == "rotate-master-key" || command == "rotate-data-key" ||
                     command == "dependencies";
  if (positional.size() > 2 || !known) {
    return Fail(absl::InvalidArgumentError(
        "unexpected argument '" + positional.back() +
        "'; the commands are backup, restore, rotate-master-key, rotate-data-key and "
        "dependencies; see --help"));
  }
  if (command == "dependencies") {
    std::cout << schakel::DeclaredEdgesJson();
    return 0;
  }
  if (command == "restore") {
    return schakel::RunRestore({.to = absl::GetFlag(FLAGS_to),
                                .from = absl::GetFlag(FLAGS_from),
                                .backup_key = absl::GetFlag(FLAGS_backup_key),
                                .audit_vkey = absl::GetFlag(FLAGS_audit_vkey)});
  }

  schakel::v1::HostConfig config;
  // Several files, comma-separated: each one's set fields over the ones before (a region's own
  // values over a generated configuration, say).
  for (absl::string_view path :
       absl::StrSplit(absl::GetFlag(FLAGS_config), ',', absl::SkipWhitespace())) {
    auto loaded = schakel::LoadHostConfig(std::filesystem::path(std::string(path)));
    if (!loaded.ok()) return Fail(loaded.status());
    schakel::MergeHostConfig(*loaded, config);
  }
  schakel::v1::HostConfig overrides;
  overrides.set_listen(absl::GetFlag(FLAGS_listen));
  overrides.set_data_dir(absl::GetFlag(FLAGS_data_dir));
  overrides.mutable_tls()->set_cert_file(absl::GetFlag(FLAGS_tls_cert));
  overrides.mutable_tls()->set_key_file(absl::GetFlag(FLAGS_tls_key));
  overrides.mutable_tls()->set_ca_file(absl::GetFlag(FLAGS_tls_ca));
  overrides.set_shutdown_grace_seconds(absl::GetFlag(FLAGS_shutdown_grace_seconds));
  overrides.set_worker_threads(absl::GetFlag(FLAGS_worker_threads));
  overrides.set_metrics_listen(absl::GetFlag(FLAGS_metrics_listen));
  for (absl::string_view s :
       absl::StrSplit(absl::GetFlag(FLAGS_services), ',', absl::SkipEmpty())) {
    overrides.add_services(std::string(s));
  }
  schakel::MergeHostConfig(overrides, config);
  if (command == "backup") {
    // The data directory is all it needs of the configuration: it copies the databases there.
    return schakel::RunBackup({.data_dir = config.data_dir(),
                               .to = absl::GetFlag(FLAGS_to),
                               .backup_key = absl::GetFlag(FLAGS_backup_key)});
  }
  if (command == "rotate-master-key") {
    return schakel::RunRotateMasterKey({.config = config,
                                        .service = absl::GetFlag(FLAGS_service),
                                        .new_master_key = absl::GetFlag(FLAGS_new_master_key)});
  }
  if (command == "rotate-data-key") {
    return schakel::RunRotateDataKey({.config = config,
                                      .service = absl::GetFlag(FLAGS_service),
                                      .new_data_key = absl::GetFlag(FLAGS_new_data_key)});
  }
  schakel::ApplyHostConfigDefaults(config);
  if (auto st = schakel::ValidateHostConfig(config, schakel::KnownServices()); !st.ok()) {
    return Fail(st);
  }
  if (absl::GetFlag(FLAGS_check_config)) {
    std::cout << "schakeld: the configuration is valid (listen " << config.listen() << ", metrics "
              << config.metrics_listen() << ", services " << absl::StrJoin(config.services(), ",")
              << ")\n";
    return 0;
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
  if (config.metrics_listen() != "off") options.metrics_listen = config.metrics_listen();
  options.metrics_interval = absl::Seconds(config.metrics_interval_seconds());
  options.config = config;
  auto host = schakel::ServiceHost::Start(std::move(options), *std::move(services));
  if (!host.ok()) return Fail(host.status());
  // Every service has opened its database and health says SERVING: tell systemd (Type=notify).
  if (absl::Status st = schakel::NotifyServiceManager(
          absl::StrCat("READY=1\nSTATUS=serving on ", config.listen()));
      !st.ok()) {
    std::cerr << "schakeld: could not tell the service manager it is ready: " << st.message()
              << "\n";
  }
  (*host)->RunUntilSignal();
  return 0;
}
