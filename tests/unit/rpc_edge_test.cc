// The RPC edge over real mutual TLS on loopback: a ServerStream authorizes its caller, records a
// refusal durably before answering, hides internal errors behind an incident id, writes in order
// and ends a revoked caller's open stream within about the role cache interval; a unary handler
// sees its call's deadline, which a nested call inherits, capped.
#include "services/common/rpc.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "proto/echo.grpc.pb.h"
#include "services/common/clock.h"
#include "services/common/migrations.h"
#include "services/common/sqlite.h"
#include "services/common/tls.h"
#include "services/common/worker_pool.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using EchoResponse = schakel::testing::EchoResponse;
using EchoStreamRequest = schakel::testing::EchoStreamRequest;

// Short, so a revocation shows within a test's patience.
constexpr int kRoleCacheTtlMs = 300;
constexpr char kOrg[] = "org-edge";

// The directory as each test sets it.
class TestDirectory final : public RoleResolver {
 public:
  void Set(const std::string& id, std::vector<v1::Role> roles) {
    absl::MutexLock lock(&mu_);
    DirectoryEntry& e = entries_[id];
    e.registered = e.active = true;
    e.organisation_id = kOrg;
    e.roles = std::move(roles);
  }
  absl::StatusOr<DirectoryEntry> Resolve(absl::string_view id) override {
    absl::MutexLock lock(&mu_);
    auto it = entries_.find(id);
    return it == entries_.end() ? DirectoryEntry{} : it->second;
  }

 private:
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, DirectoryEntry> entries_ ABSL_GUARDED_BY(mu_);
};

// EchoStream: `count` messages "<message> <i>", one per Step; with count 0, one message and then
// silence; with `fail`, an internal error whose detail must not reach the client.
class CountingStream final : public ServerStream<EchoResponse> {
 public:
  CountingStream(grpc::CallbackServerContext* ctx, StreamEdge edge, EchoStreamRequest request)
      : ServerStream(ctx, edge), request_(std::move(request)) {}

 private:
  absl::Status Step(const CallContext& call) override {
    if (request_.fail()) return absl::InternalError("disk I/O error in /secret/edge.db");
    if (request_.count() == 0 && sent_ > 0) return absl::OkStatus();
    EchoResponse message;
    message.set_message(absl::StrCat(request_.message(), " ", sent_++));
    message.set_principal_id(call.caller().principal.id);
    Send(std::move(message));
    if (request_.count() == 0) return absl::OkStatus();
    if (sent_ < request_.count()) {
      Wake();
    } else {
      End(absl::OkStatus());
    }
    return absl::OkStatus();
  }

  const EchoStreamRequest request_;
  int sent_ = 0;  // Steps never overlap
};

// Echo answers with the deadline a nested call would get (capped at 60 s); EchoStream streams.
class EdgeEcho final : public schakel::testing::EchoService::CallbackService {
 public:
  EdgeEcho(const HostEnv& env, const Authorizer& authorizer, AuditTrail& audit)
      : env_(env), authorizer_(authorizer), audit_(audit) {}

  grpc::ServerUnaryReactor* Echo(grpc::CallbackServerContext* ctx,
                                 const schakel::testing::EchoRequest* req,
                                 EchoResponse* resp) override {
    // "deny:<id>": the handler finds the person <id> behind the request and refuses.
    return HandleUnary(
        ctx, env_, authorizer_, &audit_, "edge", "Echo", {{"case", "case-from-request"}},
        [req, resp](const CallContext& call) -> absl::Status {
          const Caller& caller = call.caller();
          if (absl::StartsWith(req->message(), "deny:")) {
            call.AskedFor("person", req->message().substr(5));
            return absl::PermissionDeniedError("not on the team");
          }
          grpc::ClientContext nested;
          InheritDeadline(nested, absl::Seconds(60));
          resp->set_message(absl::StrCat(absl::ToUnixMillis(absl::FromChrono(nested.deadline()))));
          resp->set_principal_id(caller.principal.id);
          return absl::OkStatus();
        });
  }

  grpc::ServerWriteReactor<EchoResponse>* EchoStream(grpc::CallbackServerContext* ctx,
                                                     const EchoStreamRequest* req) override {
    return ServerStream<EchoResponse>::Start(
        std::make_shared<CountingStream>(ctx,
                                         StreamEdge{.env = &env_,
                                                    .authorizer = &authorizer_,
                                                    .audit = &audit_,
                                                    .service = "edge",
                                                    .method = "EchoStream",
                                                    .asked = {{"handover", req->message()}}},
                                         *req));
  }

 private:
  const HostEnv& env_;
  const Authorizer& authorizer_;
  AuditTrail& audit_;
};

class RpcEdgeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { pki_ = new testing::TestPki(); }
  static void TearDownTestSuite() {
    delete pki_;
    pki_ = nullptr;
  }

  void SetUp() override {
    auto db = sqlite::Database::Open(dir_.path() / "edge.db");
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
    const migrations::MigrationTrack* tracks[] = {&migrations::common_track()};
    ASSERT_TRUE(migrations::Apply(*db_, tracks).ok());
    audit_ = std::make_unique<AuditTrail>(*db_, "edge", RealClock::Instance());
    env_.clock = &RealClock::Instance();
    env_.pool = &pool_;
    env_.config.set_role_cache_ttl_ms(kRoleCacheTtlMs);
    directory_ = std::make_shared<TestDirectory>();
    authorizer_ = std::make_unique<Authorizer>(
        AuthorizationTable()
            .Allow("Echo", {.any_principal = true})
            .Allow("EchoStream", {.roles = {v1::ROLE_PROFESSIONAL}}),
        std::make_shared<CachingRoleResolver>(directory_, absl::Milliseconds(kRoleCacheTtlMs),
                                              RealClock::Instance()));
    service_ = std::make_unique<EdgeEcho>(env_, *authorizer_, *audit_);
    auto credentials = MutualTlsServerCredentials(pki_->Server());
    credentials->SetAuthMetadataProcessor(std::make_shared<CertificateAuthProcessor>());
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", credentials, &port_);
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    ASSERT_TRUE(server_ != nullptr);
    ASSERT_GT(port_, 0);
  }

  void TearDown() override {
    if (server_) server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
    pool_.Join();
  }

  std::unique_ptr<schakel::testing::EchoService::Stub> StubAs(const std::string& id) const {
    return schakel::testing::EchoService::NewStub(
        testing::MutualTlsChannel(absl::StrCat("127.0.0.1:", port_), pki_->Client(id, kOrg)));
  }

  // The audit records waiting in the outbox, oldest first.
  std::vector<v1::AuditRecord> Recorded() {
    std::vector<v1::AuditRecord> out;
    absl::Status st = db_->Read([&](sqlite::Connection& c) -> absl::Status {
      auto stmt = c.Prepare("SELECT payload FROM outbox WHERE topic = 'audit' ORDER BY seq");
      if (!stmt.ok()) return stmt.status();
      while (true) {
        absl::StatusOr<bool> row = stmt->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        v1::AuditRecord r;
        EXPECT_TRUE(r.ParseFromString(stmt->ColumnBlob(0)));
        out.push_back(std::move(r));
      }
      return absl::OkStatus();
    });
    EXPECT_TRUE(st.ok()) << st;
    return out;
  }

  static grpc::ClientContext* WithDeadline(grpc::ClientContext& ctx, absl::Duration d) {
    ctx.set_deadline(absl::ToChronoTime(absl::Now() + d));
    return &ctx;
  }

  static testing::TestPki* pki_;
  testing::TempDir dir_;
  std::unique_ptr<sqlite::Database> db_;
  std::unique_ptr<AuditTrail> audit_;
  WorkerPool pool_{2};
  HostEnv env_;
  std::shared_ptr<TestDirectory> directory_;
  std::unique_ptr<Authorizer> authorizer_;
  std::unique_ptr<EdgeEcho> service_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
};

testing::TestPki* RpcEdgeTest::pki_ = nullptr;

TEST_F(RpcEdgeTest, MessagesArriveInOrderAndTheStreamEndsOk) {
  directory_->Set("prof", {v1::ROLE_PROFESSIONAL});
  grpc::ClientContext ctx;
  EchoStreamRequest req;
  req.set_message("m");
  req.set_count(200);
  auto reader = StubAs("prof")->EchoStream(WithDeadline(ctx, absl::Seconds(30)), req);
  EchoResponse message;
  int n = 0;
  while (reader->Read(&message)) {
    EXPECT_EQ(message.message(), absl::StrCat("m ", n));
    EXPECT_EQ(message.principal_id(), "prof");
    ++n;
  }
  const grpc::Status st = reader->Finish();
  EXPECT_TRUE(st.ok()) << st.error_code() << ": " << st.error_message();
  EXPECT_EQ(n, 200);
  EXPECT_TRUE(Recorded().empty());
}

TEST_F(RpcEdgeTest, ARefusedStreamIsRecordedDurablyBeforeTheAnswer) {
  directory_->Set("clerk", {v1::ROLE_SUPERVISOR});
  grpc::ClientContext ctx;
  auto reader =
      StubAs("clerk")->EchoStream(WithDeadline(ctx, absl::Seconds(30)), EchoStreamRequest());
  EchoResponse message;
  EXPECT_FALSE(reader->Read(&message));
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // The answer came after the commit: the record is already on disk.
  const auto records = Recorded();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].outcome(), v1::AUDIT_OUTCOME_DENIED);
  EXPECT_EQ(records[0].user().principal_id(), "clerk");
}

// The objects of a refused call's audit record, as "type:id".
std::vector<std::string> ObjectsOf(const v1::AuditRecord& r) {
  std::vector<std::string> out;
  for (const auto& o : r.objects()) out.push_back(absl::StrCat(o.type(), ":", o.id()));
  return out;
}

TEST_F(RpcEdgeTest, ARefusalNamesTheObjectsAskedFor) {
  // Refused by the table (no role): the object the request names is on record all the same.
  directory_->Set("clerk", {v1::ROLE_SUPERVISOR});
  grpc::ClientContext stream_ctx;
  EchoStreamRequest req;
  req.set_message("ho-17");
  auto reader = StubAs("clerk")->EchoStream(WithDeadline(stream_ctx, absl::Seconds(30)), req);
  EchoResponse message;
  EXPECT_FALSE(reader->Read(&message));
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::PERMISSION_DENIED);

  // Refused by the handler, which found a person behind the request.
  grpc::ClientContext ctx;
  schakel::testing::EchoRequest echo;
  echo.set_message("deny:person-4");
  EchoResponse resp;
  EXPECT_EQ(StubAs("clerk")->Echo(WithDeadline(ctx, absl::Seconds(30)), echo, &resp).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  const auto records = Recorded();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(ObjectsOf(records[0]), (std::vector<std::string>{"rpc:EchoStream", "handover:ho-17"}));
  EXPECT_EQ(ObjectsOf(records[1]),
            (std::vector<std::string>{"rpc:Echo", "case:case-from-request", "person:person-4"}));
}

TEST_F(RpcEdgeTest, ARefusalThatCannotBeRecordedIsUnavailable) {
  directory_->Set("clerk", {v1::ROLE_SUPERVISOR});
  ASSERT_TRUE(db_->Exec("DROP TABLE outbox").ok());
  grpc::ClientContext ctx;
  auto reader =
      StubAs("clerk")->EchoStream(WithDeadline(ctx, absl::Seconds(30)), EchoStreamRequest());
  EchoResponse message;
  EXPECT_FALSE(reader->Read(&message));
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST_F(RpcEdgeTest, AnInternalErrorBecomesAnIncidentWithoutDetail) {
  directory_->Set("prof", {v1::ROLE_PROFESSIONAL});
  grpc::ClientContext ctx;
  EchoStreamRequest req;
  req.set_fail(true);
  auto reader = StubAs("prof")->EchoStream(WithDeadline(ctx, absl::Seconds(30)), req);
  EchoResponse message;
  EXPECT_FALSE(reader->Read(&message));
  const grpc::Status st = reader->Finish();
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_TRUE(absl::StrContains(st.error_message(), "incident")) << st.error_message();
  EXPECT_FALSE(absl::StrContains(st.error_message(), "secret")) << st.error_message();
  EXPECT_TRUE(Recorded().empty());
}

TEST_F(RpcEdgeTest, ARevokedCallersOpenStreamEndsWithinAboutTheCacheInterval) {
  directory_->Set("prof", {v1::ROLE_PROFESSIONAL});
  grpc::ClientContext ctx;
  EchoStreamRequest req;
  req.set_message("open");
  auto reader = StubAs("prof")->EchoStream(WithDeadline(ctx, absl::Seconds(30)), req);
  EchoResponse message;
  ASSERT_TRUE(reader->Read(&message));
  EXPECT_EQ(message.message(), "open 0");
  // Still authorized: the stream stays open across several re-authorizations.
  absl::SleepFor(absl::Milliseconds(3 * kRoleCacheTtlMs));
  EXPECT_TRUE(Recorded().empty());
  const absl::Time revoked = absl::Now();
  directory_->Set("prof", {});
  EXPECT_FALSE(reader->Read(&message));
  const absl::Duration took = absl::Now() - revoked;
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // The cache may hold the old roles for one interval, and the next check follows within one
  // more; the rest is slack for a loaded machine.
  EXPECT_LT(took, absl::Milliseconds(2 * kRoleCacheTtlMs) + absl::Seconds(1)) << took;
  const auto records = Recorded();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].outcome(), v1::AUDIT_OUTCOME_DENIED);
  EXPECT_EQ(records[0].user().principal_id(), "prof");
}

TEST_F(RpcEdgeTest, ANestedCallInheritsTheCallersDeadline) {
  auto stub = StubAs("anyone");
  // A client that waits 5 s: the nested call gets those 5 s, not the 60 s cap.
  {
    grpc::ClientContext ctx;
    const absl::Time deadline = absl::Now() + absl::Seconds(5);
    ctx.set_deadline(absl::ToChronoTime(deadline));
    EchoResponse resp;
    ASSERT_TRUE(stub->Echo(&ctx, {}, &resp).ok());
    int64_t nested_ms = 0;
    ASSERT_TRUE(absl::SimpleAtoi(resp.message(), &nested_ms));
    // gRPC sends the deadline as a timeout: the server's is later by the time in transit.
    EXPECT_GE(absl::FromUnixMillis(nested_ms), deadline - absl::Milliseconds(50));
    EXPECT_LE(absl::FromUnixMillis(nested_ms), deadline + absl::Seconds(1));
  }
  // A client without a deadline: the cap.
  {
    grpc::ClientContext ctx;
    const absl::Time before = absl::Now();
    EchoResponse resp;
    ASSERT_TRUE(stub->Echo(&ctx, {}, &resp).ok());
    int64_t nested_ms = 0;
    ASSERT_TRUE(absl::SimpleAtoi(resp.message(), &nested_ms));
    EXPECT_GE(absl::FromUnixMillis(nested_ms), before + absl::Seconds(60) - absl::Milliseconds(1));
    EXPECT_LE(absl::FromUnixMillis(nested_ms), absl::Now() + absl::Seconds(60));
  }
}

TEST(RpcEdgeDeadlineTest, TheEarlierOfTheCallDeadlineAndTheCapWins) {
  const absl::Time now = absl::FromUnixSeconds(1'700'000'000);
  EXPECT_EQ(NestedDeadline(now + absl::Seconds(3), now, absl::Seconds(10)), now + absl::Seconds(3));
  EXPECT_EQ(NestedDeadline(now + absl::Seconds(30), now, absl::Seconds(10)),
            now + absl::Seconds(10));
  EXPECT_EQ(NestedDeadline(absl::InfiniteFuture(), now, absl::Seconds(10)),
            now + absl::Seconds(10));
  // A call whose client already gave up: the nested call fails at once rather than waiting.
  EXPECT_EQ(NestedDeadline(now - absl::Seconds(1), now, absl::Seconds(10)), now - absl::Seconds(1));

  Caller caller;
  const absl::Time soon = absl::Now() + absl::Seconds(2);
  const CallContext call(caller, soon, nullptr);
  grpc::ClientContext client;
  InheritDeadline(client, call, absl::Seconds(10));
  EXPECT_LE(absl::AbsDuration(absl::FromChrono(client.deadline()) - soon), absl::Microseconds(1));
  EXPECT_FALSE(call.cancelled());
  // Outside any call there is nothing to inherit.
  EXPECT_EQ(CurrentCall(), nullptr);
}

}  // namespace
}  // namespace schakel
