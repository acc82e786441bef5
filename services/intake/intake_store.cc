#include "services/intake/intake_store.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "services/common/status.h"
#include "services/intake/intake_sealed.h"

namespace schakel::intake {
namespace {

constexpr char kReportColumns[] =
    "id, region, kind, channel, reporter_type, state, acute, received_at, submit_time, "
    "submitted_by, submitted_by_organisation_id, external_reference, violence_kinds, "
    "assessment_due, acute_due, converted_at, claimed_by, claim_time, claim_touch, version, "
    "key_id, body, signals_sent, next_signal_at, investigation_due, investigator_id, case_id, "
    "case_open, handover_org, handover_state, handover_due, radar_earlier, radar_latest, "
    "radar_second_latest";

}  // namespace

absl::Status IntakeStore::InsertReport(const ReportRow& r, const std::vector<RadarKey>& keys) {
  std::string key_id;
  SCHAKEL_ASSIGN_OR_RETURN(std::string body,
                           sealer_.Seal(c_, r.id, r.body, ReportAad(r.id), key_id));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat("INSERT INTO reports (", kReportColumns,
                                    ", queue_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                    "?, ?)")));
  s->BindAll(r.id, static_cast<int>(r.region), static_cast<int>(r.kind),
             static_cast<int>(r.channel), static_cast<int>(r.reporter_type),
             static_cast<int>(r.state), r.acute ? 1 : 0, r.received_at, r.submit_time,
             r.submitted_by, r.submitted_by_organisation_id, r.external_reference,
             r.violence_kinds);
  s->BindOptional(14, r.assessment_due);
  s->BindOptional(15, r.acute_due);
  s->BindOptional(16, r.converted_at);
  s->Bind(17, r.claimed_by);
  s->BindOptional(18, r.claim_time);
  s->BindOptional(19, r.claim_touch);
  s->Bind(20, r.version);
  s->Bind(21, key_id);
  s->BindBlob(22, body);
  s->Bind(23, r.signals_sent);
  s->BindOptional(24, r.next_signal_at);
  s->BindOptional(25, r.investigation_due);
  s->Bind(26, r.investigator_id);
  s->Bind(27, r.case_id);
  s->Bind(28, r.case_open ? 1 : 0);
  s->Bind(29, r.handover_org);
  s->Bind(30, static_cast<int>(r.handover_state));
  s->BindOptional(31, r.handover_due);
  // The radar's figures start at none; KeepRadarFigures writes them once the keys are in.
  s->Bind(32, 0).BindNull(33).BindNull(34);
  s->Bind(35, r.queue_due());
  SCHAKEL_RETURN_IF_ERROR(s->Run());
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * k,
      c_.PrepareCached("INSERT OR IGNORE INTO radar_keys (report_id, region, kind, key, person_id, "
                       "received_at) VALUES (?, ?, ?, ?, ?, ?)"));
  for (const RadarKey& key : keys) {
    k->Bind(1, r.id).Bind(2, static_cast<int>(r.region)).Bind(3, key.kind);
    k->BindBlob(4, key.key);
    k->Bind(5, key.person_id).Bind(6, r.received_at);
    SCHAKEL_RETURN_IF_ERROR(k->Run());
    k->Reset();  // before binding the next key
  }
  return KeepRadarFigures(r);
}

absl::Status IntakeStore::KeepRadarFigures(const ReportRow& r) {
  // Every other report of the region sharing a key with `r`, once, with its received_at.
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(
          "SELECT other.report_id, MAX(other.received_at) FROM radar_keys mine "
          "JOIN radar_keys other ON other.region = mine.region AND other.kind = mine.kind AND "
          "other.key = mine.key AND other.report_id <> mine.report_id "
          "WHERE mine.report_id = ?1 GROUP BY other.report_id"));
  s->Bind(1, r.id);
  int earlier = 0;
  std::optional<int64_t> latest, second;
  std::vector<std::string> later;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(*s, [&]() -> absl::Status {
    std::string id = s->ColumnText(0);
    const int64_t at = s->ColumnInt(1);
    // "Earlier" orders by (received_at, id), as RadarMatches does.
    if (at > r.received_at || (at == r.received_at && id > r.id)) {
      later.push_back(std::move(id));
      return absl::OkStatus();
    }
    ++earlier;
    if (!latest || at >= *latest) {
      second = latest;
      latest = at;
    } else if (!second || at > *second) {
      second = at;
    }
    return absl::OkStatus();
  }));
  s->Reset();
  if (earlier > 0) {
    SCHAKEL_ASSIGN_OR_RETURN(
        sqlite::Statement * own,
        c_.PrepareCached("UPDATE reports SET radar_earlier = ?, radar_latest = ?, "
                         "radar_second_latest = ? WHERE id = ?"));
    own->Bind(1, earlier);
    own->BindOptional(2, latest).BindOptional(3, second);
    own->Bind(4, r.id);
    SCHAKEL_RETURN_IF_ERROR(own->Run());
  }
  if (later.empty()) return absl::OkStatus();
  // `r` is one more earlier report of each of these: the latest two move up where it is later.
  // (SQLite evaluates every SET expression on the row as it was.)
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * up,
      c_.PrepareCached("UPDATE reports SET radar_earlier = radar_earlier + 1, "
                       "radar_second_latest = CASE WHEN radar_latest IS NULL THEN NULL "
                       "WHEN ?1 >= radar_latest THEN radar_latest "
                       "WHEN radar_second_latest IS NULL OR ?1 > radar_second_latest THEN ?1 "
                       "ELSE radar_second_latest END, "
                       "radar_latest = CASE WHEN radar_latest IS NULL OR ?1 > radar_latest THEN ?1 "
                       "ELSE radar_latest END WHERE id = ?2"));
  for (const std::string& id : later) {
    up->Bind(1, r.received_at).Bind(2, id);
    SCHAKEL_RETURN_IF_ERROR(up->Run());
    up->Reset();  // before binding the next report
  }
  return absl::OkStatus();
}

absl::Status IntakeStore::UpdateReport(ReportRow& r) {
  std::string key_id;
  SCHAKEL_ASSIGN_OR_RETURN(std::string body,
                           sealer_.Seal(c_, r.id, r.body, ReportAad(r.id), key_id));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(
          "UPDATE reports SET kind = ?, state = ?, assessment_due = ?, acute_due = ?, "
          "converted_at = ?, claimed_by = ?, claim_time = ?, claim_touch = ?, "
          "queue_due = ?, key_id = ?, body = ?, next_signal_at = ?, investigation_due = ?, "
          "investigator_id = ?, handover_org = ?, handover_state = ?, handover_due = ?, "
          "version = version + 1 WHERE id = ? AND version = ?"));
  s->Bind(1, static_cast<int>(r.kind)).Bind(2, static_cast<int>(r.state));
  s->BindOptional(3, r.assessment_due);
  s->BindOptional(4, r.acute_due);
  s->BindOptional(5, r.converted_at);
  s->Bind(6, r.claimed_by);
  s->BindOptional(7, r.claim_time);
  s->BindOptional(8, r.claim_touch);
  s->Bind(9, r.queue_due());
  s->Bind(10, key_id);
  s->BindBlob(11, body);
  s->BindOptional(12, r.next_signal_at);
  s->BindOptional(13, r.investigation_due);
  s->Bind(14, r.investigator_id);
  s->Bind(15, r.handover_org).Bind(16, static_cast<int>(r.handover_state));
  s->BindOptional(17, r.handover_due);
  s->Bind(18, r.id).Bind(19, r.version);
  SCHAKEL_RETURN_IF_ERROR(s->Run());
  if (c_.Changes() != 1) return absl::AbortedError("the report changed meanwhile; read it again");
  ++r.version;
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ReportRow>> IntakeStore::Query(sqlite::Statement& s, bool decrypt) {
  std::vector<ReportRow> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&]() -> absl::Status {
    ReportRow r;
    r.id = s.ColumnText(0);
    r.region = static_cast<v1::Region>(s.ColumnInt(1));
    r.kind = static_cast<v1::ReportKind>(s.ColumnInt(2));
    r.channel = static_cast<v1::ReportChannel>(s.ColumnInt(3));
    r.reporter_type = static_cast<v1::ReporterType>(s.ColumnInt(4));
    r.state = static_cast<v1::ReportState>(s.ColumnInt(5));
    r.acute = s.ColumnInt(6) != 0;
    r.received_at = s.ColumnInt(7);
    r.submit_time = s.ColumnInt(8);
    r.submitted_by = s.ColumnText(9);
    r.submitted_by_organisation_id = s.ColumnText(10);
    r.external_reference = s.ColumnText(11);
    r.violence_kinds = s.ColumnText(12);
    r.assessment_due = s.ColumnOptionalInt(13);
    r.acute_due = s.ColumnOptionalInt(14);
    r.converted_at = s.ColumnOptionalInt(15);
    r.claimed_by = s.ColumnText(16);
    r.claim_time = s.ColumnOptionalInt(17);
    r.claim_touch = s.ColumnOptionalInt(18);
    r.version = s.ColumnInt(19);
    if (decrypt) {
      // Callers check who may see the report before they decrypt it.
      if (s.ColumnText(20) == kDestroyedKeyId) {
        return absl::NotFoundError("deze melding is vernietigd / this report was destroyed");
      }
      SCHAKEL_RETURN_IF_ERROR(
          sealer_.Open(c_, r.id, s.ColumnText(20), s.ColumnBlob(21), ReportAad(r.id), r.body));
    }
    r.signals_sent = static_cast<int>(s.ColumnInt(22));
    r.next_signal_at = s.ColumnOptionalInt(23);
    r.investigation_due = s.ColumnOptionalInt(24);
    r.investigator_id = s.ColumnText(25);
    r.case_id = s.ColumnText(26);
    r.case_open = s.ColumnInt(27) != 0;
    r.handover_org = s.ColumnText(28);
    r.handover_state = static_cast<v1::ReportHandoverState>(s.ColumnInt(29));
    r.handover_due = s.ColumnOptionalInt(30);
    r.radar_earlier = static_cast<int>(s.ColumnInt(31));
    r.radar_latest = s.ColumnOptionalInt(32);
    r.radar_second_latest = s.ColumnOptionalInt(33);
    out.push_back(std::move(r));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::optional<ReportRow>> IntakeStore::GetReport(const std::string& id,
                                                                bool decrypt) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat("SELECT ", kReportColumns, " FROM reports WHERE id = ?")));
  s->Bind(1, id);
  SCHAKEL_ASSIGN_OR_RETURN(auto rows, Query(*s, decrypt));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

absl::StatusOr<std::optional<std::string>> IntakeStore::FindByReference(
    const std::string& organisation_id, const std::string& reference) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * s,
                           c_.PrepareCached("SELECT id FROM reports WHERE "
                                            "submitted_by_organisation_id = ? AND "
                                            "external_reference = ? AND external_reference <> ''"));
  s->Bind(1, organisation_id).Bind(2, reference);
  std::optional<std::string> id;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(*s, [&]() -> absl::Status {
    id = s->ColumnText(0);
    return absl::OkStatus();
  }));
  return id;
}

std::string IntakeStore::QueueCursor(const ReportRow& r) {
  return absl::StrCat(r.acute ? 1 : 0, ":", r.queue_due(), ":", r.received_at, ":", r.id);
}

absl::StatusOr<std::vector<ReportRow>> IntakeStore::ListQueue(v1::Region region,
                                                              const std::string& after, int limit,
                                                              const std::string& holder) {
  // Keyset paging on the queue index: (acute DESC, queue_due, received_at, id).
  int64_t acute = 2, due = 0, received = 0;
  std::string id;
  if (!after.empty()) {
    std::vector<std::string> parts = absl::StrSplit(after, absl::MaxSplits(':', 3));
    if (parts.size() != 4 || !absl::SimpleAtoi(parts[0], &acute) ||
        !absl::SimpleAtoi(parts[1], &due) || !absl::SimpleAtoi(parts[2], &received)) {
      return InvalidField("page_token", "is not a page of this queue");
    }
    id = parts[3];
  }
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat(
          "SELECT ", kReportColumns,
          " FROM reports WHERE region = ?1 AND state = 1 AND (?6 = '' OR claimed_by = ?6) AND "
          "(acute < ?2 OR (acute = ?2 AND (queue_due > ?3 OR (queue_due = ?3 AND "
          "(received_at > ?4 OR (received_at = ?4 AND id > ?5)))))) "
          "ORDER BY acute DESC, queue_due, received_at, id LIMIT ?7")));
  s->Bind(1, static_cast<int>(region)).Bind(2, acute).Bind(3, due).Bind(4, received);
  s->Bind(5, id).Bind(6, holder).Bind(7, limit);
  return Query(*s, false);
}

absl::StatusOr<int> IntakeStore::CountQueue(v1::Region region, const std::string& holder) {
  // Two statements: without a holder the count is the queue index's alone (no row is read); a
  // `claimed_by` term, even one that is always true, makes SQLite visit every row.
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(holder.empty()
                           ? "SELECT COUNT(*) FROM reports WHERE region = ?1 AND state = 1"
                           : "SELECT COUNT(*) FROM reports WHERE region = ?1 AND state = 1 AND "
                             "claimed_by = ?2"));
  s->Bind(1, static_cast<int>(region));
  if (!holder.empty()) s->Bind(2, holder);
  int count = 0;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(*s, [&]() -> absl::Status {
    count = static_cast<int>(s->ColumnInt(0));
    return absl::OkStatus();
  }));
  return count;
}

absl::StatusOr<std::vector<std::string>> IntakeStore::DueForSignals(int64_t now, int limit) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("SELECT id FROM reports WHERE next_signal_at IS NOT NULL AND "
                       "next_signal_at <= ? ORDER BY next_signal_at LIMIT ?"));
  s->Bind(1, now).Bind(2, limit);
  std::vector<std::string> ids;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(*s, [&]() -> absl::Status {
    ids.push_back(s->ColumnText(0));
    return absl::OkStatus();
  }));
  return ids;
}

absl::StatusOr<bool> IntakeStore::MarkSignals(const std::string& report_id, int previous, int sent,
                                              std::optional<int64_t> next) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE reports SET signals_sent = ?, next_signal_at = ? WHERE id = ? AND "
                       "signals_sent = ?"));
  s->Bind(1, sent);
  s->BindOptional(2, next);
  s->Bind(3, report_id).Bind(4, previous);
  SCHAKEL_RETURN_IF_ERROR(s->Run());
  return c_.Changes() == 1;
}

absl::Status IntakeStore::InsertSignal(const SignalRow& r) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("INSERT INTO clock_signals (report_id, clock, signal, region, due, "
                       "addressee, create_time) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  s->BindAll(r.report_id, r.clock, r.signal, static_cast<int>(r.region), r.due, r.addressee,
             r.create_time);
  return s->Run();
}

absl::StatusOr<std::vector<SignalRow>> IntakeStore::ListSignals(v1::Region region, int64_t since,
                                                                const std::string& addressee,
                                                                bool reminders, bool escalations) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(
          "SELECT report_id, clock, signal, region, due, addressee, create_time FROM "
          "clock_signals WHERE region = ?1 AND create_time >= ?2 AND ((?4 AND signal = "
          "'reminder' AND addressee IN ('', ?3)) OR (?5 AND signal = 'escalation')) "
          "ORDER BY create_time DESC, report_id LIMIT 500"));
  s->Bind(1, static_cast<int>(region)).Bind(2, since).Bind(3, addressee);
  s->Bind(4, reminders ? 1 : 0).Bind(5, escalations ? 1 : 0);
  std::vector<SignalRow> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(*s, [&]() -> absl::Status {
    SignalRow r;
    r.report_id = s->ColumnText(0);
    r.clock = s->ColumnText(1);
    r.signal = s->ColumnText(2);
    r.region = static_cast<v1::Region>(s->ColumnInt(3));
    r.due = s->ColumnInt(4);
    r.addressee = s->ColumnText(5);
    r.create_time = s->ColumnInt(6);
    out.push_back(std::move(r));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<ReportRow>> IntakeStore::ListHanded(const std::string& organisation_id,
                                                               bool include_answered,
                                                               int64_t answered_since) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat(
          "SELECT ", kReportColumns,
          " FROM reports WHERE handover_org = ?1 AND handover_org <> '' AND destroyed_at IS NULL "
          "AND (handover_state = 1 "
          "OR (?2 AND handover_state IN (2, 3) AND submit_time >= ?3)) "
          "ORDER BY handover_state, handover_due, id LIMIT 500")));
  s->Bind(1, organisation_id).Bind(2, include_answered ? 1 : 0).Bind(3, answered_since);
  return Query(*s, true);
}

absl::StatusOr<bool> IntakeStore::SetReportCase(const std::string& report_id,
                                                const std::string& case_id, bool open) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE reports SET case_id = ?, case_open = ?, version = version + 1 "
                       "WHERE id = ? AND case_id IN ('', ?)"));
  s->Bind(1, case_id).Bind(2, open ? 1 : 0).Bind(3, report_id).Bind(4, case_id);
  SCHAKEL_RETURN_IF_ERROR(s->Run());
  return c_.Changes() == 1;
}

absl::StatusOr<std::vector<RadarMatch>> IntakeStore::RadarMatches(const ReportRow& r) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(
          "SELECT mine.kind, mine.person_id, mine.key, other.report_id, other.received_at, "
          "rep.kind, rep.state, rep.case_open FROM radar_keys mine "
          "JOIN radar_keys other ON other.region = mine.region AND other.kind = mine.kind AND "
          "other.key = mine.key AND other.report_id <> mine.report_id "
          "AND (other.received_at < ?2 OR (other.received_at = ?2 AND other.report_id < ?1)) "
          "JOIN reports rep ON rep.id = other.report_id "
          "WHERE mine.report_id = ?1 ORDER BY other.received_at DESC, other.report_id"));
  s->Bind(1, r.id).Bind(2, r.received_at);
  std::vector<RadarMatch> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(*s, [&]() -> absl::Status {
    RadarMatch m;
    m.kind = s->ColumnText(0);
    m.person_id = s->ColumnText(1);
    m.key = s->ColumnBlob(2);
    m.report_id = s->ColumnText(3);
    m.received_at = s->ColumnInt(4);
    m.report_kind = static_cast<v1::ReportKind>(s->ColumnInt(5));
    m.state = static_cast<v1::ReportState>(s->ColumnInt(6));
    m.open_mda_case = s->ColumnInt(7) != 0;
    out.push_back(std::move(m));
    return absl::OkStatus();
  }));
  return out;
}

}  // namespace schakel::intake
