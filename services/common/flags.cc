#include "services/common/flags.h"

#include <algorithm>

#include "absl/flags/parse.h"

namespace schakel {

std::vector<std::string> NormalizeFlagNames(int argc, char** argv) {
  std::vector<std::string> out;
  bool positional_only = false;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (i > 0 && !positional_only && arg.rfind("--", 0) == 0 && arg.size() > 2) {
      const size_t end = std::min(arg.find('='), arg.size());
      std::replace(arg.begin() + 2, arg.begin() + static_cast<long>(end), '-', '_');
    }
    if (arg == "--") positional_only = true;
    out.push_back(std::move(arg));
  }
  return out;
}

std::vector<std::string> ParseFlags(int argc, char** argv) {
  std::vector<std::string> args = NormalizeFlagNames(argc, argv);
  std::vector<char*> pointers;
  for (auto& a : args) pointers.push_back(a.data());
  std::vector<char*> positional =
      absl::ParseCommandLine(static_cast<int>(pointers.size()), pointers.data());
  return std::vector<std::string>(positional.begin(), positional.end());
}

}  // namespace schakel
