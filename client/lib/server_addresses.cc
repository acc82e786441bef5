#include "client/lib/server_addresses.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "client/lib/connection.h"

namespace schakel::client {
namespace {

// Short name and gRPC full name of each service a client calls.
constexpr std::pair<const char*, const char*> kServices[] = {
    {"directory", "schakel.v1.DirectoryService"}, {"audit", "schakel.v1.AuditService"},
    {"cases", "schakel.v1.CaseService"},          {"handover", "schakel.v1.HandoverService"},
    {"intake", "schakel.v1.IntakeService"},       {"safetyplan", "schakel.v1.SafetyPlanService"},
};

// "host:port" with a port of 1..65535 ("[::1]:7400" too), or a gRPC "unix:" target.
bool IsAddress(absl::string_view address) {
  if (absl::StartsWith(address, "unix:")) return address.size() > 5;
  const size_t colon = address.rfind(':');
  if (colon == absl::string_view::npos || colon == 0) return false;
  int port = 0;
  const absl::string_view digits = address.substr(colon + 1);
  return !digits.empty() && std::all_of(digits.begin(), digits.end(), absl::ascii_isdigit) &&
         absl::SimpleAtoi(digits, &port) && port >= 1 && port <= 65535;
}

}  // namespace

const std::vector<std::string>& ServiceNames() {
  static const auto* names = [] {
    auto* out = new std::vector<std::string>();
    for (const auto& [name, full] : kServices) out->push_back(name);
    return out;
  }();
  return *names;
}

std::string ShortServiceName(absl::string_view full_name) {
  for (const auto& [name, full] : kServices) {
    if (full_name == full) return name;
  }
  return "";
}

absl::StatusOr<ServerAddresses> ServerAddresses::Parse(absl::string_view text) {
  ServerAddresses out;
  std::vector<std::string> errors;
  for (absl::string_view raw : absl::StrSplit(text, ',')) {
    const absl::string_view item = absl::StripAsciiWhitespace(raw);
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    if (eq == absl::string_view::npos) {
      if (!IsAddress(item)) {
        errors.push_back(absl::StrCat("'", item, "' is not an address (host:port)"));
      } else if (!out.fallback_.empty()) {
        errors.push_back(absl::StrCat("two addresses for every service ('", out.fallback_,
                                      "' and '", item, "'); name the service of one: NAME=", item));
      } else {
        out.fallback_ = std::string(item);
      }
      continue;
    }
    const std::string name = absl::AsciiStrToLower(absl::StripAsciiWhitespace(item.substr(0, eq)));
    const absl::string_view address = absl::StripAsciiWhitespace(item.substr(eq + 1));
    if (std::find(ServiceNames().begin(), ServiceNames().end(), name) == ServiceNames().end()) {
      errors.push_back(absl::StrCat("'", name, "' is not a service (",
                                    absl::StrJoin(ServiceNames(), ", "), ")"));
    } else if (!IsAddress(address)) {
      errors.push_back(absl::StrCat(name, ": '", address, "' is not an address (host:port)"));
    } else if (!out.by_service_.emplace(name, std::string(address)).second) {
      errors.push_back(absl::StrCat(name, " is named twice"));
    }
  }
  if (errors.empty() && out.fallback_.empty()) {
    std::vector<std::string> missing;
    for (const std::string& name : ServiceNames()) {
      if (!out.by_service_.contains(name)) missing.push_back(name);
    }
    if (missing.size() == ServiceNames().size()) {
      errors.push_back("no address given (host:port)");
    } else if (!missing.empty()) {
      errors.push_back(absl::StrCat("no address for ", absl::StrJoin(missing, ", "),
                                    " (name each, or add one address for the rest)"));
    }
  }
  if (!errors.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("server: ", absl::StrJoin(errors, "; ")));
  }
  for (const std::string& name : ServiceNames()) out.by_service_.try_emplace(name, out.fallback_);
  if (out.fallback_.empty()) out.fallback_ = out.by_service_.at("directory");
  return out;
}

const std::string& ServerAddresses::For(absl::string_view service) const {
  auto it = by_service_.find(service);
  if (it == by_service_.end()) it = by_service_.find(ShortServiceName(service));
  return it == by_service_.end() ? fallback_ : it->second;
}

std::vector<std::string> ServerAddresses::Distinct() const {
  std::vector<std::string> out;
  for (const std::string& name : ServiceNames()) {
    const std::string& address = by_service_.at(name);
    if (std::find(out.begin(), out.end(), address) == out.end()) out.push_back(address);
  }
  return out;
}

Channels::Channels(std::shared_ptr<grpc::Channel> channel) : channels_{std::move(channel)} {}

Channels::Channels(const ServerAddresses& servers, const TlsMaterial& material) {
  const std::vector<std::string> addresses = servers.Distinct();
  for (const std::string& address : addresses) channels_.push_back(Connect(address, material));
  auto index_of = [&](const std::string& address) -> size_t {
    const auto it = std::find(addresses.begin(), addresses.end(), address);
    return it == addresses.end() ? 0 : static_cast<size_t>(it - addresses.begin());
  };
  for (const std::string& name : ServiceNames()) by_service_[name] = index_of(servers.For(name));
  // Any other name: the channel of ServerAddresses::For's answer for it, when some service uses
  // that address too; otherwise the directory's (the first).
  by_service_[""] = index_of(servers.For(""));
}

const std::shared_ptr<grpc::Channel>& Channels::For(absl::string_view service) const {
  auto it = by_service_.find(service);
  if (it == by_service_.end()) it = by_service_.find(ShortServiceName(service));
  if (it == by_service_.end()) it = by_service_.find("");
  return it == by_service_.end() ? channels_.front() : channels_[it->second];
}

}  // namespace schakel::client
