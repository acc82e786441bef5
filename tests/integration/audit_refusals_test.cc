// Issue 11 for the audit log, on a real host (mutual TLS, real SQLite): a refused look at the log
// names, inside its own encrypted record, the entry, filter or period it asked for (item 9), and
// an Append batch with too many entries is refused naming the field, with nothing written
// (item 12).
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "schakel/v1/audit.grpc.pb.h"
#include "schakel/v1/directory.grpc.pb.h"
#include "services/common/status.h"
#include "tests/integration/audit_world.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using v1::AuditService;

using namespace testing::audit_world;

class AuditRefusalsTest : public ::testing::Test {
 protected:
  AuditRefusalsTest() {
    host_.AddOrganisation(kVt, v1::ORGANISATION_TYPE_VEILIG_THUIS);
    host_.AddOrganisation(kPolice, v1::ORGANISATION_TYPE_POLICE);
    host_.AddProfessional("auditor", testing::kOperatorOrg, {v1::ROLE_AUDITOR});
    host_.AddProfessional("sup-vt", kVt, {v1::ROLE_SUPERVISOR});
    host_.AddProfessional("sanne", kVt, {v1::ROLE_VT_INTAKE});
    host_.AddProfessional("pieter", kPolice, {v1::ROLE_PROFESSIONAL});
  }

  std::unique_ptr<AuditService::Stub> AuditAs(const std::string& id, const std::string& org) {
    return AuditService::NewStub(host_.ChannelAs(id, org));
  }

  // The auditor's query (every record it finds, the auditor's own looks left out).
  std::vector<v1::QueriedEntry> Query(const std::string& object_id, const std::string& event_type) {
    EXPECT_TRUE(host_.host().FlushOutboxes().ok());
    grpc::ClientContext ctx;
    v1::QueryEntriesRequest req;
    req.set_object_id(object_id);
    req.set_event_type(event_type);
    req.set_purpose("test");
    req.set_page_size(1000);
    v1::QueryEntriesResponse resp;
    const grpc::Status st =
        AuditAs("auditor", testing::kOperatorOrg)->QueryEntries(&ctx, req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return {resp.entries().begin(), resp.entries().end()};
  }

  // The log's refusals of `principal` whose record names `object_id` as an object of `type`.
  int RefusalsNaming(const std::string& object_id, const std::string& type,
                     const std::string& principal) {
    int n = 0;
    for (const auto& e : Query(object_id, "audit.denied")) {
      const v1::AuditRecord& r = e.record();
      if (r.outcome() != v1::AUDIT_OUTCOME_DENIED || r.user().principal_id() != principal) continue;
      for (const auto& o : r.objects()) {
        if (o.id() == object_id && o.type() == type) ++n;
      }
    }
    return n;
  }

  testing::TestHost host_;
};

using testing::BadFields;

v1::AuditRecord ValidRecord(const std::string& event_id, int64_t sequence) {
  v1::AuditRecord r;
  r.set_event_id(event_id);
  r.set_action(v1::AUDIT_ACTION_READ);
  r.set_event_type("limits.test");
  r.mutable_event_time()->set_seconds(absl::ToUnixSeconds(absl::Now()));
  r.set_outcome(v1::AUDIT_OUTCOME_SUCCESS);
  r.set_source_service("limits");
  r.set_source_sequence(sequence);
  return r;
}

// Item 9. Before, the log's own refusals named the RPC only: an auditor could not find who tried
// to read another organisation's entry, or to query the log about a case.
TEST_F(AuditRefusalsTest, ARefusalNamesTheEntryFilterOrPeriodAskedFor) {
  {  // An entry of the police: a refused directory call by pieter.
    auto stub = v1::DirectoryService::NewStub(host_.ChannelAs("pieter", kPolice));
    grpc::ClientContext ctx;
    v1::CreateOrganisationResponse resp;
    ASSERT_FALSE(stub->CreateOrganisation(&ctx, {}, &resp).ok());
  }
  std::vector<v1::QueriedEntry> police;
  for (const auto& e : Query("", "directory.denied")) {
    if (e.record().user().organisation_id() == kPolice) police.push_back(e);
  }
  ASSERT_EQ(police.size(), 1u);
  const int64_t police_index = police[0].index();
  const std::string police_event = police[0].record().event_id();
  const std::string police_entry = absl::StrCat(police_index);

  // A supervisor asks for the police's entry, by index and by event id, and for a missing one:
  // refused alike.
  auto sup = AuditAs("sup-vt", kVt);
  auto get_entry = [&](v1::GetEntryRequest req) {
    grpc::ClientContext ctx;
    v1::GetEntryResponse resp;
    return sup->GetEntry(&ctx, req, &resp);
  };
  v1::GetEntryRequest by_index;
  by_index.set_index(police_index);
  v1::GetEntryRequest by_event;
  by_event.set_event_id(police_event);
  v1::GetEntryRequest missing;
  missing.set_index(1000000);
  const grpc::Status foreign = get_entry(by_index);
  EXPECT_EQ(foreign.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(get_entry(by_event).error_message(), foreign.error_message());
  EXPECT_EQ(get_entry(missing).error_message(), foreign.error_message());
  {  // Any user may ask for inclusion proofs of their own organisation's entries.
    grpc::ClientContext ctx;
    v1::GetInclusionProofRequest req;
    req.set_index(police_index);
    v1::GetInclusionProofResponse resp;
    EXPECT_EQ(AuditAs("sanne", kVt)->GetInclusionProof(&ctx, req, &resp).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  {  // A supervisor listing another organisation's entries.
    grpc::ClientContext ctx;
    v1::ListEntriesRequest req;
    req.set_organisation_id(kPolice);
    v1::ListEntriesResponse resp;
    EXPECT_EQ(sup->ListEntries(&ctx, req, &resp).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  }
  {  // Refused by the table: a professional querying the log about a case.
    grpc::ClientContext ctx;
    v1::QueryEntriesRequest req;
    req.set_object_id("case-of-a-neighbour");
    req.set_purpose("curious");
    v1::QueryEntriesResponse resp;
    EXPECT_EQ(AuditAs("sanne", kVt)->QueryEntries(&ctx, req, &resp).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  {  // ... and proposing to shred a period.
    grpc::ClientContext ctx;
    v1::ProposeShredRequest req;
    req.set_request_id("shred-2020-01");
    req.set_period("2020-01");
    req.set_reason("room");
    v1::ProposeShredResponse resp;
    EXPECT_EQ(AuditAs("sanne", kVt)->ProposeShred(&ctx, req, &resp).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }

  // By index twice (GetEntry, GetInclusionProof), and as found by its event id.
  EXPECT_EQ(RefusalsNaming(police_entry, "audit_entry", "sup-vt"), 2);
  EXPECT_EQ(RefusalsNaming(police_entry, "audit_entry", "sanne"), 1);
  EXPECT_EQ(RefusalsNaming(police_event, "audit_event", "sup-vt"), 1);
  EXPECT_EQ(RefusalsNaming("1000000", "audit_entry", "sup-vt"), 1);
  EXPECT_EQ(RefusalsNaming(kPolice, "organisation", "sup-vt"), 1);
  EXPECT_EQ(RefusalsNaming("case-of-a-neighbour", "object", "sanne"), 1);
  EXPECT_EQ(RefusalsNaming("2020-01", "audit_period", "sanne"), 1);
}

// Item 12. Before, one Append could carry any number of records (a 4 MiB request: tens of
// thousands), each with any number of objects.
TEST_F(AuditRefusalsTest, AppendBatchesHaveLimitsNamedInTheError) {
  auto service = AuditService::NewStub(
      host_.ChannelAs("limits-service", testing::kOperatorOrg, pki::CertificateKind::kService));
  auto append = [&](const v1::AppendRequest& req) {
    grpc::ClientContext ctx;
    v1::AppendResponse resp;
    return service->Append(&ctx, req, &resp);
  };
  v1::AppendRequest too_many;  // a relay batch is at most 1000 records
  for (int i = 1; i <= 1001; ++i) *too_many.add_records() = ValidRecord(absl::StrCat("r", i), i);
  const grpc::Status refused = append(too_many);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(BadFields(refused), (std::set<std::string>{"records"}));
  EXPECT_NE(refused.error_message().find("at most 1000"), std::string::npos)
      << refused.error_message();

  v1::AppendRequest crowded;  // one record naming more objects than any record may
  *crowded.add_records() = ValidRecord("crowded", 1);
  for (int i = 0; i <= 10000; ++i) {
    v1::AuditObject* o = crowded.mutable_records(0)->add_objects();
    o->set_type("handover");
    o->set_id(absl::StrCat("h", i));
  }
  const grpc::Status crowded_refused = append(crowded);
  EXPECT_EQ(crowded_refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(BadFields(crowded_refused), (std::set<std::string>{"records[0].objects"}));
  // Nothing was written.
  EXPECT_TRUE(Query("", "limits.test").empty());

  // A record may name more objects than a request's default limit (an inbox's handovers): the
  // relays must never be refused for what the services record.
  v1::AppendRequest wide;
  *wide.add_records() = ValidRecord("wide", 1);
  for (int i = 0; i < 500; ++i) {
    v1::AuditObject* o = wide.mutable_records(0)->add_objects();
    o->set_type("handover");
    o->set_id(absl::StrCat("h", i));
  }
  const grpc::Status wide_ok = append(wide);
  EXPECT_TRUE(wide_ok.ok()) << wide_ok.error_message();
  EXPECT_EQ(Query("h499", "limits.test").size(), 1u);
}

}  // namespace
}  // namespace schakel
