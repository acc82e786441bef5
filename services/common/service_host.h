// ServiceHost: one gRPC server, mutual TLS only, for a set of hosted services.
//
// It opens every service's database before it listens (so health says SERVING only once all are
// open and migrated), serves grpc.health.v1 and server reflection, offers an in-process channel
// for calls between co-hosted services, and shuts down gracefully: on Shutdown() or SIGTERM/SIGINT
// it stops accepting calls and gives in-flight ones a grace period to finish.
//
// It knows the services only by what they declare (HostedService): their names, the services they
// call and route to, and refuses a set whose synchronous calls form a cycle. Every periodic job —
// the outbox relays and the services' timers — runs on one Scheduler.
#ifndef SCHAKEL_SERVICES_COMMON_SERVICE_HOST_H_
#define SCHAKEL_SERVICES_COMMON_SERVICE_HOST_H_

#include <memory>
#include <string>
#include <vector>

#include <grpcpp/server.h>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/common/host_metrics.h"
#include "services/common/hosted_service.h"
#include "services/common/outbox.h"
#include "services/common/scheduler.h"
#include "services/common/tls.h"

namespace schakel {

// The first cycle among the synchronous calls (HostedService::calls) between `services`, as
// "a -> b -> a", or "" when there is none. Calls to services not in the set are not followed:
// a host cannot see what services hosted elsewhere call.
std::string FindCallCycle(const std::vector<std::unique_ptr<HostedService>>& services);

class ServiceHost {
 public:
  struct Options {
    std::string listen = "127.0.0.1:0";
    TlsMaterial tls;
    std::filesystem::path data_dir;
    absl::Duration shutdown_grace = absl::Seconds(10);
    int worker_threads = 4;
    // The services' clock (business time: deadlines, record times). Default: the real clock. The
    // scheduler measures its intervals on a monotonic clock of its own instead, so a test that
    // moves this one by hand does not stop the relays.
    const Clock* clock = nullptr;
    // Handed to services with its deprecated address fields folded into service_addresses.
    v1::HostConfig config;
    // How the outbox relays ship audit records (tests shorten the backoff).
    OutboxRelay::Options relay;
    // Where the metrics endpoint listens (HostMetrics); "" for none. Port 0 picks a free one.
    std::string metrics_listen;
    // How often the gauges are sampled.
    absl::Duration metrics_interval = absl::Seconds(15);
  };

  // Opens the services and starts listening. Fails with a message that says what to fix: a bad
  // certificate, synchronous calls between the services that form a cycle ("a -> b -> a"), a
  // database that will not open, an address already in use.
  static absl::StatusOr<std::unique_ptr<ServiceHost>> Start(
      Options options, std::vector<std::unique_ptr<HostedService>> services);

  ~ServiceHost();

  // The port actually bound (useful with port 0).
  int port() const { return port_; }

  // A channel to this host's services that needs no TLS and is authenticated as the host's
  // service principal.
  std::shared_ptr<grpc::Channel> InProcessChannel();

  // Stops accepting calls, lets in-flight calls finish within the grace period, then stops the
  // workers. Idempotent; thread-safe.
  void Shutdown();

  // Blocks until SIGINT or SIGTERM arrives (or Shutdown() is called), then shuts down.
  void RunUntilSignal();

  // A channel to a service by short name; see HostEnv::channel_to.
  std::shared_ptr<grpc::Channel> ChannelTo(absl::string_view service);

  // Delivers every pending outbox message now (tests, and shutdown), including what the deliveries
  // themselves cause.
  absl::Status FlushOutboxes();

  // The metrics endpoint's port (0 when there is none).
  int metrics_port() const;
  // Samples the gauges now (the scheduler does it every metrics_interval).
  void SampleMetrics();

 private:
  ServiceHost() = default;
  bool Hosts(absl::string_view service) const;
  // The configured address of a service hosted elsewhere ("" when none is configured).
  std::string AddressOf(absl::string_view service) const;
  // Logs, once per pair, that `caller` asked for a channel to a service it does not declare.
  void NoteUndeclaredCall(absl::string_view caller, absl::string_view callee);

  Options options_;
  // Before the server: its interceptor counts into it until the server is gone.
  std::unique_ptr<HostMetrics> metrics_;
  std::unique_ptr<WorkerPool> pool_;
  // One per service, for the calls co-hosted services make to it (see Start).
  std::vector<std::unique_ptr<WorkerPool>> internal_pools_;
  InternalCaller internal_;
  HostEnv env_;
  // Before the services and relays, so it outlives their jobs.
  std::unique_ptr<Scheduler> scheduler_;
  std::vector<std::unique_ptr<HostedService>> services_;
  std::unique_ptr<grpc::Server> server_;
  std::vector<std::unique_ptr<OutboxRelay>> relays_;
  // The service whose outbox each relay ships (parallel to relays_).
  std::vector<HostedService*> relay_sources_;
  // Which services' relays are stalled past HostConfig.relay_alarm_seconds, and when that was
  // last logged. Only the watch job (on the scheduler's one thread) touches them.
  absl::flat_hash_map<HostedService*, absl::Time> stalled_;
  ScheduledJob relay_watch_;
  ScheduledJob metrics_job_;
  // Health of each service from its relays: NOT_SERVING while one is stalled, logged each minute.
  void WatchRelays();
  absl::Mutex channels_mu_;
  absl::flat_hash_map<std::string, std::shared_ptr<grpc::Channel>> channels_
      ABSL_GUARDED_BY(channels_mu_);
  absl::Mutex undeclared_mu_;
  absl::flat_hash_set<std::string> undeclared_ ABSL_GUARDED_BY(undeclared_mu_);
  int port_ = 0;
  absl::Mutex mu_;
  bool shut_down_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_SERVICE_HOST_H_
