// Outbox routes whose receiver takes a whole batch in one unary RPC: the one sender every route
// uses instead of a hand-written loop per service.
#ifndef SCHAKEL_SERVICES_COMMON_OUTBOX_ROUTE_H_
#define SCHAKEL_SERVICES_COMMON_OUTBOX_ROUTE_H_

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include "absl/status/status.h"
#include "services/common/hosted_service.h"
#include "services/common/outbox.h"
#include "services/common/status.h"

namespace schakel {

// How long one batch may take to be taken durably by its receiver.
inline constexpr std::chrono::seconds kOutboxDeliveryDeadline{10};

// Delivers a batch of `topic` to `target` through `rpc` of `Service` (e.g.
// &v1::CaseService::Stub::RecordCaseEvents): `add` puts one message — its payload and its outbox
// sequence, on which the receiver de-duplicates — into the request; a payload that does not parse
// is DATA_LOSS, and the batch stays in the outbox. OK means the receiver took the whole batch.
template <typename Service, typename Request, typename Response>
OutboxRoute BatchRoute(std::string topic, std::string target,
                       grpc::Status (Service::Stub::*rpc)(grpc::ClientContext*, const Request&,
                                                          Response*),
                       std::function<absl::Status(std::type_identity_t<Request>& request,
                                                  const OutboxMessage& message)>
                           add) {
  OutboxRoute route;
  route.topic = std::move(topic);
  route.target = std::move(target);
  route.send = [rpc, add = std::move(add)](const std::shared_ptr<grpc::Channel>& channel,
                                           const std::vector<OutboxMessage>& batch) {
    Request request;
    for (const OutboxMessage& m : batch) {
      if (absl::Status st = add(request, m); !st.ok()) return st;
    }
    auto stub = Service::NewStub(channel);
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + kOutboxDeliveryDeadline);
    Response response;
    return FromGrpcStatus(((*stub).*rpc)(&ctx, request, &response));
  };
  return route;
}

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_OUTBOX_ROUTE_H_
