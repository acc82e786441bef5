// The client library against the server's side of the contract: errors the RPC edge encodes
// (ToGrpcStatus) decode field by field, and request ids pass the server's request_id rule.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "client/lib/connection.h"
#include "client/lib/errors.h"
#include "services/common/idempotency.h"
#include "services/common/status.h"

namespace schakel::client {
namespace {

TEST(DecodeCallErrorTest, ReturnsEveryFieldViolationTheServerSent) {
  FieldViolations v;
  v.Add("organisation.name", "must not be empty");
  v.Add("organisation.region", "must be one of the 28 regions");
  const grpc::Status sent = ToGrpcStatus(v.ToStatus());

  const CallError error = DecodeCallError(sent);

  EXPECT_EQ(error.code, absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(error.message, sent.error_message());
  ASSERT_EQ(error.field_errors.size(), 2u);
  EXPECT_EQ(error.field_errors[0].field, "organisation.name");
  EXPECT_EQ(error.field_errors[0].description, "must not be empty");
  EXPECT_EQ(error.field_errors[1].field, "organisation.region");
  EXPECT_EQ(error.field_errors[1].description, "must be one of the 28 regions");
}

TEST(DecodeCallErrorTest, PlainErrorHasCodeAndMessageOnly) {
  const CallError error = DecodeCallError(ToGrpcStatus(absl::AbortedError("stale etag")));
  EXPECT_EQ(error.code, absl::StatusCode::kAborted);
  EXPECT_EQ(error.message, "stale etag");
  EXPECT_TRUE(error.field_errors.empty());
}

TEST(DecodeCallErrorTest, IgnoresDetailsThatDoNotParse) {
  const CallError error =
      DecodeCallError(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad", "\xff not a proto"));
  EXPECT_EQ(error.code, absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(error.message, "bad");
  EXPECT_TRUE(error.field_errors.empty());
}

TEST(DecodeCallErrorTest, OkIsOk) {
  const CallError error = DecodeCallError(grpc::Status::OK);
  EXPECT_EQ(error.code, absl::StatusCode::kOk);
  EXPECT_TRUE(error.field_errors.empty());
}

TEST(NewRequestIdTest, IsWellFormedAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = NewRequestId();
    EXPECT_TRUE(IsValidRequestId(id)) << id;
    EXPECT_TRUE(seen.insert(id).second) << "repeated: " << id;
  }
}

TEST(ConnectTest, MissingCertificateFileIsAnErrorNamingIt) {
  const TlsFiles files{
      .cert = "/nonexistent/user.crt", .key = "/nonexistent/user.key", .ca = "/nonexistent/ca.crt"};
  const auto channel = Connect("127.0.0.1:1", files);
  ASSERT_FALSE(channel.ok());
  EXPECT_NE(channel.status().message().find("/nonexistent/"), absl::string_view::npos)
      << channel.status();
}

}  // namespace
}  // namespace schakel::client
