// The floor of intake_bench's police feed: the feed's reports inserted raw into fresh databases
// with the intake schema (the service's own migrations, secure_delete on as the service has it),
// the rows sealed and hashed beforehand, one transaction per batch. Three floors:
//  - kRows: the reports and radar_keys rows, stored as the service stores them (time-ordered
//    report ids, intake.db's page cache: intake::kIntakeCacheKib);
//  - kAll: the same plus what else the service's transaction writes (one outbox row per report,
//    the batch's idempotency row);
//  - kRowsBefore: kRows as the service stored them before (random report ids, SQLite's default
//    2 MB page cache), to show what those two changes do to the floor itself.
// Not the radar's figures that IntakeStore::InsertReport keeps: those are the service's work.
#ifndef SCHAKEL_TESTS_BENCH_INTAKE_FLOOR_H_
#define SCHAKEL_TESTS_BENCH_INTAKE_FLOOR_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "schakel/v1/intake.pb.h"
#include "services/common/calendar.h"
#include "services/common/field_cipher.h"
#include "services/common/sqlite.h"
#include "services/intake/intake_store.h"
#include "services/intake/radar_keys.h"
#include "tests/support/test_env.h"

namespace schakel::bench {

class FeedFloor {
 public:
  enum class Kind { kRows, kAll, kRowsBefore };

  // The reports are submitted by `agent` of `organisation` (names in the rows and records).
  FeedFloor(std::string agent, std::string organisation);

  // The rows of one batch, made as the service makes them (ids, sealed bodies, blind indexes,
  // audit records, the sealed answer); the sealing and indexing is timed in crypto_seconds.
  struct Batch {
    std::vector<intake::ReportRow> rows;  // time-ordered ids, as the service makes them
    std::vector<std::string> random_ids;  // the same rows' ids for kRowsBefore
    std::vector<std::vector<intake::RadarKey>> keys;
    std::vector<std::string> bodies;
    std::vector<std::string> records;
    std::string answer;
  };
  Batch Prepare(const v1::SubmitReportsRequest& req, absl::Time now);

  // One transaction of `b` into the floor `kind`. Returns the seconds it took.
  double Insert(const Batch& b, Kind kind);

  double crypto_seconds = 0;

 private:
  std::unique_ptr<sqlite::Database> OpenLikeIntake(const std::string& name, int cache_kib);
  // The statements of IntakeStore::InsertReport, on rows sealed already, under `id`.
  absl::Status InsertReport(sqlite::Connection& c, const std::string& id,
                            const intake::ReportRow& r, const std::string& body,
                            const std::vector<intake::RadarKey>& keys);

  const std::string agent_;
  const std::string organisation_;
  testing::TempDir dir_;
  FieldCipher cipher_;
  calendar::WorkingDayCalendar cal_;
  std::unique_ptr<sqlite::Database> rows_db_;
  std::unique_ptr<sqlite::Database> all_db_;
  std::unique_ptr<sqlite::Database> before_db_;
};

}  // namespace schakel::bench

#endif  // SCHAKEL_TESTS_BENCH_INTAKE_FLOOR_H_
