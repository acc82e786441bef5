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

// The network edges of one service, as the services declare them (HostedService::calls() and
// routes_to(), plus the audit records every service's outbox sends to the audit service): what a
// firewall or a Kubernetes NetworkPolicy between split services must allow, and no more.
struct ServiceEdges {
  std::string name;
  std::vector<std::string> calls;     // services whose answers it waits for
  std::vector<std::string> sends_to;  // services its outbox delivers to
};

// Every known service's edges, in KnownServices() order; each list sorted, without the service
// itself (a host calls the services it hosts in-process).
std::vector<ServiceEdges> DeclaredEdges();

// DeclaredEdges() as JSON: {"services": [{"name": "cases", "calls": [...], "sendsTo": [...]}]}.
std::string DeclaredEdgesJson();

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_SCHAKELD_REGISTRY_H_
