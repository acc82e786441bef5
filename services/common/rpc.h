// The edge of every RPC: authenticate on gRPC's thread (cheap), then authorize and run the handler
// on the worker pool (disk, crypto), and finish the reactor from there. A refusal is on record
// before it is answered. The handler's absl::Status is converted to grpc::Status exactly once,
// here, with internal details replaced by an incident id. No exception escapes. Each call writes
// one "rpc" log line when it ends.
//
// Unary RPCs use HandleUnary; server-streaming RPCs derive from ServerStream<Response>.
//
// Deadlines: a handler sees its call's deadline in CallContext, and a call it makes to another
// service inherits that deadline (InheritDeadline) instead of waiting a fixed time for a client
// that may have gone. Code below a handler that has no CallContext at hand (a helper asking
// another service) finds the call that runs on its thread with CurrentCall().
#ifndef SCHAKEL_SERVICES_COMMON_RPC_H_
#define SCHAKEL_SERVICES_COMMON_RPC_H_

#include <deque>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include <grpcpp/client_context.h>
#include <grpcpp/server_context.h>
#include <grpcpp/support/server_callback.h>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/common/audit_trail.h"
#include "services/common/authz.h"
#include "services/common/hosted_service.h"

namespace schakel {

// The objects a call asked for (see AskedObject), gathered for the audit record of its refusal.
// Thread-safe.
class AskedObjects {
 public:
  AskedObjects() = default;
  explicit AskedObjects(std::vector<AskedObject> initial) : objects_(std::move(initial)) {}
  void Add(absl::string_view type, absl::string_view id) ABSL_LOCKS_EXCLUDED(mu_);
  std::vector<AskedObject> Get() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  mutable absl::Mutex mu_;
  std::vector<AskedObject> objects_ ABSL_GUARDED_BY(mu_);
};

// What a handler knows about its call besides the request. Valid while the handler (or a stream's
// Step) runs; copy what must outlive it.
class CallContext {
 public:
  CallContext(const Caller& caller, absl::Time deadline, std::function<bool()> cancelled,
              AskedObjects* asked = nullptr)
      : caller_(caller), deadline_(deadline), cancelled_(std::move(cancelled)), asked_(asked) {}

  const Caller& caller() const { return caller_; }
  // When the client stops waiting; absl::InfiniteFuture() when it set no deadline.
  absl::Time deadline() const { return deadline_; }
  // True once the client cancelled or its deadline passed (and, for a stream, once the stream is
  // ending): long work may stop early, nobody reads its answer. Thread-safe.
  bool cancelled() const { return cancelled_ != nullptr && cancelled_(); }
  // Names an object this call asked for, found while handling it (a person behind a search, the
  // case of a handover): should the call be refused, its audit record names it. Thread-safe.
  void AskedFor(absl::string_view type, absl::string_view id) const {
    if (asked_ != nullptr) asked_->Add(type, id);
  }

 private:
  const Caller& caller_;
  absl::Time deadline_;
  std::function<bool()> cancelled_;
  AskedObjects* asked_;
};

// The call whose handler or stream Step runs on this thread, or null outside one (a timer, a
// relay). Set by HandleUnary and ServerStream around the handler only, not around authorization.
const CallContext* CurrentCall();

// The deadline of the call in `ctx`; absl::InfiniteFuture() when the client set none.
absl::Time DeadlineOf(const grpc::ServerContextBase& ctx);

// The deadline of a call made while serving another: the earlier of `call_deadline` and
// `now + cap`. Work for a client that stopped waiting stops too, and no nested call waits longer
// than `cap`, even for a client that set no deadline.
absl::Time NestedDeadline(absl::Time call_deadline, absl::Time now, absl::Duration cap);
// Sets `client`'s deadline to NestedDeadline(call.deadline(), now, cap).
void InheritDeadline(grpc::ClientContext& client, const CallContext& call, absl::Duration cap);
// The same for CurrentCall(); outside a call, now + cap.
void InheritDeadline(grpc::ClientContext& client, absl::Duration cap);

using RpcHandler = std::function<absl::Status(const Caller&)>;
using CallHandler = std::function<absl::Status(const CallContext&)>;

// `method` is the bare RPC name as in the authorization table ("GrantRole"); `service` the short
// service name, for the log. A refused call (PERMISSION_DENIED, UNAUTHENTICATED after the
// certificate was read) is recorded durably in `audit` (when given) before the answer goes out;
// when that record cannot be written the caller gets UNAVAILABLE. The handler runs on a worker,
// with CurrentCall() set to its CallContext. `asked` names the objects the request asks for (the
// case of GetCase, say): a refusal's audit record names them, also when the authorization table
// refused the call before the handler ran.
grpc::ServerUnaryReactor* HandleUnary(grpc::CallbackServerContext* ctx, const HostEnv& env,
                                      const Authorizer& authorizer, AuditTrail* audit,
                                      absl::string_view service, absl::string_view method,
                                      std::vector<AskedObject> asked, CallHandler handler);
// The same without objects known before the handler runs.
grpc::ServerUnaryReactor* HandleUnary(grpc::CallbackServerContext* ctx, const HostEnv& env,
                                      const Authorizer& authorizer, AuditTrail* audit,
                                      absl::string_view service, absl::string_view method,
                                      CallHandler handler);
// The same for a handler that needs only the caller.
grpc::ServerUnaryReactor* HandleUnary(grpc::CallbackServerContext* ctx, const HostEnv& env,
                                      const Authorizer& authorizer, AuditTrail* audit,
                                      absl::string_view service, absl::string_view method,
                                      RpcHandler handler);

// What the client is told for a status: INTERNAL, UNKNOWN and DATA_LOSS details go to the log
// only, under an incident id the client can quote.
absl::Status ClientVisible(const absl::Status& status, absl::string_view method);

// `status` as the caller should get it, after a refusal (PERMISSION_DENIED or UNAUTHENTICATED) of
// `principal` was recorded durably in `audit`: UNAVAILABLE when that record could not be written.
// Other statuses, and any status when `audit` is null, pass unchanged and unrecorded.
// The record names the objects in `asked` (see AskedObject).
absl::Status RecordIfRefused(AuditTrail* audit, const Principal& principal,
                             absl::string_view method, absl::Status status,
                             const std::vector<AskedObject>& asked = {});

// Where a stream sits: the parts HandleUnary takes. `env` and `authorizer` must be set; every
// pointer must outlive the stream.
struct StreamEdge {
  const HostEnv* env = nullptr;
  const Authorizer* authorizer = nullptr;
  AuditTrail* audit = nullptr;  // refusals are recorded here; may be null
  absl::string_view service;    // short service name, for the log
  absl::string_view method;     // bare RPC name, as in the authorization table
  // How often an open stream is authorized again even when it sends nothing. Zero: the host's
  // role cache interval (HostConfig.role_cache_ttl_ms, 2 s when unset), so a revocation ends the
  // stream within about twice that.
  absl::Duration reauthorize_every = absl::ZeroDuration();
  // What the request asks for, named in the record of a refusal (see HandleUnary).
  std::vector<AskedObject> asked;
};

namespace rpc_internal {

// The state machine of a server stream, apart from its message type (see ServerStream).
class StreamCore {
 public:
  StreamCore(grpc::CallbackServerContext* ctx, StreamEdge edge);
  StreamCore(const StreamCore&) = delete;
  StreamCore& operator=(const StreamCore&) = delete;
  virtual ~StreamCore();

  void End(absl::Status status);
  void Wake();

 protected:
  // Authenticates on gRPC's thread and posts the first Step; `self` owns the stream until
  // gRPC is done with it.
  void Begin(std::shared_ptr<StreamCore> self);
  // A message was queued (from Step only).
  void Queued();
  void WriteDone(bool ok);
  void Cancelled();
  void Done();

 private:
  virtual absl::Status RunStep(const CallContext& call) = 0;
  virtual void RunEnded() = 0;
  // Writes the oldest queued message; PopFront drops it once written.
  virtual void WriteFront() = 0;
  virtual void PopFront() = 0;
  virtual void FinishCall(const grpc::Status& status) = 0;

  struct State;
  void StepTask();
  void Reauthorize();
  void ArmTimer();
  // Records a refusal once and ends the stream with what the client should hear.
  void Refuse(const absl::Status& status);
  // Finishes the call when the state allows it; call with state_->mu not held.
  void MaybeFinish();

  std::unique_ptr<State> state_;
};

}  // namespace rpc_internal

// A server-streaming RPC at the edge. Derive, implement Step, and return from the RPC method
//   return ServerStream<R>::Start(std::make_shared<MyStream>(ctx, edge, ...));
//
// The stream authenticates the call on gRPC's thread, then on the worker pool authorizes it and
// runs Step. Step runs again after every Wake(), each time after all queued messages were written
// and never concurrently with itself; wakes while Step runs or a write is in flight are
// coalesced into one more Step. Before every Step, and at least every
// StreamEdge::reauthorize_every while the stream is open, the caller is authorized again; a
// refusal is recorded durably (UNAVAILABLE when it cannot be) and ends the stream with it. One
// message is in flight at a time (gRPC's flow control). A Step that fails ends the stream with
// its status, made ClientVisible; an exception becomes INTERNAL. The stream ends on End(), when
// the client cancels or its deadline passes, or when a write fails.
template <typename Response>
class ServerStream : public grpc::ServerWriteReactor<Response>,
                     public std::enable_shared_from_this<ServerStream<Response>>,
                     private rpc_internal::StreamCore {
 public:
  static grpc::ServerWriteReactor<Response>* Start(std::shared_ptr<ServerStream> stream) {
    ServerStream* raw = stream.get();
    raw->Begin(std::shared_ptr<rpc_internal::StreamCore>(stream, raw));
    return raw;
  }

  // Ends the stream (thread-safe; the first end wins). With OK, the queued messages are written
  // first; with any other status they are dropped and the client gets it (ClientVisible).
  void End(absl::Status status) { StreamCore::End(std::move(status)); }
  // Asks for another Step once the queued messages are written (thread-safe).
  void Wake() { StreamCore::Wake(); }

 protected:
  ServerStream(grpc::CallbackServerContext* ctx, StreamEdge edge) : StreamCore(ctx, edge) {}

  // Queues `message` for the client. Only from Step; the writes start when Step returns.
  void Send(Response message) {
    queue_.push_back(std::move(message));
    Queued();
  }

  // Runs on a worker with `call` freshly authorized (see above). Queues messages with Send; may
  // call Wake() for another Step after they are written, or End(). Non-OK ends the stream.
  virtual absl::Status Step(const CallContext& call) = 0;
  // Runs once when gRPC is done with the call (on gRPC's thread): drop subscriptions here. Must
  // not block.
  virtual void OnEnded() {}

 private:
  void OnWriteDone(bool ok) override { WriteDone(ok); }
  void OnCancel() override { Cancelled(); }
  void OnDone() override { Done(); }

  absl::Status RunStep(const CallContext& call) override { return Step(call); }
  void RunEnded() override { OnEnded(); }
  void WriteFront() override { this->StartWrite(&queue_.front()); }
  void PopFront() override { queue_.pop_front(); }
  void FinishCall(const grpc::Status& status) override { this->Finish(status); }

  // Pushed by Step, popped after each write; never both at once (see StreamCore).
  std::deque<Response> queue_;
};

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_RPC_H_
