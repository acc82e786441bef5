#include "services/schakeld/registry.h"

#include <algorithm>
#include <functional>
#include <utility>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

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

std::vector<ServiceEdges> DeclaredEdges() {
  auto services = MakeServices({"all"});
  std::vector<ServiceEdges> out;
  if (!services.ok()) return out;
  for (const auto& service : *services) {
    ServiceEdges edges{std::string(service->name()), service->calls(), service->routes_to()};
    if (edges.name != kAuditService) edges.sends_to.push_back(kAuditService);
    for (auto* list : {&edges.calls, &edges.sends_to}) {
      std::sort(list->begin(), list->end());
      list->erase(std::unique(list->begin(), list->end()), list->end());
      list->erase(std::remove(list->begin(), list->end(), edges.name), list->end());
    }
    out.push_back(std::move(edges));
  }
  return out;
}

std::string DeclaredEdgesJson() {
  google::protobuf::Struct root;
  google::protobuf::ListValue* list = (*root.mutable_fields())["services"].mutable_list_value();
  for (const ServiceEdges& edges : DeclaredEdges()) {
    auto& fields = *list->add_values()->mutable_struct_value()->mutable_fields();
    fields["name"].set_string_value(edges.name);
    for (const auto& [key, names] :
         {std::pair{"calls", &edges.calls}, {"sendsTo", &edges.sends_to}}) {
      google::protobuf::ListValue* values = fields[key].mutable_list_value();
      for (const std::string& name : *names) values->add_values()->set_string_value(name);
    }
  }
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  if (!google::protobuf::util::MessageToJsonString(root, &json, options).ok()) return "{}";
  return json;
}

}  // namespace schakel
