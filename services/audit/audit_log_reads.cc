// AuditLog reads that decrypt nothing: stored entries for partners who prove their own records,
// the listing of an organisation's entries, and how far each source's records have arrived.
#include <google/protobuf/util/time_util.h>

#include "services/audit/audit_log.h"
#include "services/common/status.h"

namespace schakel::audit {
namespace {

using google::protobuf::util::TimeUtil;

absl::StatusOr<std::optional<StoredEntry>> ReadOne(
    sqlite::Database& db, const char* sql, const std::function<void(sqlite::Statement&)>& bind) {
  std::optional<StoredEntry> out;
  SCHAKEL_RETURN_IF_ERROR(db.Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(auto* s, c.PrepareCached(sql));
    bind(*s);
    SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
    if (row) out = StoredEntry{s->ColumnInt(0), s->ColumnText(1), s->ColumnBlob(2)};
    return absl::OkStatus();
  }));
  return out;
}

}  // namespace

absl::StatusOr<std::optional<StoredEntry>> AuditLog::ReadEntry(int64_t index) {
  return ReadOne(db_, "SELECT idx, organisation_id, entry FROM entries WHERE idx = ?",
                 [&](sqlite::Statement& s) { s.Bind(1, index); });
}

absl::StatusOr<std::optional<StoredEntry>> AuditLog::ReadEntryByEventId(
    const std::string& event_id) {
  return ReadOne(db_, "SELECT idx, organisation_id, entry FROM entries WHERE event_id = ?",
                 [&](sqlite::Statement& s) { s.Bind(1, event_id); });
}

absl::StatusOr<std::vector<v1::EntrySummary>> AuditLog::ListEntries(const EntryListFilter& f,
                                                                    int64_t after, int limit) {
  if (f.organisation_id.empty()) {
    return absl::InvalidArgumentError("listing entries needs an organisation");
  }
  std::vector<v1::EntrySummary> out;
  SCHAKEL_RETURN_IF_ERROR(db_.Read([&](sqlite::Connection& c) -> absl::Status {
    // entries_by_organisation (organisation_id, idx) serves this in index order.
    SCHAKEL_ASSIGN_OR_RETURN(
        auto* s, c.PrepareCached("SELECT idx, event_id, event_time, event_type FROM entries "
                                 "WHERE organisation_id = ?1 AND idx > ?2 "
                                 "AND (?3 = '' OR event_type = ?3) AND event_time >= ?4 "
                                 "AND event_time <= ?5 ORDER BY idx LIMIT ?6"));
    s->Bind(1, f.organisation_id).Bind(2, after).Bind(3, f.event_type);
    s->Bind(4, f.start_time ? absl::ToUnixSeconds(*f.start_time) : INT64_MIN);
    s->Bind(5, f.end_time ? absl::ToUnixSeconds(*f.end_time) : INT64_MAX);
    s->Bind(6, limit);
    for (;;) {
      SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      v1::EntrySummary& e = out.emplace_back();
      e.set_index(s->ColumnInt(0));
      e.set_event_id(s->ColumnText(1));
      e.mutable_event_time()->set_seconds(s->ColumnInt(2));
      e.set_event_type(s->ColumnText(3));
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<v1::SourceWatermark>> AuditLog::Watermarks() {
  std::vector<v1::SourceWatermark> out;
  SCHAKEL_RETURN_IF_ERROR(db_.Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(
        auto* s, c.PrepareCached("SELECT source_service, source_sequence, event_time, "
                                 "arrival_time FROM source_watermarks ORDER BY source_service"));
    for (;;) {
      SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      v1::SourceWatermark& w = out.emplace_back();
      w.set_source_service(s->ColumnText(0));
      w.set_source_sequence(s->ColumnInt(1));
      w.mutable_event_time()->set_seconds(s->ColumnInt(2));
      *w.mutable_arrival_time() = TimeUtil::MicrosecondsToTimestamp(s->ColumnInt(3));
    }
    return absl::OkStatus();
  }));
  return out;
}

}  // namespace schakel::audit
