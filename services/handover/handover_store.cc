#include "services/handover/handover_store.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/common/status.h"

namespace schakel::handover {
namespace {

int64_t EndOrForever(const sqlite::Statement& s, int column) {
  return s.IsNull(column) ? kForever : s.ColumnInt(column);
}

constexpr char kLedgerColumns[] =
    "case_id, reference, region, status, phase, lead_organisation_id, lead_professional_id, "
    "lead_since, watching_organisation_id, watching_handover_id";

LedgerRow LedgerFromRow(const sqlite::Statement& s) {
  LedgerRow r;
  r.case_id = s.ColumnText(0);
  r.reference = s.ColumnText(1);
  r.region = static_cast<v1::Region>(s.ColumnInt(2));
  r.status = static_cast<v1::CaseStatus>(s.ColumnInt(3));
  r.phase = static_cast<v1::Phase>(s.ColumnInt(4));
  r.lead_organisation_id = s.ColumnText(5);
  r.lead_professional_id = s.ColumnText(6);
  r.lead_since = s.ColumnInt(7);
  r.watching_organisation_id = s.ColumnText(8);
  r.watching_handover_id = s.ColumnText(9);
  return r;
}

constexpr char kPeriodColumns[] =
    "p.id, p.case_id, p.phase, p.organisation_id, p.professional_id, p.start_time, p.end_time, "
    "p.cause, p.handover_id";

PeriodRow PeriodFromRow(const sqlite::Statement& s) {
  PeriodRow p;
  p.id = s.ColumnInt(0);
  p.case_id = s.ColumnText(1);
  p.phase = static_cast<v1::Phase>(s.ColumnInt(2));
  p.organisation_id = s.ColumnText(3);
  p.professional_id = s.ColumnText(4);
  p.start = s.ColumnInt(5);
  p.end = EndOrForever(s, 6);
  p.cause = s.ColumnText(7);
  p.handover_id = s.ColumnText(8);
  return p;
}

constexpr char kHandoverColumns[] =
    "h.id, h.case_id, h.state, h.from_organisation_id, h.from_professional_id, "
    "h.to_organisation_id, h.to_professional_id, h.phase, h.family_informed, h.key_id, h.body, "
    "h.proposed_time, h.accept_deadline, h.reminder_time, h.reminded_time, h.decided_time, "
    "h.decided_by, h.accept_escalated_time, h.contact_deadline, h.contact_time, "
    "h.contact_escalated_time, h.version";

// The WHERE clause of a region's cases, restricted to an organisation's when it is given (the
// caller binds the region, then the organisation four times): those it led, sent or received a
// handover of, or is on the team of.
std::string CasesOf(std::optional<v1::Region> region, const std::string& organisation_id,
                    absl::string_view column) {
  std::vector<std::string> where;
  if (region) where.push_back("l.region = ?");
  if (!organisation_id.empty()) {
    where.push_back(absl::StrCat(
        column,
        " IN (SELECT case_id FROM lead_periods WHERE organisation_id = ? UNION SELECT case_id FROM "
        "handovers WHERE from_organisation_id = ? UNION SELECT case_id FROM handovers WHERE "
        "to_organisation_id = ? UNION SELECT case_id FROM case_organisations WHERE "
        "organisation_id = ?)"));
  }
  if (where.empty()) return "";
  return absl::StrCat("WHERE ", absl::StrJoin(where, " AND "), " ");
}

void BindCasesOf(sqlite::Statement& s, std::optional<v1::Region> region,
                 const std::string& organisation_id) {
  int i = 0;
  if (region) s.Bind(++i, static_cast<int>(*region));
  if (!organisation_id.empty()) {
    for (int k = 0; k < 4; ++k) s.Bind(++i, organisation_id);
  }
}

}  // namespace

std::string HandoverAad(const std::string& id) { return absl::StrCat("handover/", id); }

absl::StatusOr<std::string> HandoverMasterKey(const v1::HandoverConfig& config) {
  return ObjectSealer::MasterKey("handover", config.data_key_file(), config.master_key_file(),
                                 kHandoverMasterKeyLabel);
}

reseal::Plan DataKeyPlan() {
  reseal::Plan plan;
  plan.columns = {{.table = "handovers",
                   .blob = "body",
                   .key_id = "key_id",
                   .identity = {"id"},
                   .aad = [](const std::vector<std::string>& v) { return HandoverAad(v[0]); },
                   .object = "case_id"},
                  reseal::StoredAnswers()};
  return plan;
}

absl::StatusOr<std::optional<LedgerRow>> HandoverStore::GetLedger(const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * s,
                           c_.PrepareCached(absl::StrCat("SELECT ", kLedgerColumns,
                                                         " FROM ledger_cases WHERE case_id = ?")));
  s->Bind(1, case_id);
  SCHAKEL_ASSIGN_OR_RETURN(bool has, s->Step());
  if (!has) return std::nullopt;
  return LedgerFromRow(*s);
}

absl::Status HandoverStore::InsertLedger(const LedgerRow& r) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement s,
                           c_.Prepare(absl::StrCat("INSERT INTO ledger_cases (", kLedgerColumns,
                                                   ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
  s.BindAll(r.case_id, r.reference, static_cast<int>(r.region), static_cast<int>(r.status),
            static_cast<int>(r.phase), r.lead_organisation_id, r.lead_professional_id, r.lead_since,
            r.watching_organisation_id, r.watching_handover_id);
  return s.Run();
}

absl::Status HandoverStore::UpdateLedger(const LedgerRow& r) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE ledger_cases SET status = ?, phase = ?, lead_organisation_id = ?, "
                       "lead_professional_id = ?, lead_since = ?, watching_organisation_id = ?, "
                       "watching_handover_id = ? WHERE case_id = ?"));
  s->BindAll(static_cast<int>(r.status), static_cast<int>(r.phase), r.lead_organisation_id,
             r.lead_professional_id, r.lead_since, r.watching_organisation_id,
             r.watching_handover_id, r.case_id);
  return s->Run();
}

absl::StatusOr<std::vector<LedgerRow>> HandoverStore::ListLedgers(
    std::optional<v1::Region> region, const std::string& organisation_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement s,
      c_.Prepare(absl::StrCat("SELECT ", kLedgerColumns, " FROM ledger_cases l ",
                              CasesOf(region, organisation_id, "l.case_id"), "ORDER BY case_id")));
  BindCasesOf(s, region, organisation_id);
  std::vector<LedgerRow> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&] {
    out.push_back(LedgerFromRow(s));
    return absl::OkStatus();
  }));
  return out;
}

absl::Status HandoverStore::SetCaseOrganisations(const std::string& case_id,
                                                 const std::vector<std::string>& organisations) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * clear,
                           c_.PrepareCached("DELETE FROM case_organisations WHERE case_id = ?"));
  clear->Bind(1, case_id);
  SCHAKEL_RETURN_IF_ERROR(clear->Run());
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * add,
                           c_.PrepareCached("INSERT OR IGNORE INTO case_organisations "
                                            "(case_id, organisation_id) VALUES (?, ?)"));
  for (const std::string& org : organisations) {
    add->Reset();
    add->BindAll(case_id, org);
    SCHAKEL_RETURN_IF_ERROR(add->Run());
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<PeriodRow>> HandoverStore::ListPeriods(const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement s,
      c_.Prepare(
          absl::StrCat("SELECT ", kPeriodColumns,
                       " FROM lead_periods p WHERE p.case_id = ? ORDER BY p.start_time, p.id")));
  s.Bind(1, case_id);
  std::vector<PeriodRow> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&] {
    out.push_back(PeriodFromRow(s));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<PeriodRow>> HandoverStore::ListPeriodsOfRegion(
    std::optional<v1::Region> region, const std::string& organisation_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement s,
      c_.Prepare(absl::StrCat("SELECT ", kPeriodColumns,
                              " FROM lead_periods p JOIN ledger_cases l ON l.case_id = p.case_id ",
                              CasesOf(region, organisation_id, "l.case_id"),
                              "ORDER BY p.case_id, p.start_time, p.id")));
  BindCasesOf(s, region, organisation_id);
  std::vector<PeriodRow> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&] {
    out.push_back(PeriodFromRow(s));
    return absl::OkStatus();
  }));
  return out;
}

absl::Status HandoverStore::SwitchPeriod(const std::string& case_id, int64_t at,
                                         const PeriodRow& next) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * end,
                           c_.PrepareCached("UPDATE lead_periods SET end_time = max(start_time, ?) "
                                            "WHERE case_id = ? AND end_time IS NULL"));
  end->BindAll(at, case_id);
  SCHAKEL_RETURN_IF_ERROR(end->Run());
  if (c_.Changes() != 1) {
    return absl::InternalError(absl::StrCat("case ", case_id, " had no current lead period"));
  }
  PeriodRow p = next;
  p.start = at;
  return StartPeriod(p);
}

absl::Status HandoverStore::StartPeriod(const PeriodRow& p) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("INSERT INTO lead_periods (case_id, phase, organisation_id, "
                       "professional_id, start_time, end_time, cause, handover_id) "
                       "SELECT ?, ?, ?, ?, max(?, coalesce(max(end_time), 0)), NULL, ?, ? "
                       "FROM lead_periods WHERE case_id = ?"));
  // A period never starts before the one it follows ended (clocks of two hosts may differ).
  s->BindAll(p.case_id, static_cast<int>(p.phase), p.organisation_id, p.professional_id, p.start,
             p.cause, p.handover_id, p.case_id);
  return s->Run();
}

absl::Status HandoverStore::OpenCase(const std::string& case_id, int64_t at) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("INSERT OR IGNORE INTO open_periods (case_id, start_time) VALUES (?, ?)"));
  s->BindAll(case_id, at);
  return s->Run();
}

absl::Status HandoverStore::DestroyCase(const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE handovers SET body = X'', key_id = ? WHERE case_id = ?"));
  s->BindAll(kDestroyedKeyId, case_id);
  return s->Run();
}

absl::Status HandoverStore::CloseCase(const std::string& case_id, int64_t at) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * s,
                           c_.PrepareCached("UPDATE open_periods SET end_time = max(start_time, ?) "
                                            "WHERE case_id = ? AND end_time IS NULL"));
  s->BindAll(at, case_id);
  return s->Run();
}

absl::StatusOr<std::vector<std::pair<std::string, Interval>>>
HandoverStore::ListOpenPeriodsOfRegion(std::optional<v1::Region> region,
                                       const std::string& organisation_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement s,
      c_.Prepare(absl::StrCat("SELECT o.case_id, o.start_time, o.end_time FROM open_periods o "
                              "JOIN ledger_cases l ON l.case_id = o.case_id ",
                              CasesOf(region, organisation_id, "l.case_id"),
                              "ORDER BY o.case_id, o.start_time")));
  BindCasesOf(s, region, organisation_id);
  std::vector<std::pair<std::string, Interval>> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&] {
    out.emplace_back(s.ColumnText(0), Interval{s.ColumnInt(1), EndOrForever(s, 2)});
    return absl::OkStatus();
  }));
  return out;
}

absl::Status HandoverStore::InsertHandover(const HandoverRow& h) {
  std::string key_id;
  SCHAKEL_ASSIGN_OR_RETURN(std::string body,
                           sealer_.Seal(c_, h.case_id, h.body, HandoverAad(h.id), key_id));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(
          "INSERT INTO handovers (id, case_id, state, from_organisation_id, from_professional_id, "
          "to_organisation_id, to_professional_id, phase, family_informed, key_id, body, "
          "proposed_time, accept_deadline, reminder_time, version) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"));
  s->BindAll(h.id, h.case_id, static_cast<int>(h.state), h.from_organisation_id,
             h.from_professional_id, h.to_organisation_id, h.to_professional_id,
             static_cast<int>(h.phase), h.family_informed ? 1 : 0, key_id);
  s->BindBlob(11, body);
  s->Bind(12, h.proposed);
  s->Bind(13, h.accept_deadline);
  s->BindOptional(14, h.reminder);
  return s->Run();
}

absl::Status HandoverStore::UpdateHandover(HandoverRow& h) {
  if (h.destroyed) {
    return absl::NotFoundError("the case of this handover was destroyed (retention)");
  }
  std::string key_id;
  SCHAKEL_ASSIGN_OR_RETURN(std::string body,
                           sealer_.Seal(c_, h.case_id, h.body, HandoverAad(h.id), key_id));
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE handovers SET state = ?, key_id = ?, body = ?, reminded_time = ?, "
                       "decided_time = ?, decided_by = ?, accept_escalated_time = ?, "
                       "contact_deadline = ?, contact_time = ?, contact_escalated_time = ?, "
                       "version = version + 1 WHERE id = ? AND version = ?"));
  s->Bind(1, static_cast<int>(h.state));
  s->Bind(2, key_id);
  s->BindBlob(3, body);
  s->BindOptional(4, h.reminded);
  s->BindOptional(5, h.decided);
  s->Bind(6, h.decided_by);
  s->BindOptional(7, h.accept_escalated);
  s->BindOptional(8, h.contact_deadline);
  s->BindOptional(9, h.contact);
  s->BindOptional(10, h.contact_escalated);
  s->Bind(11, h.id);
  s->Bind(12, h.version);
  SCHAKEL_RETURN_IF_ERROR(s->Run());
  if (c_.Changes() != 1) {
    return absl::AbortedError("the handover changed meanwhile; read it again");
  }
  ++h.version;
  return absl::OkStatus();
}

absl::StatusOr<std::vector<HandoverRow>> HandoverStore::QueryHandovers(sqlite::Statement& s,
                                                                       bool decrypt) {
  std::vector<HandoverRow> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(s, [&]() -> absl::Status {
    HandoverRow h;
    h.id = s.ColumnText(0);
    h.case_id = s.ColumnText(1);
    h.state = static_cast<v1::HandoverState>(s.ColumnInt(2));
    h.from_organisation_id = s.ColumnText(3);
    h.from_professional_id = s.ColumnText(4);
    h.to_organisation_id = s.ColumnText(5);
    h.to_professional_id = s.ColumnText(6);
    h.phase = static_cast<v1::Phase>(s.ColumnInt(7));
    h.family_informed = s.ColumnInt(8) != 0;
    // A destroyed case's handover keeps its dates and organisations; its content is gone.
    h.destroyed = s.ColumnText(9) == kDestroyedKeyId;
    if (decrypt && !h.destroyed) {
      SCHAKEL_RETURN_IF_ERROR(sealer_.Open(c_, h.case_id, s.ColumnText(9), s.ColumnBlob(10),
                                           HandoverAad(h.id), h.body));
    }
    h.proposed = s.ColumnInt(11);
    h.accept_deadline = s.ColumnInt(12);
    h.reminder = s.ColumnOptionalInt(13);
    h.reminded = s.ColumnOptionalInt(14);
    h.decided = s.ColumnOptionalInt(15);
    h.decided_by = s.ColumnText(16);
    h.accept_escalated = s.ColumnOptionalInt(17);
    h.contact_deadline = s.ColumnOptionalInt(18);
    h.contact = s.ColumnOptionalInt(19);
    h.contact_escalated = s.ColumnOptionalInt(20);
    h.version = s.ColumnInt(21);
    out.push_back(std::move(h));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::optional<HandoverRow>> HandoverStore::GetHandover(const std::string& id,
                                                                      bool decrypt) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement s,
      c_.Prepare(absl::StrCat("SELECT ", kHandoverColumns, " FROM handovers h WHERE h.id = ?")));
  s.Bind(1, id);
  SCHAKEL_ASSIGN_OR_RETURN(auto rows, QueryHandovers(s, decrypt));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

absl::StatusOr<std::optional<HandoverRow>> HandoverStore::GetOpenHandover(
    const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement s,
      c_.Prepare(absl::StrCat("SELECT ", kHandoverColumns,
                              " FROM handovers h WHERE h.case_id = ? AND h.state = 1")));
  s.Bind(1, case_id);
  SCHAKEL_ASSIGN_OR_RETURN(auto rows, QueryHandovers(s, true));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

absl::StatusOr<std::vector<HandoverRow>> HandoverStore::ListHandoversOfCase(
    const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement s,
      c_.Prepare(absl::StrCat("SELECT ", kHandoverColumns,
                              " FROM handovers h WHERE h.case_id = ? ORDER BY h.proposed_time, "
                              "h.id")));
  s.Bind(1, case_id);
  return QueryHandovers(s, true);
}

absl::StatusOr<std::vector<HandoverRow>> HandoverStore::ListHandovers(const HandoverFilter& f) {
  std::vector<std::string> where;
  if (f.region) where.push_back("l.region = :region");
  if (!f.organisation_id.empty()) {
    where.push_back("(h.from_organisation_id = :org OR h.to_organisation_id = :org)");
  }
  if (!f.party_organisation_id.empty()) {
    where.push_back(
        "(h.from_organisation_id = :party OR h.to_organisation_id = :party OR h.case_id IN "
        "(SELECT case_id FROM case_organisations WHERE organisation_id = :party))");
  }
  if (!f.states.empty()) {
    where.push_back(absl::StrCat("h.state IN (", absl::StrJoin(f.states, ","), ")"));
  }
  if (f.overdue_only) {
    where.push_back(
        "(h.state = 5 OR h.accept_escalated_time IS NOT NULL OR h.contact_escalated_time IS NOT "
        "NULL OR (h.state = 1 AND h.accept_deadline <= :now) OR (h.state = 2 AND h.contact_time "
        "IS NULL AND h.contact_deadline <= :now) OR (h.contact_time > h.contact_deadline))");
  }
  if (f.proposed_from) where.push_back("h.proposed_time >= :from");
  if (f.proposed_to) where.push_back("h.proposed_time < :to");
  if (f.after) where.push_back("(h.proposed_time, h.id) > (:after_time, :after_id)");
  std::string sql = absl::StrCat("SELECT ", kHandoverColumns,
                                 " FROM handovers h JOIN ledger_cases l ON l.case_id = h.case_id");
  if (!where.empty()) absl::StrAppend(&sql, " WHERE ", absl::StrJoin(where, " AND "));
  absl::StrAppend(&sql, " ORDER BY h.proposed_time, h.id");
  if (f.limit > 0) absl::StrAppend(&sql, " LIMIT ", f.limit);
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement s, c_.Prepare(sql));
  // Named parameters: bind by index in the order sqlite numbered them.
  int i = 0;
  if (f.region) s.Bind(++i, static_cast<int>(*f.region));
  if (!f.organisation_id.empty()) s.Bind(++i, f.organisation_id);
  if (!f.party_organisation_id.empty()) s.Bind(++i, f.party_organisation_id);
  if (f.overdue_only) s.Bind(++i, f.now);
  if (f.proposed_from) s.Bind(++i, *f.proposed_from);
  if (f.proposed_to) s.Bind(++i, *f.proposed_to);
  if (f.after) {
    s.Bind(++i, f.after->first);
    s.Bind(++i, f.after->second);
  }
  return QueryHandovers(s, false);
}

absl::StatusOr<std::vector<HandoverRow>> HandoverStore::ListTo(const std::string& organisation_id,
                                                               v1::HandoverState state) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement s,
      c_.Prepare(absl::StrCat("SELECT ", kHandoverColumns,
                              " FROM handovers h WHERE h.to_organisation_id = ? AND h.state = ? "
                              "ORDER BY h.proposed_time, h.id")));
  s.BindAll(organisation_id, static_cast<int>(state));
  return QueryHandovers(s, false);
}

absl::StatusOr<DueWork> HandoverStore::FindDue(int64_t now) {
  DueWork due;
  // A destroyed case's handover has no deadlines left (its content is gone; it never changes).
  const std::pair<const char*, std::vector<std::string>*> queries[] = {
      {"SELECT id FROM handovers WHERE state = 1 AND accept_deadline <= ? AND "
       "key_id <> 'destroyed'",
       &due.expired},
      {"SELECT id FROM handovers WHERE state = 1 AND reminded_time IS NULL AND reminder_time <= ? "
       "AND key_id <> 'destroyed'",
       &due.reminders},
      {"SELECT id FROM handovers WHERE state = 2 AND contact_time IS NULL AND "
       "contact_escalated_time IS NULL AND contact_deadline <= ? AND key_id <> 'destroyed'",
       &due.contact_late},
  };
  for (const auto& [sql, out] : queries) {
    SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * s, c_.PrepareCached(sql));
    s->Bind(1, now);
    SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(*s, [&] {
      out->push_back(s->ColumnText(0));
      return absl::OkStatus();
    }));
  }
  return due;
}

absl::StatusOr<int64_t> HandoverStore::NextDue() {
  // Each part walks one of the partial indexes FindDue uses.
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(
          "SELECT min(t) FROM ("
          "SELECT min(accept_deadline) AS t FROM handovers WHERE state = 1 "
          "AND key_id <> 'destroyed' "
          "UNION ALL SELECT min(reminder_time) FROM handovers "
          "WHERE state = 1 AND reminded_time IS NULL AND key_id <> 'destroyed' "
          "UNION ALL SELECT min(contact_deadline) FROM handovers "
          "WHERE state = 2 AND contact_time IS NULL AND contact_escalated_time IS NULL "
          "AND key_id <> 'destroyed')"));
  SCHAKEL_ASSIGN_OR_RETURN(bool row, s->Step());
  const int64_t next = row && !s->IsNull(0) ? s->ColumnInt(0) : kForever;
  s->Reset();
  return next;
}

absl::StatusOr<bool> HandoverStore::AddInboxItem(const InboxRow& item) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("INSERT OR IGNORE INTO inbox_items (organisation_id, audience, kind, "
                       "handover_id, due, created_time) VALUES (?, ?, ?, ?, ?, ?)"));
  s->BindAll(item.organisation_id, static_cast<int>(item.audience), static_cast<int>(item.kind),
             item.handover_id, item.due, item.created);
  SCHAKEL_RETURN_IF_ERROR(s->Run());
  return c_.Changes() == 1;
}

absl::StatusOr<std::vector<InboxRow>> HandoverStore::ListInboxItems(
    const std::string& organisation_id, Audience audience, int64_t since, bool open_only) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("SELECT i.id, i.organisation_id, i.audience, i.kind, i.handover_id, i.due, "
                       "i.created_time FROM inbox_items i JOIN handovers h ON h.id = i.handover_id "
                       "WHERE i.organisation_id = ? AND i.audience = ? AND i.created_time >= ? "
                       "AND (? = 0 OR h.state = 1) ORDER BY i.created_time, i.id"));
  s->BindAll(organisation_id, static_cast<int>(audience), since, open_only ? 1 : 0);
  std::vector<InboxRow> out;
  SCHAKEL_RETURN_IF_ERROR(sqlite::ForEachRow(*s, [&] {
    InboxRow r;
    r.id = s->ColumnInt(0);
    r.organisation_id = s->ColumnText(1);
    r.audience = static_cast<Audience>(s->ColumnInt(2));
    r.kind = static_cast<v1::InboxItemKind>(s->ColumnInt(3));
    r.handover_id = s->ColumnText(4);
    r.due = s->ColumnInt(5);
    r.created = s->ColumnInt(6);
    out.push_back(std::move(r));
    return absl::OkStatus();
  }));
  return out;
}

}  // namespace schakel::handover
