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
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "schakel/v1/audit.grpc.pb.h"
#include "schakel/v1/cases.grpc.pb.h"
#include "schakel/v1/handover.grpc.pb.h"
#include "services/cases/case_service.h"
#include "services/common/ids.h"
#include "services/common/log.h"
#include "services/common/status.h"
#include "services/handover/handover_service.h"
#include "tests/bench/bench_support.h"
#include "tests/bench/cases_world.h"
#include "tests/support/test_env.h"

namespace schakel::bench {
namespace {

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
    SeedCases(host, kIntake, kVtOrg, kDirector, have, o.cases, o.seed_threads);
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

  // The floor database: rows the size of the audit record of a GetCase (the case and its two
  // persons as objects).
  CommitFloor floor_db({.principal = kDirector,
                        .organisation = kTeamOrg,
                        .roles = {v1::ROLE_CASE_DIRECTOR, v1::ROLE_PROFESSIONAL},
                        .event_type = "case.read",
                        .source_service = "cases",
                        .purpose = "MDA++ case work",
                        .object_types = {"case", "person", "person"}},
                       o.clients);

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
  const Call echo = EchoCall(health);
  const Call edge = [&](int i, std::mt19937_64&) {
    v1::GetVerifierKeyRequest req;
    v1::GetVerifierKeyResponse resp;
    grpc::ClientContext ctx;
    SetDeadline(ctx, 60);
    return FromGrpc(audit[i]->GetVerifierKey(&ctx, req, &resp));
  };
  const Call group_commit = floor_db.GroupCommit();
  const Call plain_commit = floor_db.PlainCommit();

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
  auto selected = [&](const Row& row) { return Selected(o.rows, row); };

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

  const int64_t commits_before = floor_db.commits();
  const auto run_start = absl::Now();
  // What a window left in the outbox goes to the audit log before the next row.
  RunRounds(rows, o.rows, o.rounds, absl::Seconds(o.warmup), absl::Seconds(o.seconds),
            [&] { OrDie(host.host().FlushOutboxes(), "flush outboxes"); });
  const int64_t group_calls = static_cast<int64_t>(rows[kGroupCommit].micros.size());
  const double run_seconds = absl::ToDoubleSeconds(absl::Now() - run_start);

  // The table.
  std::cout << absl::StrFormat(
      "\n%d cases; %d clients (one mTLS channel each); %d rounds x %.0f s window (+%.0f s "
      "warm-up) per row; %.0f s in all. Latency in µs, client-observed, nearest rank.\n\n",
      ids.size(), o.clients, o.rounds, o.seconds, o.warmup, run_seconds);
  PrintRows(rows, o.rows);
  if (group_calls > 0) {
    std::cout << absl::StrFormat(
        "\nGroup-commit floor: %.1f items per commit on average (%d commits).\n",
        static_cast<double>(group_calls) /
            static_cast<double>(std::max<int64_t>(1, floor_db.commits() - commits_before)),
        floor_db.commits() - commits_before);
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
  schakel::bench::SetProgramName("cases_bench");
  schakel::bench::Options options;
  if (int rc = schakel::bench::ParseOptions(argc, argv, options); rc != 0) return rc;
  const int rc = schakel::bench::Run(options);
  schakel::SetLogSink(nullptr);
  return rc;
}
