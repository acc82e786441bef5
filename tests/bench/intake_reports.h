// Realistic generated reports for intake_bench: police zorgmeldingen for the feed and a GP's report
// by phone for the intake desk. A report is about one household of a fixed set (households recur,
// so the radar finds earlier reports): 2 to 4 persons (the victim, the suspected perpetrator and 0
// to 2 children) with names that carry diacritics, dates of birth, BSNs passing the elfproef for
// some, the household's postcode and house number written in varying ways ("2517 AB" / "2517ab",
// "12-A" / "12 a"), sometimes the name in capitals or without its diacritics; one to three kinds of
// violence; a description of 300 to 600 characters.
#ifndef SCHAKEL_TESTS_BENCH_INTAKE_REPORTS_H_
#define SCHAKEL_TESTS_BENCH_INTAKE_REPORTS_H_

#include <cstdint>
#include <random>
#include <string>

#include "absl/time/time.h"
#include "schakel/v1/intake.pb.h"

namespace schakel::bench {

class ReportMaker {
 public:
  enum class Place { kHaaglanden, kUtrecht };
  ReportMaker(Place place, int64_t households);

  // A police zorgmelding for the feed (external_reference `reference`), received up to
  // `max_age_days` before `now`; 5% acute.
  v1::ReportInput Police(std::mt19937_64& rng, absl::Time now, const std::string& reference,
                         int max_age_days = 2) const;
  // A GP's report by phone, received a few minutes before `now`; 5% acute.
  v1::ReportInput Desk(std::mt19937_64& rng, absl::Time now) const;

 private:
  void Fill(v1::ReportInput& in, std::mt19937_64& rng) const;

  Place place_;
  int64_t households_;
};

}  // namespace schakel::bench

#endif  // SCHAKEL_TESTS_BENCH_INTAKE_REPORTS_H_
