// Where a client finds each service (client/lib/server_addresses.h): one address for the single
// process, one per service for the split layout, and a clear refusal of anything else.
#include "client/lib/server_addresses.h"

#include <gtest/gtest.h>

#include <string>

namespace schakel::client {
namespace {

TEST(ServerAddressesTest, OneAddressServesEveryService) {
  auto addresses = ServerAddresses::Parse("127.0.0.1:7400");
  ASSERT_TRUE(addresses.ok()) << addresses.status();
  for (const std::string& name : ServiceNames()) EXPECT_EQ(addresses->For(name), "127.0.0.1:7400");
  EXPECT_EQ(addresses->For("schakel.v1.CaseService"), "127.0.0.1:7400");
  EXPECT_TRUE(addresses->Single());
}

TEST(ServerAddressesTest, EachServiceAtItsOwnAddress) {
  auto addresses = ServerAddresses::Parse(
      "directory=h:7400, audit=h:7402,cases=h:7404,handover=h:7406,intake=h:7408,"
      "safetyplan=h:7410");
  ASSERT_TRUE(addresses.ok()) << addresses.status();
  EXPECT_EQ(addresses->For("audit"), "h:7402");
  EXPECT_EQ(addresses->For("schakel.v1.AuditService"), "h:7402");
  EXPECT_EQ(addresses->For("schakel.v1.SafetyPlanService"), "h:7410");
  EXPECT_EQ(addresses->For("schakel.v1.HandoverService"), "h:7406");
  // Anything else (the health service of "the server") goes to the directory's address.
  EXPECT_EQ(addresses->For("grpc.health.v1.Health"), "h:7400");
  EXPECT_FALSE(addresses->Single());
  EXPECT_EQ(addresses->Distinct().size(), 6u);
  EXPECT_EQ(addresses->Distinct().front(), "h:7400");
}

TEST(ServerAddressesTest, OneAddressWithExceptions) {
  auto addresses = ServerAddresses::Parse("[::1]:7400,audit=audit.example:7400");
  ASSERT_TRUE(addresses.ok()) << addresses.status();
  EXPECT_EQ(addresses->For("audit"), "audit.example:7400");
  EXPECT_EQ(addresses->For("cases"), "[::1]:7400");
  EXPECT_EQ(addresses->For("grpc.health.v1.Health"), "[::1]:7400");
  EXPECT_EQ(addresses->Distinct(), (std::vector<std::string>{"[::1]:7400", "audit.example:7400"}));
}

TEST(ServerAddressesTest, RefusesNamingEveryBadItem) {
  auto addresses = ServerAddresses::Parse("h:7400,dictionary=h:1,cases=h,cases=h:2,audit=h:99999");
  ASSERT_FALSE(addresses.ok());
  EXPECT_EQ(addresses.status().code(), absl::StatusCode::kInvalidArgument);
  const std::string message(addresses.status().message());
  EXPECT_NE(message.find("'dictionary' is not a service"), std::string::npos) << message;
  EXPECT_NE(message.find("cases: 'h' is not an address"), std::string::npos) << message;
  EXPECT_NE(message.find("audit: 'h:99999' is not an address"), std::string::npos) << message;
}

TEST(ServerAddressesTest, RefusesAServiceLeftWithoutAnAddress) {
  auto addresses = ServerAddresses::Parse("directory=h:7400,cases=h:7404");
  ASSERT_FALSE(addresses.ok());
  EXPECT_NE(addresses.status().message().find("no address for audit, handover, intake, safetyplan"),
            absl::string_view::npos)
      << addresses.status();
  EXPECT_FALSE(ServerAddresses::Parse("").ok());
  EXPECT_FALSE(ServerAddresses::Parse("h:1,h:2").ok());
  EXPECT_FALSE(ServerAddresses::Parse("cases=h:1,cases=h:1,h:3").ok());
}

TEST(ServerAddressesTest, ShortNamesOfTheServices) {
  EXPECT_EQ(ShortServiceName("schakel.v1.DirectoryService"), "directory");
  EXPECT_EQ(ShortServiceName("schakel.v1.IntakeService"), "intake");
  EXPECT_EQ(ShortServiceName("grpc.health.v1.Health"), "");
}

}  // namespace
}  // namespace schakel::client
