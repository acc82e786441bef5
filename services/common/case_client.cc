#include "services/common/case_client.h"

#include <grpcpp/client_context.h>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "schakel/v1/cases.grpc.pb.h"
#include "services/common/outbox.h"
#include "services/common/outbox_route.h"
#include "services/common/proto_time.h"
#include "services/common/rpc.h"

namespace schakel {

absl::StatusOr<v1::CheckAccessResponse> AskCaseAccess(const HostEnv& env,
                                                      const std::string& case_id,
                                                      const std::string& principal_id,
                                                      const std::string& person_id) {
  auto stub = v1::CaseService::NewStub(env.channel_to("cases"));
  grpc::ClientContext ctx;
  // Asked for a call being served: no longer than its client waits (CurrentCall()).
  InheritDeadline(ctx, absl::Seconds(10));
  v1::CheckAccessRequest request;
  request.set_case_id(case_id);
  request.set_principal_id(principal_id);
  request.set_person_id(person_id);
  v1::CheckAccessResponse response;
  const grpc::Status status = stub->CheckAccess(&ctx, request, &response);
  if (status.error_code() == grpc::StatusCode::NOT_FOUND ||
      status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
    return v1::CheckAccessResponse();  // no such case: nobody has access
  }
  if (status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED) {
    return absl::DeadlineExceededError("the cases service did not say in time who is on the case");
  }
  if (!status.ok()) {
    return absl::UnavailableError(absl::StrCat(
        "the cases service could not be asked who is on the case: ", status.error_message()));
  }
  return response;
}

absl::Status WriteCaseTimelineEvent(sqlite::Connection& c, const CaseTimelineEvent& event) {
  v1::CaseEventInput e;
  e.set_source_service(event.source_service);
  e.set_case_id(event.case_id);
  e.set_type(event.type);
  SetTime(e.mutable_time(), event.now);
  e.set_sensitivity(event.sensitivity);
  e.set_summary(event.summary);
  e.set_actor_id(event.actor_id);
  e.set_actor_organisation_id(event.actor_organisation_id);
  return WriteToOutbox(c, kCaseTimelineTopic, e, absl::FromUnixMicros(event.now)).status();
}

OutboxRoute CaseTimelineRoute() {
  return BatchRoute<v1::CaseService>(
      kCaseTimelineTopic, "cases", &v1::CaseService::Stub::RecordCaseEvents,
      [](v1::RecordCaseEventsRequest& request, const OutboxMessage& m) -> absl::Status {
        v1::CaseEventInput* e = request.add_events();
        if (!e->ParseFromString(m.payload)) {
          return absl::DataLossError("an outbox timeline event does not parse");
        }
        e->set_source_sequence(m.seq);
        return absl::OkStatus();
      });
}

}  // namespace schakel
