// A retried change to a case (same request_id) gets its first answer even after the change moved
// the state it needed — a director who handed the role over can still retry the transfer — and
// is refused once the caller can no longer see the case.
#include <gtest/gtest.h>

#include "services/common/ids.h"
#include "tests/integration/cases_fixture.h"

namespace schakel {
namespace {

using testing::CasesWorld;
using testing::Ctx;

TEST(CasesReplayTest, ARetriedTransferIsAnsweredAfterTheDirectorMoved) {
  CasesWorld world;
  const auto f = world.MakeCase();
  v1::TransferDirectorRequest transfer;
  transfer.set_request_id("replay-transfer");
  transfer.set_case_id(f.case_id);
  transfer.set_to_professional_id("core");
  v1::TransferDirectorResponse first, again;
  ASSERT_TRUE(world.As("dir")->TransferDirector(Ctx().get(), transfer, &first).ok());
  const std::string etag = world.Get("dir", f.case_id).etag();

  // "dir" is no longer the director, which the transfer itself needed; the retry is answered.
  grpc::Status st = world.As("dir")->TransferDirector(Ctx().get(), transfer, &again);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(again.SerializeAsString(), first.SerializeAsString());
  EXPECT_EQ(world.Get("dir", f.case_id).etag(), etag);  // nothing changed twice

  // The same request id for another request is refused, naming request_id.
  transfer.set_to_professional_id("inv");
  EXPECT_EQ(world.As("dir")->TransferDirector(Ctx().get(), transfer, &again).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST(CasesReplayTest, ARetryIsRefusedToWhoCanNoLongerSeeTheCase) {
  CasesWorld world;
  const auto f = world.MakeCase();
  v1::TransferDirectorRequest transfer;
  transfer.set_request_id("replay-transfer-2");
  transfer.set_case_id(f.case_id);
  transfer.set_to_professional_id("core");
  v1::TransferDirectorResponse first;
  ASSERT_TRUE(world.As("dir")->TransferDirector(Ctx().get(), transfer, &first).ok());
  // The new director takes "dir" off the team: the stored answer (the team) is no longer theirs
  // to see.
  v1::RemoveTeamMemberRequest remove;
  remove.set_request_id(NewRandomId());
  remove.set_case_id(f.case_id);
  remove.set_professional_id("dir");
  v1::RemoveTeamMemberResponse removed;
  ASSERT_TRUE(world.As("core")->RemoveTeamMember(Ctx().get(), remove, &removed).ok());
  v1::TransferDirectorResponse again;
  EXPECT_EQ(world.As("dir")->TransferDirector(Ctx().get(), transfer, &again).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(again.team_size(), 0);
}

TEST(CasesReplayTest, ARetriedCloseIsAnsweredOnTheClosedCase) {
  CasesWorld world;
  const auto f = world.MakeCase();
  v1::CloseCaseRequest close = testing::CloseRequest(f.case_id);
  close.set_request_id("replay-close");
  v1::CloseCaseResponse first, again;
  grpc::Status st = world.As("dir")->CloseCase(Ctx().get(), close, &first);
  ASSERT_TRUE(st.ok()) << st.error_message();
  st = world.As("dir")->CloseCase(Ctx().get(), close, &again);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(again.SerializeAsString(), first.SerializeAsString());
}

}  // namespace
}  // namespace schakel
