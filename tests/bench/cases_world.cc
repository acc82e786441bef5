#include "tests/bench/cases_world.h"

#include <atomic>
#include <iostream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/common/status.h"
#include "tests/bench/bench_support.h"

namespace schakel::bench {
namespace {

v1::Note MakeNote(v1::Sensitivity s, const std::string& text) {
  v1::Note n;
  n.set_sensitivity(s);
  n.set_text(text);
  return n;
}

}  // namespace

// A case as an intake worker opens it: partner violence with a child witnessing it, two criteria
// met, a note on the case, the victim (with BSN, address and two notes) and the suspected
v1::CreateCaseRequest MakeCreateCase(int64_t n, const std::string& director) {
  v1::CreateCaseRequest req;
  req.set_request_id(absl::StrFormat("bench-case-%08d", n));
  req.set_director_professional_id(director);
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
void SeedCases(testing::TestHost& host, const std::string& intake, const std::string& intake_org,
               const std::string& director, int64_t from, int64_t to, int threads) {
  if (from >= to) return;
  std::atomic<int64_t> next{from};
  std::atomic<int64_t> done{0};
  const auto t0 = SteadyClock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      auto stub = v1::CaseService::NewStub(host.ChannelAs(intake, intake_org));
      for (int64_t n = next++; n < to; n = next++) {
        const v1::CreateCaseRequest req = MakeCreateCase(n, director);
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
          std::cerr << absl::StrFormat("%s: seeded %d of %d (%.0f cases/s)\n", ProgramName(),
                                       from + d, to, static_cast<double>(d) / s);
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

}  // namespace schakel::bench
