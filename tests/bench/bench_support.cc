#include "tests/bench/bench_support.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <latch>
#include <thread>

#include <google/protobuf/util/time_util.h>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "schakel/v1/audit.pb.h"
#include "services/common/ids.h"
#include "services/common/log.h"
#include "services/common/status.h"

namespace schakel::bench {
namespace {

std::string& Name() {
  static std::string name = "bench";
  return name;
}

int64_t WrittenBytes() {
  std::ifstream io("/proc/self/io");
  std::string key;
  int64_t value = 0;
  while (io >> key >> value) {
    if (key == "wchar:") return value;
  }
  return 0;
}

std::string Field(absl::string_view line, absl::string_view key, char end) {
  const size_t at = line.find(key);
  if (at == absl::string_view::npos) return "";
  absl::string_view rest = line.substr(at + key.size());
  const size_t stop = rest.find_first_of(std::string{end, '}'});
  return std::string(rest.substr(0, stop));
}

absl::Status InsertFloorRow(sqlite::Connection& c, absl::string_view payload) {
  auto s = c.PrepareCached("INSERT INTO floor (topic, payload, create_time) VALUES (?, ?, ?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, "audit").BindBlob(2, payload).Bind(3, absl::ToUnixMicros(absl::Now()));
  return (*s)->Run();
}

}  // namespace

void SetProgramName(std::string name) { Name() = std::move(name); }
const std::string& ProgramName() { return Name(); }

void Die(absl::string_view what, const absl::Status& status) {
  std::cerr << ProgramName() << ": " << what << ": " << status << "\n";
  std::abort();
}

void OrDie(const absl::Status& status, absl::string_view what) {
  if (!status.ok()) Die(what, status);
}

void SetDeadline(grpc::ClientContext& ctx, int seconds) {
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(seconds));
}

absl::Status FromGrpc(const grpc::Status& st) { return FromGrpcStatus(st); }

Usage ProcessUsage() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return {static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
              static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6,
          static_cast<int64_t>(u.ru_nvcsw + u.ru_nivcsw), WrittenBytes()};
}

// ---------------------------------------------------------------------------------------------
// The host's log lines.

void ServerTimes::Start() {
  absl::MutexLock lock(&mu_);
  ms_.clear();
  on_ = true;
}

std::map<std::string, std::vector<double>> ServerTimes::Stop() {
  absl::MutexLock lock(&mu_);
  on_ = false;
  return std::move(ms_);
}

void ServerTimes::Line(absl::string_view line) {
  if (!absl::StrContains(line, "\"event\":\"rpc\"")) return;
  std::string method = Field(line, "\"method\":\"", '"');
  double ms = 0;
  if (!absl::SimpleAtod(Field(line, "\"ms\":", ','), &ms)) return;
  absl::MutexLock lock(&mu_);
  if (on_) ms_[method].push_back(ms);
}

ServerTimes& server_times() {
  static auto* times = new ServerTimes;
  return *times;
}

void InstallLogSink() {
  static const int null_fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  SetLogSink([](absl::string_view line) {
    if (absl::StrContains(line, "\"level\":\"info\"")) {
      if (null_fd >= 0) {
        ssize_t ignored = ::write(null_fd, line.data(), line.size());
        (void)ignored;
      }
      server_times().Line(line);
    } else {
      std::cerr << line << "\n";
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Latencies, windows and rows.

double Rank(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  const size_t i = static_cast<size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  return sorted[std::clamp<size_t>(i, 1, sorted.size()) - 1];
}

double Percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return Rank(v, q);
}

Window RunLoad(int clients, const Call& call, absl::Duration warmup, absl::Duration length,
               const std::string& server_method) {
  std::latch go(1);
  SteadyClock::time_point measure_from;
  SteadyClock::time_point until;
  std::vector<std::vector<double>> micros(clients);
  std::vector<int64_t> errors(clients, 0);
  std::vector<std::string> first_error(clients);
  std::vector<std::thread> threads;
  threads.reserve(clients);
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&, i] {
      std::mt19937_64 rng(0x5eed0000u + static_cast<uint64_t>(i));
      micros[i].reserve(1 << 14);
      go.wait();
      for (;;) {
        const auto t0 = SteadyClock::now();
        if (t0 >= until) break;
        absl::Status st = call(i, rng);
        const auto t1 = SteadyClock::now();
        if (t0 < measure_from) continue;
        if (st.ok()) {
          micros[i].push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
        } else {
          if (errors[i]++ == 0) first_error[i] = st.ToString();
        }
      }
    });
  }
  const auto start = SteadyClock::now();
  measure_from = start + absl::ToChronoNanoseconds(warmup);
  until = measure_from + absl::ToChronoNanoseconds(length);
  go.count_down();
  std::this_thread::sleep_until(measure_from);
  server_times().Start();
  const Usage u0 = ProcessUsage();
  std::this_thread::sleep_until(until);
  const Usage u1 = ProcessUsage();
  for (auto& t : threads) t.join();
  auto server = server_times().Stop();

  Window w;
  w.seconds = absl::ToDoubleSeconds(length);
  w.cpu_seconds = u1.cpu_seconds - u0.cpu_seconds;
  w.switches = u1.switches - u0.switches;
  for (int i = 0; i < clients; ++i) {
    w.micros.insert(w.micros.end(), micros[i].begin(), micros[i].end());
    w.errors += errors[i];
    if (w.first_error.empty()) w.first_error = first_error[i];
  }
  if (!server_method.empty()) w.server_ms = std::move(server[server_method]);
  return w;
}

void Row::Add(const Window& w) {
  round_p50.push_back(Percentile(w.micros, 0.5));
  micros.insert(micros.end(), w.micros.begin(), w.micros.end());
  server_ms.insert(server_ms.end(), w.server_ms.begin(), w.server_ms.end());
  errors += w.errors;
  if (first_error.empty()) first_error = w.first_error;
  seconds += w.seconds;
  cpu_seconds += w.cpu_seconds;
  switches += w.switches;
}

bool Selected(const std::vector<std::string>& filters, const Row& row) {
  if (filters.empty()) return true;
  for (const auto& f : filters) {
    if (absl::StrContains(row.name, f)) return true;
  }
  return false;
}

void RunRounds(std::vector<Row>& rows, const std::vector<std::string>& filters, int rounds,
               absl::Duration warmup, absl::Duration length, const std::function<void()>& between) {
  for (int round = 0; round < rounds; ++round) {
    for (size_t k = 0; k < rows.size(); ++k) {
      Row& row = rows[(k + static_cast<size_t>(round) * 3) % rows.size()];
      if (!Selected(filters, row)) continue;
      std::cerr << absl::StrFormat("%s: round %d/%d: %s\n", ProgramName(), round + 1, rounds,
                                   row.name);
      Window w = RunLoad(row.clients, row.call, warmup, length, row.server_method);
      if (between) between();
      row.Add(w);
    }
  }
}

void PrintRows(std::vector<Row>& rows, const std::vector<std::string>& filters) {
  std::cout << absl::StrFormat("%-40s %7s %9s %6s %9s %9s %9s %9s %19s %10s %9s %8s\n", "row",
                               "clients", "calls", "errors", "calls/s", "p50", "p90", "p99",
                               "p50 by round", "server p50", "CPU/call", "csw/call");
  for (Row& row : rows) {
    if (!Selected(filters, row) || row.round_p50.empty()) continue;
    std::sort(row.micros.begin(), row.micros.end());
    const auto [lo, hi] = std::minmax_element(row.round_p50.begin(), row.round_p50.end());
    const double calls = static_cast<double>(row.micros.size());
    std::cout << absl::StrFormat(
        "%-40s %7d %9d %6d %9.0f %9.0f %9.0f %9.0f %19s %10s %9.0f %8.1f\n", row.name, row.clients,
        row.micros.size(), row.errors, calls / row.seconds, Rank(row.micros, 0.5),
        Rank(row.micros, 0.9), Rank(row.micros, 0.99), absl::StrFormat("[%.0f–%.0f]", *lo, *hi),
        row.server_ms.empty() ? std::string("-")
                              : absl::StrFormat("%.0f", 1000 * Percentile(row.server_ms, 0.5)),
        calls > 0 ? 1e6 * row.cpu_seconds / calls : 0.0,
        calls > 0 ? static_cast<double>(row.switches) / calls : 0.0);
  }
  for (const Row& row : rows) {
    if (row.errors > 0) std::cout << "errors in " << row.name << ": " << row.first_error << "\n";
  }
}

v1::Date MakeDate(int y, int m, int d) {
  v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

std::string MakeBsn(int64_t n) {
  for (int64_t base = 10'000'000 + n * 7;; ++base) {
    const std::string digits = absl::StrFormat("%08d", base % 100'000'000);
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (9 - i) * (digits[i] - '0');
    const int check = sum % 11;
    if (check < 10) return absl::StrCat(digits, check);
  }
}

// ---------------------------------------------------------------------------------------------
// Floors.

Call EchoCall(const std::vector<std::unique_ptr<grpc::health::v1::Health::Stub>>& health) {
  return [&health](int i, std::mt19937_64&) {
    grpc::health::v1::HealthCheckRequest req;
    grpc::health::v1::HealthCheckResponse resp;
    grpc::ClientContext ctx;
    SetDeadline(ctx, 60);
    return FromGrpc(health[static_cast<size_t>(i)]->Check(&ctx, req, &resp));
  };
}

std::string AuditSizedPayload(const RecordShape& shape) {
  v1::AuditRecord r;
  r.set_event_id(NewRandomId());
  r.set_action(shape.action);
  r.set_event_type(shape.event_type);
  *r.mutable_event_time() = google::protobuf::util::TimeUtil::GetCurrentTime();
  r.set_outcome(v1::AUDIT_OUTCOME_SUCCESS);
  auto* user = r.mutable_user();
  user->set_principal_id(shape.principal);
  user->set_name(absl::StrCat("Professional ", shape.principal));
  user->set_organisation_id(shape.organisation);
  for (v1::Role role : shape.roles) user->add_roles(role);
  user->set_kind(v1::PRINCIPAL_KIND_USER);
  *r.mutable_responsible_user() = *user;
  r.set_access_point("ipv4:127.0.0.1:52844");
  r.set_source_service(shape.source_service);
  r.set_purpose_of_use(shape.purpose);
  for (const std::string& type : shape.object_types) {
    auto* o = r.add_objects();
    o->set_type(type);
    o->set_id(NewRandomId());
    o->set_sensitivity(v1::SENSITIVITY_GENERAL);
  }
  r.mutable_checks()->set_authorisation(v1::AUDIT_CHECK_PASSED);
  r.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_PASSED);
  r.mutable_checks()->set_consent(v1::AUDIT_CHECK_NOT_APPLICABLE);
  r.mutable_checks()->set_emergency_access(v1::AUDIT_CHECK_NOT_APPLICABLE);
  return r.SerializeAsString();
}

CommitFloor::CommitFloor(const RecordShape& shape, int clients) {
  db_ = OrDie(sqlite::Database::Open(dir_.path() / "floor.db"), "floor db");
  OrDie(db_->Exec("CREATE TABLE floor (seq INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT "
                  "NULL, payload BLOB NOT NULL, create_time INTEGER NOT NULL) STRICT; "
                  "CREATE INDEX floor_by_topic ON floor (topic, seq);"),
        "floor table");
  committer_ = std::make_unique<GroupCommitter>(*db_);
  payloads_.resize(static_cast<size_t>(std::max(clients, 1)));
  for (auto& p : payloads_) p = AuditSizedPayload(shape);
}

Call CommitFloor::GroupCommit() {
  return [this](int i, std::mt19937_64&) {
    return committer_->Run([&](sqlite::Connection& c) {
      return InsertFloorRow(c, payloads_[static_cast<size_t>(i)]);
    });
  };
}

Call CommitFloor::PlainCommit() {
  return [this](int i, std::mt19937_64&) {
    return db_->Transaction([&](sqlite::Connection& c) {
      return InsertFloorRow(c, payloads_[static_cast<size_t>(i)]);
    });
  };
}

}  // namespace schakel::bench
