#include "services/common/host_metrics.h"

#include <algorithm>
#include <exception>
#include <map>
#include <utility>

#include <prometheus/counter.h>
#include <prometheus/exposer.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "services/common/log.h"
#include "services/common/status.h"

namespace schakel {

struct HostMetrics::State {
  std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
  std::unique_ptr<prometheus::Exposer> exposer;
  prometheus::Family<prometheus::Counter>* requests = nullptr;
  prometheus::Family<prometheus::Histogram>* latency = nullptr;
  absl::Mutex mu;
  // Series by their labels, so a call finds its counter without the family's own lookup.
  absl::flat_hash_map<std::string, prometheus::Counter*> counters ABSL_GUARDED_BY(mu);
  absl::flat_hash_map<std::string, prometheus::Histogram*> histograms ABSL_GUARDED_BY(mu);
  absl::flat_hash_map<std::string, prometheus::Family<prometheus::Gauge>*> gauge_families
      ABSL_GUARDED_BY(mu);
};

namespace {

bool AllowedKey(absl::string_view key) {
  return std::find(std::begin(kAllowedLabelKeys), std::end(kAllowedLabelKeys), key) !=
         std::end(kAllowedLabelKeys);
}

// "/schakel.v1.CasesService/GetCase" -> {"schakel.v1.CasesService", "GetCase"}.
std::pair<std::string, std::string> SplitMethod(absl::string_view full_method) {
  if (!full_method.empty() && full_method.front() == '/') full_method.remove_prefix(1);
  const size_t slash = full_method.find('/');
  if (slash == absl::string_view::npos) return {"unknown", std::string(full_method)};
  return {std::string(full_method.substr(0, slash)), std::string(full_method.substr(slash + 1))};
}

// Seconds, from a millisecond to a minute: the calls of this system.
const prometheus::Histogram::BucketBoundaries& LatencyBuckets() {
  static const auto* buckets = new prometheus::Histogram::BucketBoundaries{
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
  return *buckets;
}

class CallInterceptor final : public grpc::experimental::Interceptor {
 public:
  CallInterceptor(HostMetrics* metrics, std::string method)
      : metrics_(metrics), method_(std::move(method)), start_(absl::Now()) {}
  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_STATUS)) {
      metrics_->RecordCall(method_, methods->GetSendStatus().error_code(), absl::Now() - start_);
    }
    methods->Proceed();
  }

 private:
  HostMetrics* metrics_;
  std::string method_;
  absl::Time start_;
};

class CallInterceptorFactory final : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit CallInterceptorFactory(HostMetrics* metrics) : metrics_(metrics) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new CallInterceptor(metrics_, info->method() != nullptr ? info->method() : "unknown");
  }

 private:
  HostMetrics* metrics_;
};

}  // namespace

void AddOverdueCount(sqlite::Database& db, absl::string_view kind, absl::string_view sql,
                     std::initializer_list<int64_t> binds, std::vector<MetricSample>& out) {
  absl::StatusOr<int64_t> n = sqlite::ReadInt(db, sql, binds);
  if (!n.ok()) return;
  out.push_back({"schakel_overdue_deadlines",
                 "Deadlines passed and not met, by service and kind.",
                 {{"kind", std::string(kind)}},
                 static_cast<double>(*n)});
}

absl::StatusOr<std::unique_ptr<HostMetrics>> HostMetrics::Start(const std::string& listen) {
  auto state = std::make_unique<State>();
  try {
    // One thread: a scrape every few seconds from the local Prometheus.
    state->exposer = std::make_unique<prometheus::Exposer>(listen, 1);
  } catch (const std::exception& e) {
    return absl::UnavailableError(
        absl::StrCat("cannot serve metrics on ", listen, " (", e.what(),
                     "): the address is in use or not valid here; choose another "
                     "metrics_listen (--metrics-listen), or \"off\""));
  }
  state->requests = &prometheus::BuildCounter()
                         .Name("schakel_rpc_requests_total")
                         .Help("Calls served, by service, method and status code.")
                         .Register(*state->registry);
  state->latency = &prometheus::BuildHistogram()
                        .Name("schakel_rpc_latency_seconds")
                        .Help("Time from a call's arrival to its status, by service and method.")
                        .Register(*state->registry);
  state->exposer->RegisterCollectable(state->registry);
  return std::unique_ptr<HostMetrics>(new HostMetrics(std::move(state)));
}

HostMetrics::HostMetrics(std::unique_ptr<State> state) : state_(std::move(state)) {}

// The exposer goes first, so no scrape reads the registry while it is destroyed.
HostMetrics::~HostMetrics() { state_->exposer.reset(); }

int HostMetrics::port() const {
  const std::vector<int> ports = state_->exposer->GetListeningPorts();
  return ports.empty() ? 0 : ports.front();
}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
HostMetrics::InterceptorFactory() {
  return std::make_unique<CallInterceptorFactory>(this);
}

void HostMetrics::RecordCall(absl::string_view full_method, grpc::StatusCode code,
                             absl::Duration latency) {
  const auto [service, method] = SplitMethod(full_method);
  const std::string code_name =
      absl::StatusCodeToString(static_cast<absl::StatusCode>(static_cast<int>(code)));
  const std::string key = absl::StrCat(service, "/", method);
  absl::MutexLock lock(&state_->mu);
  prometheus::Counter*& counter = state_->counters[absl::StrCat(key, "/", code_name)];
  if (counter == nullptr) {
    counter =
        &state_->requests->Add({{"service", service}, {"method", method}, {"code", code_name}});
  }
  counter->Increment();
  prometheus::Histogram*& histogram = state_->histograms[key];
  if (histogram == nullptr) {
    histogram = &state_->latency->Add({{"service", service}, {"method", method}}, LatencyBuckets());
  }
  histogram->Observe(absl::ToDoubleSeconds(latency));
}

void HostMetrics::SetGauges(const std::vector<MetricSample>& samples) {
  absl::MutexLock lock(&state_->mu);
  for (const MetricSample& sample : samples) {
    std::map<std::string, std::string> labels;
    std::vector<std::string> refused;
    for (const auto& [key, value] : sample.labels) {
      if (AllowedKey(key)) {
        labels[key] = value;
      } else {
        refused.push_back(key);
      }
    }
    if (!refused.empty()) {
      LogEvent(LogLevel::kError, "metrics.label_refused",
               {{"metric", sample.name}, {"keys", absl::StrJoin(refused, ",")}});
      continue;
    }
    prometheus::Family<prometheus::Gauge>*& family = state_->gauge_families[sample.name];
    if (family == nullptr) {
      try {
        family = &prometheus::BuildGauge()
                      .Name(sample.name)
                      .Help(sample.help)
                      .Register(*state_->registry);
      } catch (const std::exception& e) {
        LogEvent(LogLevel::kError, "metrics.bad_metric",
                 {{"metric", sample.name}, {"detail", e.what()}});
        state_->gauge_families.erase(sample.name);
        continue;
      }
    }
    // Add returns the existing series for labels it has seen.
    family->Add(labels).Set(sample.value);
  }
}

}  // namespace schakel
