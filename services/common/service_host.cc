#include "services/common/service_host.h"

#include <algorithm>
#include <csignal>
#include <map>

#include <grpcpp/create_channel.h>
#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>
#include <grpcpp/support/client_interceptor.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "schakel/v1/audit.grpc.pb.h"
#include "services/common/audit_trail.h"
#include "services/common/config.h"
#include "services/common/identity.h"
#include "services/common/ids.h"
#include "services/common/log.h"
#include "services/common/outbox_route.h"
#include "services/common/pki.h"
#include "services/common/status.h"

namespace schakel {
namespace {

// Adds the host's internal token to every call on the in-process channel.
class InternalTokenInterceptor final : public grpc::experimental::Interceptor {
 public:
  explicit InternalTokenInterceptor(std::string token) : token_(std::move(token)) {}
  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      methods->GetSendInitialMetadata()->insert({kInternalTokenKey, token_});
    }
    methods->Proceed();
  }

 private:
  std::string token_;
};

class InternalTokenInterceptorFactory final
    : public grpc::experimental::ClientInterceptorFactoryInterface {
 public:
  explicit InternalTokenInterceptorFactory(std::string token) : token_(std::move(token)) {}
  grpc::experimental::Interceptor* CreateClientInterceptor(
      grpc::experimental::ClientRpcInfo* /*info*/) override {
    return new InternalTokenInterceptor(token_);
  }

 private:
  std::string token_;
};

bool Contains(const std::vector<std::string>& names, absl::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string FindCallCycle(const std::vector<std::unique_ptr<HostedService>>& services) {
  std::map<std::string, std::vector<std::string>> calls;
  for (const auto& service : services) calls[std::string(service->name())] = service->calls();
  enum class Mark { kNew, kOnPath, kDone };
  std::map<std::string, Mark> marks;
  std::vector<std::string> path;
  std::string cycle;
  std::function<bool(const std::string&)> visit = [&](const std::string& name) {
    marks[name] = Mark::kOnPath;
    path.push_back(name);
    for (const std::string& callee : calls[name]) {
      if (!calls.contains(callee)) continue;
      if (marks[callee] == Mark::kOnPath) {
        std::vector<std::string> loop(std::find(path.begin(), path.end(), callee), path.end());
        loop.push_back(callee);
        cycle = absl::StrJoin(loop, " -> ");
        return true;
      }
      if (marks[callee] == Mark::kNew && visit(callee)) return true;
    }
    path.pop_back();
    marks[name] = Mark::kDone;
    return false;
  };
  // In the order the services were given, so the same set always names the same cycle.
  for (const auto& service : services) {
    const std::string name(service->name());
    if (marks[name] == Mark::kNew && visit(name)) return cycle;
  }
  return "";
}

absl::StatusOr<std::unique_ptr<ServiceHost>> ServiceHost::Start(
    Options options, std::vector<std::unique_ptr<HostedService>> services) {
  std::unique_ptr<ServiceHost> host(new ServiceHost());
  auto subject = pki::ParseCertificateSubject(options.tls.cert_pem);
  if (!subject.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the host certificate does not name a principal: ", subject.status().message()));
  }
  if (subject->kind != pki::CertificateKind::kService) {
    return absl::InvalidArgumentError(
        "the host certificate must be a service certificate (OU=service); issue one with "
        "`schakelctl pki issue --kind=service`");
  }
  std::error_code ec;
  std::filesystem::create_directories(options.data_dir, ec);
  if (ec) {
    return absl::FailedPreconditionError(absl::StrCat(
        "cannot create data directory ", options.data_dir.string(), ": ", ec.message()));
  }

  // Each service runs the calls other co-hosted services make to it on a small pool of its own
  // (see below); a cycle of synchronous calls could fill those pools with calls waiting on each
  // other. Outbox routes are asynchronous and not part of this.
  if (const std::string cycle = FindCallCycle(services); !cycle.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the synchronous calls between the hosted services form a cycle, which can deadlock "
        "their pools: ",
        cycle, "; make one of these calls an outbox route"));
  }

  host->options_ = std::move(options);
  FoldDeprecatedServiceAddresses(host->options_.config);
  host->pool_ = std::make_unique<WorkerPool>(host->options_.worker_threads);
  host->scheduler_ = std::make_unique<Scheduler>();
  host->internal_.token = NewRandomId() + NewRandomId();
  host->internal_.host.id = subject->principal_id;
  host->internal_.host.organisation_id = subject->organisation_id;
  host->internal_.host.kind = v1::PRINCIPAL_KIND_SERVICE;
  host->env_.clock = host->options_.clock ? host->options_.clock : &RealClock::Instance();
  host->env_.pool = host->pool_.get();
  host->env_.internal = &host->internal_;
  host->env_.scheduler = host->scheduler_.get();
  host->env_.data_dir = host->options_.data_dir;
  host->env_.config = host->options_.config;
  ServiceHost* raw = host.get();
  host->env_.channel_to = [raw](absl::string_view service) { return raw->ChannelTo(service); };
  host->services_ = std::move(services);

  if (!host->Hosts(kAuditService) && host->AddressOf(kAuditService).empty()) {
    return absl::InvalidArgumentError(
        "every service records to the audit log: host `audit` here (--services=all) or give "
        "its address in the config (service_addresses { key: \"audit\" value: \"host:port\" }; "
        "formerly audit_address)");
  }
  for (auto& service : host->services_) {
    // Each service runs the calls other co-hosted services make to it on a pool of its own: the
    // synchronous calls between services form no cycle (checked above), so a service whose
    // handlers wait on another's can never fill the pool that other one needs.
    host->internal_pools_.push_back(std::make_unique<WorkerPool>(2));
    HostEnv env = host->env_;
    env.internal_pool = host->internal_pools_.back().get();
    env.channel_to = [raw, caller = std::string(service->name()),
                      declared = service->calls()](absl::string_view callee) {
      if (!Contains(declared, callee)) raw->NoteUndeclaredCall(caller, callee);
      return raw->ChannelTo(callee);
    };
    if (auto st = service->Open(env); !st.ok()) {
      return absl::Status(st.code(), absl::StrCat("service ", service->name(), ": ", st.message()));
    }
  }

  // Deployment tooling reads routes_to(): a declaration that has drifted from the routes is a
  // bug, caught here before anything listens.
  std::vector<std::vector<OutboxRoute>> routes;
  for (auto& service : host->services_) {
    routes.push_back(service->outbox_routes());
    const std::vector<std::string> declared = service->routes_to();
    for (const OutboxRoute& route : routes.back()) {
      if (!Contains(declared, route.target)) {
        return absl::InternalError(absl::StrCat("service ", service->name(), " routes topic ",
                                                route.topic, " to ", route.target,
                                                " but does not list it in routes_to()"));
      }
    }
  }

  if (!host->options_.metrics_listen.empty()) {
    SCHAKEL_ASSIGN_OR_RETURN(host->metrics_, HostMetrics::Start(host->options_.metrics_listen));
  }

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  // gRPC allows SO_REUSEPORT by default; a second host on a busy port must fail, not share it.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  // Set here, not left to gRPC's default: the limit is the operator's, documented in config.proto.
  const int max_request = host->options_.config.max_request_bytes();
  builder.SetMaxReceiveMessageSize(max_request > 0 ? max_request : 4 << 20);
  auto credentials = MutualTlsServerCredentials(host->options_.tls);
  credentials->SetAuthMetadataProcessor(std::make_shared<CertificateAuthProcessor>());
  builder.AddListeningPort(host->options_.listen, credentials, &host->port_);
  for (auto& service : host->services_) builder.RegisterService(service->grpc_service());
  if (host->metrics_ != nullptr) {
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> counters;
    counters.push_back(host->metrics_->InterceptorFactory());
    builder.experimental().SetInterceptorCreators(std::move(counters));
  }
  host->server_ = builder.BuildAndStart();
  if (host->server_ == nullptr || host->port_ == 0) {
    host->pool_->Join();
    for (auto& p : host->internal_pools_) p->Join();
    return absl::UnavailableError(absl::StrCat("cannot listen on ", host->options_.listen,
                                               ": the address is in use or not valid here; stop "
                                               "what holds it or choose another --listen"));
  }
  auto* health = host->server_->GetHealthCheckService();
  health->SetServingStatus(true);
  for (auto& service : host->services_) {
    health->SetServingStatus(std::string(service->full_name()), true);
  }
  // Jobs scheduled by the services in Open() start now that channels can be made.
  host->scheduler_->Start();
  // One relay per service database ships its audit records to AuditService, and one per route
  // of that outbox (case events, timeline events) to the service it names.
  for (size_t i = 0; i < host->services_.size(); ++i) {
    HostedService* service = host->services_[i].get();
    sqlite::Database* db = service->outbox_database();
    if (db == nullptr) continue;
    const std::string source(service->name());
    // The audit records of this outbox, stamped with their source and sequence.
    OutboxRoute audit = BatchRoute<v1::AuditService>(
        kAuditTopic, kAuditService, &v1::AuditService::Stub::Append,
        [source](v1::AppendRequest& request, const OutboxMessage& m) -> absl::Status {
          v1::AuditRecord* record = request.add_records();
          if (!record->ParseFromString(m.payload)) {
            return absl::DataLossError("an outbox audit record does not parse");
          }
          record->set_source_service(source);
          record->set_source_sequence(m.seq);
          return absl::OkStatus();
        });
    auto relay = std::make_unique<OutboxRelay>(
        *db, kAuditTopic,
        [raw, send = std::move(audit.send)](const std::vector<OutboxMessage>& batch) {
          return send(raw->ChannelTo(kAuditService), batch);
        },
        host->options_.relay);
    relay->Start(*host->scheduler_);
    host->relays_.push_back(std::move(relay));
    host->relay_sources_.push_back(service);
    for (OutboxRoute& route : routes[i]) {
      if (!host->Hosts(route.target) && host->AddressOf(route.target).empty()) {
        // Messages wait in the outbox until a host that can reach the target starts.
        LogEvent(LogLevel::kWarning, "outbox.route_unreachable",
                 {{"source", source}, {"topic", route.topic}, {"target", route.target}});
        continue;
      }
      auto routed = std::make_unique<OutboxRelay>(
          *db, route.topic,
          [raw, target = route.target,
           send = std::move(route.send)](const std::vector<OutboxMessage>& batch) {
            return send(raw->ChannelTo(target), batch);
          },
          host->options_.relay);
      routed->Start(*host->scheduler_);
      host->relays_.push_back(std::move(routed));
      host->relay_sources_.push_back(service);
    }
  }
  host->relay_watch_ = host->scheduler_->Schedule("host.relay_watch", absl::Seconds(1),
                                                  [raw] { raw->WatchRelays(); });
  if (host->metrics_ != nullptr) {
    host->metrics_job_ = host->scheduler_->Schedule("host.metrics", host->options_.metrics_interval,
                                                    [raw] { raw->SampleMetrics(); });
    LogEvent(LogLevel::kInfo, "host.metrics",
             {{"listen", host->options_.metrics_listen},
              {"port", static_cast<int64_t>(host->metrics_->port())}});
  }
  LogEvent(LogLevel::kInfo, "host.serving",
           {{"listen", host->options_.listen},
            {"port", static_cast<int64_t>(host->port_)},
            {"services", static_cast<int64_t>(host->services_.size())}});
  return host;
}

ServiceHost::~ServiceHost() { Shutdown(); }

void ServiceHost::WatchRelays() {
  const int alarm_s = options_.config.relay_alarm_seconds();
  const absl::Duration alarm = absl::Seconds(alarm_s > 0 ? alarm_s : 300);
  const absl::Time now = absl::Now();
  absl::flat_hash_map<HostedService*, std::pair<absl::Time, const OutboxRelay*>> stalled_now;
  for (size_t i = 0; i < relays_.size(); ++i) {
    const std::optional<absl::Time> since = relays_[i]->failing_since();
    if (!since.has_value() || now - *since < alarm) continue;
    auto [it, inserted] = stalled_now.try_emplace(relay_sources_[i], *since, relays_[i].get());
    if (!inserted && *since < it->second.first) it->second = {*since, relays_[i].get()};
  }
  auto* health = server_ != nullptr ? server_->GetHealthCheckService() : nullptr;
  for (const auto& [service, stall] : stalled_now) {
    auto it = stalled_.find(service);
    const bool first = it == stalled_.end();
    if (!first && now - it->second < absl::Minutes(1)) continue;
    if (first && health != nullptr)
      health->SetServingStatus(std::string(service->full_name()), false);
    LogEvent(LogLevel::kError, "outbox.relay_stalled",
             {{"service", service->name()},
              {"topic", absl::string_view(stall.second->topic())},
              {"failing_s", absl::ToInt64Seconds(now - stall.first)},
              {"health", "NOT_SERVING"}});
    stalled_[service] = now;
  }
  for (auto it = stalled_.begin(); it != stalled_.end();) {
    if (stalled_now.contains(it->first)) {
      ++it;
      continue;
    }
    if (health != nullptr) health->SetServingStatus(std::string(it->first->full_name()), true);
    LogEvent(LogLevel::kInfo, "outbox.relay_recovered",
             {{"service", it->first->name()}, {"health", "SERVING"}});
    stalled_.erase(it++);
  }
}

bool ServiceHost::Hosts(absl::string_view service) const {
  return std::any_of(services_.begin(), services_.end(),
                     [&](const auto& s) { return s->name() == service; });
}

std::string ServiceHost::AddressOf(absl::string_view service) const {
  const auto& addresses = options_.config.service_addresses();
  const auto it = addresses.find(std::string(service));
  return it == addresses.end() ? std::string() : it->second;
}

void ServiceHost::NoteUndeclaredCall(absl::string_view caller, absl::string_view callee) {
  {
    absl::MutexLock lock(&undeclared_mu_);
    if (!undeclared_.insert(absl::StrCat(caller, "->", callee)).second) return;
  }
  // The call still goes through, but the cycle check did not see it: the service must declare it.
  LogEvent(LogLevel::kWarning, "host.undeclared_call", {{"caller", caller}, {"callee", callee}});
}

std::shared_ptr<grpc::Channel> ServiceHost::ChannelTo(absl::string_view service) {
  if (Hosts(service)) return InProcessChannel();
  absl::MutexLock lock(&channels_mu_);
  auto it = channels_.find(service);
  if (it != channels_.end()) return it->second;
  const std::string address = AddressOf(service);
  // With no address the channel fails each call with UNAVAILABLE, which callers retry.
  auto channel = grpc::CreateChannel(address.empty() ? "unix:/nonexistent" : address,
                                     MutualTlsChannelCredentials(options_.tls));
  channels_[std::string(service)] = channel;
  return channel;
}

absl::Status ServiceHost::FlushOutboxes() {
  // A delivery can cause more (a case event makes the handover service write audit records and
  // timeline events): go round until a pass delivers nothing new.
  for (int pass = 0; pass < 8; ++pass) {
    int64_t before = 0;
    int64_t after = 0;
    for (auto& relay : relays_) before += relay->delivered();
    for (auto& relay : relays_) SCHAKEL_RETURN_IF_ERROR(relay->DeliverPending());
    for (auto& relay : relays_) after += relay->delivered();
    if (after == before) break;
  }
  return absl::OkStatus();
}

std::shared_ptr<grpc::Channel> ServiceHost::InProcessChannel() {
  std::vector<std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface>> factories;
  factories.push_back(std::make_unique<InternalTokenInterceptorFactory>(internal_.token));
  return server_->experimental().InProcessChannelWithInterceptors(grpc::ChannelArguments(),
                                                                  std::move(factories));
}

void ServiceHost::Shutdown() {
  {
    absl::MutexLock lock(&mu_);
    if (shut_down_) return;
    shut_down_ = true;
  }
  if (server_ != nullptr) {
    server_->GetHealthCheckService()->Shutdown();
    LogEvent(LogLevel::kInfo, "host.shutting_down",
             {{"grace_ms", absl::ToInt64Milliseconds(options_.shutdown_grace)}});
    // Ship what is pending while the audit service still answers; records written by calls
    // still in flight stay in their outbox, durable, for the next start.
    if (absl::Status st = FlushOutboxes(); !st.ok()) {
      LogEvent(LogLevel::kWarning, "host.flush_incomplete",
               {{"code", absl::StatusCodeToString(st.code())}});
    }
    for (auto& service : services_) service->BeginShutdown();
    server_->Shutdown(absl::ToChronoTime(absl::Now() + options_.shutdown_grace));
    server_->Wait();
  }
  // No periodic job runs after this (one that is running is waited for): no relay attempt, no
  // service timer.
  relay_watch_.Cancel();
  metrics_job_.Cancel();
  if (scheduler_ != nullptr) scheduler_->Stop();
  for (auto& relay : relays_) relay->Stop(absl::ZeroDuration());
  for (auto& service : services_) service->Stop();
  if (pool_ != nullptr) pool_->Join();
  for (auto& p : internal_pools_) p->Join();
  LogEvent(LogLevel::kInfo, "host.stopped");
}

void ServiceHost::RunUntilSignal() {
  boost::asio::io_context io;
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  boost::asio::steady_timer poll(io);
  signals.async_wait([&](const boost::system::error_code& error, int signal) {
    if (!error) {
      LogEvent(LogLevel::kInfo, "host.signal", {{"signal", static_cast<int64_t>(signal)}});
    }
    poll.cancel();
    io.stop();
  });
  // Also return when someone calls Shutdown() directly.
  std::function<void()> watch = [&] {
    poll.expires_after(std::chrono::milliseconds(200));
    poll.async_wait([&](const boost::system::error_code& error) {
      if (error) return;
      {
        absl::MutexLock lock(&mu_);
        if (shut_down_) {
          io.stop();
          return;
        }
      }
      watch();
    });
  };
  watch();
  io.run();
  Shutdown();
}

int ServiceHost::metrics_port() const { return metrics_ != nullptr ? metrics_->port() : 0; }

void ServiceHost::SampleMetrics() {
  if (metrics_ == nullptr) return;
  const absl::Time now = env_.clock->Now();
  std::vector<MetricSample> samples;
  for (size_t i = 0; i < relays_.size(); ++i) {
    const std::string service(relay_sources_[i]->name());
    absl::StatusOr<OutboxBacklog> backlog =
        OutboxBacklogOf(*relay_sources_[i]->outbox_database(), relays_[i]->topic());
    if (!backlog.ok()) continue;  // a read that fails now is tried again next round
    const std::vector<std::pair<std::string, std::string>> labels = {
        {"service", service}, {"topic", relays_[i]->topic()}};
    samples.push_back({"schakel_outbox_pending",
                       "Messages waiting in an outbox, by sending service and topic.", labels,
                       static_cast<double>(backlog->pending)});
    samples.push_back(
        {"schakel_outbox_oldest_age_seconds",
         "Age of the oldest message waiting in an outbox (0 when none waits).", labels,
         backlog->oldest ? std::max(0.0, absl::ToDoubleSeconds(now - *backlog->oldest)) : 0.0});
  }
  for (auto& service : services_) {
    for (MetricSample& sample : service->MetricSamples()) {
      sample.labels.insert(sample.labels.begin(), {"service", std::string(service->name())});
      samples.push_back(std::move(sample));
    }
  }
  metrics_->SetGauges(samples);
}

}  // namespace schakel
