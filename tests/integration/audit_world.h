// The organisations the audit log's integration tests register.
#ifndef SCHAKEL_TESTS_INTEGRATION_AUDIT_WORLD_H_
#define SCHAKEL_TESTS_INTEGRATION_AUDIT_WORLD_H_

namespace schakel::testing::audit_world {

inline constexpr char kVt[] = "vt-test";
inline constexpr char kPolice[] = "politie-test";

}  // namespace schakel::testing::audit_world

#endif  // SCHAKEL_TESTS_INTEGRATION_AUDIT_WORLD_H_
