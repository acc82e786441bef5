#include "services/common/rpc.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>

#include <boost/asio/steady_timer.hpp>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "services/common/ids.h"
#include "services/common/log.h"
#include "services/common/status.h"

namespace schakel {
namespace {

thread_local const CallContext* current_call = nullptr;

// Makes `call` the CurrentCall() of this thread for the scope's lifetime.
class ScopedCurrentCall {
 public:
  explicit ScopedCurrentCall(const CallContext* call) : previous_(current_call) {
    current_call = call;
  }
  ScopedCurrentCall(const ScopedCurrentCall&) = delete;
  ScopedCurrentCall& operator=(const ScopedCurrentCall&) = delete;
  ~ScopedCurrentCall() { current_call = previous_; }

 private:
  const CallContext* previous_;
};

// Runs `work`, turning an exception into INTERNAL: none may escape a reactor or a worker.
template <typename Work>
auto Guarded(Work&& work) -> decltype(work()) {
  try {
    return work();
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat("exception: ", e.what()));
  } catch (...) {
    return absl::InternalError("unknown exception");
  }
}

// The one log line of a call.
void LogCall(absl::string_view service, absl::string_view method, absl::string_view principal_id,
             const absl::Status& status, absl::Time start) {
  LogEvent(status.ok() ? LogLevel::kInfo : LogLevel::kWarning, "rpc",
           {{"service", service},
            {"method", method},
            {"principal", principal_id},
            {"code", absl::StatusCodeToString(status.code())},
            {"ms", absl::ToDoubleMilliseconds(absl::Now() - start)}});
}

// Calls over the in-process channel come from handlers already holding a `pool` thread.
WorkerPool* PoolFor(const Principal& principal, const HostEnv& env) {
  return principal.peer == kInProcessPeer && env.internal_pool != nullptr ? env.internal_pool
                                                                          : env.pool;
}

}  // namespace

const CallContext* CurrentCall() { return current_call; }

absl::Time DeadlineOf(const grpc::ServerContextBase& ctx) {
  const std::chrono::system_clock::time_point deadline = ctx.deadline();
  if (deadline == std::chrono::system_clock::time_point::max()) return absl::InfiniteFuture();
  return absl::FromChrono(deadline);
}

absl::Time NestedDeadline(absl::Time call_deadline, absl::Time now, absl::Duration cap) {
  return std::min(call_deadline, now + cap);
}

void InheritDeadline(grpc::ClientContext& client, const CallContext& call, absl::Duration cap) {
  client.set_deadline(absl::ToChronoTime(NestedDeadline(call.deadline(), absl::Now(), cap)));
}

void InheritDeadline(grpc::ClientContext& client, absl::Duration cap) {
  const CallContext* call = CurrentCall();
  const absl::Time deadline = call != nullptr ? call->deadline() : absl::InfiniteFuture();
  client.set_deadline(absl::ToChronoTime(NestedDeadline(deadline, absl::Now(), cap)));
}

absl::Status ClientVisible(const absl::Status& status, absl::string_view method) {
  switch (status.code()) {
    case absl::StatusCode::kInternal:
    case absl::StatusCode::kUnknown:
    case absl::StatusCode::kDataLoss: {
      const std::string incident = NewRandomId().substr(0, 12);
      LogEvent(LogLevel::kError, "rpc.internal_error",
               {{"method", method},
                {"incident", absl::string_view(incident)},
                {"detail", status.message()}});
      return absl::Status(status.code(),
                          absl::StrCat("internal error; incident ", incident, " is in the log"));
    }
    default:
      return status;
  }
}

void AskedObjects::Add(absl::string_view type, absl::string_view id) {
  absl::MutexLock lock(&mu_);
  objects_.push_back(AskedObject{std::string(type), std::string(id)});
}

std::vector<AskedObject> AskedObjects::Get() const {
  absl::MutexLock lock(&mu_);
  return objects_;
}

absl::Status RecordIfRefused(AuditTrail* audit, const Principal& principal,
                             absl::string_view method, absl::Status status,
                             const std::vector<AskedObject>& asked) {
  if (audit == nullptr || !(absl::IsPermissionDenied(status) || absl::IsUnauthenticated(status))) {
    return status;
  }
  // Refusals are on record whether the table or the handler (an entry of another organisation,
  // say) decided them, and only sent once the record is durable.
  absl::Status recorded = Guarded([&] {
    return audit->RecordDurably(audit->NewDeniedRecord(principal, method, status, asked));
  });
  if (!recorded.ok()) {
    LogEvent(LogLevel::kError, "rpc.refusal_not_recorded",
             {{"method", method},
              {"code", absl::StatusCodeToString(recorded.code())},
              {"detail", recorded.message()}});
    return absl::UnavailableError("could not record the access attempt; retry");
  }
  return status;
}

grpc::ServerUnaryReactor* HandleUnary(grpc::CallbackServerContext* ctx, const HostEnv& env,
                                      const Authorizer& authorizer, AuditTrail* audit,
                                      absl::string_view service, absl::string_view method,
                                      std::vector<AskedObject> asked, CallHandler handler) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  const absl::Time start = absl::Now();
  auto finish = [reactor, start, service, method](const absl::Status& status,
                                                  absl::string_view principal_id) {
    const absl::Status visible = ClientVisible(status, method);
    LogCall(service, method, principal_id, status, start);
    reactor->Finish(ToGrpcStatus(visible));
  };

  absl::StatusOr<Principal> principal = AuthenticateCall(*ctx, env.internal);
  if (!principal.ok()) {
    finish(principal.status(), "");
    return reactor;
  }
  WorkerPool* pool = PoolFor(*principal, env);
  pool->Post([ctx, &authorizer, audit, method, handler = std::move(handler), finish,
              principal = *std::move(principal), asked = std::move(asked)]() mutable {
    AskedObjects asked_objects(std::move(asked));
    absl::Status status = Guarded([&]() -> absl::Status {
      absl::StatusOr<Caller> caller = authorizer.Authorize(principal, method);
      if (!caller.ok()) return caller.status();
      // The handler runs before Finish, so `ctx` is alive while it may ask.
      const CallContext call(
          *caller, DeadlineOf(*ctx), [ctx] { return ctx->IsCancelled(); }, &asked_objects);
      ScopedCurrentCall scope(&call);
      return handler(call);
    });
    status = RecordIfRefused(audit, principal, method, std::move(status), asked_objects.Get());
    finish(status, principal.id);
  });
  return reactor;
}

grpc::ServerUnaryReactor* HandleUnary(grpc::CallbackServerContext* ctx, const HostEnv& env,
                                      const Authorizer& authorizer, AuditTrail* audit,
                                      absl::string_view service, absl::string_view method,
                                      CallHandler handler) {
  return HandleUnary(ctx, env, authorizer, audit, service, method, {}, std::move(handler));
}

grpc::ServerUnaryReactor* HandleUnary(grpc::CallbackServerContext* ctx, const HostEnv& env,
                                      const Authorizer& authorizer, AuditTrail* audit,
                                      absl::string_view service, absl::string_view method,
                                      RpcHandler handler) {
  return HandleUnary(ctx, env, authorizer, audit, service, method, {},
                     CallHandler([handler = std::move(handler)](const CallContext& call) {
                       return handler(call.caller());
                     }));
}

namespace rpc_internal {

// Invariants: a Step and a write are never in flight together; a Step starts only with nothing
// queued; Finish is called once, with no write in flight, and after an OK End only once every
// queued message was written.
struct StreamCore::State {
  grpc::CallbackServerContext* ctx;
  StreamEdge edge;
  absl::Time start = absl::Now();
  absl::Time deadline = absl::InfiniteFuture();
  absl::Duration reauthorize_every;
  // Set in Begin, before any task is posted; read-only afterwards.
  Principal principal;
  WorkerPool* pool = nullptr;
  // Shared with the CallContexts handed to Step: asking them stays safe whatever the call does.
  std::shared_ptr<std::atomic<bool>> cancelled = std::make_shared<std::atomic<bool>>(false);
  std::atomic<bool> refused{false};
  // Seeded from edge.asked; Steps may add to it (CallContext::AskedFor).
  AskedObjects asked;

  absl::Mutex mu;
  // Owns the stream until gRPC is done with it (OnDone); tasks hold their own reference.
  std::shared_ptr<StreamCore> self ABSL_GUARDED_BY(mu);
  std::unique_ptr<boost::asio::steady_timer> timer ABSL_GUARDED_BY(mu);
  int queued ABSL_GUARDED_BY(mu) = 0;
  bool stepping ABSL_GUARDED_BY(mu) = false;
  bool writing ABSL_GUARDED_BY(mu) = false;
  bool wake ABSL_GUARDED_BY(mu) = false;
  bool ending ABSL_GUARDED_BY(mu) = false;
  bool finished ABSL_GUARDED_BY(mu) = false;
  absl::Status final ABSL_GUARDED_BY(mu);
};

StreamCore::StreamCore(grpc::CallbackServerContext* ctx, StreamEdge edge)
    : state_(std::make_unique<State>()) {
  state_->ctx = ctx;
  state_->edge = edge;
  for (const AskedObject& a : edge.asked) state_->asked.Add(a.type, a.id);
  state_->deadline = DeadlineOf(*ctx);
  absl::Duration every = edge.reauthorize_every;
  if (every <= absl::ZeroDuration()) {
    const int ttl_ms = edge.env->config.role_cache_ttl_ms();
    every = absl::Milliseconds(ttl_ms > 0 ? ttl_ms : 2000);
  }
  state_->reauthorize_every = every;
}

StreamCore::~StreamCore() = default;

void StreamCore::Begin(std::shared_ptr<StreamCore> self) {
  {
    absl::MutexLock lock(&state_->mu);
    state_->self = std::move(self);
  }
  absl::StatusOr<Principal> principal = AuthenticateCall(*state_->ctx, state_->edge.env->internal);
  if (!principal.ok()) {
    End(principal.status());
    return;
  }
  state_->principal = *std::move(principal);
  state_->pool = PoolFor(state_->principal, *state_->edge.env);
  std::shared_ptr<StreamCore> keep;
  {
    absl::MutexLock lock(&state_->mu);
    state_->timer = std::make_unique<boost::asio::steady_timer>(state_->pool->executor());
    state_->stepping = true;
    keep = state_->self;
  }
  ArmTimer();
  state_->pool->Post([keep] { keep->StepTask(); });
}

void StreamCore::End(absl::Status status) {
  {
    absl::MutexLock lock(&state_->mu);
    if (!state_->ending) {
      state_->ending = true;
      state_->final = std::move(status);
      if (!state_->final.ok()) state_->cancelled->store(true);
      if (state_->timer != nullptr) state_->timer->cancel();
    }
  }
  MaybeFinish();
}

void StreamCore::Wake() {
  std::shared_ptr<StreamCore> keep;
  {
    absl::MutexLock lock(&state_->mu);
    if (state_->ending || state_->self == nullptr) return;
    if (state_->stepping || state_->writing || state_->queued > 0) {
      state_->wake = true;
      return;
    }
    state_->stepping = true;
    keep = state_->self;
  }
  state_->pool->Post([keep] { keep->StepTask(); });
}

void StreamCore::Queued() {
  absl::MutexLock lock(&state_->mu);
  ++state_->queued;
}

void StreamCore::StepTask() {
  bool skip = false;
  {
    absl::MutexLock lock(&state_->mu);
    if (state_->ending) state_->stepping = false;
    skip = state_->ending;
  }
  if (skip) {
    MaybeFinish();
    return;
  }
  const StreamEdge& edge = state_->edge;
  absl::StatusOr<Caller> caller =
      Guarded([&] { return edge.authorizer->Authorize(state_->principal, edge.method); });
  absl::Status status = caller.status();
  if (caller.ok()) {
    const CallContext call(
        *caller, state_->deadline, [cancelled = state_->cancelled] { return cancelled->load(); },
        &state_->asked);
    ScopedCurrentCall scope(&call);
    status = Guarded([&] { return RunStep(call); });
  }
  bool write = false;
  std::shared_ptr<StreamCore> again;
  {
    absl::MutexLock lock(&state_->mu);
    state_->stepping = false;
    if (status.ok() && (!state_->ending || state_->final.ok())) {
      if (state_->queued > 0) {
        state_->writing = true;
        write = true;
      } else if (state_->wake && !state_->ending && state_->self != nullptr) {
        state_->wake = false;
        state_->stepping = true;
        again = state_->self;
      }
    }
  }
  if (!status.ok()) {
    Refuse(status);
  } else if (write) {
    WriteFront();
  } else if (again != nullptr) {
    state_->pool->Post([again] { again->StepTask(); });
  } else {
    MaybeFinish();
  }
}

void StreamCore::WriteDone(bool ok) {
  bool write = false;
  std::shared_ptr<StreamCore> again;
  {
    absl::MutexLock lock(&state_->mu);
    state_->writing = false;
    PopFront();
    --state_->queued;
    if (ok && (!state_->ending || state_->final.ok())) {
      if (state_->queued > 0) {
        state_->writing = true;
        write = true;
      } else if (state_->wake && !state_->ending && state_->self != nullptr) {
        state_->wake = false;
        state_->stepping = true;
        again = state_->self;
      }
    }
  }
  if (!ok) {
    End(absl::CancelledError("the client went away"));
  } else if (write) {
    WriteFront();
  } else if (again != nullptr) {
    state_->pool->Post([again] { again->StepTask(); });
  } else {
    MaybeFinish();
  }
}

void StreamCore::Cancelled() {
  state_->cancelled->store(true);
  End(absl::CancelledError("the client hung up"));
}

void StreamCore::Done() {
  std::shared_ptr<StreamCore> keep;
  {
    absl::MutexLock lock(&state_->mu);
    state_->ending = state_->finished = true;
    state_->cancelled->store(true);
    if (state_->timer != nullptr) state_->timer->cancel();
    keep = std::move(state_->self);
  }
  RunEnded();
  // `keep` goes last: it may be the final reference.
}

void StreamCore::ArmTimer() {
  absl::MutexLock lock(&state_->mu);
  if (state_->ending || state_->timer == nullptr) return;
  std::weak_ptr<StreamCore> weak = state_->self;
  state_->timer->expires_after(absl::ToChronoNanoseconds(state_->reauthorize_every));
  state_->timer->async_wait([weak](const boost::system::error_code& error) {
    if (error) return;
    if (std::shared_ptr<StreamCore> self = weak.lock()) self->Reauthorize();
  });
}

void StreamCore::Reauthorize() {
  {
    absl::MutexLock lock(&state_->mu);
    if (state_->ending) return;
  }
  const StreamEdge& edge = state_->edge;
  absl::StatusOr<Caller> caller =
      Guarded([&] { return edge.authorizer->Authorize(state_->principal, edge.method); });
  if (!caller.ok()) {
    Refuse(caller.status());
    return;
  }
  ArmTimer();
}

void StreamCore::Refuse(const absl::Status& status) {
  // A refusal found by a Step and by the timer at once is recorded once.
  const bool refusal = absl::IsPermissionDenied(status) || absl::IsUnauthenticated(status);
  if (refusal && state_->refused.exchange(true)) {
    MaybeFinish();
    return;
  }
  End(RecordIfRefused(state_->edge.audit, state_->principal, state_->edge.method, status,
                      state_->asked.Get()));
}

void StreamCore::MaybeFinish() {
  absl::Status final;
  {
    absl::MutexLock lock(&state_->mu);
    if (!state_->ending || state_->finished || state_->writing) return;
    if (state_->final.ok() && (state_->stepping || state_->queued > 0)) return;
    state_->finished = true;
    final = state_->final;
  }
  LogCall(state_->edge.service, state_->edge.method, state_->principal.id, final, state_->start);
  FinishCall(ToGrpcStatus(ClientVisible(final, state_->edge.method)));
}

}  // namespace rpc_internal
}  // namespace schakel
