// Load generator for the intake service, each figure beside a floor measured in the same run (the
// goals are in issue 12 and docs/performance.md; nothing here passes or fails on time):
//
// 1. The police feed: SubmitReports in batches of 1000 (--batch) by one police client
//    (--feed_clients), --reports in all (default 50,000), every report validated, sealed,
//    radar-indexed, audited (its record in the outbox, in the same transaction) and durable
//    (WAL, synchronous=FULL: one fdatasync per batch). Beside it, the same rows inserted raw: a
//    fresh database with the intake schema (the same migrations, secure_delete on as the service
//    has it), the reports and radar_keys rows already sealed and hashed, one transaction per
//    batch; and the same plus what else the service's transaction writes (one outbox row per
//    report, the batch's idempotency row). The floors store the rows as the service does
//    (time-ordered report ids, intake.db's page cache); a third, "as before", stores them with
//    random ids and SQLite's default page cache. The feed runs in --feed_rounds blocks, each
//    followed by draining the outbox into the audit log (timed on its own) and then by the floor's
//    block, so outside load falls on both alike. The relay ships audit records while the feed runs,
//    as in production.
// 2. SubmitReport (a GP's report by phone, taken in by a Veilig Thuis intake worker) with 64
//    concurrent clients, each on its own mTLS channel, beside the echo (grpc.health.v1 Check on
//    the same channels) and a group commit of one audit-record-sized row, as in cases_bench.
// 3. ListTriageQueue, first page (50), one client, over --queue open reports (default 10,000) of
//    one region, beside GetCase with one client over --cases cases (the cases service, hosted in
//    the same process: directory, audit, cases and intake, as `schakeld --services=all`).
//
// Regions keep the parts apart: the queue's 10,000 reports are in Haaglanden (sent by the
// Haaglanden police before anything is measured), the feed and the SubmitReport rows go to Utrecht.
// Reports are generated: 2 to 4 persons of a household (names with diacritics, dates of birth,
// BSNs passing the elfproef for some, the household's postcode and house number in varying
// spellings), one to three kinds of violence, a description of 300 to 600 characters. Households
// recur (about 0.6 per report), so the radar finds earlier reports by BSN, name and date of birth
// and address.
//
// Flags: --reports=N --batch=N --feed_clients=N --feed_rounds=N --queue=N --cases=N --clients=N
// --seconds=S --warmup=S --rounds=N --rows=A,B (only rows whose name contains A or B; "none" skips
// them) --no_feed --intake_sql=SQL (an experiment, not a measurement of the service as built: SQL
// run on the service's intake.db once the host is up, e.g. an index).
#include <algorithm>
#include <atomic>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "schakel/v1/cases.grpc.pb.h"
#include "schakel/v1/intake.grpc.pb.h"
#include "services/cases/case_service.h"
#include "services/common/ids.h"
#include "services/common/log.h"
#include "services/common/migrations.h"
#include "services/common/proto_time.h"
#include "services/intake/intake_rules.h"
#include "services/intake/intake_service.h"
#include "services/intake/radar_keys.h"
#include "tests/bench/bench_support.h"
#include "tests/bench/cases_world.h"
#include "tests/bench/intake_floor.h"
#include "tests/bench/intake_reports.h"

namespace schakel::bench {
namespace {

constexpr char kVtQueue[] = "vt-haaglanden";
constexpr char kPoliceQueue[] = "politie-haaglanden";
constexpr char kVtFeed[] = "vt-utrecht";
constexpr char kPoliceFeed[] = "politie-utrecht";
constexpr char kTeamOrg[] = "wijkteam";
constexpr char kTriage[] = "vt1";  // VT_INTAKE, Haaglanden: reads the queue, opens the cases
constexpr char kDesk[] = "vt-u";   // VT_INTAKE, Utrecht: the SubmitReport rows
constexpr char kAgentQueue[] = "agent-h";
constexpr char kAgentFeed[] = "agent-u";
constexpr char kDirector[] = "dir";

struct Options {
  int64_t reports = 50'000;
  int batch = 1000;
  int feed_clients = 1;
  int feed_rounds = 2;
  int64_t queue = 10'000;
  int64_t cases = 10'000;
  int clients = 64;
  double seconds = 5;
  double warmup = 1;
  int rounds = 3;
  bool feed = true;
  std::vector<std::string> rows;
  std::string intake_sql;  // an experiment: run on intake.db once the host is up
};

int ParseOptions(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    bool ok = true;
    if (absl::ConsumePrefix(&arg, "--reports=")) {
      ok = absl::SimpleAtoi(arg, &o.reports) && o.reports >= 1;
    } else if (absl::ConsumePrefix(&arg, "--batch=")) {
      ok = absl::SimpleAtoi(arg, &o.batch) && o.batch >= 1 && o.batch <= 1000;
    } else if (absl::ConsumePrefix(&arg, "--feed_clients=")) {
      ok = absl::SimpleAtoi(arg, &o.feed_clients) && o.feed_clients >= 1;
    } else if (absl::ConsumePrefix(&arg, "--feed_rounds=")) {
      ok = absl::SimpleAtoi(arg, &o.feed_rounds) && o.feed_rounds >= 1;
    } else if (absl::ConsumePrefix(&arg, "--queue=")) {
      ok = absl::SimpleAtoi(arg, &o.queue) && o.queue >= 50;
    } else if (absl::ConsumePrefix(&arg, "--cases=")) {
      ok = absl::SimpleAtoi(arg, &o.cases) && o.cases >= 1;
    } else if (absl::ConsumePrefix(&arg, "--clients=")) {
      ok = absl::SimpleAtoi(arg, &o.clients) && o.clients >= 1;
    } else if (absl::ConsumePrefix(&arg, "--seconds=")) {
      ok = absl::SimpleAtod(arg, &o.seconds) && o.seconds > 0;
    } else if (absl::ConsumePrefix(&arg, "--warmup=")) {
      ok = absl::SimpleAtod(arg, &o.warmup) && o.warmup >= 0;
    } else if (absl::ConsumePrefix(&arg, "--rounds=")) {
      ok = absl::SimpleAtoi(arg, &o.rounds) && o.rounds >= 1;
    } else if (absl::ConsumePrefix(&arg, "--rows=")) {
      o.rows = absl::StrSplit(arg, ',', absl::SkipEmpty());
    } else if (absl::ConsumePrefix(&arg, "--intake_sql=")) {
      o.intake_sql = std::string(arg);
    } else if (arg == "--no_feed") {
      o.feed = false;
    } else {
      std::cerr << "usage: intake_bench [--reports=N] [--batch=N] [--feed_clients=N] "
                   "[--feed_rounds=N] [--queue=N] [--cases=N] [--clients=N] [--seconds=S] "
                   "[--warmup=S] [--rounds=N] [--rows=A,B|none] [--no_feed] [--intake_sql=SQL]\n";
      return 2;
    }
    if (!ok) {
      std::cerr << "intake_bench: bad value in " << argv[i] << "\n";
      return 2;
    }
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// The feed.

// Batch `b` of a feed (the same inputs every time it is asked for: the floor inserts the rows of
// the very reports the service took in).
v1::SubmitReportsRequest FeedBatch(const ReportMaker& maker, const std::string& run, int64_t b,
                                   int size, absl::Time now) {
  std::mt19937_64 rng(0xfeed0000ULL + static_cast<uint64_t>(b));
  v1::SubmitReportsRequest req;
  req.set_request_id(absl::StrFormat("feed-%s-%06d", run, b));
  for (int i = 0; i < size; ++i) {
    *req.add_reports() = maker.Police(rng, now, absl::StrFormat("%s.%07d", run, b * size + i));
  }
  return req;
}

struct FeedBlock {
  int64_t reports = 0;
  double seconds = 0;
  double cpu_seconds = 0;
  int64_t switches = 0;
  int64_t written = 0;
  std::vector<double> batch_ms;   // client-observed, per batch
  std::vector<double> server_ms;  // the host's own, per batch
  double drain_seconds = 0;       // the outbox into the audit log, after the block
};

// Sends `batches` on `stubs` (one thread each, taking the next batch in turn); every item must be
// accepted.
FeedBlock SendFeed(const std::vector<std::unique_ptr<v1::IntakeService::Stub>>& stubs,
                   const std::vector<v1::SubmitReportsRequest>& batches) {
  FeedBlock f;
  std::atomic<size_t> next{0};
  std::vector<std::vector<double>> ms(stubs.size());
  server_times().Start();
  const Usage u0 = ProcessUsage();
  const auto t0 = SteadyClock::now();
  std::vector<std::thread> threads;
  for (size_t t = 0; t < stubs.size(); ++t) {
    threads.emplace_back([&, t] {
      for (size_t b = next++; b < batches.size(); b = next++) {
        v1::SubmitReportsResponse resp;
        grpc::ClientContext ctx;
        SetDeadline(ctx, 300);
        const auto c0 = SteadyClock::now();
        OrDie(FromGrpc(stubs[t]->SubmitReports(&ctx, batches[b], &resp)), "SubmitReports");
        ms[t].push_back(std::chrono::duration<double, std::milli>(SteadyClock::now() - c0).count());
        if (resp.accepted() != batches[b].reports_size()) {
          Die("SubmitReports", absl::InternalError(absl::StrCat(
                                   "accepted ", resp.accepted(), " of ", batches[b].reports_size(),
                                   "; first result: ", resp.results(0).ShortDebugString())));
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  f.seconds = std::chrono::duration<double>(SteadyClock::now() - t0).count();
  const Usage u1 = ProcessUsage();
  f.server_ms = std::move(server_times().Stop()["SubmitReports"]);
  for (const auto& m : ms) f.batch_ms.insert(f.batch_ms.end(), m.begin(), m.end());
  for (const auto& b : batches) f.reports += b.reports_size();
  f.cpu_seconds = u1.cpu_seconds - u0.cpu_seconds;
  f.switches = u1.switches - u0.switches;
  f.written = u1.written - u0.written;
  return f;
}

void RunFeedAndFloor(const Options& o, testing::TestHost& host) {
  std::vector<std::unique_ptr<v1::IntakeService::Stub>> stubs;
  for (int i = 0; i < o.feed_clients; ++i) {
    stubs.push_back(v1::IntakeService::NewStub(host.ChannelAs(kAgentFeed, kPoliceFeed)));
  }
  const ReportMaker maker(ReportMaker::Place::kUtrecht, o.reports * 6 / 10);
  const std::string run = NewRandomId().substr(0, 8);
  FeedFloor floor(kAgentFeed, kPoliceFeed);
  const int64_t batches = (o.reports + o.batch - 1) / o.batch;
  std::vector<FeedBlock> blocks;
  double floor_rows = 0, floor_all = 0, floor_before = 0;
  int64_t floor_reports = 0;
  for (int round = 0; round < o.feed_rounds; ++round) {
    const int64_t from = batches * round / o.feed_rounds;
    const int64_t to = batches * (round + 1) / o.feed_rounds;
    const absl::Time now = absl::Now();
    std::vector<v1::SubmitReportsRequest> reqs;
    for (int64_t b = from; b < to; ++b) reqs.push_back(FeedBatch(maker, run, b, o.batch, now));
    std::cerr << absl::StrFormat("intake_bench: feed round %d/%d: %d batches\n", round + 1,
                                 o.feed_rounds, to - from);
    FeedBlock f = SendFeed(stubs, reqs);
    const auto d0 = SteadyClock::now();
    OrDie(host.host().FlushOutboxes(), "flush outboxes");
    f.drain_seconds = std::chrono::duration<double>(SteadyClock::now() - d0).count();
    std::cerr << absl::StrFormat(
        "intake_bench: feed: %d reports in %.2f s (%.0f/s), drained in %.2f s\n", f.reports,
        f.seconds, static_cast<double>(f.reports) / f.seconds, f.drain_seconds);
    blocks.push_back(std::move(f));
    for (const auto& req : reqs) {
      const FeedFloor::Batch b = floor.Prepare(req, now);
      floor_rows += floor.Insert(b, FeedFloor::Kind::kRows);
      floor_all += floor.Insert(b, FeedFloor::Kind::kAll);
      floor_before += floor.Insert(b, FeedFloor::Kind::kRowsBefore);
      floor_reports += req.reports_size();
    }
  }

  int64_t reports = 0, written = 0, switches = 0;
  double seconds = 0, drain = 0, cpu = 0;
  std::vector<double> batch_ms, server_ms, rates;
  for (const FeedBlock& f : blocks) {
    reports += f.reports;
    seconds += f.seconds;
    drain += f.drain_seconds;
    cpu += f.cpu_seconds;
    switches += f.switches;
    written += f.written;
    batch_ms.insert(batch_ms.end(), f.batch_ms.begin(), f.batch_ms.end());
    server_ms.insert(server_ms.end(), f.server_ms.begin(), f.server_ms.end());
    rates.push_back(static_cast<double>(f.reports) / f.seconds);
  }
  const auto [lo, hi] = std::minmax_element(rates.begin(), rates.end());
  const double rate = static_cast<double>(reports) / seconds;
  const double per = static_cast<double>(reports);
  std::cout << absl::StrFormat(
      "\nThe police feed: %d reports in batches of %d, %d client(s), %d block(s).\n"
      "  SubmitReports: %.0f reports/s [blocks %.0f–%.0f] (%.1f s); batch p50 %.0f ms, p90 %.0f "
      "ms, max %.0f ms; server p50 %.0f ms\n"
      "    CPU %.0f µs/report, %.2f context switches/report, %.2f KB written/report\n"
      "  + draining the outbox into the audit log after each block: %.1f s; %.0f reports/s "
      "with it\n"
      "  Floor, the same rows raw (reports + radar_keys, one transaction per batch): %.0f "
      "reports/s (%.0f µs/report)\n"
      "  Floor + the outbox rows and the idempotency row: %.0f reports/s (%.0f µs/report)\n"
      "  Floor as before (random report ids, SQLite's default 2 MB page cache): %.0f reports/s "
      "(%.0f µs/report)\n"
      "  Sealing + blind indexes of the same reports (CPU, no storage): %.0f µs/report\n"
      "  Goal: >= 5,000 reports/s -> %s; %.2fx the raw-rows floor's time, %.2fx the full "
      "floor's.\n",
      reports, o.batch, o.feed_clients, blocks.size(), rate, *lo, *hi, seconds,
      Percentile(batch_ms, 0.5), Percentile(batch_ms, 0.9), Percentile(batch_ms, 1.0),
      Percentile(server_ms, 0.5), 1e6 * cpu / per, static_cast<double>(switches) / per,
      static_cast<double>(written) / per / 1024, drain, per / (seconds + drain),
      static_cast<double>(floor_reports) / floor_rows, 1e6 * floor_rows / floor_reports,
      static_cast<double>(floor_reports) / floor_all, 1e6 * floor_all / floor_reports,
      static_cast<double>(floor_reports) / floor_before, 1e6 * floor_before / floor_reports,
      1e6 * floor.crypto_seconds / floor_reports, rate >= 5000 ? "MET" : "NOT MET",
      (seconds / per) / (floor_rows / floor_reports),
      (seconds / per) / (floor_all / floor_reports));
}

// ---------------------------------------------------------------------------------------------
// The world: the queue's region, the feed's, and the cases.

void SeedQueue(testing::TestHost& host, int64_t count) {
  auto stub = v1::IntakeService::NewStub(host.ChannelAs(kAgentQueue, kPoliceQueue));
  const ReportMaker maker(ReportMaker::Place::kHaaglanden, count * 6 / 10);
  const std::string run = NewRandomId().substr(0, 8);
  const auto t0 = SteadyClock::now();
  std::mt19937_64 rng(0x9e3779b9);
  for (int64_t done = 0; done < count;) {
    const int n = static_cast<int>(std::min<int64_t>(1000, count - done));
    v1::SubmitReportsRequest req;
    req.set_request_id(NewRandomId());
    for (int i = 0; i < n; ++i) {
      *req.add_reports() =
          maker.Police(rng, absl::Now(), absl::StrFormat("q%s.%07d", run, done + i), 10);
    }
    v1::SubmitReportsResponse resp;
    grpc::ClientContext ctx;
    SetDeadline(ctx, 300);
    OrDie(FromGrpc(stub->SubmitReports(&ctx, req, &resp)), "SubmitReports (queue)");
    if (resp.accepted() != n) Die("queue", absl::InternalError(resp.ShortDebugString()));
    done += n;
  }
  const double s = std::chrono::duration<double>(SteadyClock::now() - t0).count();
  OrDie(host.host().FlushOutboxes(), "flush outboxes");
  std::cout << absl::StrFormat("Queue: %d open reports in Haaglanden (police feed, %.1f s)\n",
                               count, s);
}

int Run(const Options& o) {
  InstallLogSink();
  std::vector<std::unique_ptr<HostedService>> extra;
  extra.push_back(std::make_unique<cases::CaseService>());
  extra.push_back(std::make_unique<intake::IntakeService>());
  testing::TestHost host(std::move(extra));
  std::cerr << "intake_bench: host on " << host.address() << ", data in " << host.data_dir()
            << "\n";
  host.AddOrganisation(kVtQueue, v1::ORGANISATION_TYPE_VEILIG_THUIS, v1::REGION_HAAGLANDEN);
  host.AddOrganisation(kPoliceQueue, v1::ORGANISATION_TYPE_POLICE, v1::REGION_HAAGLANDEN);
  host.AddOrganisation(kVtFeed, v1::ORGANISATION_TYPE_VEILIG_THUIS, v1::REGION_UTRECHT);
  host.AddOrganisation(kPoliceFeed, v1::ORGANISATION_TYPE_POLICE, v1::REGION_UTRECHT);
  host.AddOrganisation(kTeamOrg, v1::ORGANISATION_TYPE_LOCAL_TEAM, v1::REGION_HAAGLANDEN);
  host.AddProfessional(kTriage, kVtQueue, {v1::ROLE_VT_INTAKE});
  host.AddProfessional(kDesk, kVtFeed, {v1::ROLE_VT_INTAKE});
  host.AddProfessional(kAgentQueue, kPoliceQueue, {v1::ROLE_PROFESSIONAL});
  host.AddProfessional(kAgentFeed, kPoliceFeed, {v1::ROLE_PROFESSIONAL});
  host.AddProfessional(kDirector, kTeamOrg, {v1::ROLE_CASE_DIRECTOR, v1::ROLE_PROFESSIONAL});

  if (!o.intake_sql.empty()) {
    auto db = OrDie(sqlite::Database::Open(host.data_dir() / "intake.db"), "intake.db");
    OrDie(db->Exec(o.intake_sql), "--intake_sql");
    std::cout << "Experiment: ran on intake.db: " << o.intake_sql << "\n";
  }
  const bool rows_wanted = !(o.rows.size() == 1 && o.rows[0] == "none");
  std::vector<std::string> case_ids;
  if (rows_wanted) {
    SeedCases(host, kTriage, kVtQueue, kDirector, 0, o.cases, 16);
    auto director = v1::CaseService::NewStub(host.ChannelAs(kDirector, kTeamOrg));
    case_ids = ListAllCaseIds(*director);
    OrDie(host.host().FlushOutboxes(), "flush outboxes");
    SeedQueue(host, o.queue);
  }
  if (o.feed) RunFeedAndFloor(o, host);
  if (!rows_wanted) return 0;
  OrDie(host.host().FlushOutboxes(), "flush outboxes");

  // One channel per client, all as the Utrecht intake worker; one for the queue, one for GetCase.
  std::vector<std::unique_ptr<v1::IntakeService::Stub>> desk(o.clients);
  std::vector<std::unique_ptr<grpc::health::v1::Health::Stub>> health(o.clients);
  for (int i = 0; i < o.clients; ++i) {
    auto channel = host.ChannelAs(kDesk, kVtFeed);
    desk[i] = v1::IntakeService::NewStub(channel);
    health[i] = grpc::health::v1::Health::NewStub(channel);
  }
  auto triage = v1::IntakeService::NewStub(host.ChannelAs(kTriage, kVtQueue));
  auto cases = v1::CaseService::NewStub(host.ChannelAs(kDirector, kTeamOrg));
  CommitFloor commit_floor({.principal = kDesk,
                            .organisation = kVtFeed,
                            .roles = {v1::ROLE_VT_INTAKE},
                            .event_type = "intake.report.submitted",
                            .source_service = "intake",
                            .purpose = "intake",
                            .object_types = {"report"},
                            .action = v1::AUDIT_ACTION_CREATE},
                           o.clients);
  const ReportMaker desk_maker(ReportMaker::Place::kUtrecht, 20'000);

  const Call submit = [&](int i, std::mt19937_64& rng) {
    v1::SubmitReportRequest req;
    req.set_request_id(NewRandomId());
    *req.mutable_report() = desk_maker.Desk(rng, absl::Now());
    v1::SubmitReportResponse resp;
    grpc::ClientContext ctx;
    SetDeadline(ctx, 60);
    return FromGrpc(desk[static_cast<size_t>(i)]->SubmitReport(&ctx, req, &resp));
  };
  const Call queue = [&](int, std::mt19937_64&) {
    v1::ListTriageQueueRequest req;
    v1::ListTriageQueueResponse resp;
    grpc::ClientContext ctx;
    SetDeadline(ctx, 60);
    absl::Status st = FromGrpc(triage->ListTriageQueue(&ctx, req, &resp));
    if (st.ok() && (resp.rows_size() != 50 || resp.total() != o.queue)) {
      return absl::InternalError(
          absl::StrCat("a page of ", resp.rows_size(), " of ", resp.total()));
    }
    return st;
  };
  const Call get_case = [&](int, std::mt19937_64& rng) {
    v1::GetCaseRequest req;
    req.set_case_id(case_ids[std::uniform_int_distribution<size_t>(0, case_ids.size() - 1)(rng)]);
    v1::GetCaseResponse resp;
    grpc::ClientContext ctx;
    SetDeadline(ctx, 60);
    return FromGrpc(cases->GetCase(&ctx, req, &resp));
  };
  const Call echo = EchoCall(health);
  {
    std::mt19937_64 rng(1);
    for (int i = 0; i < o.clients; ++i) OrDie(echo(i, rng), "warm-up echo");
    OrDie(queue(0, rng), "warm-up ListTriageQueue");
    OrDie(get_case(0, rng), "warm-up GetCase");
    v1::ListTriageQueueResponse page;
    grpc::ClientContext ctx;
    SetDeadline(ctx, 60);
    OrDie(FromGrpc(triage->ListTriageQueue(&ctx, v1::ListTriageQueueRequest(), &page)), "queue");
    int with_hits = 0, repeats = 0, acute = 0;
    for (const auto& r : page.rows()) {
      with_hits += r.radar_earlier() > 0;
      repeats += r.repeat();
      acute += r.acute();
    }
    std::cout << absl::StrFormat(
        "First page of the queue: %d rows of %d (%d acute), %d with earlier reports on the radar "
        "(%d repeats); %d bytes\n",
        page.rows_size(), page.total(), acute, with_hits, repeats, page.ByteSizeLong());
  }

  const int n = o.clients;
  std::vector<Row> rows;
  rows.push_back({"SubmitReport (VT desk, phone)", n, submit, "SubmitReport"});
  rows.push_back({"Floor: echo (Health/Check, mTLS)", n, echo, ""});
  rows.push_back({"Floor: group commit (1-row INSERT)", n, commit_floor.GroupCommit(), ""});
  rows.push_back({"Floor: plain commit (1-row INSERT)", 1, commit_floor.PlainCommit(), ""});
  rows.push_back({"SubmitReport, 1 client", 1, submit, "SubmitReport"});
  rows.push_back({"ListTriageQueue (first page), 1 client", 1, queue, "ListTriageQueue"});
  rows.push_back({"GetCase (random case), 1 client", 1, get_case, "GetCase"});
  rows.push_back({"Floor: echo, 1 client", 1, echo, ""});
  constexpr int kSubmit = 0, kEcho = 1, kGroup = 2, kQueue = 5, kGetCase = 6;

  const auto t0 = absl::Now();
  RunRounds(rows, o.rows, o.rounds, absl::Seconds(o.warmup), absl::Seconds(o.seconds),
            [&] { OrDie(host.host().FlushOutboxes(), "flush outboxes"); });
  std::cout << absl::StrFormat(
      "\n%d clients (one mTLS channel each); %d rounds x %.0f s (+%.0f s warm-up) per row; %.0f "
      "s. Latency in µs, client-observed, nearest rank.\n\n",
      o.clients, o.rounds, o.seconds, o.warmup, absl::ToDoubleSeconds(absl::Now() - t0));
  PrintRows(rows, o.rows);

  auto ran = [&](int k) { return !rows[k].micros.empty(); };
  if (ran(kSubmit) && ran(kEcho) && ran(kGroup)) {
    const double floor = rows[kEcho].p50() + rows[kGroup].p50();
    const double ratio = rows[kSubmit].p50() / floor;
    std::cout << absl::StrFormat(
        "\nGoal: SubmitReport p50 within 1.5x of (echo p50 + group-commit p50), %d clients.\n"
        "  echo %.0f µs + group commit %.0f µs = %.0f µs; SubmitReport p50 %.0f µs: %.2fx -> "
        "%s\n",
        n, rows[kEcho].p50(), rows[kGroup].p50(), floor, rows[kSubmit].p50(), ratio,
        ratio <= 1.5 ? "MET" : "NOT MET");
  }
  if (ran(kQueue) && ran(kGetCase)) {
    const double ratio = rows[kQueue].p50() / rows[kGetCase].p50();
    std::cout << absl::StrFormat(
        "Goal: ListTriageQueue p50 within 2x of GetCase's, one client, %d open reports.\n"
        "  ListTriageQueue %.0f µs, GetCase %.0f µs: %.2fx -> %s\n",
        o.queue, rows[kQueue].p50(), rows[kGetCase].p50(), ratio, ratio <= 2 ? "MET" : "NOT MET");
  }
  std::cout.flush();
  return 0;
}

}  // namespace
}  // namespace schakel::bench

int main(int argc, char** argv) {
  schakel::bench::SetProgramName("intake_bench");
  schakel::bench::Options options;
  if (int rc = schakel::bench::ParseOptions(argc, argv, options); rc != 0) return rc;
  const int rc = schakel::bench::Run(options);
  schakel::SetLogSink(nullptr);
  return rc;
}
