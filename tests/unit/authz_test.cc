#include "services/common/authz.h"

#include <gtest/gtest.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "services/common/bounded_cache.h"
#include "services/common/clock.h"

namespace schakel {
namespace {

// A directory the test edits by hand, counting lookups.
class FakeResolver final : public RoleResolver {
 public:
  absl::StatusOr<DirectoryEntry> Resolve(absl::string_view id) override {
    ++lookups;
    if (fail) return absl::UnavailableError("down");
    auto it = entries.find(std::string(id));
    return it == entries.end() ? DirectoryEntry{} : it->second;
  }
  absl::StatusOr<DirectoryEntry> ResolveService(absl::string_view id) override {
    ++service_lookups;
    if (fail) return absl::UnavailableError("down");
    auto it = services.find(std::string(id));
    return it == services.end() ? DirectoryEntry{} : it->second;
  }
  std::map<std::string, DirectoryEntry> entries;
  std::map<std::string, DirectoryEntry> services;
  int service_lookups = 0;
  int lookups = 0;
  bool fail = false;
};

Principal User(const std::string& id, const std::string& org) {
  return Principal{.id = id, .organisation_id = org, .kind = v1::PRINCIPAL_KIND_USER};
}

class AuthorizerTest : public ::testing::Test {
 protected:
  AuthorizerTest() {
    table_.Allow("Who", {.any_principal = true})
        .Allow("Read", {.any_user = true, .services = true})
        .Allow("Admin", {.roles = {v1::ROLE_ADMIN}})
        .Allow("Audit", {.roles = {v1::ROLE_AUDITOR, v1::ROLE_SUPERVISOR}});
    resolver_ = std::make_shared<FakeResolver>();
    resolver_->entries["ann"] = {true, true, "org-a", "Ann", {v1::ROLE_ADMIN}};
    resolver_->entries["sup"] = {true, true, "org-a", "Sup", {v1::ROLE_SUPERVISOR}};
    resolver_->entries["gone"] = {true, false, "org-a", "Gone", {v1::ROLE_ADMIN}};
  }
  absl::StatusCode Code(const Principal& p, absl::string_view method) {
    Authorizer authorizer(table_, resolver_);
    return authorizer.Authorize(p, method).status().code();
  }
  AuthorizationTable table_;
  std::shared_ptr<FakeResolver> resolver_;
};

TEST_F(AuthorizerTest, MethodsNotInTheTableAreDenied) {
  EXPECT_EQ(Code(User("ann", "org-a"), "Unlisted"), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(table_.Find("Unlisted"), nullptr);
}

TEST_F(AuthorizerTest, RolesDecide) {
  EXPECT_EQ(Code(User("ann", "org-a"), "Admin"), absl::StatusCode::kOk);
  EXPECT_EQ(Code(User("sup", "org-a"), "Admin"), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(Code(User("sup", "org-a"), "Audit"), absl::StatusCode::kOk);
  EXPECT_EQ(Code(User("sup", "org-a"), "Read"), absl::StatusCode::kOk);
}

TEST_F(AuthorizerTest, UnregisteredPrincipalsOnlyReachAnyPrincipalMethods) {
  EXPECT_EQ(Code(User("stranger", "org-a"), "Who"), absl::StatusCode::kOk);
  EXPECT_EQ(Code(User("stranger", "org-a"), "Read"), absl::StatusCode::kPermissionDenied);
}

TEST_F(AuthorizerTest, RevokedProfessionalIsUnauthenticatedEverywhere) {
  EXPECT_EQ(Code(User("gone", "org-a"), "Who"), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(Code(User("gone", "org-a"), "Admin"), absl::StatusCode::kUnauthenticated);
}

TEST_F(AuthorizerTest, CertificateOrganisationMustMatchDirectory) {
  EXPECT_EQ(Code(User("ann", "org-b"), "Admin"), absl::StatusCode::kUnauthenticated);
}

TEST_F(AuthorizerTest, ServicesNeedTheServicesFlag) {
  Principal svc{.id = "schakeld", .organisation_id = "op", .kind = v1::PRINCIPAL_KIND_SERVICE};
  EXPECT_EQ(Code(svc, "Read"), absl::StatusCode::kOk);
  EXPECT_EQ(Code(svc, "Admin"), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(resolver_->lookups, 0);  // services hold no roles: no professional is looked up
}

TEST_F(AuthorizerTest, ARevokedServiceIdentityIsDeniedEverywhere) {
  // Before: a service certificate was never looked up, so it could not be revoked.
  resolver_->services["relay"] = {true, false, "op", "relay", {}};
  resolver_->services["moved"] = {true, true, "other-op", "moved", {}};
  Principal relay{.id = "relay", .organisation_id = "op", .kind = v1::PRINCIPAL_KIND_SERVICE};
  EXPECT_EQ(Code(relay, "Read"), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(Code(relay, "Who"), absl::StatusCode::kPermissionDenied);
  Principal moved{.id = "moved", .organisation_id = "op", .kind = v1::PRINCIPAL_KIND_SERVICE};
  EXPECT_EQ(Code(moved, "Read"), absl::StatusCode::kPermissionDenied);
  resolver_->fail = true;
  EXPECT_EQ(Code(relay, "Read"), absl::StatusCode::kUnavailable);
}

TEST_F(AuthorizerTest, TheHostsInProcessCallsAreNotLookedUp) {
  resolver_->services["schakeld"] = {true, false, "op", "host", {}};
  Principal host{.id = "schakeld",
                 .organisation_id = "op",
                 .kind = v1::PRINCIPAL_KIND_SERVICE,
                 .peer = kInProcessPeer};
  EXPECT_EQ(Code(host, "Read"), absl::StatusCode::kOk);
  EXPECT_EQ(resolver_->service_lookups, 0);
  host.peer = "ipv4:127.0.0.1:4000";  // the same identity over TLS: a copied key
  EXPECT_EQ(Code(host, "Read"), absl::StatusCode::kPermissionDenied);
}

TEST_F(AuthorizerTest, DirectoryDownIsUnavailable) {
  resolver_->fail = true;
  EXPECT_EQ(Code(User("ann", "org-a"), "Admin"), absl::StatusCode::kUnavailable);
}

TEST(CachingRoleResolverTest, CachesUntilTtlThenRefetches) {
  auto inner = std::make_shared<FakeResolver>();
  inner->entries["ann"] = {true, true, "org-a", "Ann", {v1::ROLE_ADMIN}};
  FakeClock clock;
  CachingRoleResolver cache(inner, absl::Seconds(2), clock);
  ASSERT_TRUE(cache.Resolve("ann").ok());
  inner->entries["ann"].active = false;  // revoked in the directory
  EXPECT_TRUE(cache.Resolve("ann")->active);
  EXPECT_EQ(inner->lookups, 1);
  clock.Advance(absl::Milliseconds(1999));
  EXPECT_TRUE(cache.Resolve("ann")->active);
  clock.Advance(absl::Milliseconds(1));
  EXPECT_FALSE(cache.Resolve("ann")->active);
  EXPECT_EQ(inner->lookups, 2);
}

TEST(CachingRoleResolverTest, UnknownIdsDoNotGrowTheCacheWithoutBound) {
  // Before: every id anyone named stayed cached for ever. Now a full cache drops what is stale,
  // and, when nothing is, everything (lookups refetch; nothing is lost).
  auto inner = std::make_shared<FakeResolver>();
  inner->entries["ann"] = {true, true, "org-a", "Ann", {}};
  FakeClock clock;
  CachingRoleResolver cache(inner, absl::Seconds(2), clock);
  ASSERT_TRUE(cache.Resolve("ann").ok());
  for (size_t i = 0; i + 1 < kMaxCacheEntries; ++i) {
    ASSERT_TRUE(cache.Resolve(absl::StrCat("unknown-", i)).ok());
  }
  const int before = inner->lookups;
  ASSERT_TRUE(cache.Resolve("ann").ok());
  EXPECT_EQ(inner->lookups, before) << "a full cache still answers what it holds";
  ASSERT_TRUE(cache.Resolve("one-too-many").ok());  // full, nothing stale: emptied
  ASSERT_TRUE(cache.Resolve("ann").ok());
  EXPECT_EQ(inner->lookups, before + 2) << "ann was dropped with the rest and fetched again";
}

TEST(BoundedCacheTest, MakeRoomDropsTheStaleFirst) {
  struct Cached {
    absl::Time fetched;
  };
  absl::flat_hash_map<int, Cached> cache;
  const absl::Time now = absl::FromUnixSeconds(1000);
  cache[1] = {now - absl::Seconds(10)};
  cache[2] = {now};
  cache[3] = {now};
  MakeRoom(cache, now, absl::Seconds(2), 3);
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_FALSE(cache.contains(1));
  MakeRoom(cache, now, absl::Seconds(2), 3);  // not full
  EXPECT_EQ(cache.size(), 2u);
  cache[4] = {now};
  MakeRoom(cache, now, absl::Seconds(2), 3);  // full and nothing stale
  EXPECT_TRUE(cache.empty());
}

TEST(CachingRoleResolverTest, TtlIsCappedAtFiveSeconds) {
  auto inner = std::make_shared<FakeResolver>();
  inner->entries["ann"] = {true, true, "org-a", "Ann", {}};
  FakeClock clock;
  CachingRoleResolver cache(inner, absl::Minutes(10), clock);
  ASSERT_TRUE(cache.Resolve("ann").ok());
  inner->entries["ann"].active = false;
  clock.Advance(absl::Seconds(5));
  EXPECT_FALSE(cache.Resolve("ann")->active);
}

TEST(CachingRoleResolverTest, ServicesAndProfessionalsAreCachedApart) {
  auto inner = std::make_shared<FakeResolver>();
  inner->entries["relay"] = {true, true, "org-a", "A professional called relay", {}};
  inner->services["relay"] = {true, true, "op", "relay", {}};
  FakeClock clock;
  CachingRoleResolver cache(inner, absl::Seconds(2), clock);
  EXPECT_EQ(cache.Resolve("relay")->organisation_id, "org-a");
  EXPECT_EQ(cache.ResolveService("relay")->organisation_id, "op");
  inner->services["relay"].active = false;
  EXPECT_TRUE(cache.ResolveService("relay")->active);
  clock.Advance(absl::Seconds(2));
  EXPECT_FALSE(cache.ResolveService("relay")->active);
  EXPECT_EQ(inner->service_lookups, 2);
}

TEST(CachingRoleResolverTest, ErrorsAreNotCached) {
  auto inner = std::make_shared<FakeResolver>();
  inner->entries["ann"] = {true, true, "org-a", "Ann", {}};
  FakeClock clock;
  CachingRoleResolver cache(inner, absl::Seconds(2), clock);
  inner->fail = true;
  EXPECT_FALSE(cache.Resolve("ann").ok());
  inner->fail = false;
  EXPECT_TRUE(cache.Resolve("ann").ok());
}

}  // namespace
}  // namespace schakel
