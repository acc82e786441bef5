// Command-line conventions shared by schakeld and schakelctl.
#ifndef SCHAKEL_SERVICES_COMMON_FLAGS_H_
#define SCHAKEL_SERVICES_COMMON_FLAGS_H_

#include <string>
#include <vector>

namespace schakel {

// Abseil flags are spelled with underscores; people type dashes (`--data-dir`). Returns argv with
// the dashes inside flag names ("--data-dir=x" → "--data_dir=x") turned into underscores; values
// and positional arguments are left alone.
std::vector<std::string> NormalizeFlagNames(int argc, char** argv);

// Parses the command line with Abseil (after NormalizeFlagNames). Returns the positional
// arguments, program name first. A bad flag makes Abseil print what is wrong and exit non-zero.
std::vector<std::string> ParseFlags(int argc, char** argv);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_FLAGS_H_
