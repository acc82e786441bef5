#include "tests/bench/intake_floor.h"

#include <random>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/ids.h"
#include "services/common/migrations.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/intake/intake_rules.h"
#include "services/intake/intake_service.h"
#include "tests/bench/bench_support.h"

namespace schakel::migrations {
const MigrationTrack& intake_track();
}  // namespace schakel::migrations

namespace schakel::bench {
namespace {

std::string RandomKey(uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::string key(32, '\0');
  for (char& ch : key) ch = static_cast<char>(rng());
  return key;
}

}  // namespace

FeedFloor::FeedFloor(std::string agent, std::string organisation)
    : agent_(std::move(agent)),
      organisation_(std::move(organisation)),
      cipher_(RandomKey(1), RandomKey(2)) {
  rows_db_ = OpenLikeIntake("rows.db", intake::kIntakeCacheKib);
  all_db_ = OpenLikeIntake("all.db", intake::kIntakeCacheKib);
  before_db_ = OpenLikeIntake("before.db", 0);
}

FeedFloor::Batch FeedFloor::Prepare(const v1::SubmitReportsRequest& req, absl::Time now) {
  Batch b;
  const auto t0 = SteadyClock::now();
  v1::SubmitReportsResponse resp;
  const absl::Time made = absl::Now();  // the service's clock when it takes the batch
  for (const v1::ReportInput& in : req.reports()) {
    intake::ReportRow r;
    r.id = NewTimeOrderedId(made);
    b.random_ids.push_back(NewRandomId());
    r.region = v1::REGION_UTRECHT;
    r.kind = in.kind();
    r.channel = in.channel();
    r.reporter_type = in.reporter().type();
    r.acute = in.acute();
    const absl::Time received = ToTime(in.received_at());
    r.received_at = absl::ToUnixMicros(received);
    r.submit_time = absl::ToUnixMicros(now);
    r.submitted_by = agent_;
    r.submitted_by_organisation_id = organisation_;
    r.external_reference = in.external_reference();
    r.violence_kinds = intake::KindsColumn(in.violence_kinds());
    const intake::Clocks clocks = intake::ComputeClocks(in.kind(), in.acute(), received, cal_);
    if (clocks.assessment_due) r.assessment_due = absl::ToUnixMicros(*clocks.assessment_due);
    if (clocks.acute_due) r.acute_due = absl::ToUnixMicros(*clocks.acute_due);
    r.next_signal_at = r.acute_due ? *r.acute_due - 4 * 3600'000'000LL
                                   : r.assessment_due.value_or(0) - 24 * 3600'000'000LL;
    *r.body.mutable_input() = in;
    for (auto& p : *r.body.mutable_input()->mutable_persons()) p.set_id(NewRandomId());
    b.bodies.push_back(OrDie(cipher_.Seal(r.body, absl::StrCat("report/", r.id)), "seal"));
    b.keys.push_back(intake::RadarKeys(r.body.input(), cipher_));
    b.records.push_back(AuditSizedPayload({.principal = agent_,
                                           .organisation = organisation_,
                                           .roles = {v1::ROLE_PROFESSIONAL},
                                           .event_type = "intake.report.submitted",
                                           .source_service = "intake",
                                           .purpose = "intake",
                                           .object_types = {"report"},
                                           .action = v1::AUDIT_ACTION_CREATE}));
    auto* result = resp.add_results();
    result->set_index(resp.results_size() - 1);
    result->set_report_id(r.id);
    b.rows.push_back(std::move(r));
  }
  resp.set_accepted(req.reports_size());
  b.answer = OrDie(cipher_.Seal(resp.SerializeAsString(), "idempotency/x"), "seal answer");
  crypto_seconds += std::chrono::duration<double>(SteadyClock::now() - t0).count();
  return b;
}

double FeedFloor::Insert(const Batch& b, Kind kind) {
  const bool all = kind == Kind::kAll;
  sqlite::Database& db =
      kind == Kind::kAll ? *all_db_ : (kind == Kind::kRows ? *rows_db_ : *before_db_);
  const auto t0 = SteadyClock::now();
  OrDie(db.Transaction([&](sqlite::Connection& c) -> absl::Status {
    for (size_t i = 0; i < b.rows.size(); ++i) {
      const std::string& id = kind == Kind::kRowsBefore ? b.random_ids[i] : b.rows[i].id;
      SCHAKEL_RETURN_IF_ERROR(InsertReport(c, id, b.rows[i], b.bodies[i], b.keys[i]));
      if (!all) continue;
      SCHAKEL_ASSIGN_OR_RETURN(
          auto* s, c.PrepareCached("INSERT INTO outbox (topic, payload, create_time) VALUES "
                                   "('audit', ?, ?)"));
      s->BindBlob(1, b.records[i]).Bind(2, b.rows[i].submit_time);
      SCHAKEL_RETURN_IF_ERROR(s->Run());
    }
    if (!all) return absl::OkStatus();
    SCHAKEL_ASSIGN_OR_RETURN(
        auto* s, c.PrepareCached("INSERT INTO idempotency_keys (principal_id, request_id, "
                                 "method, fingerprint, response, create_time) VALUES "
                                 "(?, ?, 'SubmitReports', ?, ?, ?)"));
    s->BindAll(std::string(agent_), NewRandomId());
    s->BindBlob(3, std::string(32, 'f'))
        .BindBlob(4, b.answer)
        .Bind(5, absl::ToUnixMillis(absl::Now()));
    return s->Run();
  }),
        "floor insert");
  return std::chrono::duration<double>(SteadyClock::now() - t0).count();
}

std::unique_ptr<sqlite::Database> FeedFloor::OpenLikeIntake(const std::string& name,
                                                            int cache_kib) {
  auto db = OrDie(sqlite::Database::Open(dir_.path() / name, {.cache_kib = cache_kib}), "floor db");
  OrDie(db->Exec("PRAGMA secure_delete=ON"), "secure_delete");
  const migrations::MigrationTrack* tracks[] = {&migrations::common_track(),
                                                &migrations::intake_track()};
  OrDie(migrations::Apply(*db, tracks), "floor migrations");
  return db;
}

absl::Status FeedFloor::InsertReport(sqlite::Connection& c, const std::string& id,
                                     const intake::ReportRow& r, const std::string& body,
                                     const std::vector<intake::RadarKey>& keys) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto* s,
      c.PrepareCached(
          "INSERT INTO reports (id, region, kind, channel, reporter_type, state, acute, "
          "received_at, submit_time, submitted_by, submitted_by_organisation_id, "
          "external_reference, violence_kinds, assessment_due, acute_due, converted_at, "
          "claimed_by, claim_time, claim_touch, version, key_id, body, signals_sent, "
          "next_signal_at, investigation_due, investigator_id, queue_due) VALUES (?, ?, ?, ?, "
          "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, '', NULL, NULL, 1, ?, ?, 0, ?, NULL, '', ?)"));
  s->BindAll(id, static_cast<int>(r.region), static_cast<int>(r.kind), static_cast<int>(r.channel),
             static_cast<int>(r.reporter_type), 1, r.acute ? 1 : 0, r.received_at, r.submit_time,
             r.submitted_by, r.submitted_by_organisation_id, r.external_reference,
             r.violence_kinds);
  s->BindOptional(14, r.assessment_due);
  s->BindOptional(15, r.acute_due);
  s->Bind(16, cipher_.key_id());
  s->BindBlob(17, body);
  s->BindOptional(18, r.next_signal_at);
  s->Bind(19, r.queue_due());
  SCHAKEL_RETURN_IF_ERROR(s->Run());
  SCHAKEL_ASSIGN_OR_RETURN(
      auto* k, c.PrepareCached("INSERT OR IGNORE INTO radar_keys (report_id, region, kind, key, "
                               "person_id, received_at) VALUES (?, ?, ?, ?, ?, ?)"));
  for (const intake::RadarKey& key : keys) {
    k->Bind(1, id).Bind(2, static_cast<int>(r.region)).Bind(3, key.kind);
    k->BindBlob(4, key.key);
    k->Bind(5, key.person_id).Bind(6, r.received_at);
    SCHAKEL_RETURN_IF_ERROR(k->Run());
    k->Reset();
  }
  return absl::OkStatus();
}

}  // namespace schakel::bench
