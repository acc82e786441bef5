#include "services/safetyplan/plan_store.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "services/common/data_keys.h"
#include "services/common/status.h"

namespace schakel::safetyplan {
namespace {

constexpr char kVersionColumns[] =
    "case_id, version, state, based_on, key_id, content, created_by, created_at, proposed_by, "
    "proposed_at, activated_at, superseded_at, conditions_changed, evaluation_due, edits";

VersionRow VersionFromRow(const sqlite::Statement& s) {
  VersionRow r;
  r.case_id = s.ColumnText(0);
  r.version = static_cast<int>(s.ColumnInt(1));
  r.state = s.ColumnText(2);
  r.based_on = static_cast<int>(s.ColumnInt(3));
  r.key_id = s.ColumnText(4);
  r.content = s.ColumnBlob(5);
  r.created_by = s.ColumnText(6);
  r.created_at = s.ColumnInt(7);
  r.proposed_by = s.ColumnText(8);
  r.proposed_at = s.ColumnInt(9);
  r.activated_at = s.ColumnInt(10);
  r.superseded_at = s.ColumnInt(11);
  r.conditions_changed = s.ColumnInt(12) != 0;
  r.evaluation_due = s.ColumnInt(13);
  r.edits = s.ColumnInt(14);
  return r;
}

constexpr char kRiskColumns[] =
    "id, case_id, instrument, instrument_version, assessed_at, organisation_id, professional_id, "
    "outcome_level, notes_sensitivity, key_id, notes, recorded_at";

RiskRow RiskFromRow(const sqlite::Statement& s) {
  RiskRow r;
  r.id = s.ColumnText(0);
  r.case_id = s.ColumnText(1);
  r.instrument = static_cast<int>(s.ColumnInt(2));
  r.instrument_version = s.ColumnText(3);
  r.assessed_at = s.ColumnInt(4);
  r.organisation_id = s.ColumnText(5);
  r.professional_id = s.ColumnText(6);
  r.outcome_level = s.ColumnText(7);
  r.notes_sensitivity = static_cast<int>(s.ColumnInt(8));
  r.key_id = s.ColumnText(9);
  r.notes = s.ColumnBlob(10);
  r.recorded_at = s.ColumnInt(11);
  return r;
}

// Runs an UPDATE that must change exactly one row; FAILED_PRECONDITION naming `what` otherwise.
absl::Status RunOne(sqlite::Connection& c, sqlite::Statement& s, absl::string_view what) {
  SCHAKEL_RETURN_IF_ERROR(s.Run());
  if (c.Changes() != 1) return absl::FailedPreconditionError(what);
  return absl::OkStatus();
}

}  // namespace

v1::PlanVersionState StateOf(const std::string& stored) {
  if (stored == kDraft) return v1::PLAN_VERSION_STATE_DRAFT;
  if (stored == kProposed) return v1::PLAN_VERSION_STATE_PROPOSED;
  if (stored == kActive) return v1::PLAN_VERSION_STATE_ACTIVE;
  if (stored == kSuperseded) return v1::PLAN_VERSION_STATE_SUPERSEDED;
  return v1::PLAN_VERSION_STATE_UNSPECIFIED;
}

absl::StatusOr<std::optional<VersionRow>> PlanStore::Find(const std::string& case_id, int version) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat("SELECT ", kVersionColumns,
                                    " FROM plan_versions WHERE case_id = ? AND version = ?")));
  s->Bind(1, case_id).Bind(2, version);
  SCHAKEL_ASSIGN_OR_RETURN(bool found, s->Step());
  std::optional<VersionRow> row;
  if (found) row = VersionFromRow(*s);
  s->Reset();
  return row;
}

absl::StatusOr<std::vector<VersionRow>> PlanStore::Versions(const std::string& case_id) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat("SELECT ", kVersionColumns,
                                    " FROM plan_versions WHERE case_id = ? ORDER BY version")));
  s->Bind(1, case_id);
  std::vector<VersionRow> rows;
  absl::Status st = sqlite::ForEachRow(*s, [&] {
    rows.push_back(VersionFromRow(*s));
    return absl::OkStatus();
  });
  s->Reset();
  SCHAKEL_RETURN_IF_ERROR(st);
  return rows;
}

absl::Status PlanStore::DestroyCase(const std::string& case_id, int64_t now) {
  for (const char* sql : {"UPDATE plan_versions SET content = X'', key_id = ?2 WHERE case_id = ?1",
                          "UPDATE risk_assessments SET notes = X'', key_id = ?2 WHERE case_id = ?1",
                          "UPDATE plan_evaluations SET body = X'', key_id = ?2 WHERE case_id = ?1",
                          "UPDATE plan_incidents SET body = X'', key_id = ?2 WHERE case_id = ?1"}) {
    SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement * s, c_.PrepareCached(sql));
    SCHAKEL_RETURN_IF_ERROR(s->BindAll(case_id, kDestroyedKeyId).Run());
  }
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(
          "UPDATE plan_deadlines SET done_at = ?2 WHERE case_id = ?1 AND done_at = 0"));
  return s->BindAll(case_id, now).Run();
}

absl::Status PlanStore::Insert(const VersionRow& r) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat("INSERT INTO plan_versions (", kVersionColumns,
                                    ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
  s->Bind(1, r.case_id)
      .Bind(2, r.version)
      .Bind(3, r.state)
      .Bind(4, r.based_on)
      .Bind(5, r.key_id)
      .BindBlob(6, r.content)
      .Bind(7, r.created_by)
      .Bind(8, r.created_at)
      .Bind(9, r.proposed_by)
      .Bind(10, r.proposed_at)
      .Bind(11, r.activated_at)
      .Bind(12, r.superseded_at)
      .Bind(13, r.conditions_changed ? 1 : 0)
      .Bind(14, r.evaluation_due)
      .Bind(15, r.edits);
  absl::Status st = s->Run();
  s->Reset();
  return st;
}

absl::Status PlanStore::UpdateDraft(const VersionRow& r) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE plan_versions SET key_id = ?, content = ?, evaluation_due = ?, "
                       "edits = ? WHERE case_id = ? AND version = ? AND state = 'DRAFT'"));
  s->Bind(1, r.key_id)
      .BindBlob(2, r.content)
      .Bind(3, r.evaluation_due)
      .Bind(4, r.edits)
      .Bind(5, r.case_id)
      .Bind(6, r.version);
  absl::Status st = RunOne(c_, *s, "this version is no longer a draft");
  s->Reset();
  return st;
}

absl::Status PlanStore::Propose(const std::string& case_id, int version, const std::string& by,
                                int64_t at, bool conditions_changed) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE plan_versions SET state = 'PROPOSED', proposed_by = ?, "
                       "proposed_at = ?, conditions_changed = ? "
                       "WHERE case_id = ? AND version = ? AND state = 'DRAFT'"));
  s->Bind(1, by).Bind(2, at).Bind(3, conditions_changed ? 1 : 0).Bind(4, case_id).Bind(5, version);
  absl::Status st = RunOne(c_, *s, "this version is no longer a draft");
  s->Reset();
  return st;
}

absl::Status PlanStore::Activate(const std::string& case_id, int version, int64_t at) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE plan_versions SET state = 'ACTIVE', activated_at = ? "
                       "WHERE case_id = ? AND version = ? AND state = 'PROPOSED'"));
  s->Bind(1, at).Bind(2, case_id).Bind(3, version);
  absl::Status st = RunOne(c_, *s, "this version is not proposed");
  s->Reset();
  return st;
}

absl::Status PlanStore::Supersede(const std::string& case_id, int version, int64_t at) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("UPDATE plan_versions SET state = 'SUPERSEDED', superseded_at = ? "
                       "WHERE case_id = ? AND version = ? AND state IN ('PROPOSED', 'ACTIVE')"));
  s->Bind(1, at).Bind(2, case_id).Bind(3, version);
  absl::Status st = RunOne(c_, *s, "this version is neither proposed nor active");
  s->Reset();
  return st;
}

absl::StatusOr<std::vector<SignOffRow>> PlanStore::SignOffs(const std::string& case_id,
                                                            int version) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("SELECT party, professional_id, organisation_id, signed_at "
                       "FROM plan_sign_offs WHERE case_id = ? AND version = ? ORDER BY signed_at"));
  s->Bind(1, case_id).Bind(2, version);
  std::vector<SignOffRow> rows;
  absl::Status st = sqlite::ForEachRow(*s, [&] {
    rows.push_back({.party = s->ColumnText(0),
                    .professional_id = s->ColumnText(1),
                    .organisation_id = s->ColumnText(2),
                    .signed_at = s->ColumnInt(3)});
    return absl::OkStatus();
  });
  s->Reset();
  SCHAKEL_RETURN_IF_ERROR(st);
  return rows;
}

absl::Status PlanStore::InsertSignOff(const std::string& case_id, int version,
                                      const SignOffRow& r) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("INSERT INTO plan_sign_offs (case_id, version, party, professional_id, "
                       "organisation_id, signed_at) VALUES (?, ?, ?, ?, ?, ?)"));
  s->BindAll(case_id, version, r.party, r.professional_id, r.organisation_id, r.signed_at);
  absl::Status st = s->Run();
  s->Reset();
  return st;
}

absl::StatusOr<std::vector<FamilyAgreementRow>> PlanStore::FamilyAgreements(
    const std::string& case_id, int version) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("SELECT person_id, channel, agreed_at, recorded_by, recorded_at "
                       "FROM plan_family_agreements WHERE case_id = ? AND version = ? "
                       "ORDER BY agreed_at, person_id"));
  s->Bind(1, case_id).Bind(2, version);
  std::vector<FamilyAgreementRow> rows;
  absl::Status st = sqlite::ForEachRow(*s, [&] {
    rows.push_back({.person_id = s->ColumnText(0),
                    .channel = static_cast<int>(s->ColumnInt(1)),
                    .agreed_at = s->ColumnInt(2),
                    .recorded_by = s->ColumnText(3),
                    .recorded_at = s->ColumnInt(4)});
    return absl::OkStatus();
  });
  s->Reset();
  SCHAKEL_RETURN_IF_ERROR(st);
  return rows;
}

absl::Status PlanStore::InsertFamilyAgreement(const std::string& case_id, int version,
                                              const FamilyAgreementRow& r) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached("INSERT INTO plan_family_agreements (case_id, version, person_id, channel, "
                       "agreed_at, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  s->BindAll(case_id, version, r.person_id, r.channel, r.agreed_at, r.recorded_by, r.recorded_at);
  absl::Status st = s->Run();
  s->Reset();
  return st;
}

absl::Status PlanStore::InsertRisk(const RiskRow& r) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat("INSERT INTO risk_assessments (", kRiskColumns,
                                    ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
  s->Bind(1, r.id)
      .Bind(2, r.case_id)
      .Bind(3, r.instrument)
      .Bind(4, r.instrument_version)
      .Bind(5, r.assessed_at)
      .Bind(6, r.organisation_id)
      .Bind(7, r.professional_id)
      .Bind(8, r.outcome_level)
      .Bind(9, r.notes_sensitivity)
      .Bind(10, r.key_id)
      .BindBlob(11, r.notes)
      .Bind(12, r.recorded_at);
  absl::Status st = s->Run();
  s->Reset();
  return st;
}

absl::StatusOr<std::vector<RiskRow>> PlanStore::Risks(
    const std::string& case_id, std::optional<std::pair<int64_t, std::string>> after, int limit) {
  SCHAKEL_ASSIGN_OR_RETURN(
      sqlite::Statement * s,
      c_.PrepareCached(absl::StrCat(
          "SELECT ", kRiskColumns,
          " FROM risk_assessments WHERE case_id = ?1 AND (?2 = 0 OR assessed_at < ?3 OR "
          "(assessed_at = ?3 AND id > ?4)) ORDER BY assessed_at DESC, id LIMIT ?5")));
  s->Bind(1, case_id)
      .Bind(2, after ? 1 : 0)
      .Bind(3, after ? after->first : int64_t{0})
      .Bind(4, after ? after->second : std::string())
      .Bind(5, limit);
  std::vector<RiskRow> rows;
  absl::Status st = sqlite::ForEachRow(*s, [&] {
    rows.push_back(RiskFromRow(*s));
    return absl::OkStatus();
  });
  s->Reset();
  SCHAKEL_RETURN_IF_ERROR(st);
  return rows;
}

}  // namespace schakel::safetyplan
