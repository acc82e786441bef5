// schakelctl: Schakel's command-line client.
#include <sys/stat.h>

#include <iostream>

#include "absl/flags/usage.h"
#include "client/cli/cli.h"
#include "services/common/flags.h"

int main(int argc, char** argv) {
  // Exports, PKI files and anything else it writes are for its user only.
  ::umask(077);
  absl::SetProgramUsageMessage(
      "Schakel command-line client.\n"
      "  schakelctl [--as=NAME | --cert=F --key=F] [--server=HOST:PORT] [--json] COMMAND ...\n"
      "  (each service in a process of its own: --server=directory=H:P,audit=H:P,cases=H:P,...;\n"
      "  without --server, $SCHAKEL_SERVER, else 127.0.0.1:7400)\n"
      "Commands:\n"
      "  whoami                         who the server says you are\n"
      "  health [--service=NAME]        grpc.health.v1 check (of every address in --server)\n"
      "  directory <command> ...        organisations, professionals, roles, service identities\n"
      "  cases <command> ...            MDA++ cases: family, team, meetings, closure (cases help)\n"
      "  handover <command> ...         lead responsibility per phase: propose, accept, decline,\n"
      "                                 inbox, supervisors' list and report (handover help)\n"
      "  intake <command> ...           Veilig Thuis reports: submit, import a JSON Lines feed,\n"
      "                                 the triage queue, claims, the radar (intake help)\n"
      "  plan <command> ...             the safety plan of a case: versions, sign-off, diff,\n"
      "                                 the family's agreement, risk instruments (plan help)\n"
      "  audit <command> ...            checkpoints, proofs, queries, exports, verification\n"
      "  pki init | issue | audit-keys | case-keys\n"
      "                                 the development PKI and the services' keys (case-keys:\n"
      "                                 those of the cases, handover, intake and safety plan\n"
      "                                 services)\n");
  const std::vector<std::string> positional = schakel::ParseFlags(argc, argv);
  if (positional.size() < 2) {
    return schakel::cli::UsageError("which command? see schakelctl --help");
  }
  const std::string command = positional[1];
  schakel::cli::Args rest(positional.begin() + 2, positional.end());
  if (command == "whoami") return schakel::cli::RunWhoAmI();
  if (command == "health") return schakel::cli::RunHealth();
  if (command == "directory") return schakel::cli::RunDirectoryCommand(rest);
  if (command == "pki") return schakel::cli::RunPkiCommand(rest);
  if (command == "cases") return schakel::cli::RunCasesCommand(rest);
  if (command == "handover") return schakel::cli::RunHandoverCommand(rest);
  if (command == "intake") return schakel::cli::RunIntakeCommand(rest);
  if (command == "plan") return schakel::cli::RunPlanCommand(rest);
  if (command == "audit") return schakel::cli::RunAuditCommand(rest);
  return schakel::cli::UsageError("unknown command '" + command + "'; see schakelctl --help");
}
