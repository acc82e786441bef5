// `schakeld backup` and `schakeld restore` (services/backup), as the operator runs them.
#ifndef SCHAKEL_SERVICES_SCHAKELD_BACKUP_COMMAND_H_
#define SCHAKEL_SERVICES_SCHAKELD_BACKUP_COMMAND_H_

#include <string>

namespace schakel {

struct BackupCommand {
  std::string data_dir;    // the host's data directory (from --config or --data-dir)
  std::string to;          // backup: the new backup directory; restore: the empty data directory
  std::string from;        // restore: the backup directory
  std::string backup_key;  // the backup key file (32 raw bytes)
  std::string audit_vkey;  // restore: the audit log's verifier key file (optional)
};

// Each prints what it did (or what is wrong) and returns the process's exit code.
int RunBackup(const BackupCommand& command);
int RunRestore(const BackupCommand& command);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_SCHAKELD_BACKUP_COMMAND_H_
