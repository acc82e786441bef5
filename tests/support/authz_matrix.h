// Authorization matrices: for each RPC of a service and each kind of caller, whether the call is
// allowed, written out in the test independently of the service's AuthorizationTable, so that a
// change to the table that is not also made in the test fails. This file holds what every matrix
// test does the same way: checking the matrix against the service's proto descriptor (no RPC
// unlisted), running every cell and judging its outcome.
#ifndef SCHAKEL_TESTS_SUPPORT_AUTHZ_MATRIX_H_
#define SCHAKEL_TESTS_SUPPORT_AUTHZ_MATRIX_H_

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <grpcpp/channel.h>
#include <grpcpp/support/status.h>

#include "services/common/authz.h"
#include "tests/support/test_env.h"

namespace schakel::testing {

struct AuthzMatrix {
  // The service's full name, "schakel.v1.CaseService".
  std::string service;
  // The columns: one name per kind of caller.
  std::vector<std::string> callers;
  // Per RPC (bare name), one entry per caller: true = allowed.
  std::map<std::string, std::vector<bool>> allowed;
};

// How a cell's status is judged. An allowed call never ends with PERMISSION_DENIED or
// UNAUTHENTICATED.
struct AuthzOutcomes {
  // A refused call ends with one of these.
  std::set<grpc::StatusCode> refused = {grpc::StatusCode::PERMISSION_DENIED};
  // An allowed call ends with one of these; empty: with any code that is not a refusal.
  std::set<grpc::StatusCode> allowed;

  // Whether `status` is a refusal (one of `refused`, or UNAUTHENTICATED/PERMISSION_DENIED).
  bool IsRefusal(const grpc::Status& status) const;
};

// The MatrixCaller columns, in enum order (for matrices called through MatrixCallers()).
std::vector<std::string> MatrixCallerColumns();

// The keys of a map (the RPCs a test has calls for).
template <typename Map>
std::set<std::string> KeysOf(const Map& map) {
  std::set<std::string> keys;
  for (const auto& [key, value] : map) keys.insert(key);
  return keys;
}

// Adds a test failure for every way `matrix` does not match its service: an RPC of the service's
// descriptor missing from the matrix, a matrix row that is not an RPC of the service, a row whose
// length is not the number of callers, an RPC missing from `table`, and (when `calls` is given)
// an RPC the test has no call for.
void ExpectMatrixCoversService(const AuthzMatrix& matrix, const AuthorizationTable& table,
                               const std::set<std::string>* calls = nullptr);

// The matrix with only the rows whose RPC sorts before `end` and not before `begin` ("" for no
// bound): a long matrix run as several tests, which ctest runs side by side. Adds a failure when
// the part is empty.
AuthzMatrix RowsOf(const AuthzMatrix& matrix, const std::string& begin, const std::string& end);

// One cell of a matrix.
struct AuthzCell {
  const std::string& method;
  size_t caller;  // index into AuthzMatrix::callers
  const std::string& caller_name;
  bool allowed;  // what the matrix expects
};

// Makes one cell's call and stores its status in `status`. It may set up what the call needs, and
// check what the call left behind, with ASSERT_*: a fatal failure ends the run.
using AuthzCellCall = std::function<void(const AuthzCell& cell, grpc::Status& status)>;

// Runs every cell of `matrix` (RPC by RPC in name order, each caller in column order) under a
// SCOPED_TRACE naming it, and adds a failure for each status that `outcomes` says does not match
// the matrix. Stops at the first fatal failure.
void RunAuthzMatrix(const AuthzMatrix& matrix, const AuthzOutcomes& outcomes,
                    const AuthzCellCall& call);

// The matrix of a service whose every RPC can be called by the standard MatrixCallers on `host`:
// each cell calls its RPC with an empty request (CallWithEmptyRequest), except the RPCs in
// `special`, which are called as given (a server stream, say). `matrix.callers` must be
// MatrixCallerColumns().
using ChannelCall = std::function<grpc::Status(const std::shared_ptr<grpc::Channel>& channel)>;
void RunEmptyRequestMatrix(const AuthzMatrix& matrix, TestHost& host,
                           const std::map<std::string, ChannelCall>& special = {});

}  // namespace schakel::testing

#endif  // SCHAKEL_TESTS_SUPPORT_AUTHZ_MATRIX_H_
