// Structured logging: one JSON object per line on stderr, one line per event.
//
// Never pass personal data (names, BSNs, addresses, free text about a family) as a field: log ids,
// codes and counts. The audit log, not this log, is where access to client data is recorded.
#ifndef SCHAKEL_SERVICES_COMMON_LOG_H_
#define SCHAKEL_SERVICES_COMMON_LOG_H_

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <utility>
#include <variant>
#include "absl/strings/string_view.h"

namespace schakel {

enum class LogLevel { kInfo, kWarning, kError };

using LogValue = std::variant<absl::string_view, int64_t, bool, double>;
using LogField = std::pair<absl::string_view, LogValue>;

// Writes {"time":..., "level":..., "event":..., <fields>} as one line. Thread-safe.
void LogEvent(LogLevel level, absl::string_view event, std::initializer_list<LogField> fields = {});

// Redirects log lines (tests capture them); pass nullptr to restore stderr.
void SetLogSink(std::function<void(absl::string_view line)> sink);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_LOG_H_
