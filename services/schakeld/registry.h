// The services schakeld can host, by the names used in --services.
#ifndef SCHAKEL_SERVICES_SCHAKELD_REGISTRY_H_
#define SCHAKEL_SERVICES_SCHAKELD_REGISTRY_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/common/hosted_service.h"

namespace schakel {

std::vector<std::string> KnownServices();

// Instantiates the named services ("all" means every known one), each once.
absl::StatusOr<std::vector<std::unique_ptr<HostedService>>> MakeServices(
    const std::vector<std::string>& names);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_SCHAKELD_REGISTRY_H_
