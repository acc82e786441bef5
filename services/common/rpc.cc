#include "services/common/rpc.h"
#include "absl/strings/string_view.h"

#include <exception>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/ids.h"
#include "services/common/log.h"
#include "services/common/status.h"

namespace schakel {

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

grpc::ServerUnaryReactor* HandleUnary(grpc::CallbackServerContext* ctx, const HostEnv& env,
                                      const Authorizer& authorizer, AuditTrail* audit,
                                      absl::string_view service, absl::string_view method,
                                      RpcHandler handler) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  const absl::Time start = absl::Now();
  auto finish = [reactor, start, service, method](const absl::Status& status,
                                                  absl::string_view principal_id) {
    const absl::Status visible = ClientVisible(status, method);
    LogEvent(status.ok() ? LogLevel::kInfo : LogLevel::kWarning, "rpc",
             {{"service", service},
              {"method", method},
              {"principal", principal_id},
              {"code", absl::StatusCodeToString(status.code())},
              {"ms", absl::ToDoubleMilliseconds(absl::Now() - start)}});
    reactor->Finish(ToGrpcStatus(visible));
  };

  absl::StatusOr<Principal> principal = AuthenticateCall(*ctx, env.internal);
  if (!principal.ok()) {
    finish(principal.status(), "");
    return reactor;
  }
  WorkerPool* pool = principal->peer == kInProcessPeer && env.internal_pool != nullptr
                         ? env.internal_pool
                         : env.pool;
  pool->Post([&authorizer, audit, method, handler = std::move(handler), finish,
              principal = *std::move(principal)]() {
    absl::Status status;
    try {
      absl::StatusOr<Caller> caller = authorizer.Authorize(principal, method);
      status = caller.ok() ? handler(*caller) : caller.status();
      // Refusals are on record whether the table or the handler (an entry of another
      // organisation, say) decided them, and only sent once the record is durable.
      if (audit != nullptr &&
          (absl::IsPermissionDenied(status) || absl::IsUnauthenticated(status))) {
        if (absl::Status recorded =
                audit->RecordDurably(audit->NewDeniedRecord(principal, method, status));
            !recorded.ok()) {
          status = absl::UnavailableError("could not record the access attempt; retry");
        }
      }
    } catch (const std::exception& e) {
      status = absl::InternalError(absl::StrCat("exception: ", e.what()));
    } catch (...) {
      status = absl::InternalError("unknown exception");
    }
    finish(status, principal.id);
  });
  return reactor;
}

}  // namespace schakel
