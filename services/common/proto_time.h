// Conversions between google.protobuf.Timestamp, absl::Time and the Unix microseconds the stores
// keep. One copy for every service.
#ifndef SCHAKEL_SERVICES_COMMON_PROTO_TIME_H_
#define SCHAKEL_SERVICES_COMMON_PROTO_TIME_H_

#include <cstdint>

#include <google/protobuf/timestamp.pb.h>
#include <google/protobuf/util/time_util.h>

#include "absl/time/time.h"

namespace schakel {

inline void SetTime(google::protobuf::Timestamp* ts, absl::Time t) {
  const int64_t us = absl::ToUnixMicros(t);
  *ts = google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(us);
}

inline void SetTime(google::protobuf::Timestamp* ts, int64_t unix_micros) {
  *ts = google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(unix_micros);
}

// Whether `t` is within the range a Timestamp may hold (0001-01-01 to 9999-12-31) with valid
// nanoseconds: a client can send anything.
inline bool ValidTimestamp(const google::protobuf::Timestamp& t) {
  using google::protobuf::util::TimeUtil;
  return t.seconds() >= TimeUtil::kTimestampMinSeconds &&
         t.seconds() <= TimeUtil::kTimestampMaxSeconds && t.nanos() >= 0 &&
         t.nanos() < 1'000'000'000;
}

// Unix microseconds of a valid timestamp (check ValidTimestamp first for client input).
inline int64_t ToMicros(const google::protobuf::Timestamp& t) {
  return google::protobuf::util::TimeUtil::TimestampToMicroseconds(t);
}

inline absl::Time ToTime(const google::protobuf::Timestamp& t) {
  return absl::FromUnixMicros(ToMicros(t));
}

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_PROTO_TIME_H_
