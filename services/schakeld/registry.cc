#include "services/schakeld/registry.h"

#include <algorithm>
#include <functional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/audit/audit_service.h"
#include "services/cases/case_service.h"
#include "services/directory/directory_service.h"
#include "services/handover/handover_service.h"
#include "services/intake/intake_service.h"
#include "services/safetyplan/safetyplan_service.h"

namespace schakel {
namespace {

using Factory = std::function<std::unique_ptr<HostedService>()>;

const std::vector<std::pair<std::string, Factory>>& Factories() {
  static const auto* factories = new std::vector<std::pair<std::string, Factory>>{
      {"directory", directory::NewDirectoryService},
      {"audit", audit::NewAuditService},
      {"cases", cases::NewCaseService},
      {"handover", handover::NewHandoverService},
      {"intake", intake::NewIntakeService},
      {"safetyplan", safetyplan::NewSafetyPlanService},
  };
  return *factories;
}

}  // namespace

std::vector<std::string> KnownServices() {
  std::vector<std::string> names;
  for (const auto& [name, factory] : Factories()) names.push_back(name);
  return names;
}

absl::StatusOr<std::vector<std::unique_ptr<HostedService>>> MakeServices(
    const std::vector<std::string>& names) {
  const bool all = std::find(names.begin(), names.end(), "all") != names.end();
  std::vector<std::unique_ptr<HostedService>> services;
  for (const auto& [name, factory] : Factories()) {
    if (all || std::find(names.begin(), names.end(), name) != names.end()) {
      services.push_back(factory());
    }
  }
  for (const auto& name : names) {
    if (name != "all" && std::none_of(Factories().begin(), Factories().end(),
                                      [&](const auto& f) { return f.first == name; })) {
      return absl::InvalidArgumentError(absl::StrCat("unknown service '", name, "'"));
    }
  }
  if (services.empty()) return absl::InvalidArgumentError("no services to host");
  return services;
}

}  // namespace schakel
