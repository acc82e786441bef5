// The audit log on a real host: records from the directory's outbox, proofs a partner verifies
// for itself, who may see what, and a log that keeps every record while the audit service is down.
#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include <sys/wait.h>

#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/util/delimited_message_util.h>
#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>

#include "schakel/v1/audit.grpc.pb.h"
#include "schakel/v1/directory.grpc.pb.h"
#include "services/common/status.h"
#include "services/transparency/merkle.h"
#include "services/transparency/note.h"
#include "tests/integration/audit_world.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using v1::AuditService;
namespace merkle = audit::merkle;
namespace note = audit::note;

using namespace testing::audit_world;

// A host with two partner organisations, an auditor, a supervisor and two professionals.
class AuditTest : public ::testing::Test {
 protected:
  AuditTest() {
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

  void Flush() { ASSERT_TRUE(host_.host().FlushOutboxes().ok()); }

  // Every record of `event_type` the auditor can see, all pages.
  std::vector<v1::QueriedEntry> Query(const std::string& event_type,
                                      const std::string& object_id = "") {
    std::vector<v1::QueriedEntry> out;
    std::string token;
    do {
      grpc::ClientContext ctx;
      v1::QueryEntriesRequest req;
      req.set_event_type(event_type);
      req.set_object_id(object_id);
      req.set_purpose("test: count records");
      req.set_page_size(50);
      req.set_page_token(token);
      v1::QueryEntriesResponse resp;
      grpc::Status st = Auditor()->QueryEntries(&ctx, req, &resp);
      EXPECT_TRUE(st.ok()) << st.error_message();
      if (!st.ok()) break;
      for (const auto& e : resp.entries()) out.push_back(e);
      token = resp.next_page_token();
    } while (!token.empty());
    return out;
  }

  note::Verifier Verifier() {
    grpc::ClientContext ctx;
    v1::GetVerifierKeyResponse resp;
    EXPECT_TRUE(Auditor()->GetVerifierKey(&ctx, {}, &resp).ok());
    auto v = note::ParseVerifierKey(resp.verifier_key());
    EXPECT_TRUE(v.ok()) << v.status();
    return *v;
  }

  v1::SignedCheckpoint FreshCheckpoint() {
    grpc::ClientContext ctx;
    v1::GetCheckpointRequest req;
    req.set_fresh(true);
    v1::GetCheckpointResponse resp;
    EXPECT_TRUE(Auditor()->GetCheckpoint(&ctx, req, &resp).ok());
    return resp.checkpoint();
  }

  // What a partner does offline: the note's signature, and that its body matches.
  void ExpectSignedBy(const v1::SignedCheckpoint& cp, const note::Verifier& verifier) {
    auto text = note::OpenNote(cp.signed_note(), {&verifier, 1});
    ASSERT_TRUE(text.ok()) << text.status();
    auto body = note::ParseCheckpoint(*text);
    ASSERT_TRUE(body.ok());
    EXPECT_EQ(body->tree_size, cp.tree_size());
    EXPECT_EQ(body->root_hash, cp.root_hash());
    EXPECT_EQ(body->origin, "schakel.test/audit");
  }

  grpc::Status CreateOrganisation(const std::string& id, const std::string& request_id) {
    auto stub = v1::DirectoryService::NewStub(host_.AdminChannel());
    grpc::ClientContext ctx;
    v1::CreateOrganisationRequest req;
    req.set_request_id(request_id);
    req.mutable_organisation()->set_id(id);
    req.mutable_organisation()->set_name("Organisatie " + id);
    req.mutable_organisation()->set_type(v1::ORGANISATION_TYPE_LOCAL_TEAM);
    req.mutable_organisation()->set_region(v1::REGION_HAAGLANDEN);
    v1::CreateOrganisationResponse resp;
    return stub->CreateOrganisation(&ctx, req, &resp);
  }

  testing::TestHost host_;
};

TEST_F(AuditTest, EveryDirectoryMutationProducesExactlyOneRecord) {
  auto admin = v1::DirectoryService::NewStub(host_.AdminChannel());
  ASSERT_TRUE(CreateOrganisation("wijkteam-a", "org-a").ok());
  ASSERT_TRUE(CreateOrganisation("wijkteam-a", "org-a").ok());         // a retry: no second record
  EXPECT_FALSE(CreateOrganisation("wijkteam-a", "org-a-again").ok());  // refused: no record
  {
    grpc::ClientContext ctx;
    v1::GrantRoleRequest req;
    req.set_request_id("grant-1");
    req.set_professional_id("pieter");
    req.set_role(v1::ROLE_CASE_DIRECTOR);
    v1::GrantRoleResponse resp;
    ASSERT_TRUE(admin->GrantRole(&ctx, req, &resp).ok());
  }
  {
    grpc::ClientContext ctx;
    v1::RevokeProfessionalRequest req;
    req.set_request_id("revoke-1");
    req.set_professional_id("sanne");
    req.set_reason("moved to another region");
    v1::RevokeProfessionalResponse resp;
    ASSERT_TRUE(admin->RevokeProfessional(&ctx, req, &resp).ok());
  }
  Flush();
  const std::map<std::string, size_t> expected = {
      {"directory.bootstrapped", 1},
      {"directory.organisation.created", 3},  // vt, police, wijkteam-a
      {"directory.professional.registered", 4},
      {"directory.role.granted", 1},
      {"directory.professional.revoked", 1},
      {"directory.organisation.updated", 0},
  };
  for (const auto& [type, count] : expected) {
    EXPECT_EQ(Query(type).size(), count) << type;
  }
  // wijkteam-a's creation is on record once, with who did it.
  auto created = Query("directory.organisation.created", "wijkteam-a");
  ASSERT_EQ(created.size(), 1u);
  const v1::AuditRecord& r = created[0].record();
  EXPECT_EQ(r.user().principal_id(), testing::kAdminId);
  EXPECT_EQ(r.user().organisation_id(), testing::kOperatorOrg);
  EXPECT_EQ(r.user().roles(0), v1::ROLE_ADMIN);
  EXPECT_EQ(r.responsible_user().principal_id(), testing::kAdminId);
  EXPECT_EQ(r.action(), v1::AUDIT_ACTION_CREATE);
  EXPECT_EQ(r.outcome(), v1::AUDIT_OUTCOME_SUCCESS);
  EXPECT_EQ(r.checks().authorisation(), v1::AUDIT_CHECK_PASSED);
  EXPECT_EQ(r.source_service(), "directory");
  EXPECT_GT(r.source_sequence(), 0);
  EXPECT_FALSE(r.access_point().empty());
  EXPECT_FALSE(r.event_id().empty());
  const int64_t age = absl::ToUnixSeconds(absl::Now()) - r.event_time().seconds();
  EXPECT_GE(age, 0);
  EXPECT_LT(age, 120);
}

TEST_F(AuditTest, RefusedCallsAreRecorded) {
  auto pieter = v1::DirectoryService::NewStub(host_.ChannelAs("pieter", kPolice));
  grpc::ClientContext ctx;
  v1::GrantRoleRequest req;
  req.set_request_id("sneaky");
  req.set_professional_id("pieter");
  req.set_role(v1::ROLE_ADMIN);
  v1::GrantRoleResponse resp;
  ASSERT_EQ(pieter->GrantRole(&ctx, req, &resp).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  Flush();
  auto denied = Query("directory.denied");
  ASSERT_EQ(denied.size(), 1u);
  EXPECT_EQ(denied[0].record().outcome(), v1::AUDIT_OUTCOME_DENIED);
  EXPECT_EQ(denied[0].record().user().principal_id(), "pieter");
  EXPECT_EQ(denied[0].record().checks().authorisation(), v1::AUDIT_CHECK_FAILED);
}

TEST_F(AuditTest, InclusionProofsVerifyAgainstASignedCheckpoint) {
  Flush();
  const auto created = Query("directory.organisation.created", kPolice);
  ASSERT_EQ(created.size(), 1u);
  grpc::ClientContext ctx;
  v1::GetInclusionProofRequest req;
  req.set_event_id(created[0].record().event_id());
  v1::GetInclusionProofResponse proof;
  ASSERT_TRUE(Auditor()->GetInclusionProof(&ctx, req, &proof).ok());
  EXPECT_EQ(proof.index(), created[0].index());
  ExpectSignedBy(proof.checkpoint(), Verifier());
  std::vector<merkle::Hash> path;
  for (const auto& p : proof.proof()) path.push_back(*merkle::HashFromBytes(p));
  auto leaf = merkle::HashFromBytes(proof.leaf_hash());
  auto root = merkle::HashFromBytes(proof.checkpoint().root_hash());
  ASSERT_TRUE(leaf.ok() && root.ok());
  EXPECT_TRUE(merkle::VerifyInclusion(proof.index(), proof.tree_size(), *leaf, path, *root).ok());
  // The same proof does not hold for a neighbour's leaf.
  merkle::Hash other = *leaf;
  other[0] ^= 1;
  EXPECT_FALSE(merkle::VerifyInclusion(proof.index(), proof.tree_size(), other, path, *root).ok());
}

TEST_F(AuditTest, CheckpointsOnlyEverExtendEachOther) {
  Flush();
  const v1::SignedCheckpoint first = FreshCheckpoint();
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(CreateOrganisation("team-" + std::to_string(i), "team-" + std::to_string(i)).ok());
  }
  Flush();
  // The log signs on demand at most once per interval (default 1 s), whoever asks.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  const v1::SignedCheckpoint second = FreshCheckpoint();
  ASSERT_GT(second.tree_size(), first.tree_size());
  const note::Verifier verifier = Verifier();
  ExpectSignedBy(first, verifier);
  ExpectSignedBy(second, verifier);
  grpc::ClientContext ctx;
  v1::GetConsistencyProofRequest req;
  req.set_size1(first.tree_size());
  req.set_size2(second.tree_size());
  v1::GetConsistencyProofResponse resp;
  ASSERT_TRUE(AuditAs("pieter", kPolice)->GetConsistencyProof(&ctx, req, &resp).ok());
  std::vector<merkle::Hash> path;
  for (const auto& p : resp.proof()) path.push_back(*merkle::HashFromBytes(p));
  EXPECT_TRUE(merkle::VerifyConsistency(first.tree_size(), second.tree_size(),
                                        *merkle::HashFromBytes(first.root_hash()),
                                        *merkle::HashFromBytes(second.root_hash()), path)
                  .ok());
}

TEST_F(AuditTest, UsersGetProofsOfTheirOwnOrganisationsEntriesOnly) {
  // pieter's refused call is an entry of the police organisation.
  {
    auto pieter = v1::DirectoryService::NewStub(host_.ChannelAs("pieter", kPolice));
    grpc::ClientContext ctx;
    v1::CreateOrganisationRequest req;
    req.set_request_id("x");
    v1::CreateOrganisationResponse resp;
    ASSERT_FALSE(pieter->CreateOrganisation(&ctx, req, &resp).ok());
  }
  Flush();
  const auto denied = Query("directory.denied");
  ASSERT_EQ(denied.size(), 1u);
  v1::GetInclusionProofRequest req;
  req.set_index(denied[0].index());
  v1::GetInclusionProofResponse resp;
  {
    grpc::ClientContext ctx;
    EXPECT_TRUE(AuditAs("pieter", kPolice)->GetInclusionProof(&ctx, req, &resp).ok());
  }
  {
    // Registered, but of another organisation: the same answer as for an entry that does not exist.
    host_.AddProfessional("eva", kVt, {v1::ROLE_PROFESSIONAL});
    grpc::ClientContext ctx;
    EXPECT_EQ(AuditAs("eva", kVt)->GetInclusionProof(&ctx, req, &resp).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
    grpc::ClientContext ctx2;
    v1::GetInclusionProofRequest missing;
    missing.set_index(1000000);
    EXPECT_EQ(AuditAs("eva", kVt)->GetInclusionProof(&ctx2, missing, &resp).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  // Refusals the handler decides are on record too.
  Flush();
  int refused = 0;
  for (const auto& e : Query("audit.denied")) {
    if (e.record().user().principal_id() == "eva" &&
        e.record().outcome() == v1::AUDIT_OUTCOME_DENIED) {
      ++refused;
    }
  }
  EXPECT_EQ(refused, 2);
}

TEST_F(AuditTest, SupervisorsReadTheirOwnOrganisationsRecordsAndQueriesAreRecorded) {
  {
    auto sanne = v1::DirectoryService::NewStub(host_.ChannelAs("sanne", kVt));
    grpc::ClientContext ctx;
    v1::CreateOrganisationRequest req;
    v1::CreateOrganisationResponse resp;
    ASSERT_FALSE(sanne->CreateOrganisation(&ctx, req, &resp).ok());  // a vt-test entry
  }
  Flush();
  auto supervisor = AuditAs("sup-vt", kVt);
  {
    grpc::ClientContext ctx;
    v1::QueryEntriesRequest req;
    req.set_purpose("maandelijkse controle");
    v1::QueryEntriesResponse resp;
    ASSERT_TRUE(supervisor->QueryEntries(&ctx, req, &resp).ok());
    ASSERT_GE(resp.entries_size(), 1);
    for (const auto& e : resp.entries()) EXPECT_EQ(e.record().user().organisation_id(), kVt);
  }
  {
    grpc::ClientContext ctx;
    v1::QueryEntriesRequest req;
    req.set_purpose("nieuwsgierig");
    req.set_organisation_id(kPolice);
    v1::QueryEntriesResponse resp;
    EXPECT_EQ(supervisor->QueryEntries(&ctx, req, &resp).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  {
    grpc::ClientContext ctx;
    v1::QueryEntriesRequest req;  // no purpose
    v1::QueryEntriesResponse resp;
    grpc::Status st = supervisor->QueryEntries(&ctx, req, &resp);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  }
  Flush();
  auto queries = Query("audit.query");
  bool found = false;
  for (const auto& q : queries) {
    if (q.record().user().principal_id() == "sup-vt" &&
        q.record().purpose_of_use() == "maandelijkse controle") {
      found = true;
    }
  }
  EXPECT_TRUE(found) << "the supervisor's query is not on record";
}

TEST_F(AuditTest, ExportVerifiesOffline) {
  Flush();
  const v1::SignedCheckpoint cp = FreshCheckpoint();
  grpc::ClientContext ctx;
  v1::ExportLogRequest req;
  req.set_tree_size(cp.tree_size());
  auto reader = Auditor()->ExportLog(&ctx, req);
  v1::ExportLogResponse message;
  ASSERT_TRUE(reader->Read(&message));
  ASSERT_TRUE(message.has_header());
  EXPECT_EQ(message.header().checkpoint().tree_size(), cp.tree_size());
  merkle::MemoryTree tree;
  while (reader->Read(&message)) {
    for (const auto& bytes : message.entries().entries()) {
      ASSERT_TRUE(tree.Append(merkle::HashLeaf(bytes)).ok());
    }
  }
  ASSERT_TRUE(reader->Finish().ok());
  ASSERT_EQ(tree.size(), cp.tree_size());
  auto root = merkle::TreeHash(tree.size(), tree);
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(std::string(root->begin(), root->end()), cp.root_hash());
}

// More than one export batch (1000 entries each), verified by the real schakelctl binary from a
// file written the way `schakelctl audit export` writes it.
TEST_F(AuditTest, CliVerifiesAMultiBatchExport) {
  auto service = AuditService::NewStub(
      host_.ChannelAs("test-service", testing::kOperatorOrg, pki::CertificateKind::kService));
  // In relay-sized batches: an Append carries at most 1000 records.
  for (int first = 1; first <= 2500; first += 1000) {
    v1::AppendRequest append;
    for (int i = first; i <= std::min(first + 999, 2500); ++i) {
      v1::AuditRecord* r = append.add_records();
      r->set_event_id("bulk-" + std::to_string(i));
      r->set_action(v1::AUDIT_ACTION_READ);
      r->set_event_type("case.read");
      r->mutable_event_time()->set_seconds(absl::ToUnixSeconds(absl::Now()));
      r->set_outcome(v1::AUDIT_OUTCOME_SUCCESS);
      r->set_source_service("bulk");
      r->set_source_sequence(i);
    }
    grpc::ClientContext ctx;
    v1::AppendResponse resp;
    ASSERT_TRUE(service->Append(&ctx, append, &resp).ok());
  }
  Flush();
  grpc::ClientContext ctx;
  auto reader = Auditor()->ExportLog(&ctx, {});
  const std::filesystem::path file = host_.data_dir() / "export.bin";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    google::protobuf::io::OstreamOutputStream stream(&out);
    v1::ExportLogResponse message;
    while (reader->Read(&message)) {
      ASSERT_TRUE(google::protobuf::util::SerializeDelimitedToZeroCopyStream(message, &stream));
    }
  }
  ASSERT_TRUE(reader->Finish().ok());
  grpc::ClientContext kctx;
  v1::GetVerifierKeyResponse key;
  ASSERT_TRUE(Auditor()->GetVerifierKey(&kctx, {}, &key).ok());
  auto run = [&](const std::string& args) {
    const std::string command = std::string(SCHAKELCTL_PATH) +
                                " --home=" + host_.data_dir().string() + " audit verify-export " +
                                args + " >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  EXPECT_EQ(run(file.string() + " --verifier-key=" + key.verifier_key()), 0);
  // No key of the user's own: refused as malformed input rather than trusting the file.
  EXPECT_EQ(run(file.string()), 2);
  EXPECT_EQ(run(file.string() + " --trust-export-key"), 0);
  // Another signer's key: the signature does not verify.
  auto other = note::Ed25519PrivateKey::Generate();
  ASSERT_TRUE(other.ok());
  const std::string other_key = note::Signer("schakel.test/audit", *std::move(other)).VerifierKey();
  EXPECT_EQ(run(file.string() + " --verifier-key=" + other_key), 1);
}

// Two hosts sharing a CA: the directory on one, the audit log on the other. While the audit host
// is down the directory keeps working; once it is back every record arrives, none twice.
TEST(AuditOutageTest, RecordsArriveAfterTheAuditServiceComesBack) {
  testing::TestPki pki;
  testing::TempDir audit_dir;
  std::string audit_address;
  {
    testing::TestHost probe(
        testing::TestHostOptions{
            .data_dir = audit_dir.path(), .pki = &pki, .directory = false, .audit_address = ""},
        {});
    audit_address = probe.address();
  }
  testing::TestHost directory(
      testing::TestHostOptions{.pki = &pki, .audit = false, .audit_address = audit_address}, {});
  // The audit host is down: the directory still answers, and its records wait in the outbox.
  for (int i = 0; i < 20; ++i) {
    directory.AddOrganisation("org-" + std::to_string(i), v1::ORGANISATION_TYPE_LOCAL_TEAM);
  }
  directory.AddProfessional("auditor", testing::kOperatorOrg, {v1::ROLE_AUDITOR});
  EXPECT_FALSE(directory.host().FlushOutboxes().ok());

  testing::TestHost audit(testing::TestHostOptions{.data_dir = audit_dir.path(),
                                                   .pki = &pki,
                                                   .directory = false,
                                                   .listen = audit_address,
                                                   .directory_address = directory.address()},
                          {});
  // The relay retries with backoff; wait for it rather than flushing by hand.
  auto stub = v1::AuditService::NewStub(audit.ChannelAs("auditor", testing::kOperatorOrg));
  std::vector<v1::QueriedEntry> created;
  for (int attempt = 0; attempt < 100; ++attempt) {
    grpc::ClientContext ctx;
    v1::QueryEntriesRequest req;
    req.set_event_type("directory.organisation.created");
    req.set_purpose("test");
    req.set_page_size(100);
    v1::QueryEntriesResponse resp;
    grpc::Status st = stub->QueryEntries(&ctx, req, &resp);
    if (st.ok() && resp.entries_size() >= 20) {
      created.assign(resp.entries().begin(), resp.entries().end());
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(created.size(), 20u);
  std::set<std::string> ids;
  for (const auto& e : created) ids.insert(e.record().objects(0).id());
  EXPECT_EQ(ids.size(), 20u);  // each organisation once
  // A second delivery of the same batch (as after a lost acknowledgement) stores nothing.
  ASSERT_TRUE(directory.host().FlushOutboxes().ok());
}

}  // namespace
}  // namespace schakel
