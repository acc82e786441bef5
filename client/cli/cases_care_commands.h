// schakelctl cases: the director's corrections (remove-person, remove-relation) and the
// follow-up checks after closure (record-follow-up, follow-ups-due), kept apart from
// cases_commands.cc to keep each file small.
#ifndef SCHAKEL_CLIENT_CLI_CASES_CARE_COMMANDS_H_
#define SCHAKEL_CLIENT_CLI_CASES_CARE_COMMANDS_H_

#include "client/cli/cli.h"

namespace schakel::cli {

// The usage lines of these commands, appended to the cases usage.
extern const char kCasesCareUsage[];

// Whether `verb` is one of these commands.
bool IsCasesCareVerb(const std::string& verb);

// Runs one of them: `args` as for RunCasesCommand (args[0] the verb).
int RunCasesCareCommand(const Args& args);

}  // namespace schakel::cli

#endif  // SCHAKEL_CLIENT_CLI_CASES_CARE_COMMANDS_H_
