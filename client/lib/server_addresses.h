// Where a client finds each Schakel service. In the default layout one schakeld hosts all six
// behind one address; when each service runs in a process of its own (docs/operations.md, "One
// process per service"), each has its own. One text says either, for --server and the desktop
// client's sign-in:
//
//   "127.0.0.1:7400"                                    every service at one address
//   "directory=h1:7400,audit=h2:7400,cases=h3:7400,..."  each service at its own
//   "127.0.0.1:7400,audit=10.0.0.5:7400"                one address, with exceptions
//
// Services are named by their short names, as in schakeld's --services and service_addresses.
#ifndef SCHAKEL_CLIENT_LIB_SERVER_ADDRESSES_H_
#define SCHAKEL_CLIENT_LIB_SERVER_ADDRESSES_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace schakel::client {

// The short names of the services a client may call ("directory", "audit", "cases", "handover",
// "intake", "safetyplan"), in that order.
const std::vector<std::string>& ServiceNames();

// The short name of the service whose gRPC full name is `full_name` ("schakel.v1.CaseService" ->
// "cases"); empty for a name that is not a Schakel service.
std::string ShortServiceName(absl::string_view full_name);

class ServerAddresses {
 public:
  // Parses the text above. INVALID_ARGUMENT naming each bad item: an unknown service, an empty
  // or malformed address (not host:port), a service named twice, two default addresses, or a text
  // that leaves a service without an address.
  static absl::StatusOr<ServerAddresses> Parse(absl::string_view text);

  // The address of `service`, by short name or gRPC full name. Every service has one once parsed;
  // an unknown name gets the default address when there is one, otherwise the directory's.
  const std::string& For(absl::string_view service) const;

  // Every distinct address, in the order of ServiceNames() (one for the default layout).
  std::vector<std::string> Distinct() const;

  // Whether every service answers at the same address.
  bool Single() const { return Distinct().size() == 1; }

 private:
  std::map<std::string, std::string, std::less<>> by_service_;
  std::string fallback_;
};

}  // namespace schakel::client

#endif  // SCHAKEL_CLIENT_LIB_SERVER_ADDRESSES_H_
