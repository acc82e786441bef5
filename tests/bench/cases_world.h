// The cases world of the load generators: cases opened through CaseService::CreateCase by a Veilig
// Thuis intake worker, each directed by one case director who is therefore on every case's team.
// Used by cases_bench (GetCase, ListMyCases, handovers) and intake_bench (GetCase with one client,
// beside the triage queue).
#ifndef SCHAKEL_TESTS_BENCH_CASES_WORLD_H_
#define SCHAKEL_TESTS_BENCH_CASES_WORLD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "schakel/v1/cases.grpc.pb.h"
#include "tests/support/test_env.h"

namespace schakel::bench {

// Case number `n` as an intake worker opens it (request id bench-case-<n>, so a rerun is
// idempotent): partner violence with a child witnessing it, two criteria met, a note on the case,
// the victim (with BSN, address and two notes) and the suspected perpetrator (one note);
// `director` directs it. A GetCase of it answers about 745 bytes.
v1::CreateCaseRequest MakeCreateCase(int64_t n, const std::string& director);

// Every case the stub's caller is on, through ListMyCases (pages of 500).
std::vector<std::string> ListAllCaseIds(v1::CaseService::Stub& stub);

// Opens cases number `from` .. `to`-1 as `intake` of `intake_org`, with `threads` clients (one
// channel each), printing progress to stderr and the rate to stdout.
void SeedCases(testing::TestHost& host, const std::string& intake, const std::string& intake_org,
               const std::string& director, int64_t from, int64_t to, int threads);

}  // namespace schakel::bench

#endif  // SCHAKEL_TESTS_BENCH_CASES_WORLD_H_
