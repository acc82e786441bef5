#include "services/common/status.h"

#include <gtest/gtest.h>

namespace schakel {
namespace {

TEST(FieldViolationsTest, EmptyIsOk) { EXPECT_TRUE(FieldViolations().ToStatus().ok()); }

TEST(FieldViolationsTest, NamesEveryField) {
  FieldViolations v;
  v.Add("organisation.name", "must not be empty");
  v.Add("organisation.region", "must be one of the 28 regions");
  absl::Status st = v.ToStatus();
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(st.message().find("organisation.name"), absl::string_view::npos);
  EXPECT_NE(st.message().find("organisation.region"), absl::string_view::npos);
  google::rpc::BadRequest br = BadRequestOf(st);
  ASSERT_EQ(br.field_violations_size(), 2);
  EXPECT_EQ(br.field_violations(0).field(), "organisation.name");
  EXPECT_EQ(br.field_violations(1).field(), "organisation.region");
}

TEST(StatusConversionTest, RoundTripsCodeMessageAndBadRequest) {
  absl::Status st = InvalidField("request_id", "must be set");
  grpc::Status g = ToGrpcStatus(st);
  EXPECT_EQ(g.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_FALSE(g.error_details().empty());
  absl::Status back = FromGrpcStatus(g);
  EXPECT_EQ(back.code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(BadRequestOf(back).field_violations_size(), 1);
  EXPECT_EQ(BadRequestOf(back).field_violations(0).field(), "request_id");
}

TEST(StatusConversionTest, PlainErrorsHaveNoDetails) {
  grpc::Status g = ToGrpcStatus(absl::AbortedError("stale etag"));
  EXPECT_EQ(g.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(g.error_message(), "stale etag");
  EXPECT_TRUE(g.error_details().empty());
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
}

absl::StatusOr<int> Half(int x) {
  if (x % 2 != 0) return absl::InvalidArgumentError("odd");
  return x / 2;
}

absl::Status Quarter(int x, int& out) {
  SCHAKEL_ASSIGN_OR_RETURN(int h, Half(x));
  SCHAKEL_ASSIGN_OR_RETURN(out, Half(h));
  SCHAKEL_RETURN_IF_ERROR(out > 100 ? absl::OutOfRangeError("big") : absl::OkStatus());
  return absl::OkStatus();
}

TEST(StatusMacrosTest, ReturnEarlyOnError) {
  int out = 0;
  EXPECT_TRUE(Quarter(8, out).ok());
  EXPECT_EQ(out, 2);
  EXPECT_EQ(Quarter(6, out).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Quarter(800, out).code(), absl::StatusCode::kOutOfRange);
}

}  // namespace
}  // namespace schakel
