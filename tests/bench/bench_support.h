// What the plain load generators (cases_bench, intake_bench) share: the closed loop that times
// every call of N clients in a window, the pooled rows and their table, the host's per-call log
// times, the process's CPU and context switches, and the floors every service figure stands
// beside — an mTLS echo (grpc.health.v1.Health/Check, answered by gRPC itself) and a commit of one
// audit-record-sized row, alone (plain) or gathered with the others' (GroupCommitter, what
// AuditTrail::RecordDurably does). Nothing here passes or fails on time; see docs/performance.md.
#ifndef SCHAKEL_TESTS_BENCH_BENCH_SUPPORT_H_
#define SCHAKEL_TESTS_BENCH_BENCH_SUPPORT_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <grpcpp/client_context.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "schakel/v1/common.pb.h"
#include "services/common/audit_trail.h"
#include "services/common/sqlite.h"
#include "tests/support/test_env.h"

namespace schakel::bench {

using SteadyClock = std::chrono::steady_clock;

// The name in front of every message ("cases_bench").
void SetProgramName(std::string name);
const std::string& ProgramName();

[[noreturn]] void Die(absl::string_view what, const absl::Status& status);
void OrDie(const absl::Status& status, absl::string_view what);
template <typename T>
T OrDie(absl::StatusOr<T> value, absl::string_view what) {
  if (!value.ok()) Die(what, value.status());
  return *std::move(value);
}

void SetDeadline(grpc::ClientContext& ctx, int seconds);
absl::Status FromGrpc(const grpc::Status& st);

// The whole process (every thread): CPU seconds, context switches and bytes written through
// write/pwrite (/proc/self/io wchar).
struct Usage {
  double cpu_seconds = 0;
  int64_t switches = 0;
  int64_t written = 0;
};
Usage ProcessUsage();

// The host's log lines: info lines go through a real write to /dev/null (as they would go to a
// pipe), warnings and errors to stderr; while a window is open the `ms` of each "rpc" line is kept
// per method.
class ServerTimes {
 public:
  void Start();
  std::map<std::string, std::vector<double>> Stop();
  void Line(absl::string_view line);

 private:
  absl::Mutex mu_;
  bool on_ ABSL_GUARDED_BY(mu_) = false;
  std::map<std::string, std::vector<double>> ms_ ABSL_GUARDED_BY(mu_);
};
ServerTimes& server_times();
void InstallLogSink();

// Nearest rank on sorted values; Percentile sorts a copy.
double Rank(const std::vector<double>& sorted, double q);
double Percentile(std::vector<double> v, double q);

// One window of one row.
struct Window {
  std::vector<double> micros;  // successful calls started inside the window
  int64_t errors = 0;
  std::string first_error;
  double seconds = 0;
  double cpu_seconds = 0;
  int64_t switches = 0;
  std::vector<double> server_ms;
};

// A call by client `client`, with its own random generator.
using Call = std::function<absl::Status(int client, std::mt19937_64& rng)>;

// Runs `call` in a closed loop on `clients` threads: `warmup` unmeasured, then `length` in which
// every call started is timed on the client. Calls started before the end run to completion.
// `server_method`: whose host log times to keep.
Window RunLoad(int clients, const Call& call, absl::Duration warmup, absl::Duration length,
               const std::string& server_method);

// A row of the table, pooled over the rounds.
struct Row {
  std::string name;
  int clients = 1;
  Call call;
  std::string server_method;  // the method of the host's log lines for the server p50
  std::vector<double> micros;
  std::vector<double> round_p50;
  std::vector<double> server_ms;
  int64_t errors = 0;
  std::string first_error;
  double seconds = 0;
  double cpu_seconds = 0;
  int64_t switches = 0;

  void Add(const Window& w);
  double p50() const { return Percentile(micros, 0.50); }
};

// Whether `row` is asked for: `filters` empty, or one is a substring of its name.
bool Selected(const std::vector<std::string>& filters, const Row& row);

// Runs every selected row once per round, rotating the order by 3 each round; `between` runs
// after every window (not timed: e.g. draining the outboxes).
void RunRounds(std::vector<Row>& rows, const std::vector<std::string>& filters, int rounds,
               absl::Duration warmup, absl::Duration length, const std::function<void()>& between);

// The table of the selected rows (latencies in µs), then each row's first error.
void PrintRows(std::vector<Row>& rows, const std::vector<std::string>& filters);

v1::Date MakeDate(int y, int m, int d);
// A BSN passing the elfproef, different for every `n` (n < 14 million).
std::string MakeBsn(int64_t n);

// ---------------------------------------------------------------------------------------------
// Floors.

// Health/Check on client i's stub: gRPC alone, no Schakel code.
Call EchoCall(const std::vector<std::unique_ptr<grpc::health::v1::Health::Stub>>& health);

// The shape of an audit record for the commit floor: the record a service writes per call.
struct RecordShape {
  std::string principal;
  std::string organisation;
  std::vector<v1::Role> roles;
  std::string event_type;  // "case.read"
  std::string source_service;
  std::string purpose;
  std::vector<std::string> object_types;  // one object of each
  v1::AuditAction action = v1::AUDIT_ACTION_READ;
};
std::string AuditSizedPayload(const RecordShape& shape);

// A fresh database in its own temporary directory with a table shaped like the outbox
// (services/common/outbox.cc); each client inserts one row of `shape`'s size per call.
class CommitFloor {
 public:
  CommitFloor(const RecordShape& shape, int clients);
  // Through a GroupCommitter: 64 callers share commits, as audit records of reads do.
  Call GroupCommit();
  // One transaction (one fdatasync) per call.
  Call PlainCommit();
  int64_t commits() const { return committer_->commits(); }
  // The first payload's size in bytes.
  size_t payload_bytes() const { return payloads_.front().size(); }

 private:
  testing::TempDir dir_;
  std::unique_ptr<sqlite::Database> db_;
  std::unique_ptr<GroupCommitter> committer_;
  std::vector<std::string> payloads_;
};

}  // namespace schakel::bench

#endif  // SCHAKEL_TESTS_BENCH_BENCH_SUPPORT_H_
