// What a service library offers the host, and what the host gives it.
#ifndef SCHAKEL_SERVICES_COMMON_HOSTED_SERVICE_H_
#define SCHAKEL_SERVICES_COMMON_HOSTED_SERVICE_H_

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/channel.h>
#include <grpcpp/impl/codegen/service_type.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "schakel/v1/config.pb.h"
#include "services/common/clock.h"
#include "services/common/identity.h"
#include "services/common/outbox.h"
#include "services/common/scheduler.h"
#include "services/common/sqlite.h"
#include "services/common/worker_pool.h"

namespace schakel {

// The only services the shared code names. Every outbox's audit topic goes to the audit service,
// and roles come from the directory; any other service is known only by what the host is given.
inline constexpr char kAuditService[] = "audit";
inline constexpr char kDirectoryService[] = "directory";

// Everything a hosted service may use. Owned by the host; outlives every service.
struct HostEnv {
  const Clock* clock = nullptr;
  WorkerPool* pool = nullptr;
  // Runs calls that arrive over the in-process channel. They come from handlers already holding a
  // `pool` thread (a role lookup in the directory, say); on the same pool, enough of those would
  // wait on work queued behind themselves. Each service has its own, so a chain of calls
  // (handover -> cases -> directory) never waits on a pool its own callers fill.
  WorkerPool* internal_pool = nullptr;
  const InternalCaller* internal = nullptr;
  // Runs the service's periodic jobs (timers), one at a time, on the host's one scheduler thread,
  // next to the outbox relays. Null when there is no host (then a service schedules nothing).
  Scheduler* scheduler = nullptr;
  std::filesystem::path data_dir;
  v1::HostConfig config;
  // A channel to the named service ("directory"): in-process when it is hosted here, otherwise
  // mutual TLS to its entry in the config's service_addresses, as this host. Valid once the host
  // runs. Name only services listed in HostedService::calls() (the host logs any other).
  std::function<std::shared_ptr<grpc::Channel>(absl::string_view service)> channel_to;
};

// A topic of a service's outbox that the host relays to another service: `send` delivers one batch
// over a channel to `target` (a short service name), and OK means the target durably took all of
// it. The target must be idempotent on (calling service, sequence number).
struct OutboxRoute {
  std::string topic;
  std::string target;
  std::function<absl::Status(const std::shared_ptr<grpc::Channel>& channel,
                             const std::vector<OutboxMessage>& batch)>
      send;
};

// One value a service reports for the host's metrics endpoint, as a gauge: `name` in Prometheus
// form (schakel_..._total is for counters, so not here), with labels from a fixed set of keys
// (HostMetrics refuses others) whose values name kinds of things, never a case, report or
// person. The host adds the label service=<name()>.
struct MetricSample {
  std::string name;
  std::string help;
  std::vector<std::pair<std::string, std::string>> labels;
  double value = 0;
};

// The edges between services, declared by each service for two readers: the host, which refuses
// a set of co-hosted services whose *synchronous* calls form a cycle, and deployment tooling,
// which needs every edge to know which addresses a host must be given.
//
// - calls(): services whose answer a handler or timer of this service waits for (a channel_to
//   call). A cycle among these can deadlock: each service runs the calls it receives from
//   co-hosted services on a small pool of its own, and a -> b -> a fills a's pool with calls that
//   wait on b, which waits on a's pool. The host checks these at start.
// - routes_to(): targets of outbox_routes(). A relay delivers those messages later, on the host's
//   scheduler, and no handler waits on the delivery, so a route cannot deadlock a pool and is
//   not part of the cycle check (cases -> handover by case events, handover -> cases by timeline
//   events is such a pair, and fine). The host checks that every route's target is listed.
//
// The audit topic of every outbox goes to `audit` (kAuditService) without being listed.
class HostedService {
 public:
  virtual ~HostedService() = default;
  // Short name used in --services and for the database file ("directory").
  virtual absl::string_view name() const = 0;
  // The fully qualified gRPC service name ("schakel.v1.DirectoryService"), for health.
  virtual absl::string_view full_name() const = 0;
  virtual grpc::Service* grpc_service() = 0;
  // Opens and migrates the service's database. Called once, before the host listens.
  virtual absl::Status Open(const HostEnv& env) = 0;
  // The database whose outbox the host relays (audit records, commands), or null. Valid after
  // Open().
  virtual sqlite::Database* outbox_database() { return nullptr; }
  // Topics of that outbox, besides "audit", the host relays to other services.
  virtual std::vector<OutboxRoute> outbox_routes() { return {}; }
  // Services (short names) this one calls synchronously; see above.
  virtual std::vector<std::string> calls() const { return {}; }
  // Services (short names) this one sends outbox messages to: the targets of outbox_routes().
  virtual std::vector<std::string> routes_to() const { return {}; }
  // Gauges for the metrics endpoint (a backlog, overdue deadlines, the log's size), sampled on
  // the host's scheduler every HostConfig.metrics_interval_seconds. Cheap reads only.
  virtual std::vector<MetricSample> MetricSamples() { return {}; }
  // Called once when the host begins to shut down, before it waits for in-flight calls: end
  // long-lived streams so the wait does not last the whole grace period.
  virtual void BeginShutdown() {}
  // Called once when the host shuts down, after in-flight calls finished: stop timers.
  virtual void Stop() {}
};

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_HOSTED_SERVICE_H_
