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
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/channel.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/common/tls.h"

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

// A channel per service: one per distinct address, shared by the services that answer there.
// Thread-safe; immutable once made.
class Channels {
 public:
  // Every service over `channel` (one schakeld).
  explicit Channels(std::shared_ptr<grpc::Channel> channel);
  // One mutual-TLS channel per distinct address of `servers` (connection.h: Connect).
  Channels(const ServerAddresses& servers, const TlsMaterial& material);

  // The channel of `service` (short name or gRPC full name); any other name gets the one of
  // ServerAddresses::For's answer for it (the default address), else the directory's.
  const std::shared_ptr<grpc::Channel>& For(absl::string_view service) const;
  // Every distinct channel, the directory's first.
  const std::vector<std::shared_ptr<grpc::Channel>>& All() const { return channels_; }

 private:
  std::vector<std::shared_ptr<grpc::Channel>> channels_;
  std::map<std::string, size_t, std::less<>> by_service_;  // index into channels_
};

using ChannelsPtr = std::shared_ptr<const Channels>;

// A stub of `Service` on its channel: StubOf<v1::CaseService>(channels).
template <typename Service>
std::unique_ptr<typename Service::Stub> StubOf(const Channels& channels) {
  return Service::NewStub(channels.For(Service::service_full_name()));
}

}  // namespace schakel::client

#endif  // SCHAKEL_CLIENT_LIB_SERVER_ADDRESSES_H_
