// Benchmarks for the audit log (Google Benchmark). Every figure comes with a floor measured in the
// same run: the least work the same operation could do on this machine (the crypto alone, SQLite
// alone, a bare gRPC round trip, SHA-256 alone). Nothing here passes or fails on time; the figures
// and the goals they are read against are in docs/performance.md.
//
// Everything is real: SQLite files in a temporary directory (WAL, synchronous=FULL, so every
// commit is an fsync), AES-256-GCM and SHA-256 from OpenSSL, and a real host with mutual TLS on
// a loopback port for the RPC benchmarks.
//
// The 1M-entry log (every *_1M* benchmark) is built once, on first use, through AuditLog::Append
// in batches of 1000, in a temporary directory that is removed at exit (not when the process is
// killed; stderr names it). That takes minutes and reports its progress, with the rate and the
// bytes read and written per record, on stderr. The plain table behind the *_1M append floor is
// filled the same way. SCHAKEL_BENCH_LOG_ENTRIES=N (or --log_entries=N) builds a smaller log for
// a quick run; the names keep "1M", the counters `log_entries` / `log_size` say what was used.
//
// Counters: items_per_second (records/s, wall clock), p50_us/p90_us/p99_us (per-call latency,
// nearest rank), read_B_per_rec/write_B_per_rec (bytes this process read and wrote through
// read()/write() per record, from /proc/self/io: what SQLite moves for each record).
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <google/protobuf/repeated_ptr_field.h>
#include <google/protobuf/util/time_util.h>
#include <grpcpp/client_context.h>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "schakel/v1/audit.grpc.pb.h"
#include "services/audit/audit_log.h"
#include "services/common/clock.h"
#include "services/common/crypto.h"
#include "services/common/ids.h"
#include "services/common/log.h"
#include "services/common/migrations.h"
#include "services/common/sqlite.h"
#include "services/transparency/merkle.h"
#include "services/transparency/note.h"
#include "tests/support/test_env.h"

namespace schakel::migrations {
const MigrationTrack& audit_track();
}  // namespace schakel::migrations

namespace schakel::bench {
namespace {

using audit::AuditLog;
using audit::AuditLogKeys;
using audit::merkle::Hash;
using Records = google::protobuf::RepeatedPtrField<v1::AuditRecord>;
using SteadyClock = std::chrono::steady_clock;

// The origin TestHost gives its audit service; the 1M log is signed under it so the host can
// extend it.
constexpr char kHostOrigin[] = "schakel.test/audit";
constexpr int64_t kDefaultLogEntries = 1'000'000;
constexpr int kBuildBatch = 1000;
constexpr int kRpcWarmupCalls = 200;

int64_t g_log_entries = kDefaultLogEntries;

[[noreturn]] void Die(const char* what, const absl::Status& status) {
  std::cerr << "audit_bench: " << what << ": " << status << "\n";
  std::abort();
}

template <typename T>
T OrDie(absl::StatusOr<T> value, const char* what) {
  if (!value.ok()) Die(what, value.status());
  return *std::move(value);
}

void OrDie(const absl::Status& status, const char* what) {
  if (!status.ok()) Die(what, status);
}

// ---------------------------------------------------------------------------------------------
// Records and databases

// A realistic NEN 7513 record: a professional reading a case, with the case and the person it
// concerns as objects. ~350 bytes serialized once Stamp() has set the event id and sequence.
v1::AuditRecord TemplateRecord(absl::Time at) {
  v1::AuditRecord r;
  r.set_action(v1::AUDIT_ACTION_READ);
  r.set_event_type("case.read");
  *r.mutable_event_time() =
      google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(at));
  r.set_outcome(v1::AUDIT_OUTCOME_SUCCESS);
  auto* user = r.mutable_user();
  user->set_principal_id("prof-7f3a9c21");
  user->set_name("Mw. M. de Vries-Jansen");
  user->set_organisation_id("org-00-haaglanden");
  user->add_roles(v1::ROLE_PROFESSIONAL);
  user->add_roles(v1::ROLE_CASE_DIRECTOR);
  user->set_kind(v1::PRINCIPAL_KIND_USER);
  // Acting for themselves: the responsible user is the same professional.
  *r.mutable_responsible_user() = *user;
  r.set_purpose_of_use("case-coordination");
  r.set_access_point("ipv6:[2001:db8:4f2a:17::c0a8:1f75]:52844");
  auto* the_case = r.add_objects();
  the_case->set_type("case");
  the_case->set_id("case-2026-0004711");
  the_case->set_sensitivity(v1::SENSITIVITY_CARE);
  auto* person = r.add_objects();
  person->set_type("person");
  person->set_id("pp-3b1f0c9e8d7a6b5c4d3e2f1a0b9c8d7e");
  person->set_sensitivity(v1::SENSITIVITY_GENERAL);
  r.set_source_service("cases");
  auto* checks = r.mutable_checks();
  checks->set_authorisation(v1::AUDIT_CHECK_PASSED);
  checks->set_care_relationship(v1::AUDIT_CHECK_PASSED);
  checks->set_consent(v1::AUDIT_CHECK_NOT_APPLICABLE);
  checks->set_emergency_access(v1::AUDIT_CHECK_NOT_APPLICABLE);
  return r;
}

uint64_t SplitMix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Gives the record a fresh random event id (as AuditTrail does), the next outbox sequence, and
// one of 2,000 professionals in 40 organisations reading one of 100,000 cases (and its person),
// so the blind indexes and the organisation index grow the way they would in use rather than
// always at the same spot.
void Stamp(v1::AuditRecord& r, int64_t sequence) {
  r.set_event_id(NewRandomId());
  r.set_source_sequence(sequence);
  const uint64_t h = SplitMix64(static_cast<uint64_t>(sequence));
  const int professional = static_cast<int>(h % 2000);
  const int the_case = static_cast<int>((h >> 16) % 100'000);
  auto* user = r.mutable_user();
  user->set_principal_id(absl::StrFormat("prof-%08x", SplitMix64(professional) & 0xffffffffu));
  user->set_organisation_id(absl::StrFormat("org-%02d-haaglanden", professional % 40));
  *r.mutable_responsible_user() = *user;
  r.mutable_objects(0)->set_id(absl::StrFormat("case-2026-%07d", the_case));
  r.mutable_objects(1)->set_id(
      absl::StrFormat("pp-%016x%016x", SplitMix64(the_case), SplitMix64(the_case + 1)));
}

Records MakeBatch(int n, absl::Time at) {
  Records records;
  for (int i = 0; i < n; ++i) *records.Add() = TemplateRecord(at);
  return records;
}

// Stamps the batch with sequences after `*sequence`; returns the serialized bytes of the batch.
int64_t StampBatch(Records& records, int64_t* sequence) {
  int64_t bytes = 0;
  for (auto& r : records) {
    Stamp(r, ++*sequence);
    bytes += static_cast<int64_t>(r.ByteSizeLong());
  }
  return bytes;
}

// Opened exactly as AuditService::Open opens <data_dir>/audit.db.
std::unique_ptr<sqlite::Database> OpenAuditDatabase(const std::filesystem::path& path) {
  auto db = OrDie(sqlite::Database::Open(path), "open audit database");
  OrDie(db->Exec("PRAGMA secure_delete=ON"), "secure_delete");
  const migrations::MigrationTrack* tracks[] = {&migrations::common_track(),
                                                &migrations::audit_track()};
  OrDie(migrations::Apply(*db, tracks), "migrate audit database");
  return db;
}

AuditLogKeys FreshKeys() {
  AuditLogKeys keys;
  keys.master_key = OrDie(crypto::RandomBytes(crypto::kKeySize), "master key");
  keys.index_key = OrDie(crypto::RandomBytes(crypto::kKeySize), "index key");
  keys.signer.emplace("bench/audit",
                      OrDie(audit::note::Ed25519PrivateKey::Generate(), "signing key"));
  return keys;
}

// The AAD AuditLog gives a record of this shape (fields 1-5 of its LogEntry), so the floors seal
// with an AAD of the same length.
std::string LikeAssociatedData(const v1::AuditRecord& r, int64_t index) {
  v1::LogEntry e;
  e.set_format_version(1);
  e.set_index(index);
  e.set_source_service(r.source_service());
  e.set_source_sequence(r.source_sequence());
  e.set_key_id("2026-01");
  return AuditLog::AssociatedData(e);
}

// A plain table for the SQLite floors: one blob per row, rowid key, no other index.
std::unique_ptr<sqlite::Database> OpenFloorDatabase(const std::filesystem::path& path) {
  auto db = OrDie(sqlite::Database::Open(path), "open floor database");
  OrDie(db->Exec("CREATE TABLE floor (id INTEGER PRIMARY KEY, entry BLOB NOT NULL) STRICT"),
        "create floor table");
  return db;
}

absl::Status InsertFloorRow(sqlite::Connection& c, absl::string_view row) {
  auto s = c.PrepareCached("INSERT INTO floor (entry) VALUES (?)");
  if (!s.ok()) return s.status();
  (*s)->BindBlob(1, row);
  return (*s)->Run();
}

// The bytes AuditLog stores for a record: AAD fields, nonce, ciphertext and tag. Same size (within
// a few bytes of protobuf tags) as the serialized LogEntry.
std::string SealedRow(absl::string_view key, const v1::AuditRecord& r, const std::string& aad) {
  crypto::Sealed sealed = OrDie(crypto::Seal(key, r.SerializeAsString(), aad), "seal");
  return absl::StrCat(aad, sealed.nonce, sealed.ciphertext, sealed.tag);
}

// Bytes this process passed to read()/pread() and write()/pwrite() (/proc/self/io rchar and
// wchar): what SQLite reads back and writes (WAL frames, checkpoints) per record.
struct ProcIo {
  int64_t rchar = 0;
  int64_t wchar = 0;
};

ProcIo ReadProcIo() {
  ProcIo io;
  std::ifstream f("/proc/self/io");
  std::string key;
  int64_t value = 0;
  while (f >> key >> value) {
    if (key == "rchar:") io.rchar = value;
    if (key == "wchar:") io.wchar = value;
  }
  return io;
}

void ReportIo(benchmark::State& state, const ProcIo& before, int64_t records) {
  if (records <= 0) return;
  const ProcIo after = ReadProcIo();
  state.counters["read_B_per_rec"] =
      static_cast<double>(after.rchar - before.rchar) / static_cast<double>(records);
  state.counters["write_B_per_rec"] =
      static_cast<double>(after.wchar - before.wchar) / static_cast<double>(records);
}

void ReportRecords(benchmark::State& state, int batch, int64_t bytes) {
  state.SetItemsProcessed(state.iterations() * batch);
  state.SetBytesProcessed(bytes);
  if (state.iterations() > 0) {
    state.counters["record_bytes"] =
        static_cast<double>(bytes) / static_cast<double>(state.iterations() * batch);
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Append

// Appends stamped batches of state.range(0) records to `log`; the timed part is Append alone.
void RunAppend(benchmark::State& state, AuditLog& log, const Clock& clock, int64_t* sequence,
               bool with_checkpoint) {
  const int batch = static_cast<int>(state.range(0));
  Records records = MakeBatch(batch, clock.Now());
  int64_t bytes = 0;
  const ProcIo io = ReadProcIo();
  for (auto _ : state) {
    state.PauseTiming();
    bytes += StampBatch(records, sequence);
    state.ResumeTiming();
    auto appended = log.Append(records);
    absl::Status st = appended.status();
    if (st.ok() && with_checkpoint) st = log.MaybeCheckpoint();
    if (!st.ok()) {
      state.SkipWithError(st.ToString().c_str());
      break;
    }
  }
  ReportIo(state, io, state.iterations() * batch);
  ReportRecords(state, batch, bytes);
  state.counters["log_size"] = static_cast<double>(OrDie(log.Size(), "size"));
}

// AuditLog::Append into a fresh log (it holds only what this run appended).
void BM_AuditAppend(benchmark::State& state) {
  testing::TempDir dir;
  auto db = OpenAuditDatabase(dir.path() / "audit.db");
  FakeClock clock;
  AuditLog log(*db, FreshKeys(), {}, clock);
  int64_t sequence = 0;
  RunAppend(state, log, clock, &sequence, /*with_checkpoint=*/false);
}

// The same with the checkpoint step AuditService::Append runs after every append
// (MaybeCheckpoint: signs one per 1000 entries, with a consistency proof against the last).
void BM_AuditAppendWithCheckpoint(benchmark::State& state) {
  testing::TempDir dir;
  auto db = OpenAuditDatabase(dir.path() / "audit.db");
  FakeClock clock;
  AuditLog log(*db, FreshKeys(), {}, clock);
  int64_t sequence = 0;
  RunAppend(state, log, clock, &sequence, /*with_checkpoint=*/true);
}

// Floor: per record, AES-256-GCM of the same serialized bytes, SHA-256 (HashLeaf) of the result
// and one INSERT of it into a plain table; one transaction (one fsync) per batch.
void RunFloorAppend(benchmark::State& state, sqlite::Database& db, const std::string& key,
                    int64_t* sequence) {
  const int batch = static_cast<int>(state.range(0));
  FakeClock clock;
  Records records = MakeBatch(batch, clock.Now());
  int64_t bytes = 0;
  const ProcIo io = ReadProcIo();
  for (auto _ : state) {
    state.PauseTiming();
    bytes += StampBatch(records, sequence);
    state.ResumeTiming();
    absl::Status st = db.Transaction([&](sqlite::Connection& c) -> absl::Status {
      for (const auto& r : records) {
        const std::string row = SealedRow(key, r, LikeAssociatedData(r, r.source_sequence()));
        Hash leaf = audit::merkle::HashLeaf(row);
        benchmark::DoNotOptimize(leaf);
        if (absl::Status s = InsertFloorRow(c, row); !s.ok()) return s;
      }
      return absl::OkStatus();
    });
    if (!st.ok()) {
      state.SkipWithError(st.ToString().c_str());
      break;
    }
  }
  ReportIo(state, io, state.iterations() * batch);
  ReportRecords(state, batch, bytes);
}

void BM_Floor_AesGcmSha256PlusSqliteInsert(benchmark::State& state) {
  testing::TempDir dir;
  auto db = OpenFloorDatabase(dir.path() / "floor.db");
  const std::string key = OrDie(crypto::RandomBytes(crypto::kKeySize), "key");
  int64_t sequence = 0;
  RunFloorAppend(state, *db, key, &sequence);
}

// Floor, crypto only: the same seal and hash, no storage.
void BM_Floor_AesGcmSha256(benchmark::State& state) {
  const int batch = static_cast<int>(state.range(0));
  const std::string key = OrDie(crypto::RandomBytes(crypto::kKeySize), "key");
  FakeClock clock;
  Records records = MakeBatch(batch, clock.Now());
  int64_t sequence = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    bytes += StampBatch(records, &sequence);
    state.ResumeTiming();
    for (const auto& r : records) {
      const std::string row = SealedRow(key, r, LikeAssociatedData(r, r.source_sequence()));
      Hash leaf = audit::merkle::HashLeaf(row);
      benchmark::DoNotOptimize(leaf);
    }
  }
  ReportRecords(state, batch, bytes);
}

// Floor, SQLite only: rows of the same size (already sealed), one transaction per batch.
void BM_Floor_SqliteInsert(benchmark::State& state) {
  const int batch = static_cast<int>(state.range(0));
  testing::TempDir dir;
  auto db = OpenFloorDatabase(dir.path() / "floor.db");
  const std::string key = OrDie(crypto::RandomBytes(crypto::kKeySize), "key");
  FakeClock clock;
  Records records = MakeBatch(batch, clock.Now());
  int64_t sequence = 0;
  int64_t bytes = 0;
  std::vector<std::string> rows(batch);
  const ProcIo io = ReadProcIo();
  for (auto _ : state) {
    state.PauseTiming();
    bytes += StampBatch(records, &sequence);
    for (int i = 0; i < batch; ++i) {
      const auto& r = records[i];
      rows[i] = SealedRow(key, r, LikeAssociatedData(r, r.source_sequence()));
    }
    state.ResumeTiming();
    absl::Status st = db->Transaction([&](sqlite::Connection& c) -> absl::Status {
      for (const auto& row : rows) {
        if (absl::Status s = InsertFloorRow(c, row); !s.ok()) return s;
      }
      return absl::OkStatus();
    });
    if (!st.ok()) {
      state.SkipWithError(st.ToString().c_str());
      break;
    }
  }
  ReportIo(state, io, state.iterations() * batch);
  ReportRecords(state, batch, bytes);
}

// ---------------------------------------------------------------------------------------------
// The 1M-entry log, built once

struct BigLog {
  testing::TempDir dir;  // the host's data directory: audit.db and keys/
  FakeClock clock;
  std::unique_ptr<sqlite::Database> db;
  std::unique_ptr<AuditLog> log;
  int64_t entries = 0;
  int64_t next_sequence = 0;                // the last source_sequence appended
  v1::SignedCheckpoint checkpoint;          // signed at exactly `entries`
  std::vector<std::string> export_entries;  // loaded for BM_VerifyExport_1M / BM_Floor_Sha256_1M
  std::unique_ptr<testing::TestHost> host;  // started on first RPC benchmark
  std::shared_ptr<grpc::Channel> channel;   // a service principal's mTLS channel
};

std::unique_ptr<BigLog> g_big;

void BuildBigLog(BigLog& big) {
  // Key files where TestHost looks for them, so the host opens the same log with the same keys.
  const auto keys_dir = big.dir.path() / "keys";
  std::filesystem::create_directories(keys_dir);
  OrDie(crypto::CreateKeyFile(keys_dir / "master.key"), "master.key");
  OrDie(crypto::CreateKeyFile(keys_dir / "index.key"), "index.key");
  OrDie(audit::note::WritePrivateKeyFile(
            keys_dir / "signing.pem",
            OrDie(audit::note::Ed25519PrivateKey::Generate(), "signing key")),
        "signing.pem");
  AuditLogKeys keys;
  keys.master_key = OrDie(crypto::ReadKeyFile(keys_dir / "master.key"), "read master.key");
  keys.index_key = OrDie(crypto::ReadKeyFile(keys_dir / "index.key"), "read index.key");
  keys.signer.emplace(kHostOrigin, OrDie(audit::note::ReadPrivateKeyFile(keys_dir / "signing.pem"),
                                         "read signing.pem"));
  big.db = OpenAuditDatabase(big.dir.path() / "audit.db");
  big.log =
      std::make_unique<AuditLog>(*big.db, std::move(keys), audit::AuditLogOptions{}, big.clock);

  std::cerr << "audit_bench: building a log of " << g_log_entries << " entries in "
            << big.dir.path() << " (Append in batches of " << kBuildBatch << ")\n";
  const auto start = SteadyClock::now();
  auto chunk_start = start;
  ProcIo chunk_io = ReadProcIo();
  int64_t chunk_done = 0;
  const int64_t report_every = std::max<int64_t>(g_log_entries / 10, kBuildBatch);
  int64_t sequence = 0;
  Records records = MakeBatch(kBuildBatch, big.clock.Now());
  while (sequence < g_log_entries) {
    const int n = static_cast<int>(std::min<int64_t>(kBuildBatch, g_log_entries - sequence));
    while (records.size() > n) records.RemoveLast();
    StampBatch(records, &sequence);
    OrDie(big.log->Append(records).status(), "append");
    chunk_done += n;
    if (sequence % report_every == 0 || sequence == g_log_entries) {
      const auto now = SteadyClock::now();
      const double chunk_s = std::chrono::duration<double>(now - chunk_start).count();
      const double total_s = std::chrono::duration<double>(now - start).count();
      const ProcIo io = ReadProcIo();
      std::cerr << absl::StrFormat(
          "audit_bench:   %8d entries, %6.1f s, last %d at %.0f records/s, "
          "read %.0f B and wrote %.0f B per record\n",
          sequence, total_s, chunk_done, chunk_done / chunk_s,
          static_cast<double>(io.rchar - chunk_io.rchar) / static_cast<double>(chunk_done),
          static_cast<double>(io.wchar - chunk_io.wchar) / static_cast<double>(chunk_done));
      chunk_io = io;
      chunk_start = now;
      chunk_done = 0;
    }
  }
  big.entries = g_log_entries;
  big.next_sequence = sequence;
  big.checkpoint = OrDie(big.log->SignCheckpoint(), "sign checkpoint");
  const double total_s = std::chrono::duration<double>(SteadyClock::now() - start).count();
  uintmax_t db_bytes = 0;
  for (const char* f : {"audit.db", "audit.db-wal"}) {
    std::error_code ec;
    const uintmax_t n = std::filesystem::file_size(big.dir.path() / f, ec);
    if (!ec) db_bytes += n;
  }
  std::cerr << absl::StrFormat(
      "audit_bench: built %d entries in %.1f s (%.0f records/s overall); audit.db + wal %.1f MiB\n",
      big.entries, total_s, big.entries / total_s, static_cast<double>(db_bytes) / (1 << 20));
}

BigLog& Big() {
  if (!g_big) {
    g_big = std::make_unique<BigLog>();
    BuildBigLog(*g_big);
  }
  return *g_big;
}

// The host over the same data directory: directory + audit, mutual TLS on 127.0.0.1.
BigLog& BigWithHost() {
  BigLog& big = Big();
  if (!big.host) {
    std::cerr << "audit_bench: starting a host over the " << big.entries << "-entry log\n";
    big.host = std::make_unique<testing::TestHost>(std::vector<std::unique_ptr<HostedService>>{},
                                                   big.dir.path());
    big.channel =
        big.host->ChannelAs("bench-service", testing::kOperatorOrg, pki::CertificateKind::kService);
  }
  return big;
}

const std::vector<std::string>& ExportEntries(BigLog& big) {
  if (big.export_entries.empty()) {
    big.export_entries.reserve(big.entries);
    constexpr int64_t kChunk = 10'000;
    for (int64_t from = 0; from < big.entries; from += kChunk) {
      auto chunk =
          OrDie(big.log->ReadEntries(from, std::min(kChunk, big.entries - from)), "read entries");
      for (auto& e : chunk) big.export_entries.push_back(std::move(e));
    }
  }
  return big.export_entries;
}

// ---------------------------------------------------------------------------------------------
// Append at scale: into the 1M log, against a plain table that already holds 1M rows.

// A plain floor table pre-filled with as many rows (of the same size) as the big log has entries.
struct BigFloor {
  testing::TempDir dir;
  std::unique_ptr<sqlite::Database> db;
  std::string key;
  int64_t sequence = 0;
};

std::unique_ptr<BigFloor> g_big_floor;

BigFloor& BigFloorTable() {
  if (!g_big_floor) {
    g_big_floor = std::make_unique<BigFloor>();
    BigFloor& f = *g_big_floor;
    f.db = OpenFloorDatabase(f.dir.path() / "floor.db");
    f.key = OrDie(crypto::RandomBytes(crypto::kKeySize), "key");
    std::cerr << "audit_bench: filling a plain table with " << g_log_entries << " rows\n";
    const auto start = SteadyClock::now();
    Records records = MakeBatch(kBuildBatch, absl::Now());
    while (f.sequence < g_log_entries) {
      const int n = static_cast<int>(std::min<int64_t>(kBuildBatch, g_log_entries - f.sequence));
      while (records.size() > n) records.RemoveLast();
      StampBatch(records, &f.sequence);
      OrDie(f.db->Transaction([&](sqlite::Connection& c) -> absl::Status {
        for (const auto& r : records) {
          absl::Status st =
              InsertFloorRow(c, SealedRow(f.key, r, LikeAssociatedData(r, r.source_sequence())));
          if (!st.ok()) return st;
        }
        return absl::OkStatus();
      }),
            "fill floor table");
    }
    std::cerr << absl::StrFormat("audit_bench: filled in %.1f s\n",
                                 std::chrono::duration<double>(SteadyClock::now() - start).count());
  }
  return *g_big_floor;
}

// AuditLog::Append into the 1M log (through the benchmark's own connection; when the host is up
// it has the same file open and only reads, apart from its relay's rare appends).
void BM_AuditAppend_1M(benchmark::State& state) {
  BigLog& big = Big();
  RunAppend(state, *big.log, big.clock, &big.next_sequence, /*with_checkpoint=*/false);
}

void BM_Floor_AesGcmSha256PlusSqliteInsert_1M(benchmark::State& state) {
  BigFloor& f = BigFloorTable();
  RunFloorAppend(state, *f.db, f.key, &f.sequence);
}

// ---------------------------------------------------------------------------------------------
// Latency percentiles (nearest rank), as counters in microseconds.

void ReportLatency(benchmark::State& state, std::vector<double>& micros) {
  if (micros.empty()) return;
  std::sort(micros.begin(), micros.end());
  auto rank = [&](double q) {
    const size_t i = static_cast<size_t>(std::ceil(q * static_cast<double>(micros.size())));
    return micros[std::clamp<size_t>(i, 1, micros.size()) - 1];
  };
  state.counters["p50_us"] = rank(0.50);
  state.counters["p90_us"] = rank(0.90);
  state.counters["p99_us"] = rank(0.99);
  state.counters["calls"] = static_cast<double>(micros.size());
}

double MicrosSince(SteadyClock::time_point t0) {
  return std::chrono::duration<double, std::micro>(SteadyClock::now() - t0).count();
}

// ---------------------------------------------------------------------------------------------
// 2. Inclusion proofs

// GetInclusionProof of a random entry over mutual TLS, as a service principal (tree_size 0: the
// latest checkpoint, as a client asks when it has none).
void BM_InclusionProof_1M(benchmark::State& state) {
  BigLog& big = BigWithHost();
  auto stub = v1::AuditService::NewStub(big.channel);
  std::mt19937_64 rng(7513);
  std::uniform_int_distribution<int64_t> pick(0, big.entries - 1);
  auto call = [&](int64_t index, v1::GetInclusionProofResponse* resp) {
    v1::GetInclusionProofRequest req;
    req.set_index(index);
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    return stub->GetInclusionProof(&ctx, req, resp);
  };
  // Warm-up (connection, TLS handshake, caches), and one proof checked end to end.
  for (int i = 0; i < kRpcWarmupCalls; ++i) {
    v1::GetInclusionProofResponse resp;
    grpc::Status st = call(pick(rng), &resp);
    if (!st.ok()) {
      state.SkipWithError(("GetInclusionProof: " + st.error_message()).c_str());
      return;
    }
    if (i == 0) {
      auto leaf = OrDie(audit::merkle::HashFromBytes(resp.leaf_hash()), "leaf");
      auto root = OrDie(audit::merkle::HashFromBytes(resp.checkpoint().root_hash()), "root");
      std::vector<Hash> proof;
      for (const auto& p : resp.proof())
        proof.push_back(OrDie(audit::merkle::HashFromBytes(p), "p"));
      OrDie(audit::merkle::VerifyInclusion(resp.index(), resp.tree_size(), leaf, proof, root),
            "the proof the host returned does not verify");
    }
  }
  std::vector<double> micros;
  int64_t proof_hashes = 0;
  for (auto _ : state) {
    const int64_t index = pick(rng);
    v1::GetInclusionProofResponse resp;
    const auto t0 = SteadyClock::now();
    grpc::Status st = call(index, &resp);
    micros.push_back(MicrosSince(t0));
    if (!st.ok()) {
      state.SkipWithError(("GetInclusionProof: " + st.error_message()).c_str());
      break;
    }
    proof_hashes += resp.proof_size();
  }
  ReportLatency(state, micros);
  state.counters["log_entries"] = static_cast<double>(big.entries);
  if (state.iterations() > 0) {
    state.counters["proof_hashes"] =
        static_cast<double>(proof_hashes) / static_cast<double>(state.iterations());
  }
}

// Floor: a bare gRPC round trip over the same mTLS connection to the same host — the standard
// health check, answered by gRPC itself (no Schakel code on the server side).
void BM_Floor_GrpcEchoMtls(benchmark::State& state) {
  BigLog& big = BigWithHost();
  auto stub = grpc::health::v1::Health::NewStub(big.channel);
  auto call = [&] {
    grpc::health::v1::HealthCheckRequest req;
    grpc::health::v1::HealthCheckResponse resp;
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    return stub->Check(&ctx, req, &resp);
  };
  for (int i = 0; i < kRpcWarmupCalls; ++i) {
    if (grpc::Status st = call(); !st.ok()) {
      state.SkipWithError(("Health.Check: " + st.error_message()).c_str());
      return;
    }
  }
  std::vector<double> micros;
  for (auto _ : state) {
    const auto t0 = SteadyClock::now();
    grpc::Status st = call();
    micros.push_back(MicrosSince(t0));
    if (!st.ok()) {
      state.SkipWithError(("Health.Check: " + st.error_message()).c_str());
      break;
    }
  }
  ReportLatency(state, micros);
}

// Second floor: the trivial GetVerifierKey through Schakel's RPC edge (HandleUnary:
// authentication, the hop to the worker pool, authorization, the log line) — the same edge
// GetInclusionProof passes, with no storage behind it.
void BM_Floor_GrpcSchakelEdgeMtls(benchmark::State& state) {
  BigLog& big = BigWithHost();
  auto stub = v1::AuditService::NewStub(big.channel);
  auto call = [&] {
    v1::GetVerifierKeyRequest req;
    v1::GetVerifierKeyResponse resp;
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    return stub->GetVerifierKey(&ctx, req, &resp);
  };
  for (int i = 0; i < kRpcWarmupCalls; ++i) {
    if (grpc::Status st = call(); !st.ok()) {
      state.SkipWithError(("GetVerifierKey: " + st.error_message()).c_str());
      return;
    }
  }
  std::vector<double> micros;
  for (auto _ : state) {
    const auto t0 = SteadyClock::now();
    grpc::Status st = call();
    micros.push_back(MicrosSince(t0));
    if (!st.ok()) {
      state.SkipWithError(("GetVerifierKey: " + st.error_message()).c_str());
      break;
    }
  }
  ReportLatency(state, micros);
}

// The storage cost alone: AuditLog::ProveInclusion of a random entry, in process.
void BM_InclusionProof_1M_Direct(benchmark::State& state) {
  BigLog& big = Big();
  std::mt19937_64 rng(7513);
  std::uniform_int_distribution<int64_t> pick(0, big.entries - 1);
  std::vector<double> micros;
  for (auto _ : state) {
    const int64_t index = pick(rng);
    const auto t0 = SteadyClock::now();
    auto proof = big.log->ProveInclusion(index, big.entries);
    micros.push_back(MicrosSince(t0));
    if (!proof.ok()) {
      state.SkipWithError(proof.status().ToString().c_str());
      break;
    }
    benchmark::DoNotOptimize(proof);
  }
  ReportLatency(state, micros);
  state.counters["log_entries"] = static_cast<double>(big.entries);
}

// Everything the GetInclusionProof handler asks of the log, in process: FindByIndex,
// LatestCheckpoint, ProveInclusion.
void BM_InclusionProof_1M_DirectAsHandler(benchmark::State& state) {
  BigLog& big = Big();
  std::mt19937_64 rng(7513);
  std::uniform_int_distribution<int64_t> pick(0, big.entries - 1);
  std::vector<double> micros;
  for (auto _ : state) {
    const int64_t index = pick(rng);
    const auto t0 = SteadyClock::now();
    auto location = big.log->FindByIndex(index);
    auto cp = big.log->LatestCheckpoint();
    if (!location.ok() || !*location || !cp.ok()) {
      state.SkipWithError("FindByIndex / LatestCheckpoint failed");
      break;
    }
    auto proof = big.log->ProveInclusion((*location)->index, cp->tree_size());
    micros.push_back(MicrosSince(t0));
    if (!proof.ok()) {
      state.SkipWithError(proof.status().ToString().c_str());
      break;
    }
    benchmark::DoNotOptimize(proof);
  }
  ReportLatency(state, micros);
}

// ---------------------------------------------------------------------------------------------
// 3. Verifying an export

// What `schakelctl audit verify-export` does with the entries, from memory (reading the file and
// its ExportLogResponse framing is not included): parse each LogEntry and check its index, hash
// it into a MemoryTree, compute the root, compare it with the signed checkpoint and check the
// checkpoint's signature.
void BM_VerifyExport_1M(benchmark::State& state) {
  BigLog& big = Big();
  const std::vector<std::string>& entries = ExportEntries(big);
  const audit::note::Verifier verifier =
      OrDie(audit::note::ParseVerifierKey(big.log->VerifierKey()), "verifier key");
  const v1::SignedCheckpoint& cp = big.checkpoint;
  for (auto _ : state) {
    auto text = audit::note::OpenNote(cp.signed_note(), {&verifier, 1});
    auto body = text.ok() ? audit::note::ParseCheckpoint(*text)
                          : absl::StatusOr<audit::note::Checkpoint>(text.status());
    if (!body.ok() || body->tree_size != cp.tree_size() || body->root_hash != cp.root_hash()) {
      state.SkipWithError("checkpoint signature or body does not verify");
      break;
    }
    audit::merkle::MemoryTree tree;
    bool ok = true;
    for (const std::string& bytes : entries) {
      v1::LogEntry entry;
      if (!entry.ParseFromString(bytes) || entry.index() != tree.size() ||
          !tree.Append(audit::merkle::HashLeaf(bytes)).ok()) {
        ok = false;
        break;
      }
    }
    auto root = audit::merkle::TreeHash(tree.size(), tree);
    if (!ok || tree.size() != cp.tree_size() || !root.ok() ||
        std::string(root->begin(), root->end()) != cp.root_hash()) {
      state.SkipWithError("the export does not match the signed checkpoint");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(entries.size()));
  state.counters["log_entries"] = static_cast<double>(entries.size());
}

// Floor: SHA-256 (HashLeaf) of the same entry byte strings, nothing else.
void BM_Floor_Sha256_1M(benchmark::State& state) {
  BigLog& big = Big();
  const std::vector<std::string>& entries = ExportEntries(big);
  int64_t bytes = 0;
  for (const auto& e : entries) bytes += static_cast<int64_t>(e.size());
  for (auto _ : state) {
    for (const std::string& e : entries) {
      Hash h = audit::merkle::HashLeaf(e);
      benchmark::DoNotOptimize(h);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(entries.size()));
  state.SetBytesProcessed(state.iterations() * bytes);
}

// ---------------------------------------------------------------------------------------------
// Registration: each figure next to its floor. Real time everywhere (fsync, other threads), so
// items_per_second is per wall-clock second.

BENCHMARK(BM_AuditAppend)
    ->ArgName("batch")
    ->Arg(100)
    ->Arg(500)
    ->Arg(1000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Floor_AesGcmSha256PlusSqliteInsert)
    ->ArgName("batch")
    ->Arg(100)
    ->Arg(500)
    ->Arg(1000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Floor_AesGcmSha256)
    ->ArgName("batch")
    ->Arg(100)
    ->Arg(500)
    ->Arg(1000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Floor_SqliteInsert)
    ->ArgName("batch")
    ->Arg(100)
    ->Arg(500)
    ->Arg(1000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AuditAppendWithCheckpoint)
    ->ArgName("batch")
    ->Arg(1000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// In this order the host (and its relay poll and checkpoint timer) runs only during the RPC
// benchmarks, which come last; with --benchmark_enable_random_interleaving it may be up, and idle,
// during the others too.
BENCHMARK(BM_InclusionProof_1M_Direct)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_InclusionProof_1M_DirectAsHandler)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_VerifyExport_1M)->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Floor_Sha256_1M)->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AuditAppend_1M)
    ->ArgName("batch")
    ->Arg(1000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Floor_AesGcmSha256PlusSqliteInsert_1M)
    ->ArgName("batch")
    ->Arg(1000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_InclusionProof_1M)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Floor_GrpcSchakelEdgeMtls)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Floor_GrpcEchoMtls)->UseRealTime()->Unit(benchmark::kMicrosecond);

// Log lines (one per RPC) go to /dev/null through a real write, as they would go to a pipe;
// warnings and errors still reach stderr.
void QuietLogs() {
  static const int null_fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  SetLogSink([](absl::string_view line) {
    if (absl::StrContains(line, "\"level\":\"info\"")) {
      if (null_fd >= 0) {
        ssize_t ignored = ::write(null_fd, line.data(), line.size());
        (void)ignored;
      }
    } else {
      std::cerr << line << "\n";
    }
  });
}

}  // namespace
}  // namespace schakel::bench

int main(int argc, char** argv) {
  using namespace schakel::bench;
  if (const char* env = std::getenv("SCHAKEL_BENCH_LOG_ENTRIES"); env != nullptr) {
    if (!absl::SimpleAtoi(env, &g_log_entries) || g_log_entries < 1) {
      std::cerr << "SCHAKEL_BENCH_LOG_ENTRIES must be a positive number\n";
      return 2;
    }
  }
  // --log_entries=N, taken out before Google Benchmark sees the arguments.
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    if (absl::ConsumePrefix(&arg, "--log_entries=")) {
      if (!absl::SimpleAtoi(arg, &g_log_entries) || g_log_entries < 1) {
        std::cerr << "--log_entries must be a positive number\n";
        return 2;
      }
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  QuietLogs();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  g_big.reset();  // stops the host, closes the log, removes the temporary directory
  g_big_floor.reset();
  schakel::SetLogSink(nullptr);
  return 0;
}
