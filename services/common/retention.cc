#include "services/common/retention.h"

#include "absl/strings/str_cat.h"
#include "services/common/calendar.h"
#include "services/common/status.h"

namespace schakel::retention {
namespace {

constexpr int kDefaultWithinDays = 31;
constexpr int kDefaultPageSize = 100;

}  // namespace

absl::StatusOr<std::vector<std::string>> ExpiredIds(sqlite::Connection& c, absl::string_view table,
                                                    int64_t cutoff, int limit) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c.PrepareCached(absl::StrCat(
          "SELECT id FROM ", table,
          " WHERE closed_at IS NOT NULL AND closed_at < ? AND destroyed_at IS NULL AND "
          "legal_hold IS NULL ORDER BY closed_at LIMIT ?")));
  s->Bind(1, cutoff).Bind(2, limit);
  std::vector<std::string> ids;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(*s, [&]() -> absl::Status {
    ids.push_back(s->ColumnText(0));
    return absl::OkStatus();
  }));
  return ids;
}

absl::StatusOr<bool> StillExpired(sqlite::Connection& c, absl::string_view table,
                                  const std::string& id, int64_t cutoff) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c.PrepareCached(absl::StrCat("SELECT 1 FROM ", table,
                                   " WHERE id = ? AND closed_at IS NOT NULL AND closed_at < ? AND "
                                   "destroyed_at IS NULL AND legal_hold IS NULL")));
  s->Bind(1, id).Bind(2, cutoff);
  SCHAKEL_ASSIGN_OR_RETURN(bool expired, s->Step());
  s->Reset();
  return expired;
}

absl::Status SetHold(sqlite::Connection& c, absl::string_view table, const std::string& id,
                     const std::optional<std::string>& sealed_reason, const std::string& by,
                     int64_t now) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c.PrepareCached(absl::StrCat("UPDATE ", table,
                                   " SET legal_hold = ?, legal_hold_by = ?, legal_hold_time = ? "
                                   "WHERE id = ? AND destroyed_at IS NULL")));
  if (sealed_reason) {
    s->BindBlob(1, *sealed_reason).Bind(2, by).Bind(3, now);
  } else {
    s->BindNull(1).Bind(2, "").BindNull(3);
  }
  s->Bind(4, id);
  return s->Run();
}

absl::StatusOr<int> RunDestruction(const DestructionJob& job) {
  int destroyed = 0;
  for (;;) {
    std::vector<std::string> ids;
    SCHAKEL_RETURN_IF_ERROR(job.db->Read([&](sqlite::Connection& c) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(ids, ExpiredIds(c, job.table, job.cutoff, job.batch));
      return absl::OkStatus();
    }));
    if (ids.empty()) break;
    std::vector<std::string> done;
    SCHAKEL_RETURN_IF_ERROR(job.db->Transaction([&](sqlite::Connection& c) -> absl::Status {
      done.clear();
      for (const std::string& id : ids) {
        SCHAKEL_ASSIGN_OR_RETURN(bool expired, StillExpired(c, job.table, id, job.cutoff));
        if (!expired) continue;
        SCHAKEL_RETURN_IF_ERROR(job.destroy(c, id));
        done.push_back(id);
      }
      return absl::OkStatus();
    }));
    if (!done.empty()) job.after(done);
    destroyed += static_cast<int>(done.size());
    if (static_cast<int>(ids.size()) < job.batch) break;
  }
  return destroyed;
}

absl::StatusOr<ListWindow> ParseListWindow(int within_days, int page_size, absl::Time now,
                                           int years) {
  FieldViolations v;
  if (within_days < 0 || within_days > 366) v.Add("within_days", "must be 1 to 366 (0: 31)");
  if (page_size < 0 || page_size > 500) v.Add("page_size", "must be 1 to 500 (0: 100)");
  SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
  ListWindow w;
  w.within_days = within_days > 0 ? within_days : kDefaultWithinDays;
  w.page_size = page_size > 0 ? page_size : kDefaultPageSize;
  w.cutoff = calendar::ClosedBeforeForDestruction(
      absl::ToCivilDay(now, calendar::Amsterdam()) + w.within_days, years);
  return w;
}

}  // namespace schakel::retention
