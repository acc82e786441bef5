#include "services/common/log.h"
#include "absl/strings/string_view.h"

#include <iostream>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace schakel {
namespace {

absl::Mutex sink_mu(absl::kConstInit);
std::function<void(absl::string_view)>* sink ABSL_GUARDED_BY(sink_mu) = nullptr;

absl::string_view LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kError:
      return "error";
  }
  return "info";
}

}  // namespace

void LogEvent(LogLevel level, absl::string_view event, std::initializer_list<LogField> fields) {
  google::protobuf::Struct line;
  auto& f = *line.mutable_fields();
  f["time"].set_string_value(
      absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(), absl::UTCTimeZone()));
  f["level"].set_string_value(std::string(LevelName(level)));
  f["event"].set_string_value(std::string(event));
  for (const auto& [key, value] : fields) {
    auto& v = f[std::string(key)];
    std::visit(
        [&v](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, absl::string_view>) {
            v.set_string_value(std::string(x));
          } else if constexpr (std::is_same_v<T, bool>) {
            v.set_bool_value(x);
          } else {
            v.set_number_value(static_cast<double>(x));
          }
        },
        value);
  }
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(line, &json).ok()) return;
  absl::MutexLock lock(&sink_mu);
  if (sink != nullptr) {
    (*sink)(json);
  } else {
    std::cerr << json << '\n';
  }
}

void SetLogSink(std::function<void(absl::string_view line)> new_sink) {
  absl::MutexLock lock(&sink_mu);
  delete sink;
  sink = new_sink ? new std::function<void(absl::string_view)>(std::move(new_sink)) : nullptr;
}

}  // namespace schakel
