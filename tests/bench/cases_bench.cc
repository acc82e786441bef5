// Load generator for the cases service's reads — GetCase and ListMyCases — and for the handover
// service — GetResponsibility and a handover (propose + accept) — over a world of N cases (default
// 10,000) with 64 concurrent clients, each figure beside floors measured in the same run.
// Nothing here passes or fails on time; the figures and the goal they are read against are in
// docs/performance.md.
//
// Why a plain main() and not Google Benchmark: the question is what 64 clients calling at once
// see, as p50/p99 over every call of every client, and how many calls per second they get in a
// fixed stretch of wall-clock time. Google Benchmark's ->Threads(64) picks its own iteration
// counts per thread, reports per-thread averages, starts and stops threads at barriers it owns and
// has no notion of a warm-up inside a multi-threaded run; merging per-call latencies across its
// threads would be a workaround on top of it. Here every row is the same closed loop: N threads,
// a warm-up, then a fixed window in which each call's latency is taken on the client with
// steady_clock and kept, and throughput is the calls started in the window divided by its length.
//
// Everything is real: a TestHost (directory, audit log, cases and handover services in one
// process, as `schakeld --services=all`) on a loopback port with mutual TLS; SQLite files in a
// temporary directory (WAL, synchronous=FULL, so every commit is an fdatasync); the cases are
// opened through CaseService::CreateCase by a Veilig Thuis intake worker, with one case director
// (`dir`) who is therefore on the team of every case and is the measured reader. The host's outbox
// relay runs as it does in production, shipping each read's audit record to the audit log in the
// same process.
//
// Clients: every client thread has its OWN channel (its own TCP connection, TLS session and HTTP/2
// connection, with its own client certificate for the same principal), which is closer to 64 real
// clients than 64 threads sharing one connection. The floors use the same channels.
//
// Rows, each with the same clients and windows:
//  - GetCase of a uniformly random case, as the director;
//  - ListMyCases, first page of 50, as the director (who is on all N cases);
//  - GetResponsibility of a uniformly random case, as the director (a CheckAccess hop to the cases
//    service in-process, the ledger read, the durable audit record);
//  - a handover: the lead proposes and the receiver accepts (two calls, timed together), each
//    client on its own cases so that no two clients contend for one; the lead moves between
//    Veilig Thuis (the intake worker) and the local team (the director) and back;
//  - floor "echo": grpc.health.v1.Health/Check on the same host and channels (answered by gRPC
//    itself: no Schakel code, no authorization, no database);
//  - floor "edge": AuditService/GetVerifierKey, a trivial handler behind Schakel's HandleUnary
//    (authentication, the hop to the worker pool, authorization, the log line), no storage;
//  - floor "group commit": a GroupCommitter (services/common/audit_trail.h) on a fresh database in
//    its own temporary directory, each thread running Run() with one INSERT of an audit-record
//    sized row into a table shaped like the outbox (what AuditTrail::RecordDurably does);
//  - floor "plain commit": one thread, one transaction with one such INSERT each;
//  - the echo, GetCase and ListMyCases rows again with one client (latency without queueing).
// Each row runs once per round; the rounds rotate the order of the rows so outside load and the
// growing audit log fall on figures and floors alike. Latencies are pooled over the rounds; the
// "p50 by round" column gives the lowest and highest per-round p50.
//
// Columns: calls (successful calls in the windows), errors, calls/s, p50/p90/p99 client-observed
// latency in µs (nearest rank), p50 by round, server p50 (the host's own per-call `ms` from its
// log line: HandleUnary's start to Finish, so it includes the wait for a worker thread and, for
// the reads, the wait for the audit record's group commit) and CPU µs per call (user + system time
// of the whole process, clients included, over the window, divided by the calls) and csw/call
// (the process's voluntary and involuntary context switches in the window, divided by the calls).
//
// Flags (or environment): --cases=N (SCHAKEL_BENCH_CASES, default 10000), --clients=N (64),
// --seed_threads=N (16), --seconds=S per row and round (5), --warmup=S (1), --rounds=N (3),
// --data_dir=PATH (keep the world there and reuse it next time: only the missing cases are seeded),
// --rows=A,B (run only the rows whose name contains A or B, e.g. for a profile of one row).
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <latch>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <google/protobuf/util/time_util.h>
#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "schakel/v1/audit.grpc.pb.h"
#include "schakel/v1/cases.grpc.pb.h"
#include "schakel/v1/handover.grpc.pb.h"
#include "services/cases/case_service.h"
#include "services/common/audit_trail.h"
#include "services/common/ids.h"
#include "services/common/log.h"
#include "services/common/sqlite.h"
#include "services/common/status.h"
#include "services/handover/handover_service.h"
#include "tests/support/test_env.h"

namespace schakel::bench {
namespace {

using SteadyClock = std::chrono::steady_clock;

// The world: organisations and professionals as in tests/integration/cases_fixture.h.
constexpr char kVtOrg[] = "vt";
constexpr char kTeamOrg[] = "wijkteam";
constexpr char kPoliceOrg[] = "politie";
constexpr char kGgzOrg[] = "ggz";
constexpr char kIntake[] = "vt";     // opens every case
constexpr char kDirector[] = "dir";  // directs every case: the measured reader

struct Options {
  int64_t cases = 10'000;
  int clients = 64;
  int seed_threads = 16;
  double seconds = 5;
  double warmup = 1;
  int rounds = 3;
  std::string data_dir;
  std::vector<std::string> rows;  // empty: all
};

[[noreturn]] void Die(absl::string_view what, const absl::Status& status) {
  std::cerr << "cases_bench: " << what << ": " << status << "\n";
  std::abort();
}

void OrDie(const absl::Status& status, absl::string_view what) {
  if (!status.ok()) Die(what, status);
}

template <typename T>
T OrDie(absl::StatusOr<T> value, absl::string_view what) {
  if (!value.ok()) Die(what, value.status());
  return *std::move(value);
}

void SetDeadline(grpc::ClientContext& ctx, int seconds) {
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(seconds));
}

// The whole process (every thread): CPU seconds and context switches.
struct Usage {
  double cpu_seconds = 0;
  int64_t switches = 0;
};

Usage ProcessUsage() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return {static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
              static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6,
          static_cast<int64_t>(u.ru_nvcsw + u.ru_nivcsw)};
}

// ---------------------------------------------------------------------------------------------
// The host's log lines: discarded through a real write to /dev/null (as they would go to a pipe),
// warnings and errors to stderr, and while a window is open the `ms` of each "rpc" line kept per
// method.

class ServerTimes {
 public:
  void Start() {
    absl::MutexLock lock(&mu_);
    ms_.clear();
    on_ = true;
  }
  std::map<std::string, std::vector<double>> Stop() {
    absl::MutexLock lock(&mu_);
    on_ = false;
    return std::move(ms_);
  }
  void Line(absl::string_view line) {
    if (!absl::StrContains(line, "\"event\":\"rpc\"")) return;
    std::string method = Field(line, "\"method\":\"", '"');
    double ms = 0;
    if (!absl::SimpleAtod(Field(line, "\"ms\":", ','), &ms)) return;
    absl::MutexLock lock(&mu_);
    if (on_) ms_[method].push_back(ms);
  }

 private:
  static std::string Field(absl::string_view line, absl::string_view key, char end) {
    const size_t at = line.find(key);
    if (at == absl::string_view::npos) return "";
    absl::string_view rest = line.substr(at + key.size());
    const size_t stop = rest.find_first_of(std::string{end, '}'});
    return std::string(rest.substr(0, stop));
  }

  absl::Mutex mu_;
  bool on_ ABSL_GUARDED_BY(mu_) = false;
  std::map<std::string, std::vector<double>> ms_ ABSL_GUARDED_BY(mu_);
};

ServerTimes g_server_times;

void InstallLogSink() {
  static const int null_fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  SetLogSink([](absl::string_view line) {
    if (absl::StrContains(line, "\"level\":\"info\"")) {
      if (null_fd >= 0) {
        ssize_t ignored = ::write(null_fd, line.data(), line.size());
        (void)ignored;
      }
      g_server_times.Line(line);
    } else {
      std::cerr << line << "\n";
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Latencies.

double Rank(std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  const size_t i = static_cast<size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  return sorted[std::clamp<size_t>(i, 1, sorted.size()) - 1];
}

double Percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return Rank(v, q);
}

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

// A call by client `client`; its own random generator for picking cases.
using Call = std::function<absl::Status(int client, std::mt19937_64& rng)>;

// Runs `call` in a closed loop on `clients` threads: `warmup` unmeasured, then `length` in which
// every call started is timed. Calls started before the end run to completion.
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
  g_server_times.Start();
  const Usage u0 = ProcessUsage();
  std::this_thread::sleep_until(until);
  const Usage u1 = ProcessUsage();
  for (auto& t : threads) t.join();
  auto server = g_server_times.Stop();

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

// ---------------------------------------------------------------------------------------------
// The world.

v1::Date MakeDate(int y, int m, int d) {
  v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

v1::Note MakeNote(v1::Sensitivity s, const std::string& text) {
  v1::Note n;
  n.set_sensitivity(s);
  n.set_text(text);
  return n;
}

// A BSN passing the elfproef, different for every `n`.
std::string MakeBsn(int64_t n) {
  for (int64_t base = 10'000'000 + n * 7;; ++base) {
    const std::string digits = absl::StrFormat("%08d", base % 100'000'000);
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (9 - i) * (digits[i] - '0');
    const int check = sum % 11;
    if (check < 10) return absl::StrCat(digits, check);
  }
}

// A case as an intake worker opens it: partner violence with a child witnessing it, two criteria
// met, a note on the case, the victim (with BSN, address and two notes) and the suspected
// perpetrator (one note); `dir` directs it.
v1::CreateCaseRequest MakeCreateCase(int64_t n) {
  v1::CreateCaseRequest req;
  req.set_request_id(absl::StrFormat("bench-case-%08d", n));
  req.set_director_professional_id(kDirector);
  auto* details = req.mutable_details();
  details->add_violence_kinds(v1::VIOLENCE_KIND_PARTNER_VIOLENCE);
  details->add_violence_kinds(v1::VIOLENCE_KIND_WITNESSING_PARTNER_VIOLENCE);
  details->mutable_criteria()->mutable_structural_unsafety()->set_state(v1::CRITERION_STATE_MET);
  details->mutable_criteria()->mutable_structural_unsafety()->set_note(
      "Herhaalde meldingen sinds 2024; politie-inzet in maart en juni.");
  details->mutable_criteria()->mutable_regular_help_exhausted()->set_state(v1::CRITERION_STATE_MET);
  *details->add_notes() =
      MakeNote(v1::SENSITIVITY_GENERAL, "Gezin woont sinds kort in de wijk; wijkteam kent moeder.");
  auto* victim = req.add_persons();
  victim->set_name(absl::StrFormat("Anna de Boer-%d", n));
  *victim->mutable_date_of_birth() = MakeDate(1980 + static_cast<int>(n % 20), 3, 14);
  victim->set_bsn(MakeBsn(2 * n));
  victim->set_role(v1::PERSON_ROLE_VICTIM);
  victim->mutable_address()->set_street("Laan van Meerdervoort");
  victim->mutable_address()->set_house_number(absl::StrCat(1 + n % 900));
  victim->mutable_address()->set_postcode("2517 AA");
  victim->mutable_address()->set_city("Den Haag");
  *victim->add_notes() = MakeNote(v1::SENSITIVITY_GENERAL, "Spreekt Nederlands en Engels.");
  *victim->add_notes() = MakeNote(v1::SENSITIVITY_CARE, "In behandeling bij de huisarts.");
  auto* suspect = req.add_persons();
  suspect->set_name(absl::StrFormat("Bram de Boer-%d", n));
  *suspect->mutable_date_of_birth() = MakeDate(1978 + static_cast<int>(n % 20), 11, 2);
  suspect->set_role(v1::PERSON_ROLE_SUSPECTED_PERPETRATOR);
  *suspect->add_notes() = MakeNote(v1::SENSITIVITY_JUSTICE, "Eerder aangehouden (2025).");
  return req;
}

// Every case `dir` is on, through ListMyCases (pages of 500).
std::vector<std::string> ListAllCaseIds(v1::CaseService::Stub& stub) {
  std::vector<std::string> ids;
  std::string token;
  do {
    v1::ListMyCasesRequest req;
    req.set_page_size(500);
    req.set_page_token(token);
    v1::ListMyCasesResponse resp;
    grpc::ClientContext ctx;
    SetDeadline(ctx, 60);
    OrDie(FromGrpcStatus(stub.ListMyCases(&ctx, req, &resp)), "ListMyCases (collecting ids)");
    for (const auto& c : resp.cases()) ids.push_back(c.id());
    token = resp.next_page_token();
  } while (!token.empty());
  return ids;
}

// Opens cases number `from` .. `to`-1 with `threads` intake clients (one channel each).
void Seed(testing::TestHost& host, int64_t from, int64_t to, int threads) {
  if (from >= to) return;
  std::atomic<int64_t> next{from};
  std::atomic<int64_t> done{0};
  const auto t0 = SteadyClock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      auto stub = v1::CaseService::NewStub(host.ChannelAs(kIntake, kVtOrg));
      for (int64_t n = next++; n < to; n = next++) {
        const v1::CreateCaseRequest req = MakeCreateCase(n);
        grpc::Status st;
        for (int attempt = 0; attempt < 5; ++attempt) {  // the same request_id: idempotent
          v1::CreateCaseResponse resp;
          grpc::ClientContext ctx;
          SetDeadline(ctx, 60);
          st = stub->CreateCase(&ctx, req, &resp);
          if (st.ok() || (st.error_code() != grpc::StatusCode::UNAVAILABLE &&
                          st.error_code() != grpc::StatusCode::DEADLINE_EXCEEDED)) {
            break;
          }
        }
        OrDie(FromGrpcStatus(st), "CreateCase");
        const int64_t d = ++done;
        if (d % 1000 == 0 || n + 1 == to) {
          const double s = std::chrono::duration<double>(SteadyClock::now() - t0).count();
          std::cerr << absl::StrFormat("cases_bench: seeded %d of %d (%.0f cases/s)\n", from + d,
                                       to, static_cast<double>(d) / s);
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  const double s = std::chrono::duration<double>(SteadyClock::now() - t0).count();
  std::cout << absl::StrFormat(
      "Seeding: %d cases through CreateCase in %.1f s (%.0f cases/s, %d clients)\n", to - from, s,
      static_cast<double>(to - from) / s, threads);
}

// ---------------------------------------------------------------------------------------------
// The floor database: a table shaped like the outbox (services/common/outbox.cc), rows the size of
// an audit record of a GetCase (the case and its two persons as objects).

std::string AuditSizedPayload() {
  v1::AuditRecord r;
  r.set_event_id(NewRandomId());
  r.set_action(v1::AUDIT_ACTION_READ);
  r.set_event_type("case.read");
  *r.mutable_event_time() = google::protobuf::util::TimeUtil::GetCurrentTime();
  r.set_outcome(v1::AUDIT_OUTCOME_SUCCESS);
  auto* user = r.mutable_user();
  user->set_principal_id(kDirector);
  user->set_name("Professional dir");
  user->set_organisation_id(kTeamOrg);
  user->add_roles(v1::ROLE_CASE_DIRECTOR);
  user->add_roles(v1::ROLE_PROFESSIONAL);
  user->set_kind(v1::PRINCIPAL_KIND_USER);
  *r.mutable_responsible_user() = *user;
  r.set_access_point("ipv4:127.0.0.1:52844");
  r.set_source_service("cases");
  r.set_purpose_of_use("MDA++ case work");
  for (const char* type : {"case", "person", "person"}) {
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

absl::Status InsertFloorRow(sqlite::Connection& c, absl::string_view payload) {
  auto s = c.PrepareCached("INSERT INTO floor (topic, payload, create_time) VALUES (?, ?, ?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, "audit").BindBlob(2, payload).Bind(3, absl::ToUnixMicros(absl::Now()));
  return (*s)->Run();
}

// ---------------------------------------------------------------------------------------------
// Rows and the table.

struct Row {
  std::string name;
  int clients;
  Call call;
  std::string server_method;  // the method of the host's log lines for the server p50
  // Pooled over rounds.
  std::vector<double> micros;
  std::vector<double> round_p50;
  std::vector<double> server_ms;
  int64_t errors = 0;
  std::string first_error;
  double seconds = 0;
  double cpu_seconds = 0;
  int64_t switches = 0;

  double p50() const { return Percentile(micros, 0.50); }
};

absl::Status FromGrpc(const grpc::Status& st) { return FromGrpcStatus(st); }

int ParseOptions(int argc, char** argv, Options& o) {
  if (const char* env = std::getenv("SCHAKEL_BENCH_CASES"); env != nullptr) {
    if (!absl::SimpleAtoi(env, &o.cases) || o.cases < 1) {
      std::cerr << "SCHAKEL_BENCH_CASES must be a positive number\n";
      return 2;
    }
  }
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    bool ok = true;
    if (absl::ConsumePrefix(&arg, "--cases=")) {
      ok = absl::SimpleAtoi(arg, &o.cases) && o.cases >= 1;
    } else if (absl::ConsumePrefix(&arg, "--clients=")) {
      ok = absl::SimpleAtoi(arg, &o.clients) && o.clients >= 1;
    } else if (absl::ConsumePrefix(&arg, "--seed_threads=")) {
      ok = absl::SimpleAtoi(arg, &o.seed_threads) && o.seed_threads >= 1;
    } else if (absl::ConsumePrefix(&arg, "--seconds=")) {
      ok = absl::SimpleAtod(arg, &o.seconds) && o.seconds > 0;
    } else if (absl::ConsumePrefix(&arg, "--warmup=")) {
      ok = absl::SimpleAtod(arg, &o.warmup) && o.warmup >= 0;
    } else if (absl::ConsumePrefix(&arg, "--rounds=")) {
      ok = absl::SimpleAtoi(arg, &o.rounds) && o.rounds >= 1;
    } else if (absl::ConsumePrefix(&arg, "--data_dir=")) {
      o.data_dir = std::string(arg);
    } else if (absl::ConsumePrefix(&arg, "--rows=")) {
      o.rows = absl::StrSplit(arg, ',', absl::SkipEmpty());
    } else {
      std::cerr << "usage: cases_bench [--cases=N] [--clients=N] [--seed_threads=N] "
                   "[--seconds=S] [--warmup=S] [--rounds=N] [--data_dir=PATH] [--rows=A,B]\n";
      return 2;
    }
    if (!ok) {
      std::cerr << "cases_bench: bad value in " << argv[i] << "\n";
      return 2;
    }
  }
  return 0;
}

int Run(const Options& o) {
  InstallLogSink();

  // The host. With --data_dir an existing world is reused.
  const bool reuse = !o.data_dir.empty() &&
                     std::filesystem::exists(std::filesystem::path(o.data_dir) / "cases.db");
  if (!o.data_dir.empty()) std::filesystem::create_directories(o.data_dir);
  std::vector<std::unique_ptr<HostedService>> extra;
  extra.push_back(std::make_unique<cases::CaseService>());
  extra.push_back(std::make_unique<handover::HandoverService>());
  testing::TestHost host(std::move(extra), o.data_dir);
  std::cerr << "cases_bench: host on " << host.address() << ", data in " << host.data_dir() << "\n";
  if (!reuse) {
    host.AddOrganisation(kVtOrg, v1::ORGANISATION_TYPE_VEILIG_THUIS);
    host.AddOrganisation(kTeamOrg, v1::ORGANISATION_TYPE_LOCAL_TEAM);
    host.AddOrganisation(kPoliceOrg, v1::ORGANISATION_TYPE_POLICE);
    host.AddOrganisation(kGgzOrg, v1::ORGANISATION_TYPE_MENTAL_HEALTH_CARE);
    host.AddProfessional(kIntake, kVtOrg, {v1::ROLE_VT_INTAKE});
    host.AddProfessional(kDirector, kTeamOrg, {v1::ROLE_CASE_DIRECTOR, v1::ROLE_PROFESSIONAL});
    host.AddProfessional("core", kPoliceOrg, {v1::ROLE_PROFESSIONAL});
    host.AddProfessional("inv", kGgzOrg, {v1::ROLE_PROFESSIONAL});
    host.AddProfessional("sup", kPoliceOrg, {v1::ROLE_SUPERVISOR});
  }

  // Seeding up to o.cases (request ids bench-case-<n> make a rerun idempotent).
  auto director = v1::CaseService::NewStub(host.ChannelAs(kDirector, kTeamOrg));
  std::vector<std::string> ids = ListAllCaseIds(*director);
  const int64_t have = static_cast<int64_t>(ids.size());
  if (have < o.cases) {
    Seed(host, have, o.cases, o.seed_threads);
    ids = ListAllCaseIds(*director);
  } else {
    std::cout << "Seeding: reused " << have << " cases in " << host.data_dir() << "\n";
  }
  if (static_cast<int64_t>(ids.size()) < o.cases) {
    Die("world", absl::InternalError(
                     absl::StrCat("the director sees ", ids.size(), " cases, not ", o.cases)));
  }
  {
    v1::GetCaseRequest req;
    req.set_case_id(ids.front());
    v1::GetCaseResponse resp;
    grpc::ClientContext ctx;
    SetDeadline(ctx, 20);
    OrDie(FromGrpc(director->GetCase(&ctx, req, &resp)), "GetCase (check)");
    if (resp.case_().persons_size() != 2 || resp.case_().my_role() != v1::CASE_ROLE_CASE_DIRECTOR) {
      Die("world", absl::InternalError("the first case is not as seeded"));
    }
    std::cout << absl::StrFormat(
        "World: %d cases, all directed by `%s` (team: director + the intake worker); a GetCase "
        "response is %d bytes\n",
        ids.size(), kDirector, resp.ByteSizeLong());
  }
  // The seeding's audit records go to the audit log, and its case events to the handover ledger,
  // before anything is measured.
  OrDie(host.host().FlushOutboxes(), "flush outboxes");

  // One channel per client, all as the director (and one as the intake worker for handovers).
  std::vector<std::unique_ptr<v1::CaseService::Stub>> cases(o.clients);
  std::vector<std::unique_ptr<v1::HandoverService::Stub>> handover_dir(o.clients);
  std::vector<std::unique_ptr<v1::HandoverService::Stub>> handover_vt(o.clients);
  std::vector<std::unique_ptr<grpc::health::v1::Health::Stub>> health(o.clients);
  std::vector<std::unique_ptr<v1::AuditService::Stub>> audit(o.clients);
  for (int i = 0; i < o.clients; ++i) {
    auto channel = host.ChannelAs(kDirector, kTeamOrg);
    cases[i] = v1::CaseService::NewStub(channel);
    health[i] = grpc::health::v1::Health::NewStub(channel);
    audit[i] = v1::AuditService::NewStub(channel);
    handover_dir[i] = v1::HandoverService::NewStub(channel);
    handover_vt[i] = v1::HandoverService::NewStub(host.ChannelAs(kIntake, kVtOrg));
  }

  // The floor database.
  testing::TempDir floor_dir;
  auto floor_db = OrDie(sqlite::Database::Open(floor_dir.path() / "floor.db"), "floor db");
  OrDie(floor_db->Exec("CREATE TABLE floor (seq INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT "
                       "NULL, payload BLOB NOT NULL, create_time INTEGER NOT NULL) STRICT; "
                       "CREATE INDEX floor_by_topic ON floor (topic, seq);"),
        "floor table");
  GroupCommitter committer(*floor_db);
  std::vector<std::string> payloads(std::max(o.clients, 1));
  for (auto& p : payloads) p = AuditSizedPayload();

  const Call get_case = [&](int i, std::mt19937_64& rng) {
    v1::GetCaseRequest req;
    req.set_case_id(ids[std::uniform_int_distribution<size_t>(0, ids.size() - 1)(rng)]);
    v1::GetCaseResponse resp;
    grpc::ClientContext ctx;
    SetDeadline(ctx, 60);
    return FromGrpc(cases[i]->GetCase(&ctx, req, &resp));
  };
  const Call list_my_cases = [&](int i, std::mt19937_64&) {
    v1::ListMyCasesRequest req;
    req.set_page_size(50);
    v1::ListMyCasesResponse resp;
    grpc::ClientContext ctx;
    SetDeadline(ctx, 60);
    absl::Status st = FromGrpc(cases[i]->ListMyCases(&ctx, req, &resp));
    if (st.ok() && resp.cases_size() != 50) return absl::InternalError("not a full page");
    return st;
  };
  const Call get_responsibility = [&](int i, std::mt19937_64& rng) {
    v1::GetResponsibilityRequest req;
    req.set_case_id(ids[std::uniform_int_distribution<size_t>(0, ids.size() - 1)(rng)]);
    v1::GetResponsibilityResponse resp;
    grpc::ClientContext ctx;
    SetDeadline(ctx, 60);
    return FromGrpc(handover_dir[i]->GetResponsibility(&ctx, req, &resp));
  };
  // Client i hands over the cases i, i + clients, ... in turn; it learns a case's lead once.
  std::vector<size_t> next_case(o.clients, 0);
  std::vector<std::map<std::string, bool>> vt_leads(o.clients);
  const Call hand_over = [&](int i, std::mt19937_64&) -> absl::Status {
    const size_t k = static_cast<size_t>(i) + next_case[i] * static_cast<size_t>(o.clients);
    next_case[i] = k + static_cast<size_t>(o.clients) < ids.size() ? next_case[i] + 1 : 0;
    const std::string& id = ids[k];
    auto known = vt_leads[i].find(id);
    if (known == vt_leads[i].end()) {
      v1::GetResponsibilityRequest req;
      req.set_case_id(id);
      v1::GetResponsibilityResponse resp;
      grpc::ClientContext ctx;
      SetDeadline(ctx, 60);
      SCHAKEL_RETURN_IF_ERROR(FromGrpc(handover_dir[i]->GetResponsibility(&ctx, req, &resp)));
      known = vt_leads[i].emplace(id, resp.responsibility().lead_organisation_id() == kVtOrg).first;
    }
    const bool vt_leads_now = known->second;
    v1::ProposeHandoverRequest propose;
    propose.set_request_id(NewRandomId());
    propose.set_case_id(id);
    propose.set_to_organisation_id(vt_leads_now ? kTeamOrg : kVtOrg);
    propose.set_phase(vt_leads_now ? v1::PHASE_STABLE_SAFETY : v1::PHASE_DIRECT_SAFETY);
    propose.mutable_content()->set_summary("Veiligheid stabiel; risicogestuurde zorg kan beginnen");
    propose.mutable_content()->add_safety_conditions("Geen fysiek geweld");
    v1::ProposeHandoverResponse proposed;
    {
      grpc::ClientContext ctx;
      SetDeadline(ctx, 60);
      auto& from = vt_leads_now ? handover_vt[i] : handover_dir[i];
      SCHAKEL_RETURN_IF_ERROR(FromGrpc(from->ProposeHandover(&ctx, propose, &proposed)));
    }
    v1::AcceptHandoverRequest accept;
    accept.set_request_id(NewRandomId());
    accept.set_handover_id(proposed.handover().id());
    v1::AcceptHandoverResponse accepted;
    grpc::ClientContext ctx;
    SetDeadline(ctx, 60);
    auto& to = vt_leads_now ? handover_dir[i] : handover_vt[i];
    SCHAKEL_RETURN_IF_ERROR(FromGrpc(to->AcceptHandover(&ctx, accept, &accepted)));
    known->second = !vt_leads_now;
    return absl::OkStatus();
  };
  const Call echo = [&](int i, std::mt19937_64&) {
    grpc::health::v1::HealthCheckRequest req;
    grpc::health::v1::HealthCheckResponse resp;
    grpc::ClientContext ctx;
    SetDeadline(ctx, 60);
    return FromGrpc(health[i]->Check(&ctx, req, &resp));
  };
  const Call edge = [&](int i, std::mt19937_64&) {
    v1::GetVerifierKeyRequest req;
    v1::GetVerifierKeyResponse resp;
    grpc::ClientContext ctx;
    SetDeadline(ctx, 60);
    return FromGrpc(audit[i]->GetVerifierKey(&ctx, req, &resp));
  };
  const Call group_commit = [&](int i, std::mt19937_64&) {
    return committer.Run(
        [&](sqlite::Connection& c) { return InsertFloorRow(c, payloads[static_cast<size_t>(i)]); });
  };
  const Call plain_commit = [&](int i, std::mt19937_64&) {
    return floor_db->Transaction(
        [&](sqlite::Connection& c) { return InsertFloorRow(c, payloads[static_cast<size_t>(i)]); });
  };

  // Every channel connected and every cache warm before the first window.
  {
    std::mt19937_64 rng(1);
    for (int i = 0; i < o.clients; ++i) {
      OrDie(echo(i, rng), "warm-up echo");
      OrDie(get_case(i, rng), "warm-up GetCase");
    }
  }

  const int n = o.clients;
  std::vector<Row> rows;
  rows.push_back({"GetCase (random case)", n, get_case, "GetCase"});
  rows.push_back({"ListMyCases (first page of 50)", n, list_my_cases, "ListMyCases"});
  rows.push_back({"Floor: echo (Health/Check, mTLS)", n, echo, ""});
  rows.push_back({"Floor: edge (GetVerifierKey)", n, edge, "GetVerifierKey"});
  rows.push_back({"Floor: group commit (1-row INSERT)", n, group_commit, ""});
  rows.push_back({"Floor: plain commit (1-row INSERT)", 1, plain_commit, ""});
  rows.push_back({"GetCase, 1 client", 1, get_case, "GetCase"});
  rows.push_back({"ListMyCases, 1 client", 1, list_my_cases, "ListMyCases"});
  rows.push_back({"Floor: echo, 1 client", 1, echo, ""});
  rows.push_back({"GetResponsibility (random case)", n, get_responsibility, "GetResponsibility"});
  rows.push_back({"Handover: propose + accept", n, hand_over, "AcceptHandover"});
  rows.push_back({"GetResponsibility, 1 client", 1, get_responsibility, "GetResponsibility"});
  rows.push_back({"Handover: propose + accept, 1 client", 1, hand_over, "AcceptHandover"});
  constexpr int kGetCase = 0, kList = 1, kEcho = 2, kGroupCommit = 4, kHandover = 10;
  auto selected = [&](const Row& row) {
    if (o.rows.empty()) return true;
    for (const auto& r : o.rows) {
      if (absl::StrContains(row.name, r)) return true;
    }
    return false;
  };

  // Who leads each case, learnt before any window (a reused world may have moved leads).
  if (selected(rows[kHandover]) || selected(rows[kHandover + 2])) {
    std::vector<std::thread> learners;
    for (int i = 0; i < n; ++i) {
      learners.emplace_back([&, i] {
        for (size_t k = static_cast<size_t>(i); k < ids.size(); k += static_cast<size_t>(n)) {
          v1::GetResponsibilityRequest req;
          req.set_case_id(ids[k]);
          v1::GetResponsibilityResponse resp;
          grpc::ClientContext ctx;
          SetDeadline(ctx, 60);
          OrDie(FromGrpc(handover_dir[i]->GetResponsibility(&ctx, req, &resp)),
                "GetResponsibility (learning the leads)");
          vt_leads[i][ids[k]] = resp.responsibility().lead_organisation_id() == kVtOrg;
        }
      });
    }
    for (auto& t : learners) t.join();
  }

  const int64_t commits_before = committer.commits();
  int64_t group_calls = 0;
  const auto run_start = absl::Now();
  for (int round = 0; round < o.rounds; ++round) {
    for (size_t k = 0; k < rows.size(); ++k) {
      Row& row = rows[(k + static_cast<size_t>(round) * 3) % rows.size()];
      if (!selected(row)) continue;
      std::cerr << absl::StrFormat("cases_bench: round %d/%d: %s\n", round + 1, o.rounds, row.name);
      Window w = RunLoad(row.clients, row.call, absl::Seconds(o.warmup), absl::Seconds(o.seconds),
                         row.server_method);
      // What the window left in the outbox goes to the audit log before the next row.
      OrDie(host.host().FlushOutboxes(), "flush outboxes");
      if (&row == &rows[kGroupCommit]) group_calls += static_cast<int64_t>(w.micros.size());
      row.round_p50.push_back(Percentile(w.micros, 0.5));
      row.micros.insert(row.micros.end(), w.micros.begin(), w.micros.end());
      row.server_ms.insert(row.server_ms.end(), w.server_ms.begin(), w.server_ms.end());
      row.errors += w.errors;
      if (row.first_error.empty()) row.first_error = w.first_error;
      row.seconds += w.seconds;
      row.cpu_seconds += w.cpu_seconds;
      row.switches += w.switches;
    }
  }
  const double run_seconds = absl::ToDoubleSeconds(absl::Now() - run_start);

  // The table.
  std::cout << absl::StrFormat(
      "\n%d cases; %d clients (one mTLS channel each); %d rounds x %.0f s window (+%.0f s "
      "warm-up) per row; %.0f s in all. Latency in µs, client-observed, nearest rank.\n\n",
      ids.size(), o.clients, o.rounds, o.seconds, o.warmup, run_seconds);
  std::cout << absl::StrFormat("%-36s %7s %9s %6s %9s %9s %9s %9s %19s %10s %9s %8s\n", "row",
                               "clients", "calls", "errors", "calls/s", "p50", "p90", "p99",
                               "p50 by round", "server p50", "CPU/call", "csw/call");
  for (Row& row : rows) {
    if (!selected(row)) continue;
    std::sort(row.micros.begin(), row.micros.end());
    const auto [lo, hi] = std::minmax_element(row.round_p50.begin(), row.round_p50.end());
    const double calls = static_cast<double>(row.micros.size());
    std::cout << absl::StrFormat(
        "%-36s %7d %9d %6d %9.0f %9.0f %9.0f %9.0f %19s %10s %9.0f %8.1f\n", row.name, row.clients,
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
  if (group_calls > 0) {
    std::cout << absl::StrFormat(
        "\nGroup-commit floor: %.1f items per commit on average (%d commits).\n",
        static_cast<double>(group_calls) /
            static_cast<double>(std::max<int64_t>(1, committer.commits() - commits_before)),
        committer.commits() - commits_before);
  }

  if (!selected(rows[kGetCase]) || !selected(rows[kEcho]) || !selected(rows[kGroupCommit])) {
    return 0;  // the goal needs GetCase, the echo and the group commit
  }
  const double floor = rows[kEcho].p50() + rows[kGroupCommit].p50();
  const double get_p50 = rows[kGetCase].p50();
  const double ratio = get_p50 / floor;
  std::cout << absl::StrFormat(
      "\nGoal: GetCase p50 within 1.5x of (echo p50 + group-commit p50), %d clients.\n"
      "  echo p50 %.0f µs + group-commit p50 %.0f µs = %.0f µs; 1.5x = %.0f µs.\n"
      "  GetCase p50 %.0f µs: ratio %.2f -> %s.\n",
      o.clients, rows[kEcho].p50(), rows[kGroupCommit].p50(), floor, 1.5 * floor, get_p50, ratio,
      ratio <= 1.5 ? "MET" : "NOT MET");
  if (selected(rows[kList])) {
    std::cout << absl::StrFormat(
        "  (ListMyCases p50 %.0f µs: ratio %.2f against the same floor.)\n", rows[kList].p50(),
        rows[kList].p50() / floor);
  }
  if (selected(rows[kHandover - 1]) && selected(rows[kHandover])) {
    std::cout << absl::StrFormat(
        "  (GetResponsibility p50 %.0f µs: ratio %.2f; a handover, propose + accept, p50 %.0f "
        "µs: %.2f per call against the same floor.)\n",
        rows[kHandover - 1].p50(), rows[kHandover - 1].p50() / floor, rows[kHandover].p50(),
        rows[kHandover].p50() / 2 / floor);
  }
  std::cout.flush();
  return 0;
}

}  // namespace
}  // namespace schakel::bench

int main(int argc, char** argv) {
  schakel::bench::Options options;
  if (int rc = schakel::bench::ParseOptions(argc, argv, options); rc != 0) return rc;
  const int rc = schakel::bench::Run(options);
  schakel::SetLogSink(nullptr);
  return rc;
}
