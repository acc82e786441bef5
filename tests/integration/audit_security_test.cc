// The audit log against its own callers (issue 11): a service certificate cannot write into
// another source's sequence, QueryEntries says how far each source has arrived, users cannot make
// the log sign at will, and a supervisor proves their organisation's entries from bytes they hold.
#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <fstream>
#include <map>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "absl/strings/match.h"
#include "schakel/v1/audit.grpc.pb.h"
#include "schakel/v1/directory.grpc.pb.h"
#include "services/common/clock.h"
#include "services/transparency/merkle.h"
#include "tests/integration/audit_world.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using v1::AuditService;
namespace merkle = audit::merkle;

using namespace testing::audit_world;

class AuditSecurityTest : public ::testing::Test {
 protected:
  explicit AuditSecurityTest(const Clock* clock = nullptr)
      : host_(testing::TestHostOptions{.clock = clock}, {}) {
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
  std::unique_ptr<AuditService::Stub> Auditor() {
    return AuditAs("auditor", testing::kOperatorOrg);
  }

  absl::Status Flush() { return host_.host().FlushOutboxes(); }

  // The entries of Query, kept (a range-for over a temporary's member would not keep it).
  std::vector<v1::QueriedEntry> Entries(const std::string& event_type) {
    const v1::QueryEntriesResponse resp = Query(event_type);
    return {resp.entries().begin(), resp.entries().end()};
  }

  v1::QueryEntriesResponse Query(const std::string& event_type, const std::string& object = "") {
    grpc::ClientContext ctx;
    v1::QueryEntriesRequest req;
    req.set_event_type(event_type);
    req.set_object_id(object);
    req.set_purpose("test");
    req.set_page_size(1000);
    v1::QueryEntriesResponse resp;
    grpc::Status st = Auditor()->QueryEntries(&ctx, req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return resp;
  }

  grpc::Status CreateOrganisation(const std::string& id) {
    auto stub = v1::DirectoryService::NewStub(host_.AdminChannel());
    grpc::ClientContext ctx;
    v1::CreateOrganisationRequest req;
    req.set_request_id("create-" + id);
    req.mutable_organisation()->set_id(id);
    req.mutable_organisation()->set_name("Organisatie " + id);
    req.mutable_organisation()->set_type(v1::ORGANISATION_TYPE_LOCAL_TEAM);
    req.mutable_organisation()->set_region(v1::REGION_HAAGLANDEN);
    v1::CreateOrganisationResponse resp;
    return stub->CreateOrganisation(&ctx, req, &resp);
  }

  // A refused directory call by `id`: an entry of their organisation.
  void RefusedCall(const std::string& id, const std::string& org) {
    auto stub = v1::DirectoryService::NewStub(host_.ChannelAs(id, org));
    grpc::ClientContext ctx;
    v1::CreateOrganisationRequest req;
    v1::CreateOrganisationResponse resp;
    ASSERT_FALSE(stub->CreateOrganisation(&ctx, req, &resp).ok());
  }

  int64_t CheckpointRows() {
    sqlite3* db = nullptr;
    const std::string path = (host_.data_dir() / "audit.db").string();
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM checkpoints", -1, &s, nullptr),
              SQLITE_OK);
    EXPECT_EQ(sqlite3_step(s), SQLITE_ROW);
    const int64_t n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
  }

  testing::TestHost host_;
};

// Item 2: before, a second service certificate appending under "directory" with the next
// sequence numbers made every real directory record fail with DATA_LOSS.
TEST_F(AuditSecurityTest, AnotherServiceCertificateCannotBlockARealSource) {
  ASSERT_TRUE(Flush().ok());
  int64_t delivered = 0;
  for (const auto& e : Entries("")) {
    if (e.record().source_service() == "directory") {
      delivered = std::max(delivered, e.record().source_sequence());
    }
  }
  ASSERT_GT(delivered, 0);
  auto rogue = AuditService::NewStub(
      host_.ChannelAs("rogue-service", testing::kOperatorOrg, pki::CertificateKind::kService));
  v1::AppendRequest forged;
  for (int64_t seq = delivered + 1; seq <= delivered + 20; ++seq) {
    v1::AuditRecord* r = forged.add_records();
    r->set_event_id("forged-" + std::to_string(seq));
    r->set_action(v1::AUDIT_ACTION_CREATE);
    r->set_event_type("directory.organisation.created");
    r->mutable_event_time()->set_seconds(absl::ToUnixSeconds(absl::Now()));
    r->set_outcome(v1::AUDIT_OUTCOME_SUCCESS);
    r->set_source_service("directory");
    r->set_source_sequence(seq);
  }
  {
    grpc::ClientContext ctx;
    v1::AppendResponse resp;
    grpc::Status st = rogue->Append(&ctx, forged, &resp);
    ASSERT_TRUE(st.ok()) << st.error_message();  // stored, but under the rogue's own name
  }
  ASSERT_TRUE(CreateOrganisation("wijkteam-echt").ok());
  absl::Status flushed = Flush();
  ASSERT_TRUE(flushed.ok()) << flushed;  // before: DATA_LOSS on every retry
  const auto created = Query("directory.organisation.created", "wijkteam-echt");
  ASSERT_EQ(created.entries_size(), 1);
  EXPECT_EQ(created.entries(0).record().source_service(), "directory");
  const auto all = Query("directory.organisation.created");
  int forged_seen = 0;
  for (const auto& e : all.entries()) {
    if (absl::StartsWith(e.record().event_id(), "forged-")) {
      ++forged_seen;
      EXPECT_EQ(e.record().source_service(), "rogue-service/directory");
    }
  }
  EXPECT_EQ(forged_seen, 20);
  // Per source, how far its records have arrived.
  std::map<std::string, int64_t> marks;
  for (const auto& w : all.watermarks()) {
    marks[w.source_service()] = w.source_sequence();
    EXPECT_GT(w.arrival_time().seconds(), 0);
  }
  EXPECT_GT(marks["directory"], delivered);
  EXPECT_EQ(marks["rogue-service/directory"], delivered + 20);
  EXPECT_TRUE(marks.count("audit"));
}

TEST_F(AuditSecurityTest, ASourceNameMustBeAPlainId) {
  auto service = AuditService::NewStub(
      host_.ChannelAs("rogue-service", testing::kOperatorOrg, pki::CertificateKind::kService));
  v1::AppendRequest req;
  v1::AuditRecord* r = req.add_records();
  r->set_event_id("x");
  r->set_action(v1::AUDIT_ACTION_READ);
  r->set_event_type("case.read");
  r->mutable_event_time()->set_seconds(1);
  r->set_outcome(v1::AUDIT_OUTCOME_SUCCESS);
  r->set_source_service("other/directory");  // would read as another certificate's outbox
  r->set_source_sequence(1);
  grpc::ClientContext ctx;
  v1::AppendResponse resp;
  grpc::Status st = service->Append(&ctx, req, &resp);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StrContains(st.error_message(), "records[0].source_service"))
      << st.error_message();
}

// Item 10: a supervisor lists their organisation's entries, fetches one's stored bytes, and
// ties the proven leaf to the event: the leaf is SHA-256(0x00 || bytes) and the bytes name it.
TEST_F(AuditSecurityTest, SupervisorsProveTheirOwnEntriesFromStoredBytes) {
  RefusedCall("sanne", kVt);
  RefusedCall("pieter", kPolice);
  ASSERT_TRUE(Flush().ok());
  auto sup = AuditAs("sup-vt", kVt);
  v1::ListEntriesResponse listed;
  {
    grpc::ClientContext ctx;
    v1::ListEntriesRequest req;
    req.set_event_type("directory.denied");
    ASSERT_TRUE(sup->ListEntries(&ctx, req, &listed).ok());
  }
  ASSERT_EQ(listed.entries_size(), 1);  // sanne's, never pieter's
  const v1::EntrySummary& mine = listed.entries(0);
  EXPECT_FALSE(mine.event_id().empty());
  EXPECT_GT(mine.event_time().seconds(), 0);
  {
    grpc::ClientContext ctx;
    v1::ListEntriesRequest req;
    req.set_organisation_id(kPolice);
    v1::ListEntriesResponse resp;
    EXPECT_EQ(sup->ListEntries(&ctx, req, &resp).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  }
  {
    grpc::ClientContext ctx;
    v1::ListEntriesResponse resp;
    ASSERT_TRUE(sup->ListEntries(&ctx, {}, &resp).ok());
    for (const auto& e : resp.entries())
      EXPECT_NE(e.event_type(), "directory.organisation.created");
  }
  v1::GetEntryResponse stored;
  {
    grpc::ClientContext ctx;
    v1::GetEntryRequest req;
    req.set_event_id(mine.event_id());
    ASSERT_TRUE(sup->GetEntry(&ctx, req, &stored).ok());
  }
  EXPECT_EQ(stored.index(), mine.index());
  v1::LogEntry entry;
  ASSERT_TRUE(entry.ParseFromString(stored.entry()));
  EXPECT_EQ(entry.event_id(), mine.event_id());
  EXPECT_EQ(entry.index(), mine.index());
  EXPECT_EQ(stored.record().event_id(), mine.event_id());
  EXPECT_EQ(stored.record().user().principal_id(), "sanne");
  v1::GetInclusionProofResponse proof;
  {
    grpc::ClientContext ctx;
    v1::GetInclusionProofRequest req;
    req.set_index(stored.index());
    ASSERT_TRUE(sup->GetInclusionProof(&ctx, req, &proof).ok());
  }
  const merkle::Hash leaf = merkle::HashLeaf(stored.entry());
  EXPECT_EQ(std::string(leaf.begin(), leaf.end()), proof.leaf_hash());
  std::vector<merkle::Hash> path;
  for (const auto& p : proof.proof()) path.push_back(*merkle::HashFromBytes(p));
  EXPECT_TRUE(merkle::VerifyInclusion(proof.index(), proof.tree_size(), leaf, path,
                                      *merkle::HashFromBytes(proof.checkpoint().root_hash()))
                  .ok());
  // Another organisation's entry and a missing one get the same refusal.
  int64_t police_index = -1;
  for (const auto& e : Entries("directory.denied")) {
    if (e.record().user().organisation_id() == kPolice) police_index = e.index();
  }
  ASSERT_GE(police_index, 0);
  for (int64_t index : {police_index, int64_t{1000000}}) {
    grpc::ClientContext ctx;
    v1::GetEntryRequest req;
    req.set_index(index);
    v1::GetEntryResponse resp;
    grpc::Status st = sup->GetEntry(&ctx, req, &resp);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_EQ(st.error_message(), "no entry of yours with that index or event id");
  }
  // The looks at the log are on record.
  ASSERT_TRUE(Flush().ok());
  EXPECT_GE(Query("audit.entry.read").entries_size(), 1);
  EXPECT_GE(Query("audit.entries.list").entries_size(), 2);

  // schakelctl audit prove, as the supervisor, recomputes the leaf from the stored bytes.
  const testing::TempDir home;
  const TlsMaterial tls = host_.pki().Client("sup-vt", kVt);
  const auto write = [&](const std::string& name, const std::string& pem) {
    std::ofstream(home.path() / name) << pem;
    chmod((home.path() / name).c_str(), 0600);
  };
  write("sup.crt", tls.cert_pem);
  write("sup.key", tls.key_pem);
  write("ca.crt", tls.ca_pem);
  const std::string out = (home.path() / "out.txt").string();
  const std::string command = std::string(SCHAKELCTL_PATH) + " --home=" + home.path().string() +
                              " --server=" + host_.address() +
                              " --cert=" + (home.path() / "sup.crt").string() +
                              " --key=" + (home.path() / "sup.key").string() +
                              " --ca=" + (home.path() / "ca.crt").string() + " audit prove " +
                              mine.event_id() + " >" + out + " 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream in(out);
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << text;
  EXPECT_TRUE(absl::StrContains(text, "inclusion: verified")) << text;
  EXPECT_TRUE(absl::StrContains(text, "recomputed from the stored bytes")) << text;
  EXPECT_TRUE(absl::StrContains(text, mine.event_id() + " (inside the hashed bytes)")) << text;
}

// Item 8, on a clock that stands still: proof requests, however many and whoever asks, make the
// log sign at most one new checkpoint per interval.
class AuditSigningTest : public AuditSecurityTest {
 protected:
  AuditSigningTest() : AuditSecurityTest(&clock_) {}
  static inline FakeClock clock_{absl::Now()};
};

TEST_F(AuditSigningTest, ProofRequestsSignAtMostOnceAnInterval) {
  ASSERT_TRUE(Flush().ok());
  const int64_t before = CheckpointRows();
  int answered = 0, later = 0;
  for (int i = 0; i < 6; ++i) {
    // A new entry of the police each time, newer than any checkpoint.
    RefusedCall("pieter", kPolice);
    ASSERT_TRUE(Flush().ok());
    int64_t index = -1;
    for (const auto& e : Entries("directory.denied")) index = std::max(index, e.index());
    grpc::ClientContext ctx;
    v1::GetInclusionProofRequest req;
    req.set_index(index);
    v1::GetInclusionProofResponse resp;
    grpc::Status st = AuditAs("pieter", kPolice)->GetInclusionProof(&ctx, req, &resp);
    if (st.ok()) {
      ++answered;
    } else {
      EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAVAILABLE) << st.error_message();
      ++later;
    }
    // An auditor's fresh checkpoint is held to the same interval.
    grpc::ClientContext fctx;
    v1::GetCheckpointRequest fresh;
    fresh.set_fresh(true);
    v1::GetCheckpointResponse fresh_resp;
    ASSERT_TRUE(Auditor()->GetCheckpoint(&fctx, fresh, &fresh_resp).ok());
  }
  EXPECT_LE(CheckpointRows() - before, 1);  // before: one per request
  EXPECT_EQ(answered, 1);
  EXPECT_EQ(later, 5);
  // Once the interval (default 1 s) has passed, the next request is answered with a new one.
  clock_.Advance(absl::Seconds(2));
  int64_t index = -1;
  for (const auto& e : Entries("directory.denied")) index = std::max(index, e.index());
  grpc::ClientContext ctx;
  v1::GetInclusionProofRequest req;
  req.set_index(index);
  v1::GetInclusionProofResponse resp;
  grpc::Status st = AuditAs("pieter", kPolice)->GetInclusionProof(&ctx, req, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_GT(resp.tree_size(), index);
  EXPECT_LE(CheckpointRows() - before, 2);
}

}  // namespace
}  // namespace schakel
