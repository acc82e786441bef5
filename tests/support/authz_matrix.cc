#include "tests/support/authz_matrix.h"

#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"

namespace schakel::testing {

bool AuthzOutcomes::IsRefusal(const grpc::Status& status) const {
  const grpc::StatusCode code = status.error_code();
  return refused.count(code) > 0 || code == grpc::StatusCode::PERMISSION_DENIED ||
         code == grpc::StatusCode::UNAUTHENTICATED;
}

std::vector<std::string> MatrixCallerColumns() {
  return {std::begin(kMatrixCallerNames), std::end(kMatrixCallerNames)};
}

void ExpectMatrixCoversService(const AuthzMatrix& matrix, const AuthorizationTable& table,
                               const std::set<std::string>* calls) {
  const google::protobuf::ServiceDescriptor* service =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(matrix.service);
  ASSERT_NE(service, nullptr) << matrix.service << " is not a service of the generated protos";
  for (int i = 0; i < service->method_count(); ++i) {
    const std::string name(service->method(i)->name());
    EXPECT_TRUE(matrix.allowed.count(name)) << name << " is missing from the test matrix";
    EXPECT_NE(table.Find(name), nullptr) << name << " is missing from the authorization table";
    if (calls != nullptr) {
      EXPECT_TRUE(calls->count(name)) << name << " has no call in the test";
    }
  }
  for (const auto& [method, allowed] : matrix.allowed) {
    EXPECT_NE(service->FindMethodByName(method), nullptr)
        << method << " is in the test matrix but not an RPC of " << matrix.service;
    EXPECT_EQ(allowed.size(), matrix.callers.size()) << method << ": one entry per caller";
  }
  EXPECT_EQ(static_cast<int>(matrix.allowed.size()), service->method_count());
}

AuthzMatrix RowsOf(const AuthzMatrix& matrix, const std::string& begin, const std::string& end) {
  AuthzMatrix part{.service = matrix.service, .callers = matrix.callers, .allowed = {}};
  for (const auto& [method, allowed] : matrix.allowed) {
    if (method >= begin && (end.empty() || method < end)) part.allowed.emplace(method, allowed);
  }
  EXPECT_FALSE(part.allowed.empty()) << "no RPC of the matrix in [" << begin << ", " << end << ")";
  return part;
}

void RunAuthzMatrix(const AuthzMatrix& matrix, const AuthzOutcomes& outcomes,
                    const AuthzCellCall& call) {
  size_t cells = 0;
  for (const auto& [method, allowed] : matrix.allowed) {
    ASSERT_EQ(allowed.size(), matrix.callers.size()) << method << ": one entry per caller";
    for (size_t i = 0; i < matrix.callers.size(); ++i) {
      const AuthzCell cell{method, i, matrix.callers[i], allowed[i]};
      SCOPED_TRACE(absl::StrCat(method, " by ", cell.caller_name));
      grpc::Status st;
      call(cell, st);
      if (::testing::Test::HasFatalFailure()) return;
      const std::string got = absl::StrCat("code ", st.error_code(), ": ", st.error_message());
      if (cell.allowed) {
        EXPECT_FALSE(outcomes.IsRefusal(st)) << "allowed, but refused with " << got;
        if (!outcomes.allowed.empty()) {
          EXPECT_TRUE(outcomes.allowed.count(st.error_code())) << "allowed, but ended with " << got;
        }
      } else {
        EXPECT_TRUE(outcomes.refused.count(st.error_code())) << "refused, but ended with " << got;
      }
      ++cells;
    }
  }
  EXPECT_EQ(cells, matrix.allowed.size() * matrix.callers.size());
}

void RunEmptyRequestMatrix(const AuthzMatrix& matrix, TestHost& host,
                           const std::map<std::string, ChannelCall>& special) {
  ASSERT_EQ(matrix.callers, MatrixCallerColumns());
  const auto channels = MatrixCallers(host);
  // An allowed call with an empty request gets past authorization (to OK, NOT_FOUND,
  // INVALID_ARGUMENT ...); a refused one is PERMISSION_DENIED.
  RunAuthzMatrix(matrix, AuthzOutcomes{}, [&](const AuthzCell& cell, grpc::Status& status) {
    const auto& channel = channels[cell.caller];
    const auto it = special.find(cell.method);
    status =
        it != special.end()
            ? it->second(channel)
            : CallWithEmptyRequest(channel, absl::StrCat("/", matrix.service, "/", cell.method));
  });
}

}  // namespace schakel::testing
