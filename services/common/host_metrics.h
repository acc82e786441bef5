// HostMetrics: the host's Prometheus endpoint (prometheus-cpp, text format over plain HTTP).
//
// It listens on its own address, 127.0.0.1 by default (HostConfig.metrics_listen), never on the
// mutual-TLS port: what it shows is operational (counts, latencies, backlogs, ages) and carries no
// personal data and no id of a case, report or person. Two kinds of series:
//
// - Per RPC, counted by a server interceptor on every call the host serves (over TLS and over
//   the in-process channel): schakel_rpc_requests_total{service,method,code} and
//   schakel_rpc_latency_seconds{service,method}. The label values are the method names gRPC
//   registered, so their number is bounded.
// - Gauges sampled on the host's scheduler (SetGauges): each outbox's backlog and age per route,
//   and what each service reports (HostedService::MetricSamples): overdue deadlines, the audit
//   log's size and the age of its last checkpoint.
//
// Labels come from a fixed set of keys (kAllowedLabelKeys); a sample with any other key is
// dropped and logged, so a service cannot put an id in a label by accident.
#ifndef SCHAKEL_SERVICES_COMMON_HOST_METRICS_H_
#define SCHAKEL_SERVICES_COMMON_HOST_METRICS_H_

#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/support/server_interceptor.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/common/hosted_service.h"

namespace schakel {

// The label keys a metric may carry. Their values name kinds of things (a service, a method, a
// status code, an outbox topic, a kind of deadline), never an instance.
inline constexpr absl::string_view kAllowedLabelKeys[] = {"service", "method", "code",
                                                          "topic",   "target", "kind"};

// Appends the gauge schakel_overdue_deadlines{kind=`kind`}, counted by `sql` (a COUNT with
// `binds`) on `db`; nothing when the read fails (the next sample tries again). For the services'
// MetricSamples().
void AddOverdueCount(sqlite::Database& db, absl::string_view kind, absl::string_view sql,
                     std::initializer_list<int64_t> binds, std::vector<MetricSample>& out);

class HostMetrics {
 public:
  // Listens on `listen` ("127.0.0.1:7490"; port 0 picks a free one). Fails with a message that
  // names the address when it cannot bind.
  static absl::StatusOr<std::unique_ptr<HostMetrics>> Start(const std::string& listen);
  ~HostMetrics();
  HostMetrics(const HostMetrics&) = delete;
  HostMetrics& operator=(const HostMetrics&) = delete;

  // The port bound.
  int port() const;

  // For ServerBuilder::experimental().SetInterceptorCreators: counts every call the server
  // finishes. The factory refers to this object, which must outlive the server.
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> InterceptorFactory();

  // Counts one finished call of `full_method` ("/schakel.v1.CasesService/GetCase").
  void RecordCall(absl::string_view full_method, grpc::StatusCode code, absl::Duration latency);

  // Sets each sample's gauge (created on first sight). Thread-safe.
  void SetGauges(const std::vector<MetricSample>& samples);

 private:
  struct State;
  explicit HostMetrics(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_HOST_METRICS_H_
