#include "services/cases/case_service.h"

#include <algorithm>

#include <google/protobuf/util/time_util.h>

#include <grpcpp/client_context.h>
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

#include "schakel/v1/handover.grpc.pb.h"
#include "services/cases/case_store.h"
#include "services/common/crypto.h"
#include "services/common/directory_resolver.h"
#include "services/common/idempotency.h"
#include "services/common/ids.h"
#include "services/common/migrations.h"
#include "services/common/outbox.h"
#include "services/common/status.h"
#include "services/common/validation.h"

namespace schakel::migrations {
const MigrationTrack& cases_track();
}  // namespace schakel::migrations

namespace schakel::cases {
namespace {

using google::protobuf::RepeatedPtrField;
using google::protobuf::util::TimeUtil;

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;
constexpr size_t kNoteMax = 4000;
constexpr size_t kTextMax = 2000;
constexpr char kNotOnTeam[] = "you are not on this case's team";

void SetTime(google::protobuf::Timestamp* ts, absl::Time t) {
  *ts = TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(t));
}

std::string Etag(int64_t version) { return absl::StrCat("v", version); }

const char* SensitivityLabel(v1::Sensitivity s) {
  switch (s) {
    case v1::SENSITIVITY_CARE:
      return "CARE";
    case v1::SENSITIVITY_JUSTICE:
      return "JUSTICE";
    default:
      return "GENERAL";
  }
}

std::string NewNoteId() { return absl::StrCat("n-", NewRandomId()); }

// A validated input person as stored: a fresh id, version 1, notes with fresh ids.
PersonRow NewPersonRow(const v1::Person& in) {
  PersonRow p;
  p.id = NewRandomId();
  p.role = in.role();
  p.version = 1;
  p.body.set_name(in.name());
  if (in.has_date_of_birth()) *p.body.mutable_date_of_birth() = in.date_of_birth();
  p.body.set_bsn(in.bsn());
  *p.body.mutable_address() = in.address();
  for (const auto& n : in.notes()) {
    auto* note = p.body.add_notes();
    note->set_id(NewNoteId());
    note->set_sensitivity(n.sensitivity());
    note->set_text(n.text());
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Validation.

void CheckSensitivity(FieldViolations& v, const std::string& field, int s) {
  if (s == v1::SENSITIVITY_UNSPECIFIED || !v1::Sensitivity_IsValid(s)) {
    v.Add(field, "must be GENERAL, CARE or JUSTICE");
  }
}

void CheckPastDate(FieldViolations& v, const std::string& field, const v1::Date& date,
                   absl::CivilDay today) {
  if (!IsValidDate(date)) {
    v.Add(field, "is not a calendar date");
  } else if (ToCivilDay(date) > today) {
    v.Add(field, "must not be in the future");
  }
}

void CheckNoteInput(FieldViolations& v, const std::string& field, const v1::Note& note) {
  CheckSensitivity(v, field + ".sensitivity", note.sensitivity());
  CheckText(v, field + ".text", note.text(), kNoteMax, true);
}

void CheckCriterion(FieldViolations& v, const std::string& field, const v1::Criterion& c) {
  if (!v1::CriterionState_IsValid(c.state())) v.Add(field + ".state", "must be MET or NOT_MET");
  CheckText(v, field + ".note", c.note(), kTextMax, false);
}

// The checks on details that need no stored state (notes are checked when merged).
void CheckDetails(FieldViolations& v, const std::string& at, const v1::CaseDetails& d,
                  absl::CivilDay today) {
  CheckCriterion(v, at + "criteria.structural_unsafety", d.criteria().structural_unsafety());
  CheckCriterion(v, at + "criteria.regular_help_exhausted", d.criteria().regular_help_exhausted());
  CheckCriterion(v, at + "criteria.no_coherent_approach", d.criteria().no_coherent_approach());
  CheckCriterion(v, at + "criteria.repeated_incidents", d.criteria().repeated_incidents());
  for (int i = 0; i < d.violence_kinds_size(); ++i) {
    const int k = d.violence_kinds(i);
    if (k == v1::VIOLENCE_KIND_UNSPECIFIED || !v1::ViolenceKind_IsValid(k)) {
      v.Add(absl::StrCat(at, "violence_kinds[", i, "]"), "is not a kind of violence");
    }
  }
  if (d.consent().recorded()) {
    CheckPastDate(v, at + "consent.date", d.consent().date(), today);
  } else if (d.consent().has_date()) {
    v.Add(at + "consent.date", "is only set when consent is recorded");
  }
  CheckText(v, at + "consent.note", d.consent().note(), kTextMax, false);
}

void CheckPersonInput(FieldViolations& v, const std::string& at, const v1::Person& p,
                      absl::CivilDay today) {
  CheckName(v, at + "name", p.name());
  if (p.has_date_of_birth()) CheckPastDate(v, at + "date_of_birth", p.date_of_birth(), today);
  if (!p.bsn().empty() && !IsValidBsn(p.bsn())) {
    v.Add(at + "bsn", "is not a valid BSN (9 digits passing the elfproef)");
  }
  if (!p.bsn_masked().empty()) v.Add(at + "bsn_masked", "is set by the server");
  if (p.role() == v1::PERSON_ROLE_UNSPECIFIED || !v1::PersonRole_IsValid(p.role())) {
    v.Add(at + "role", "must be one of the person roles");
  }
  CheckText(v, at + "address.street", p.address().street(), 200, false);
  CheckText(v, at + "address.house_number", p.address().house_number(), 20, false);
  CheckText(v, at + "address.postcode", p.address().postcode(), 20, false);
  CheckText(v, at + "address.city", p.address().city(), 200, false);
}

void DecodePaging(FieldViolations& v, int32_t page_size, const std::string& token,
                  absl::string_view prefix, int& limit, std::string& after) {
  if (page_size < 0) v.Add("page_size", "must not be negative");
  limit = page_size <= 0 ? kDefaultPageSize : std::min(page_size, kMaxPageSize);
  if (token.empty()) return;
  std::string decoded;
  if (!absl::WebSafeBase64Unescape(token, &decoded) || !absl::StartsWith(decoded, prefix)) {
    v.Add("page_token", "is not a token this service gave out");
    return;
  }
  after = decoded.substr(prefix.size());
}

std::string PageToken(absl::string_view prefix, absl::string_view after) {
  return absl::WebSafeBase64Escape(absl::StrCat(prefix, after));
}

// ---------------------------------------------------------------------------------------------
// Need-to-know.

// The caller's standing, from the current team: their own membership, else OVERSIGHT for a
// SUPERVISOR or AUDITOR of an organisation on the team.
CaseAccess AccessFromTeam(const std::vector<v1::TeamMember>& team, const std::string& principal_id,
                          const std::string& organisation_id, bool oversight_role) {
  CaseAccess access;
  for (const auto& m : team) {
    if (m.professional_id() == principal_id && m.organisation_id() == organisation_id) {
      access.role = m.role();
      access.organisation_id = m.organisation_id();
      access.organisation_type = m.organisation_type();
      return access;
    }
  }
  if (!oversight_role) return access;
  for (const auto& m : team) {
    if (m.organisation_id() == organisation_id) {
      access.role = v1::CASE_ROLE_OVERSIGHT;
      access.organisation_id = m.organisation_id();
      access.organisation_type = m.organisation_type();
      return access;
    }
  }
  return access;
}

bool HasAnyRole(const DirectoryEntry& entry, std::initializer_list<v1::Role> roles) {
  return std::any_of(roles.begin(), roles.end(), [&](v1::Role r) {
    return std::find(entry.roles.begin(), entry.roles.end(), r) != entry.roles.end();
  });
}

// Roles that do case work (may be on a team, may change a case).
bool HasWorkerRole(const DirectoryEntry& entry) {
  return HasAnyRole(entry, {v1::ROLE_VT_INTAKE, v1::ROLE_PROFESSIONAL, v1::ROLE_CASE_DIRECTOR});
}

bool HasOversightRole(const DirectoryEntry& entry) {
  return std::find(entry.roles.begin(), entry.roles.end(), v1::ROLE_SUPERVISOR) !=
             entry.roles.end() ||
         std::find(entry.roles.begin(), entry.roles.end(), v1::ROLE_AUDITOR) != entry.roles.end();
}

using Shares = absl::flat_hash_map<std::string, std::vector<std::string>>;

bool MaySee(const v1::Note& note, const CaseAccess& access, const Shares& shares) {
  if (OrganisationTypeSees(access.organisation_type, note.sensitivity())) return true;
  auto it = shares.find(note.id());
  return it != shares.end() && std::find(it->second.begin(), it->second.end(),
                                         access.organisation_id) != it->second.end();
}

// Marks a note hidden (text removed) when the caller's organisation may not see it.
void Redact(v1::Note& note, const CaseAccess& access, const Shares& shares) {
  note.clear_shared_with_organisation_ids();
  if (auto it = shares.find(note.id()); it != shares.end()) {
    for (const auto& org : it->second) note.add_shared_with_organisation_ids(org);
  }
  if (MaySee(note, access, shares)) return;
  note.clear_text();
  note.set_hidden(true);
  note.set_hidden_reason(absl::StrCat("verborgen voor uw organisatie (",
                                      SensitivityLabel(note.sensitivity()),
                                      ") / hidden for your organisation"));
}

void RedactAll(RepeatedPtrField<v1::Note>& notes, const CaseAccess& access, const Shares& shares) {
  for (auto& n : notes) Redact(n, access, shares);
}

// Replaces `stored` notes by `incoming` as the caller may: new notes (no id) are added with a
// fresh id; notes the caller sees are replaced or, when left out, removed; notes hidden from the
// caller are kept exactly as they are, whatever was sent.
RepeatedPtrField<v1::Note> MergeNotes(FieldViolations& v, const std::string& field,
                                      const RepeatedPtrField<v1::Note>& stored,
                                      const RepeatedPtrField<v1::Note>& incoming,
                                      const CaseAccess& access, const Shares& shares) {
  RepeatedPtrField<v1::Note> out;
  absl::flat_hash_map<std::string, const v1::Note*> by_id;
  for (const auto& n : stored) by_id[n.id()] = &n;
  absl::flat_hash_map<std::string, bool> seen;
  for (int i = 0; i < incoming.size(); ++i) {
    const v1::Note& in = incoming[i];
    const std::string at = absl::StrCat(field, "[", i, "]");
    if (in.id().empty()) {
      CheckNoteInput(v, at, in);
      v1::Note n;
      n.set_id(NewNoteId());
      n.set_sensitivity(in.sensitivity());
      n.set_text(in.text());
      *out.Add() = std::move(n);
      continue;
    }
    auto it = by_id.find(in.id());
    if (it == by_id.end()) {
      v.Add(at + ".id", "no note with this id on this case");
      continue;
    }
    if (seen[in.id()]) {
      v.Add(at + ".id", "appears twice");
      continue;
    }
    seen[in.id()] = true;
    if (!MaySee(*it->second, access, shares)) {
      *out.Add() = *it->second;  // hidden from the caller: kept as stored
      continue;
    }
    CheckNoteInput(v, at, in);
    if (in.sensitivity() != it->second->sensitivity() &&
        !(OrganisationTypeSees(access.organisation_type, it->second->sensitivity()) &&
          OrganisationTypeSees(access.organisation_type, in.sensitivity()))) {
      v.Add(at + ".sensitivity",
            "your organisation may not reclassify this note (it sees it only by a share, or "
            "would not see the new level)");
    }
    v1::Note n;
    n.set_id(in.id());
    n.set_sensitivity(in.sensitivity());
    n.set_text(in.text());
    *out.Add() = std::move(n);
  }
  for (const auto& n : stored) {
    if (!seen.contains(n.id()) && !MaySee(n, access, shares)) *out.Add() = n;
  }
  return out;
}

std::vector<std::string> Notices(const v1::CaseDetails& d, v1::CaseStatus status) {
  std::vector<std::string> notices;
  if (d.honour_related_violence()) {
    notices.push_back(
        "Eergerelateerd geweld: neem geen contact op met de familie en informeer haar niet / "
        "Honour-related violence: do not contact or inform the family");
  }
  if (d.human_trafficking() && !d.consent().recorded()) {
    notices.push_back(
        "Mensenhandel: deel geen informatie voordat schriftelijke toestemming is vastgelegd / "
        "Human trafficking: share nothing before written consent is recorded");
  }
  if (status == v1::CASE_STATUS_CLOSED) {
    notices.push_back(
        "Casus gesloten; vervolgcontroles gepland / Case closed; follow-up checks "
        "scheduled");
  }
  return notices;
}

v1::Person PersonView(const PersonRow& row, const CaseAccess& access, const Shares& shares) {
  v1::Person p;
  p.set_id(row.id);
  p.set_name(row.body.name());
  if (row.body.has_date_of_birth()) *p.mutable_date_of_birth() = row.body.date_of_birth();
  if (!row.body.bsn().empty()) p.set_bsn_masked(MaskBsn(row.body.bsn()));
  *p.mutable_address() = row.body.address();
  p.set_role(row.role);
  *p.mutable_notes() = row.body.notes();
  RedactAll(*p.mutable_notes(), access, shares);
  p.set_etag(Etag(row.version));
  return p;
}

void RedactMeeting(v1::Meeting& m, const CaseAccess& access, const Shares& shares) {
  if (m.has_minutes()) Redact(*m.mutable_minutes(), access, shares);
  for (auto& d : *m.mutable_decisions()) {
    Redact(*d.mutable_text(), access, shares);
    // An action spec under a sensitivity the caller may not see is withheld with its decision.
    if (d.has_action()) {
      v1::Note probe;
      probe.set_sensitivity(d.action().sensitivity());
      if (!MaySee(probe, access, shares)) d.mutable_action()->clear_description();
    }
  }
}

void DecorateAction(v1::Action& a, const CaseAccess& access, const Shares& shares,
                    absl::CivilDay today) {
  Redact(*a.mutable_description(), access, shares);
  if (a.description().hidden()) a.clear_status_note();
  a.set_overdue(a.status() == v1::ACTION_STATUS_OPEN && IsValidDate(a.due_date()) &&
                ToCivilDay(a.due_date()) < today);
}

// Everything of a case the caller may see.
absl::StatusOr<v1::Case> BuildCase(CaseStore& store, const CaseRow& row, const CaseAccess& access,
                                   absl::CivilDay today) {
  v1::Case out;
  out.set_id(row.id);
  out.set_reference(row.reference);
  out.set_region(row.region);
  out.set_status(row.status);
  out.set_origin(row.origin);
  out.set_origin_report_id(row.origin_report_id);
  out.set_etag(Etag(row.version));
  out.set_my_role(access.role);
  SetTime(out.mutable_create_time(), row.create_time);
  SetTime(out.mutable_update_time(), row.update_time);
  SCHAKEL_ASSIGN_OR_RETURN(Shares shares, store.ListShares(row.id));
  *out.mutable_details() = row.body.details();
  RedactAll(*out.mutable_details()->mutable_notes(), access, shares);
  if (row.body.has_closure()) *out.mutable_closure() = row.body.closure();
  SCHAKEL_ASSIGN_OR_RETURN(auto persons, store.ListPersons(row.id));
  for (const auto& p : persons) *out.add_persons() = PersonView(p, access, shares);
  SCHAKEL_ASSIGN_OR_RETURN(auto relations, store.ListRelations(row.id));
  for (auto& r : relations) *out.add_relations() = std::move(r);
  SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(row.id, /*with_former=*/true));
  for (auto& m : team) *out.add_team() = std::move(m);
  SCHAKEL_ASSIGN_OR_RETURN(auto meetings, store.ListMeetings(row.id));
  for (auto& m : meetings) {
    RedactMeeting(m, access, shares);
    *out.add_meetings() = std::move(m);
  }
  SCHAKEL_ASSIGN_OR_RETURN(auto actions, store.ListActions(row.id));
  for (auto& a : actions) {
    DecorateAction(a, access, shares, today);
    *out.add_actions() = std::move(a);
  }
  SCHAKEL_ASSIGN_OR_RETURN(auto follow_ups, store.ListFollowUps(row.id));
  for (auto& f : follow_ups) *out.add_follow_ups() = std::move(f);
  for (auto& n : Notices(row.body.details(), row.status)) out.add_notices(std::move(n));
  return out;
}

absl::StatusOr<v1::CaseSummary> BuildSummary(CaseStore& store, const MyCaseRow& row,
                                             absl::CivilDay today) {
  v1::CaseSummary s;
  s.set_id(row.id);
  s.set_reference(row.reference);
  s.set_region(row.region);
  s.set_status(row.status);
  s.set_my_role(row.role);
  s.set_honour_related_violence(row.honour_related);
  SetTime(s.mutable_create_time(), row.create_time);
  SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(row.id, false));
  for (const auto& m : team) {
    if (m.role() == v1::CASE_ROLE_CASE_DIRECTOR)
      s.set_director_professional_id(m.professional_id());
  }
  const absl::CivilDay day = today;
  SCHAKEL_ASSIGN_OR_RETURN(auto counts, store.CountActions(row.id, DateString(FromCivilDay(day))));
  s.set_open_actions(counts.first);
  s.set_overdue_actions(counts.second);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Audit.

void AddCaseObject(v1::AuditRecord& r, const std::string& case_id) {
  auto* o = r.add_objects();
  o->set_type("case");
  o->set_id(case_id);
  o->set_sensitivity(v1::SENSITIVITY_GENERAL);
}

void AddObject(v1::AuditRecord& r, absl::string_view type, const std::string& id,
               v1::Sensitivity sensitivity = v1::SENSITIVITY_GENERAL) {
  auto* o = r.add_objects();
  o->set_type(std::string(type));
  o->set_id(id);
  o->set_sensitivity(sensitivity);
}

// The NEN 7513 checks of an action on a case.
void SetCaseChecks(v1::AuditRecord& r, const CaseAccess& access, const v1::CaseDetails& details) {
  auto* checks = r.mutable_checks();
  checks->set_care_relationship(access.role == v1::CASE_ROLE_OVERSIGHT
                                    ? v1::AUDIT_CHECK_NOT_APPLICABLE
                                : access.allowed() ? v1::AUDIT_CHECK_PASSED
                                                   : v1::AUDIT_CHECK_FAILED);
  if (details.human_trafficking()) {
    checks->set_consent(details.consent().recorded() ? v1::AUDIT_CHECK_PASSED
                                                     : v1::AUDIT_CHECK_FAILED);
  }
  r.set_purpose_of_use(access.role == v1::CASE_ROLE_OVERSIGHT ? "oversight (MDA++)"
                                                              : "MDA++ case work");
}

}  // namespace

// ---------------------------------------------------------------------------------------------

AuthorizationTable CaseAuthorizationTable() {
  AuthorizationTable t;
  // Client data: never ADMIN. The per-case team check comes on top of these.
  const std::vector<v1::Role> readers = {v1::ROLE_VT_INTAKE, v1::ROLE_PROFESSIONAL,
                                         v1::ROLE_CASE_DIRECTOR, v1::ROLE_SUPERVISOR,
                                         v1::ROLE_AUDITOR};
  const std::vector<v1::Role> workers = {v1::ROLE_VT_INTAKE, v1::ROLE_PROFESSIONAL,
                                         v1::ROLE_CASE_DIRECTOR};
  t.Allow("CreateCase", {.roles = {v1::ROLE_VT_INTAKE, v1::ROLE_CASE_DIRECTOR}});
  for (const char* m : {"GetCase", "ListMyCases", "FindCases", "GetTimeline"}) {
    t.Allow(m, {.roles = readers});
  }
  for (const char* m : {"UpdateCase", "AddPerson", "UpdatePerson", "AddRelation", "AddTeamMember",
                        "RemoveTeamMember", "TransferDirector", "ShareNote", "RecordMeeting",
                        "UpdateAction", "CloseCase", "ReopenCase"}) {
    t.Allow(m, {.roles = workers});
  }
  t.Allow("CheckAccess", {.services = true});
  t.Allow("RecordCaseEvents", {.services = true});
  return t;
}

absl::Status CaseService::Open(const HostEnv& env) {
  env_ = env;
  const v1::CasesConfig& config = env.config.cases();
  FieldViolations v;
  if (config.data_key_file().empty()) v.Add("cases.data_key_file", "must be set");
  if (config.index_key_file().empty()) v.Add("cases.index_key_file", "must be set");
  for (int i = 0; i < config.follow_up_months_size(); ++i) {
    if (config.follow_up_months(i) < 1 || config.follow_up_months(i) > 120) {
      v.Add(absl::StrCat("cases.follow_up_months[", i, "]"), "must be 1 to 120");
    }
  }
  SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
  SCHAKEL_ASSIGN_OR_RETURN(std::string data_key, crypto::ReadKeyFile(config.data_key_file()));
  SCHAKEL_ASSIGN_OR_RETURN(std::string index_key, crypto::ReadKeyFile(config.index_key_file()));
  if (data_key == index_key) {
    return absl::InvalidArgumentError("cases.data_key_file and cases.index_key_file must differ");
  }
  cipher_ = std::make_unique<FieldCipher>(std::move(data_key), std::move(index_key));
  follow_up_months_.assign(config.follow_up_months().begin(), config.follow_up_months().end());
  if (follow_up_months_.empty()) follow_up_months_ = {3, 6, 12, 18};

  // Reads (every GetCase) get connections of their own, so they never wait behind a commit's
  // fsync; the service keeps no in-memory state that must move in step with the database.
  SCHAKEL_ASSIGN_OR_RETURN(db_, sqlite::Database::Open(env.data_dir / "cases.db", {.readers = 4}));
  // Freed pages (an old ciphertext) are overwritten, not left behind.
  SCHAKEL_RETURN_IF_ERROR(db_->Exec("PRAGMA secure_delete=ON"));
  const migrations::MigrationTrack* tracks[] = {&migrations::common_track(),
                                                &migrations::cases_track()};
  SCHAKEL_RETURN_IF_ERROR(migrations::Apply(*db_, tracks));

  const int ttl_ms = env.config.role_cache_ttl_ms() > 0 ? env.config.role_cache_ttl_ms() : 2000;
  auto directory = [this] { return env_.channel_to("directory"); };
  roles_ = std::make_shared<CachingRoleResolver>(std::make_shared<DirectoryRoleResolver>(directory),
                                                 absl::Milliseconds(ttl_ms), *env.clock);
  authorizer_ = std::make_unique<Authorizer>(CaseAuthorizationTable(), roles_);
  organisations_ =
      std::make_unique<OrganisationResolver>(directory, absl::Milliseconds(ttl_ms), *env.clock);
  audit_ = std::make_unique<AuditTrail>(*db_, std::string(name()), *env.clock);
  return absl::OkStatus();
}

std::vector<OutboxRoute> CaseService::outbox_routes() {
  OutboxRoute events;
  events.topic = kCaseEventsTopic;
  events.target = "handover";
  events.send = [](const std::shared_ptr<grpc::Channel>& channel,
                   const std::vector<OutboxMessage>& batch) -> absl::Status {
    v1::ReceiveCaseEventsRequest request;
    for (const OutboxMessage& m : batch) {
      v1::ReceivedCaseEvent* e = request.add_events();
      if (!e->mutable_event()->ParseFromString(m.payload)) {
        return absl::DataLossError("an outbox case event does not parse");
      }
      e->set_source_sequence(m.seq);
    }
    auto stub = v1::HandoverService::NewStub(channel);
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    v1::ReceiveCaseEventsResponse response;
    return FromGrpcStatus(stub->ReceiveCaseEvents(&ctx, request, &response));
  };
  return {std::move(events)};
}

grpc::ServerUnaryReactor* CaseService::Handle(grpc::CallbackServerContext* ctx,
                                              absl::string_view method, RpcHandler handler) {
  return HandleUnary(ctx, env_, *authorizer_, audit_.get(), name(), method, std::move(handler));
}

// ---------------------------------------------------------------------------------------------
// The shape of every mutation of an existing case.

namespace {

enum class Need {
  kMember,    // any team member (not oversight)
  kEdit,      // director or core team
  kDirector,  // the case director
};

struct Mutation {
  sqlite::Connection& c;
  CaseStore store;
  CaseRow row;
  CaseAccess access;
  Shares shares;
  absl::Time now;
  absl::CivilDay today;
  v1::AuditRecord audit;
  std::vector<TimelineRow> events;

  void Event(std::string type, std::string summary,
             v1::Sensitivity sensitivity = v1::SENSITIVITY_GENERAL) {
    TimelineRow e;
    e.time = now;
    e.type = std::move(type);
    e.summary = std::move(summary);
    e.sensitivity = sensitivity;
    events.push_back(std::move(e));
  }
};

absl::Status CheckNeed(const CaseAccess& access, Need need) {
  if (!access.allowed()) return absl::PermissionDeniedError(kNotOnTeam);
  switch (need) {
    case Need::kMember:
      if (access.role == v1::CASE_ROLE_OVERSIGHT) {
        return absl::PermissionDeniedError("oversight is read only; you are not on the team");
      }
      return absl::OkStatus();
    case Need::kEdit:
      if (!access.may_edit()) {
        return absl::PermissionDeniedError(
            "only the case director and the core team change the case");
      }
      return absl::OkStatus();
    case Need::kDirector:
      if (!access.is_director()) {
        return absl::PermissionDeniedError("only the case director may do this");
      }
      return absl::OkStatus();
  }
  return absl::PermissionDeniedError(kNotOnTeam);
}

// Case-event payload for the outbox.
v1::CaseEvent MakeCaseEvent(v1::CaseEventType type, const CaseRow& row, const Caller& caller,
                            const std::vector<v1::TeamMember>& team, absl::Time now) {
  v1::CaseEvent e;
  e.set_event_id(NewRandomId());
  e.set_type(type);
  e.set_case_id(row.id);
  e.set_reference(row.reference);
  e.set_region(row.region);
  SetTime(e.mutable_time(), now);
  e.set_organisation_id(caller.principal.organisation_id);
  e.set_professional_id(caller.principal.id);
  for (const auto& m : team) {
    if (m.role() == v1::CASE_ROLE_CASE_DIRECTOR && !m.has_end_time()) {
      e.set_director_professional_id(m.professional_id());
      e.set_director_organisation_id(m.organisation_id());
    }
  }
  return e;
}

}  // namespace

// Defined here so the helpers above stay file-local.
namespace {

// The record of a retried request answered from the idempotency store.
v1::AuditRecord ReplayRecord(const AuditTrail& audit, const Caller& caller,
                             absl::string_view event_type, const std::string& case_id) {
  v1::AuditRecord r =
      audit.NewRecord(caller, v1::AUDIT_ACTION_READ, absl::StrCat(event_type, ".replayed"));
  AddCaseObject(r, case_id);
  r.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_PASSED);
  r.set_purpose_of_use("MDA++ case work: a retried request");
  return r;
}

struct MutationRunner {
  sqlite::Database& db;
  const FieldCipher& cipher;
  const AuditTrail& audit;
  const Clock& clock;

  // Runs `body` on case `case_id` for `caller`, idempotently on request_id, in one transaction:
  // checks access and (unless `allow_closed`) that the case is open; afterwards saves the case
  // (new etag), appends the timeline events and records the audit record — all or nothing.
  absl::Status Run(const Caller& caller, absl::string_view method,
                   const google::protobuf::Message& request, google::protobuf::Message& response,
                   const std::string& request_id, const std::string& case_id, Need need,
                   bool allow_closed, v1::AuditAction action, absl::string_view event_type,
                   const std::function<absl::Status(Mutation&)>& body) {
    const absl::Time now = clock.Now();
    return RunIdempotent(
        db, {caller.principal.id, request_id, std::string(method)}, request, response, now,
        [&](sqlite::Connection& c) -> absl::Status {
          Mutation m{c, CaseStore(c, cipher), {}, {}, {}, now, AmsterdamToday(now), {}, {}};
          // Access first, from the team alone: nothing of the case is decrypted for an outsider
          // (a missing case has no team, and gets the same answer).
          SCHAKEL_ASSIGN_OR_RETURN(auto team, m.store.ListTeam(case_id, false));
          m.access = AccessFromTeam(team, caller.principal.id, caller.principal.organisation_id,
                                    HasOversightRole(caller.entry));
          SCHAKEL_RETURN_IF_ERROR(CheckNeed(m.access, need));
          SCHAKEL_ASSIGN_OR_RETURN(auto row, m.store.GetCase(case_id));
          if (!row) return absl::PermissionDeniedError(kNotOnTeam);
          m.row = *std::move(row);
          if (!allow_closed && m.row.status != v1::CASE_STATUS_OPEN) {
            return absl::FailedPreconditionError("the case is closed; reopen it first");
          }
          SCHAKEL_ASSIGN_OR_RETURN(m.shares, m.store.ListShares(case_id));
          m.audit = audit.NewRecord(caller, action, event_type);
          AddCaseObject(m.audit, case_id);
          SCHAKEL_RETURN_IF_ERROR(body(m));
          SCHAKEL_RETURN_IF_ERROR(m.store.SaveCase(m.row, now));
          for (auto& e : m.events) {
            e.actor_id = caller.principal.id;
            e.actor_organisation_id = caller.principal.organisation_id;
            e.source_service = "cases";
            SCHAKEL_RETURN_IF_ERROR(m.store.AppendTimeline(case_id, e));
          }
          SetCaseChecks(m.audit, m.access, m.row.body.details());
          return audit.Record(c, m.audit);
        },
        &cipher,
        // A retry returns the first answer, which holds case data: only while the caller still
        // has the standing the change needed, and recorded as a look.
        [&](sqlite::Connection& c) -> absl::Status {
          CaseStore store(c, cipher);
          SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(case_id, false));
          const CaseAccess access =
              AccessFromTeam(team, caller.principal.id, caller.principal.organisation_id,
                             HasOversightRole(caller.entry));
          SCHAKEL_RETURN_IF_ERROR(CheckNeed(access, need));
          return audit.Record(c, ReplayRecord(audit, caller, event_type, case_id));
        });
  }
};

}  // namespace

namespace {

// The tail of CloseCase and ReopenCase: the event for other services (outbox, same transaction)
// and the case as the caller sees it once saved.
absl::Status AnnounceStatusChange(Mutation& m, v1::CaseEventType type, const Caller& caller,
                                  v1::Case& out) {
  SCHAKEL_ASSIGN_OR_RETURN(auto team, m.store.ListTeam(m.row.id, false));
  SCHAKEL_RETURN_IF_ERROR(
      WriteToOutbox(m.c, kCaseEventsTopic, MakeCaseEvent(type, m.row, caller, team, m.now), m.now)
          .status());
  SCHAKEL_ASSIGN_OR_RETURN(out, BuildCase(m.store, m.row, m.access, m.today));
  out.set_etag(Etag(m.row.version + 1));  // the version SaveCase is about to write
  return absl::OkStatus();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// CreateCase.

grpc::ServerUnaryReactor* CaseService::CreateCase(grpc::CallbackServerContext* ctx,
                                                  const v1::CreateCaseRequest* req,
                                                  v1::CreateCaseResponse* resp) {
  return Handle(ctx, "CreateCase", [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::Time now = env_.clock->Now();
    const absl::CivilDay today = AmsterdamToday(now);
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (!v1::Region_IsValid(req->region())) v.Add("region", "must be one of the 28 regions");
    if (!req->origin_report_id().empty()) CheckId(v, "origin_report_id", req->origin_report_id());
    if (!req->director_professional_id().empty()) {
      CheckId(v, "director_professional_id", req->director_professional_id());
    }
    CheckDetails(v, "details.", req->details(), today);
    for (int i = 0; i < req->details().notes_size(); ++i) {
      const std::string at = absl::StrCat("details.notes[", i, "]");
      if (!req->details().notes(i).id().empty()) v.Add(at + ".id", "is set by the server");
      CheckNoteInput(v, at, req->details().notes(i));
    }
    for (int i = 0; i < req->persons_size(); ++i) {
      const std::string at = absl::StrCat("persons[", i, "].");
      CheckPersonInput(v, at, req->persons(i), today);
      if (!req->persons(i).id().empty()) v.Add(at + "id", "is set by the server");
      for (int j = 0; j < req->persons(i).notes_size(); ++j) {
        CheckNoteInput(v, absl::StrCat(at, "notes[", j, "]"), req->persons(i).notes(j));
      }
    }
    // Who leads and who opens, from the directory (before the transaction: no I/O inside it).
    SCHAKEL_ASSIGN_OR_RETURN(auto caller_org,
                             organisations_->Get(caller.principal.organisation_id));
    if (!caller_org) {
      return absl::FailedPreconditionError("your organisation is not in the directory");
    }
    if (caller_org->type() == v1::ORGANISATION_TYPE_OPERATOR) {
      return absl::PermissionDeniedError("the region's operator never holds client data");
    }
    std::string director_id = req->director_professional_id().empty()
                                  ? caller.principal.id
                                  : req->director_professional_id();
    std::optional<v1::Organisation> director_org = caller_org;
    if (director_id != caller.principal.id) {
      SCHAKEL_ASSIGN_OR_RETURN(DirectoryEntry d, roles_->Resolve(director_id));
      if (!d.registered || !d.active) {
        v.Add("director_professional_id", "no active professional with this id");
      } else if (!HasWorkerRole(d)) {
        v.Add("director_professional_id",
              "has no case-work role (CASE_DIRECTOR, PROFESSIONAL or VT_INTAKE)");
      } else {
        SCHAKEL_ASSIGN_OR_RETURN(director_org, organisations_->Get(d.organisation_id));
        if (!director_org || director_org->type() == v1::ORGANISATION_TYPE_OPERATOR) {
          v.Add("director_professional_id", "their organisation cannot lead a case");
        }
      }
    }
    if (req->region() != v1::REGION_UNSPECIFIED && req->region() != caller_org->region()) {
      v.Add("region",
            "must be your organisation's region (cases are handed to another region by "
            "handover)");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    if (req->details().human_trafficking() && !req->details().consent().recorded() &&
        director_org->id() != caller_org->id()) {
      return absl::FailedPreconditionError(
          "human trafficking: record written consent before sharing the case with another "
          "organisation");
    }

    return RunIdempotent(
        *db_, {caller.principal.id, req->request_id(), "CreateCase"}, *req, *resp, now,
        [&](sqlite::Connection& c) -> absl::Status {
          CaseStore store(c, *cipher_);
          if (!req->origin_report_id().empty()) {
            SCHAKEL_ASSIGN_OR_RETURN(auto existing, store.CaseIdForReport(req->origin_report_id()));
            if (existing) {
              // One report never opens two cases. Its team gets the case; others only hear it
              // exists (the caller is a Veilig Thuis or case-director professional).
              SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(*existing, false));
              CaseAccess access = AccessFromTeam(team, caller.principal.id,
                                                 caller.principal.organisation_id, false);
              if (!access.allowed()) {
                return absl::AlreadyExistsError(
                    "a case was already opened from this report; ask its case director to add "
                    "you to the team");
              }
              SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetCase(*existing));
              SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_case_(),
                                       BuildCase(store, *row, access, today));
              v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "case.read");
              AddCaseObject(rec, row->id);
              SetCaseChecks(rec, access, row->body.details());
              return audit_->Record(c, rec);
            }
          }
          CaseRow row;
          row.id = NewRandomId();
          SCHAKEL_ASSIGN_OR_RETURN(row.reference,
                                   store.NextReference(static_cast<int>(today.year())));
          row.region = caller_org->region();
          row.status = v1::CASE_STATUS_OPEN;
          row.origin =
              req->origin_report_id().empty() ? v1::CASE_ORIGIN_DIRECT : v1::CASE_ORIGIN_REPORT;
          row.origin_report_id = req->origin_report_id();
          row.version = 1;
          *row.body.mutable_details() = req->details();
          for (auto& n : *row.body.mutable_details()->mutable_notes()) {
            n.set_id(NewNoteId());
            n.clear_hidden();
            n.clear_hidden_reason();
            n.clear_shared_with_organisation_ids();
          }
          row.create_time = now;
          row.update_time = now;
          SCHAKEL_RETURN_IF_ERROR(store.InsertCase(row));

          v1::TeamMember director;
          director.set_professional_id(director_id);
          director.set_organisation_id(director_org->id());
          director.set_organisation_type(director_org->type());
          director.set_role(v1::CASE_ROLE_CASE_DIRECTOR);
          SetTime(director.mutable_start_time(), now);
          SCHAKEL_RETURN_IF_ERROR(store.AddMember(row.id, director));
          if (director_id != caller.principal.id) {
            // The opener stays on the team, so the organisation that opened keeps sight.
            v1::TeamMember opener = director;
            opener.set_professional_id(caller.principal.id);
            opener.set_organisation_id(caller_org->id());
            opener.set_organisation_type(caller_org->type());
            opener.set_role(v1::CASE_ROLE_CORE_TEAM);
            SCHAKEL_RETURN_IF_ERROR(store.AddMember(row.id, opener));
          }
          v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_CREATE, "case.created");
          AddCaseObject(rec, row.id);
          for (const auto& in : req->persons()) {
            const PersonRow p = NewPersonRow(in);
            SCHAKEL_RETURN_IF_ERROR(store.InsertPerson(row.id, p, now));
            AddObject(rec, "person", p.id);
          }
          TimelineRow opened;
          opened.time = now;
          opened.type = "case.opened";
          opened.summary =
              absl::StrCat("Casus geopend", row.origin_report_id.empty() ? "" : " vanuit melding ",
                           row.origin_report_id, "; casusregisseur ", director_id, " / Case opened",
                           row.origin_report_id.empty() ? "" : " from report ",
                           row.origin_report_id, "; case director ", director_id);
          opened.actor_id = caller.principal.id;
          opened.actor_organisation_id = caller.principal.organisation_id;
          opened.source_service = "cases";
          SCHAKEL_RETURN_IF_ERROR(store.AppendTimeline(row.id, opened));
          SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(row.id, false));
          SCHAKEL_RETURN_IF_ERROR(
              WriteToOutbox(c, kCaseEventsTopic,
                            MakeCaseEvent(v1::CASE_EVENT_TYPE_OPENED, row, caller, team, now), now)
                  .status());
          CaseAccess access =
              AccessFromTeam(team, caller.principal.id, caller.principal.organisation_id, false);
          SetCaseChecks(rec, access, row.body.details());
          SCHAKEL_RETURN_IF_ERROR(audit_->Record(c, rec));
          SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_case_(), BuildCase(store, row, access, today));
          return absl::OkStatus();
        },
        cipher_.get(),
        [&](sqlite::Connection& c) -> absl::Status {
          CaseStore store(c, *cipher_);
          SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(resp->case_().id(), false));
          if (!AccessFromTeam(team, caller.principal.id, caller.principal.organisation_id, false)
                   .allowed()) {
            return absl::PermissionDeniedError(kNotOnTeam);
          }
          return audit_->Record(c,
                                ReplayRecord(*audit_, caller, "case.created", resp->case_().id()));
        });
  });
}

// ---------------------------------------------------------------------------------------------
// Reads.

grpc::ServerUnaryReactor* CaseService::GetCase(grpc::CallbackServerContext* ctx,
                                               const v1::GetCaseRequest* req,
                                               v1::GetCaseResponse* resp) {
  return Handle(ctx, "GetCase", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "case.read");
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      CaseStore store(c, *cipher_);
      SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(req->case_id(), false));
      CaseAccess access =
          AccessFromTeam(team, caller.principal.id, caller.principal.organisation_id,
                         HasOversightRole(caller.entry));
      if (!access.allowed()) return absl::PermissionDeniedError(kNotOnTeam);
      SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetCase(req->case_id()));
      if (!row) return absl::PermissionDeniedError(kNotOnTeam);
      SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_case_(),
                               BuildCase(store, *row, access, AmsterdamToday(env_.clock->Now())));
      AddCaseObject(rec, row->id);
      for (const auto& p : resp->case_().persons()) AddObject(rec, "person", p.id());
      SetCaseChecks(rec, access, row->body.details());
      return absl::OkStatus();
    }));
    // The read is answered only once its record is durable.
    return audit_->RecordDurably(rec);
  });
}

grpc::ServerUnaryReactor* CaseService::ListMyCases(grpc::CallbackServerContext* ctx,
                                                   const v1::ListMyCasesRequest* req,
                                                   v1::ListMyCasesResponse* resp) {
  return Handle(ctx, "ListMyCases", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    int limit;
    std::string after;
    DecodePaging(v, req->page_size(), req->page_token(), "ref:", limit, after);
    if (!v1::CaseStatus_IsValid(req->status())) v.Add("status", "is not a case status");
    if (!v1::CaseRole_IsValid(req->role())) v.Add("role", "is not a case role");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "case.listed");
    rec.set_purpose_of_use("MDA++ case work");
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      CaseStore store(c, *cipher_);
      SCHAKEL_ASSIGN_OR_RETURN(
          auto rows, store.ListMyCases(caller.principal.id, caller.principal.organisation_id,
                                       HasOversightRole(caller.entry), req->status(), req->role(),
                                       after, limit + 1));
      const bool more = static_cast<int>(rows.size()) > limit;
      if (more) rows.pop_back();
      const absl::CivilDay today = AmsterdamToday(env_.clock->Now());
      for (const auto& row : rows) {
        SCHAKEL_ASSIGN_OR_RETURN(*resp->add_cases(), BuildSummary(store, row, today));
        AddCaseObject(rec, row.id);
      }
      if (more) resp->set_next_page_token(PageToken("ref:", rows.back().reference));
      return absl::OkStatus();
    }));
    return audit_->RecordDurably(rec);
  });
}

grpc::ServerUnaryReactor* CaseService::FindCases(grpc::CallbackServerContext* ctx,
                                                 const v1::FindCasesRequest* req,
                                                 v1::FindCasesResponse* resp) {
  return Handle(ctx, "FindCases", [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::CivilDay today = AmsterdamToday(env_.clock->Now());
    FieldViolations v;
    const bool by_bsn = !req->bsn().empty();
    if (by_bsn) {
      if (!IsValidBsn(req->bsn()))
        v.Add("bsn", "is not a valid BSN (9 digits passing the elfproef)");
      if (!req->name().empty() || req->has_date_of_birth()) {
        v.Add("name", "search by BSN, or by name and date of birth, not both");
      }
    } else {
      CheckName(v, "name", req->name());
      if (!req->has_date_of_birth()) {
        v.Add("date_of_birth", "must be set (with name), or search by bsn");
      } else {
        CheckPastDate(v, "date_of_birth", req->date_of_birth(), today);
      }
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const std::string kind = by_bsn ? "bsn" : "name_dob";
    const std::string digest =
        by_bsn ? cipher_->BlindIndex("bsn", req->bsn())
               : cipher_->BlindIndex("name_dob", absl::StrCat(NormaliseName(req->name()), "|",
                                                              DateString(req->date_of_birth())));
    // Audited whatever it finds; the record names the cases shown, never the BSN or name.
    v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_EXECUTE,
                                            by_bsn ? "case.search.bsn" : "case.search.name_dob");
    rec.set_purpose_of_use("MDA++ case work: finding a family's case");
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      CaseStore store(c, *cipher_);
      SCHAKEL_ASSIGN_OR_RETURN(auto ids, store.CasesByIndex(kind, digest));
      for (const auto& id : ids) {
        SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(id, false));
        CaseAccess access =
            AccessFromTeam(team, caller.principal.id, caller.principal.organisation_id,
                           HasOversightRole(caller.entry));
        if (!access.allowed()) continue;  // not theirs to know about
        SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetCase(id));
        MyCaseRow summary_row{id,
                              row->reference,
                              row->region,
                              row->status,
                              row->body.details().honour_related_violence(),
                              row->create_time,
                              access.role};
        SCHAKEL_ASSIGN_OR_RETURN(*resp->add_cases(), BuildSummary(store, summary_row, today));
        AddCaseObject(rec, id);
      }
      return absl::OkStatus();
    }));
    return audit_->RecordDurably(rec);
  });
}

grpc::ServerUnaryReactor* CaseService::GetTimeline(grpc::CallbackServerContext* ctx,
                                                   const v1::GetTimelineRequest* req,
                                                   v1::GetTimelineResponse* resp) {
  return Handle(ctx, "GetTimeline", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    int limit;
    std::string after;
    DecodePaging(v, req->page_size(), req->page_token(), "seq:", limit, after);
    int64_t after_seq = 0;
    if (!after.empty() && !absl::SimpleAtoi(after, &after_seq)) {
      v.Add("page_token", "is not a token this service gave out");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "case.timeline.read");
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      CaseStore store(c, *cipher_);
      SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(req->case_id(), false));
      CaseAccess access =
          AccessFromTeam(team, caller.principal.id, caller.principal.organisation_id,
                         HasOversightRole(caller.entry));
      if (!access.allowed()) return absl::PermissionDeniedError(kNotOnTeam);
      SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetCase(req->case_id()));
      if (!row) return absl::PermissionDeniedError(kNotOnTeam);
      SCHAKEL_ASSIGN_OR_RETURN(Shares shares, store.ListShares(row->id));
      SCHAKEL_ASSIGN_OR_RETURN(auto events, store.ListTimeline(row->id, after_seq, limit + 1));
      const bool more = static_cast<int>(events.size()) > limit;
      if (more) events.pop_back();
      for (const auto& e : events) {
        auto* out = resp->add_events();
        out->set_sequence(e.seq);
        SetTime(out->mutable_time(), e.time);
        out->set_type(e.type);
        out->mutable_summary()->set_id(absl::StrCat("t-", e.seq));
        out->mutable_summary()->set_sensitivity(e.sensitivity);
        out->mutable_summary()->set_text(e.summary);
        Redact(*out->mutable_summary(), access, shares);
        out->set_actor_id(e.actor_id);
        out->set_actor_organisation_id(e.actor_organisation_id);
        out->set_source_service(e.source_service);
      }
      if (more) resp->set_next_page_token(PageToken("seq:", absl::StrCat(events.back().seq)));
      for (auto& n : Notices(row->body.details(), row->status)) resp->add_notices(std::move(n));
      AddCaseObject(rec, row->id);
      SetCaseChecks(rec, access, row->body.details());
      return absl::OkStatus();
    }));
    return audit_->RecordDurably(rec);
  });
}

grpc::ServerUnaryReactor* CaseService::CheckAccess(grpc::CallbackServerContext* ctx,
                                                   const v1::CheckAccessRequest* req,
                                                   v1::CheckAccessResponse* resp) {
  return Handle(ctx, "CheckAccess", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    CheckId(v, "principal_id", req->principal_id());
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(DirectoryEntry entry, roles_->Resolve(req->principal_id()));
    v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "case.access_checked");
    AddCaseObject(rec, req->case_id());
    AddObject(rec, "professional", req->principal_id());
    SCHAKEL_RETURN_IF_ERROR(db_->Read([&](sqlite::Connection& c) -> absl::Status {
      CaseStore store(c, *cipher_);
      SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetCase(req->case_id()));
      if (!row) return absl::NotFoundError("no case with that id");
      resp->set_status(row->status);
      resp->set_region(row->region);
      resp->set_honour_related_violence(row->body.details().honour_related_violence());
      if (!entry.registered || !entry.active) return absl::OkStatus();  // allowed = false
      SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(row->id, false));
      CaseAccess access =
          AccessFromTeam(team, req->principal_id(), entry.organisation_id, HasOversightRole(entry));
      // A team member whose case-work roles were withdrawn keeps no rights on the case; an
      // oversight role only reads.
      if (access.allowed() && access.role != v1::CASE_ROLE_OVERSIGHT && !HasWorkerRole(entry)) {
        access.role = HasOversightRole(entry) ? v1::CASE_ROLE_OVERSIGHT : v1::CASE_ROLE_UNSPECIFIED;
      }
      resp->set_allowed(access.allowed());
      resp->set_role(access.role);
      resp->set_organisation_id(access.allowed() ? access.organisation_id : "");
      resp->set_may_edit(access.may_edit());
      return absl::OkStatus();
    }));
    rec.set_purpose_of_use("access check for another Schakel service");
    return audit_->RecordDurably(rec);
  });
}

// ---------------------------------------------------------------------------------------------
// Mutations.

grpc::ServerUnaryReactor* CaseService::UpdateCase(grpc::CallbackServerContext* ctx,
                                                  const v1::UpdateCaseRequest* req,
                                                  v1::UpdateCaseResponse* resp) {
  return Handle(ctx, "UpdateCase", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    if (req->etag().empty()) v.Add("etag", "must be set to the etag you read");
    CheckDetails(v, "details.", req->details(), AmsterdamToday(env_.clock->Now()));
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    MutationRunner runner{*db_, *cipher_, *audit_, *env_.clock};
    return runner.Run(
        caller, "UpdateCase", *req, *resp, req->request_id(), req->case_id(), Need::kEdit, false,
        v1::AUDIT_ACTION_UPDATE, "case.updated", [&](Mutation& m) -> absl::Status {
          if (req->etag() != Etag(m.row.version)) {
            return absl::AbortedError(
                "the case changed since you read it (stale etag); read it again and retry");
          }
          const v1::CaseDetails& old = m.row.body.details();
          FieldViolations dv;
          v1::CaseDetails next = req->details();
          *next.mutable_notes() = MergeNotes(dv, "details.notes", old.notes(),
                                             req->details().notes(), m.access, m.shares);
          SCHAKEL_RETURN_IF_ERROR(dv.ToStatus());
          if (old.honour_related_violence() && !next.honour_related_violence() &&
              !m.access.is_director()) {
            return absl::PermissionDeniedError(
                "only the case director lifts the honour-related violence flag");
          }
          *m.row.body.mutable_details() = std::move(next);
          m.Event("case.updated", "Casusgegevens bijgewerkt / Case details updated");
          SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_case_(),
                                   BuildCase(m.store, m.row, m.access, m.today));
          // BuildCase ran before SaveCase: show the etag the save will give.
          resp->mutable_case_()->set_etag(Etag(m.row.version + 1));
          return absl::OkStatus();
        });
  });
}

grpc::ServerUnaryReactor* CaseService::AddPerson(grpc::CallbackServerContext* ctx,
                                                 const v1::AddPersonRequest* req,
                                                 v1::AddPersonResponse* resp) {
  return Handle(ctx, "AddPerson", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    CheckPersonInput(v, "person.", req->person(), AmsterdamToday(env_.clock->Now()));
    if (!req->person().id().empty()) v.Add("person.id", "is set by the server");
    for (int j = 0; j < req->person().notes_size(); ++j) {
      const std::string at = absl::StrCat("person.notes[", j, "]");
      if (!req->person().notes(j).id().empty()) v.Add(at + ".id", "is set by the server");
      CheckNoteInput(v, at, req->person().notes(j));
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    MutationRunner runner{*db_, *cipher_, *audit_, *env_.clock};
    return runner.Run(
        caller, "AddPerson", *req, *resp, req->request_id(), req->case_id(), Need::kEdit, false,
        v1::AUDIT_ACTION_CREATE, "case.person.added", [&](Mutation& m) -> absl::Status {
          const PersonRow p = NewPersonRow(req->person());
          SCHAKEL_RETURN_IF_ERROR(m.store.InsertPerson(m.row.id, p, m.now));
          AddObject(m.audit, "person", p.id);
          m.Event("person.added", absl::StrCat("Persoon toegevoegd (", v1::PersonRole_Name(p.role),
                                               ") / Person added: ", p.id));
          *resp->mutable_person() = PersonView(p, m.access, m.shares);
          return absl::OkStatus();
        });
  });
}

grpc::ServerUnaryReactor* CaseService::UpdatePerson(grpc::CallbackServerContext* ctx,
                                                    const v1::UpdatePersonRequest* req,
                                                    v1::UpdatePersonResponse* resp) {
  return Handle(ctx, "UpdatePerson", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    if (req->person().id().empty()) v.Add("person.id", "must be set");
    if (req->person().etag().empty()) v.Add("person.etag", "must be set to the etag you read");
    CheckPersonInput(v, "person.", req->person(), AmsterdamToday(env_.clock->Now()));
    if (req->clear_bsn() && !req->person().bsn().empty()) {
      v.Add("clear_bsn", "cannot clear the BSN and set one in the same request");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    MutationRunner runner{*db_, *cipher_, *audit_, *env_.clock};
    return runner.Run(
        caller, "UpdatePerson", *req, *resp, req->request_id(), req->case_id(), Need::kEdit, false,
        v1::AUDIT_ACTION_UPDATE, "case.person.updated", [&](Mutation& m) -> absl::Status {
          const v1::Person& in = req->person();
          SCHAKEL_ASSIGN_OR_RETURN(auto p, m.store.GetPerson(m.row.id, in.id()));
          if (!p) return absl::NotFoundError("no person with that id on this case");
          if (in.etag() != Etag(p->version)) {
            return absl::AbortedError(
                "the person changed since you read it (stale etag); read it again and retry");
          }
          FieldViolations dv;
          auto notes =
              MergeNotes(dv, "person.notes", p->body.notes(), in.notes(), m.access, m.shares);
          SCHAKEL_RETURN_IF_ERROR(dv.ToStatus());
          p->role = in.role();
          p->body.set_name(in.name());
          if (in.has_date_of_birth()) {
            *p->body.mutable_date_of_birth() = in.date_of_birth();
          } else {
            p->body.clear_date_of_birth();
          }
          if (!in.bsn().empty()) p->body.set_bsn(in.bsn());
          if (req->clear_bsn()) p->body.clear_bsn();
          *p->body.mutable_address() = in.address();
          *p->body.mutable_notes() = std::move(notes);
          SCHAKEL_RETURN_IF_ERROR(m.store.SavePerson(m.row.id, *p));
          AddObject(m.audit, "person", p->id);
          m.Event("person.updated", absl::StrCat("Persoon bijgewerkt / Person updated: ", p->id));
          *resp->mutable_person() = PersonView(*p, m.access, m.shares);
          return absl::OkStatus();
        });
  });
}

grpc::ServerUnaryReactor* CaseService::AddRelation(grpc::CallbackServerContext* ctx,
                                                   const v1::AddRelationRequest* req,
                                                   v1::AddRelationResponse* resp) {
  return Handle(ctx, "AddRelation", [this, req, resp](const Caller& caller) -> absl::Status {
    const v1::Relation& in = req->relation();
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    if (!in.id().empty()) v.Add("relation.id", "is set by the server");
    if (in.from_person_id().empty()) v.Add("relation.from_person_id", "must be set");
    if (in.to_person_id().empty()) v.Add("relation.to_person_id", "must be set");
    if (!in.from_person_id().empty() && in.from_person_id() == in.to_person_id()) {
      v.Add("relation.to_person_id", "a person cannot be related to themselves");
    }
    if (in.type() == v1::RELATION_TYPE_UNSPECIFIED || !v1::RelationType_IsValid(in.type())) {
      v.Add("relation.type", "must be PARTNER, EX_PARTNER, PARENT_OF, SIBLING or HOUSEHOLD_MEMBER");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    MutationRunner runner{*db_, *cipher_, *audit_, *env_.clock};
    return runner.Run(
        caller, "AddRelation", *req, *resp, req->request_id(), req->case_id(), Need::kEdit, false,
        v1::AUDIT_ACTION_CREATE, "case.relation.added", [&](Mutation& m) -> absl::Status {
          FieldViolations dv;
          SCHAKEL_ASSIGN_OR_RETURN(auto from, m.store.GetPerson(m.row.id, in.from_person_id()));
          SCHAKEL_ASSIGN_OR_RETURN(auto to, m.store.GetPerson(m.row.id, in.to_person_id()));
          if (!from) dv.Add("relation.from_person_id", "no person with this id on this case");
          if (!to) dv.Add("relation.to_person_id", "no person with this id on this case");
          SCHAKEL_RETURN_IF_ERROR(dv.ToStatus());
          SCHAKEL_ASSIGN_OR_RETURN(auto existing, m.store.ListRelations(m.row.id));
          for (const auto& r : existing) {
            if (r.from_person_id() == in.from_person_id() &&
                r.to_person_id() == in.to_person_id() && r.type() == in.type()) {
              return absl::AlreadyExistsError("this relation is already recorded");
            }
          }
          v1::Relation r = in;
          r.set_id(NewRandomId());
          SCHAKEL_RETURN_IF_ERROR(m.store.InsertRelation(m.row.id, r));
          AddObject(m.audit, "person", r.from_person_id());
          AddObject(m.audit, "person", r.to_person_id());
          m.Event("relation.added",
                  absl::StrCat("Relatie vastgelegd / Relation recorded: ", r.from_person_id(), " ",
                               v1::RelationType_Name(r.type()), " ", r.to_person_id()));
          *resp->mutable_relation() = std::move(r);
          return absl::OkStatus();
        });
  });
}

grpc::ServerUnaryReactor* CaseService::AddTeamMember(grpc::CallbackServerContext* ctx,
                                                     const v1::AddTeamMemberRequest* req,
                                                     v1::AddTeamMemberResponse* resp) {
  return Handle(ctx, "AddTeamMember", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    CheckId(v, "professional_id", req->professional_id());
    CheckId(v, "organisation_id", req->organisation_id());
    if (req->role() != v1::CASE_ROLE_CORE_TEAM && req->role() != v1::CASE_ROLE_INVOLVED) {
      v.Add("role", req->role() == v1::CASE_ROLE_CASE_DIRECTOR
                        ? "the case director changes only by TransferDirector"
                        : "must be CORE_TEAM or INVOLVED");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    // The directory first (outside the transaction).
    SCHAKEL_ASSIGN_OR_RETURN(auto org, organisations_->Get(req->organisation_id()));
    SCHAKEL_ASSIGN_OR_RETURN(DirectoryEntry pro, roles_->Resolve(req->professional_id()));
    if (!org) v.Add("organisation_id", "no organisation with this id");
    if (org && org->type() == v1::ORGANISATION_TYPE_OPERATOR) {
      v.Add("organisation_id", "the operator never sees client data");
    }
    if (!pro.registered || !pro.active) {
      v.Add("professional_id", "no active professional with this id");
    } else if (!HasWorkerRole(pro)) {
      v.Add("professional_id", "has no case-work role (CASE_DIRECTOR, PROFESSIONAL or VT_INTAKE)");
    } else if (pro.organisation_id != req->organisation_id()) {
      v.Add("organisation_id", "is not the professional's organisation");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    MutationRunner runner{*db_, *cipher_, *audit_, *env_.clock};
    return runner.Run(
        caller, "AddTeamMember", *req, *resp, req->request_id(), req->case_id(), Need::kDirector,
        false, v1::AUDIT_ACTION_CREATE, "case.team.member_added", [&](Mutation& m) -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(auto team, m.store.ListTeam(m.row.id, false));
          bool org_on_team = false;
          for (const auto& t : team) {
            if (t.professional_id() == req->professional_id()) {
              return absl::FailedPreconditionError("the professional is on the team already");
            }
            if (t.organisation_id() == req->organisation_id()) org_on_team = true;
          }
          const v1::CaseDetails& d = m.row.body.details();
          if (d.human_trafficking() && !d.consent().recorded() && !org_on_team) {
            return absl::FailedPreconditionError(
                "human trafficking: record written consent before sharing the case with another "
                "organisation");
          }
          v1::TeamMember member;
          member.set_professional_id(req->professional_id());
          member.set_organisation_id(org->id());
          member.set_organisation_type(org->type());
          member.set_role(req->role());
          SetTime(member.mutable_start_time(), m.now);
          SCHAKEL_RETURN_IF_ERROR(m.store.AddMember(m.row.id, member));
          AddObject(m.audit, "professional", member.professional_id());
          m.Event("team.member_added",
                  absl::StrCat("Teamlid toegevoegd / Team member added: ", member.professional_id(),
                               " (", member.organisation_id(), "), ",
                               v1::CaseRole_Name(member.role())));
          *resp->mutable_member() = std::move(member);
          return absl::OkStatus();
        });
  });
}

grpc::ServerUnaryReactor* CaseService::RemoveTeamMember(grpc::CallbackServerContext* ctx,
                                                        const v1::RemoveTeamMemberRequest* req,
                                                        v1::RemoveTeamMemberResponse* resp) {
  return Handle(ctx, "RemoveTeamMember", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    CheckId(v, "professional_id", req->professional_id());
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    MutationRunner runner{*db_, *cipher_, *audit_, *env_.clock};
    return runner.Run(
        caller, "RemoveTeamMember", *req, *resp, req->request_id(), req->case_id(), Need::kDirector,
        false, v1::AUDIT_ACTION_DELETE, "case.team.member_removed",
        [&](Mutation& m) -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(auto team, m.store.ListTeam(m.row.id, false));
          auto it = std::find_if(team.begin(), team.end(), [&](const v1::TeamMember& t) {
            return t.professional_id() == req->professional_id();
          });
          if (it == team.end()) {
            return absl::FailedPreconditionError("the professional is not on the team");
          }
          if (it->role() == v1::CASE_ROLE_CASE_DIRECTOR) {
            return InvalidField("professional_id",
                                "is the case director (a case always has one); transfer the "
                                "director role first");
          }
          SCHAKEL_RETURN_IF_ERROR(m.store.EndMember(m.row.id, req->professional_id(), m.now));
          v1::TeamMember member = *it;
          SetTime(member.mutable_end_time(), m.now);
          AddObject(m.audit, "professional", member.professional_id());
          m.Event("team.member_removed",
                  absl::StrCat("Teamlid verwijderd / Team member removed: ",
                               member.professional_id(), " (", member.organisation_id(), ")"));
          *resp->mutable_member() = std::move(member);
          return absl::OkStatus();
        });
  });
}

grpc::ServerUnaryReactor* CaseService::TransferDirector(grpc::CallbackServerContext* ctx,
                                                        const v1::TransferDirectorRequest* req,
                                                        v1::TransferDirectorResponse* resp) {
  return Handle(ctx, "TransferDirector", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    CheckId(v, "to_professional_id", req->to_professional_id());
    if (req->to_professional_id() == caller.principal.id) {
      v.Add("to_professional_id", "cannot hand the director role to yourself");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(DirectoryEntry pro, roles_->Resolve(req->to_professional_id()));
    std::optional<v1::Organisation> org;
    if (!pro.registered || !pro.active) {
      v.Add("to_professional_id", "no active professional with this id");
    } else if (!HasWorkerRole(pro)) {
      v.Add("to_professional_id",
            "has no case-work role (CASE_DIRECTOR, PROFESSIONAL or VT_INTAKE)");
    } else {
      SCHAKEL_ASSIGN_OR_RETURN(org, organisations_->Get(pro.organisation_id));
      if (!org || org->type() == v1::ORGANISATION_TYPE_OPERATOR) {
        v.Add("to_professional_id", "their organisation cannot lead a case");
      }
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    MutationRunner runner{*db_, *cipher_, *audit_, *env_.clock};
    return runner.Run(
        caller, "TransferDirector", *req, *resp, req->request_id(), req->case_id(), Need::kDirector,
        false, v1::AUDIT_ACTION_UPDATE, "case.team.director_transferred",
        [&](Mutation& m) -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(auto team, m.store.ListTeam(m.row.id, false));
          bool org_on_team = false;
          for (const auto& t : team) org_on_team |= t.organisation_id() == org->id();
          const v1::CaseDetails& d = m.row.body.details();
          if (d.human_trafficking() && !d.consent().recorded() && !org_on_team) {
            return absl::FailedPreconditionError(
                "human trafficking: record written consent before sharing the case with another "
                "organisation");
          }
          // One transaction: the old director steps down to core team, the new one leads.
          SCHAKEL_RETURN_IF_ERROR(m.store.EndMember(m.row.id, caller.principal.id, m.now));
          SCHAKEL_RETURN_IF_ERROR(m.store.EndMember(m.row.id, req->to_professional_id(), m.now));
          v1::TeamMember old_director;
          old_director.set_professional_id(caller.principal.id);
          old_director.set_organisation_id(m.access.organisation_id);
          old_director.set_organisation_type(m.access.organisation_type);
          old_director.set_role(v1::CASE_ROLE_CORE_TEAM);
          SetTime(old_director.mutable_start_time(), m.now);
          SCHAKEL_RETURN_IF_ERROR(m.store.AddMember(m.row.id, old_director));
          v1::TeamMember director;
          director.set_professional_id(req->to_professional_id());
          director.set_organisation_id(org->id());
          director.set_organisation_type(org->type());
          director.set_role(v1::CASE_ROLE_CASE_DIRECTOR);
          SetTime(director.mutable_start_time(), m.now);
          SCHAKEL_RETURN_IF_ERROR(m.store.AddMember(m.row.id, director));
          AddObject(m.audit, "professional", req->to_professional_id());
          m.Event("team.director_transferred",
                  absl::StrCat("Casusregie overgedragen / Case director role handed over: ",
                               caller.principal.id, " -> ", req->to_professional_id()));
          SCHAKEL_ASSIGN_OR_RETURN(auto now_team, m.store.ListTeam(m.row.id, false));
          for (auto& t : now_team) *resp->add_team() = std::move(t);
          return absl::OkStatus();
        });
  });
}

grpc::ServerUnaryReactor* CaseService::ShareNote(grpc::CallbackServerContext* ctx,
                                                 const v1::ShareNoteRequest* req,
                                                 v1::ShareNoteResponse* resp) {
  return Handle(ctx, "ShareNote", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    if (req->note_id().empty()) v.Add("note_id", "must be set");
    CheckId(v, "organisation_id", req->organisation_id());
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    MutationRunner runner{*db_, *cipher_, *audit_, *env_.clock};
    return runner.Run(
        caller, "ShareNote", *req, *resp, req->request_id(), req->case_id(), Need::kDirector, false,
        v1::AUDIT_ACTION_UPDATE, "case.note.shared", [&](Mutation& m) -> absl::Status {
          // Find the note wherever it lives.
          std::optional<v1::Note> note;
          for (const auto& n : m.row.body.details().notes()) {
            if (n.id() == req->note_id()) note = n;
          }
          SCHAKEL_ASSIGN_OR_RETURN(auto persons, m.store.ListPersons(m.row.id));
          for (const auto& p : persons) {
            for (const auto& n : p.body.notes()) {
              if (n.id() == req->note_id()) note = n;
            }
          }
          SCHAKEL_ASSIGN_OR_RETURN(auto meetings, m.store.ListMeetings(m.row.id));
          for (const auto& mt : meetings) {
            if (mt.minutes().id() == req->note_id()) note = mt.minutes();
            for (const auto& d : mt.decisions()) {
              if (d.text().id() == req->note_id()) note = d.text();
            }
          }
          SCHAKEL_ASSIGN_OR_RETURN(auto actions, m.store.ListActions(m.row.id));
          for (const auto& a : actions) {
            if (a.description().id() == req->note_id()) note = a.description();
          }
          FieldViolations dv;
          if (!note) {
            dv.Add("note_id", "no note with this id on this case");
          } else if (!OrganisationTypeSees(m.access.organisation_type, note->sensitivity())) {
            return absl::PermissionDeniedError(
                "your organisation does not see this note, so you cannot share it");
          }
          if (req->organisation_id() == m.access.organisation_id) {
            dv.Add("organisation_id", "is your own organisation");
          }
          SCHAKEL_ASSIGN_OR_RETURN(auto team, m.store.ListTeam(m.row.id, false));
          if (std::none_of(team.begin(), team.end(), [&](const v1::TeamMember& t) {
                return t.organisation_id() == req->organisation_id();
              })) {
            dv.Add("organisation_id", "is not on the case team");
          }
          SCHAKEL_RETURN_IF_ERROR(dv.ToStatus());
          SCHAKEL_RETURN_IF_ERROR(
              m.store.AddShare(m.row.id, req->note_id(), req->organisation_id()));
          m.shares[req->note_id()].push_back(req->organisation_id());
          AddObject(m.audit, "note", req->note_id(), note->sensitivity());
          AddObject(m.audit, "organisation", req->organisation_id());
          m.Event("note.shared", absl::StrCat("Notitie gedeeld / Note shared: ", req->note_id(),
                                              " (", SensitivityLabel(note->sensitivity()), ") -> ",
                                              req->organisation_id()));
          *resp->mutable_note() = *note;
          Redact(*resp->mutable_note(), m.access, m.shares);
          return absl::OkStatus();
        });
  });
}

grpc::ServerUnaryReactor* CaseService::RecordMeeting(grpc::CallbackServerContext* ctx,
                                                     const v1::RecordMeetingRequest* req,
                                                     v1::RecordMeetingResponse* resp) {
  return Handle(ctx, "RecordMeeting", [this, req, resp](const Caller& caller) -> absl::Status {
    const v1::Meeting& in = req->meeting();
    const absl::CivilDay today = AmsterdamToday(env_.clock->Now());
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    if (!in.id().empty()) v.Add("meeting.id", "is set by the server");
    CheckPastDate(v, "meeting.date", in.date(), today);
    if (in.attendees().empty()) v.Add("meeting.attendees", "name at least one attendee");
    for (int i = 0; i < in.attendees_size(); ++i) {
      CheckId(v, absl::StrCat("meeting.attendees[", i, "].professional_id"),
              in.attendees(i).professional_id());
      CheckId(v, absl::StrCat("meeting.attendees[", i, "].organisation_id"),
              in.attendees(i).organisation_id());
    }
    CheckText(v, "meeting.chair", in.chair(), 200, false);
    if (in.has_minutes()) CheckNoteInput(v, "meeting.minutes", in.minutes());
    for (int i = 0; i < in.decisions_size(); ++i) {
      const std::string at = absl::StrCat("meeting.decisions[", i, "]");
      CheckNoteInput(v, at + ".text", in.decisions(i).text());
      if (in.decisions(i).has_action()) {
        const v1::ActionSpec& a = in.decisions(i).action();
        CheckText(v, at + ".action.description", a.description(), kTextMax, true);
        CheckId(v, at + ".action.owner_organisation_id", a.owner_organisation_id());
        if (!IsValidDate(a.due_date())) v.Add(at + ".action.due_date", "is not a calendar date");
        CheckSensitivity(v, at + ".action.sensitivity", a.sensitivity());
      }
    }
    if (!in.action_ids().empty()) v.Add("meeting.action_ids", "are set by the server");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    MutationRunner runner{*db_, *cipher_, *audit_, *env_.clock};
    return runner.Run(
        caller, "RecordMeeting", *req, *resp, req->request_id(), req->case_id(), Need::kEdit, false,
        v1::AUDIT_ACTION_CREATE, "case.meeting.recorded", [&](Mutation& m) -> absl::Status {
          FieldViolations dv;
          if (m.row.body.details().honour_related_violence() && in.family_took_part()) {
            dv.Add("meeting.family_took_part",
                   "honour-related violence: the family is not involved or informed");
          }
          SCHAKEL_ASSIGN_OR_RETURN(auto team, m.store.ListTeam(m.row.id, false));
          auto on_team = [&](const std::string& org) {
            return std::any_of(team.begin(), team.end(),
                               [&](const v1::TeamMember& t) { return t.organisation_id() == org; });
          };
          for (int i = 0; i < in.decisions_size(); ++i) {
            if (in.decisions(i).has_action() &&
                !on_team(in.decisions(i).action().owner_organisation_id())) {
              dv.Add(absl::StrCat("meeting.decisions[", i, "].action.owner_organisation_id"),
                     "is not on the case team");
            }
          }
          SCHAKEL_RETURN_IF_ERROR(dv.ToStatus());
          v1::Meeting meeting = in;
          meeting.set_id(NewRandomId());
          SetTime(meeting.mutable_record_time(), m.now);
          meeting.set_recorded_by(caller.principal.id);
          if (meeting.has_minutes()) {
            meeting.mutable_minutes()->set_id(NewNoteId());
          }
          std::vector<v1::Action> actions;  // inserted after the meeting they refer to
          for (int i = 0; i < meeting.decisions_size(); ++i) {
            v1::Decision& d = *meeting.mutable_decisions(i);
            d.mutable_text()->set_id(NewNoteId());
            if (!d.has_action()) continue;
            v1::Action action;
            action.set_id(NewRandomId());
            action.set_meeting_id(meeting.id());
            action.mutable_description()->set_id(NewNoteId());
            action.mutable_description()->set_sensitivity(d.action().sensitivity());
            action.mutable_description()->set_text(d.action().description());
            action.set_owner_organisation_id(d.action().owner_organisation_id());
            *action.mutable_due_date() = d.action().due_date();
            action.set_status(v1::ACTION_STATUS_OPEN);
            actions.push_back(action);
            meeting.add_action_ids(action.id());
            AddObject(m.audit, "action", action.id(), d.action().sensitivity());
            m.Event("action.created",
                    absl::StrCat("Actie aangemaakt / Action created: ", action.id(),
                                 ", eigenaar/"
                                 "owner ",
                                 action.owner_organisation_id(), ", uiterlijk/due ",
                                 DateString(action.due_date())));
            action.set_etag(Etag(1));
            DecorateAction(action, m.access, m.shares, m.today);
            *resp->add_actions() = std::move(action);
          }
          SCHAKEL_RETURN_IF_ERROR(m.store.InsertMeeting(m.row.id, meeting, m.now));
          for (const auto& action : actions) {
            SCHAKEL_RETURN_IF_ERROR(m.store.InsertAction(m.row.id, action));
          }
          AddObject(m.audit, "meeting", meeting.id());
          m.Event(
              "meeting.recorded",
              absl::StrCat("MDO vastgelegd / Meeting recorded: ", DateString(meeting.date()), ", ",
                           meeting.attendees_size(), " deelnemers/attendees, ",
                           meeting.decisions_size(), " besluiten/decisions",
                           meeting.family_took_part() ? ", met het gezin / with the family" : ""));
          RedactMeeting(meeting, m.access, m.shares);
          *resp->mutable_meeting() = std::move(meeting);
          return absl::OkStatus();
        });
  });
}

grpc::ServerUnaryReactor* CaseService::UpdateAction(grpc::CallbackServerContext* ctx,
                                                    const v1::UpdateActionRequest* req,
                                                    v1::UpdateActionResponse* resp) {
  return Handle(ctx, "UpdateAction", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    if (req->action_id().empty()) v.Add("action_id", "must be set");
    if (req->status() == v1::ACTION_STATUS_UNSPECIFIED ||
        !v1::ActionStatus_IsValid(req->status())) {
      v.Add("status", "must be OPEN, DONE or CANCELLED");
    }
    CheckText(v, "status_note", req->status_note(), kTextMax, false);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    MutationRunner runner{*db_, *cipher_, *audit_, *env_.clock};
    return runner.Run(
        caller, "UpdateAction", *req, *resp, req->request_id(), req->case_id(), Need::kMember,
        false, v1::AUDIT_ACTION_UPDATE, "case.action.updated", [&](Mutation& m) -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(auto action, m.store.GetAction(m.row.id, req->action_id()));
          if (!action) return absl::NotFoundError("no action with that id on this case");
          if (!m.access.may_edit() && action->owner_organisation_id() != m.access.organisation_id) {
            return absl::PermissionDeniedError(
                "only the case director, the core team and the owning organisation update an "
                "action");
          }
          if (!req->etag().empty() && req->etag() != action->etag()) {
            return absl::AbortedError(
                "the action changed since you read it (stale etag); read it again and retry");
          }
          const v1::ActionStatus from = action->status();
          action->set_status(req->status());
          action->set_status_note(req->status_note());
          action->clear_etag();
          action->clear_overdue();
          SCHAKEL_RETURN_IF_ERROR(m.store.SaveAction(m.row.id, *action));
          AddObject(m.audit, "action", action->id(), action->description().sensitivity());
          m.Event("action.updated", absl::StrCat("Actie bijgewerkt / Action updated: ",
                                                 action->id(), " ", v1::ActionStatus_Name(from),
                                                 " -> ", v1::ActionStatus_Name(req->status())));
          SCHAKEL_ASSIGN_OR_RETURN(auto saved, m.store.GetAction(m.row.id, req->action_id()));
          DecorateAction(*saved, m.access, m.shares, m.today);
          *resp->mutable_action() = *std::move(saved);
          return absl::OkStatus();
        });
  });
}

grpc::ServerUnaryReactor* CaseService::CloseCase(grpc::CallbackServerContext* ctx,
                                                 const v1::CloseCaseRequest* req,
                                                 v1::CloseCaseResponse* resp) {
  return Handle(ctx, "CloseCase", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    CheckText(v, "reason", req->reason(), kTextMax, true);
    const v1::ClosureChecklist& cl = req->checklist();
    const bool complete = cl.stable_safety_held() && cl.risk_factors_addressed() &&
                          cl.recovery_owner_in_place() && cl.follow_up_agreed();
    if (!complete) {
      CheckText(v, "deviation", req->deviation(), kTextMax, false);
      if (req->deviation().find_first_not_of(" \t\r\n") == std::string::npos) {
        std::vector<std::string> open;
        if (!cl.stable_safety_held()) open.push_back("stable_safety_held");
        if (!cl.risk_factors_addressed()) open.push_back("risk_factors_addressed");
        if (!cl.recovery_owner_in_place()) open.push_back("recovery_owner_in_place");
        if (!cl.follow_up_agreed()) open.push_back("follow_up_agreed");
        for (const auto& item : open) {
          v.Add("checklist." + item,
                "is not met; meet it, or explain in deviation why the case "
                "closes anyway");
        }
      }
    } else if (!req->deviation().empty()) {
      v.Add("deviation", "is only for a checklist that is not met");
    }
    for (int i = 0; i < req->follow_up_months_size(); ++i) {
      if (req->follow_up_months(i) < 1 || req->follow_up_months(i) > 120) {
        v.Add(absl::StrCat("follow_up_months[", i, "]"), "must be 1 to 120");
      }
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    std::vector<int> months(req->follow_up_months().begin(), req->follow_up_months().end());
    if (months.empty()) months = follow_up_months_;
    std::sort(months.begin(), months.end());
    months.erase(std::unique(months.begin(), months.end()), months.end());
    MutationRunner runner{*db_, *cipher_, *audit_, *env_.clock};
    return runner.Run(
        caller, "CloseCase", *req, *resp, req->request_id(), req->case_id(), Need::kDirector, false,
        v1::AUDIT_ACTION_UPDATE, "case.closed", [&](Mutation& m) -> absl::Status {
          v1::Closure closure;
          closure.set_reason(req->reason());
          *closure.mutable_checklist() = cl;
          closure.set_deviation(req->deviation());
          SetTime(closure.mutable_close_time(), m.now);
          closure.set_closed_by(caller.principal.id);
          *m.row.body.mutable_closure() = closure;
          m.row.status = v1::CASE_STATUS_CLOSED;
          std::vector<std::string> dates;
          for (int months_after : months) {
            v1::FollowUp f;
            f.set_id(NewRandomId());
            *f.mutable_due_date() = FromCivilDay(AddMonths(m.today, months_after));
            f.set_months_after_closure(months_after);
            f.set_status(v1::FOLLOW_UP_STATUS_SCHEDULED);
            SCHAKEL_RETURN_IF_ERROR(m.store.InsertFollowUp(m.row.id, f));
            dates.push_back(DateString(f.due_date()));
          }
          m.Event("case.closed",
                  absl::StrCat("Casus gesloten / Case closed; vervolgcontroles/follow-up checks: ",
                               absl::StrJoin(dates, ", ")));
          return AnnounceStatusChange(m, v1::CASE_EVENT_TYPE_CLOSED, caller,
                                      *resp->mutable_case_());
        });
  });
}

grpc::ServerUnaryReactor* CaseService::ReopenCase(grpc::CallbackServerContext* ctx,
                                                  const v1::ReopenCaseRequest* req,
                                                  v1::ReopenCaseResponse* resp) {
  return Handle(ctx, "ReopenCase", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (req->case_id().empty()) v.Add("case_id", "must be set");
    CheckText(v, "reason", req->reason(), kTextMax, true);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    MutationRunner runner{*db_, *cipher_, *audit_, *env_.clock};
    return runner.Run(
        caller, "ReopenCase", *req, *resp, req->request_id(), req->case_id(), Need::kDirector, true,
        v1::AUDIT_ACTION_UPDATE, "case.reopened", [&](Mutation& m) -> absl::Status {
          if (m.row.status != v1::CASE_STATUS_CLOSED) {
            return absl::FailedPreconditionError("the case is open");
          }
          m.row.status = v1::CASE_STATUS_OPEN;
          SCHAKEL_RETURN_IF_ERROR(
              m.store.CancelScheduledFollowUps(m.row.id, DateString(FromCivilDay(m.today))));
          // The reason is personal content: it goes into the encrypted timeline only.
          m.Event("case.reopened", absl::StrCat("Casus heropend / Case reopened: ", req->reason()));
          return AnnounceStatusChange(m, v1::CASE_EVENT_TYPE_REOPENED, caller,
                                      *resp->mutable_case_());
        });
  });
}

grpc::ServerUnaryReactor* CaseService::RecordCaseEvents(grpc::CallbackServerContext* ctx,
                                                        const v1::RecordCaseEventsRequest* req,
                                                        v1::RecordCaseEventsResponse* resp) {
  return Handle(ctx, "RecordCaseEvents", [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (req->events().empty()) v.Add("events", "must not be empty");
    for (int i = 0; i < req->events_size(); ++i) {
      const v1::CaseEventInput& e = req->events(i);
      const std::string at = absl::StrCat("events[", i, "].");
      CheckId(v, at + "source_service", e.source_service());
      if (e.source_service() == "cases") v.Add(at + "source_service", "is this service");
      if (e.source_sequence() <= 0) v.Add(at + "source_sequence", "must be positive");
      if (e.case_id().empty()) v.Add(at + "case_id", "must be set");
      CheckName(v, at + "type", e.type(), 100);
      if (!e.has_time() || e.time().seconds() < TimeUtil::kTimestampMinSeconds ||
          e.time().seconds() > TimeUtil::kTimestampMaxSeconds || e.time().nanos() < 0 ||
          e.time().nanos() > 999'999'999) {
        v.Add(at + "time", "must be a valid time");
      }
      if (!e.actor_id().empty()) CheckId(v, at + "actor_id", e.actor_id());
      if (!e.actor_organisation_id().empty()) {
        CheckId(v, at + "actor_organisation_id", e.actor_organisation_id());
      }
      CheckSensitivity(v, at + "sensitivity", e.sensitivity());
      CheckText(v, at + "summary", e.summary(), kTextMax, true);
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
      CaseStore store(c, *cipher_);
      FieldViolations dv;
      for (int i = 0; i < req->events_size(); ++i) {
        SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetCase(req->events(i).case_id()));
        if (!row) dv.Add(absl::StrCat("events[", i, "].case_id"), "no case with this id");
      }
      SCHAKEL_RETURN_IF_ERROR(dv.ToStatus());
      v1::AuditRecord rec =
          audit_->NewRecord(caller, v1::AUDIT_ACTION_CREATE, "case.timeline.events_received");
      rec.set_purpose_of_use("case timeline");
      int duplicates = 0;
      for (const auto& e : req->events()) {
        TimelineRow t;
        t.time = absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(e.time()));
        t.type = e.type();
        t.sensitivity = e.sensitivity();
        t.summary = e.summary();
        t.actor_id = e.actor_id();
        t.actor_organisation_id = e.actor_organisation_id();
        // Keyed by the calling principal too: a service cannot write under another's name or
        // claim its sequence numbers.
        t.source_service = absl::StrCat(caller.principal.id, "/", e.source_service());
        SCHAKEL_ASSIGN_OR_RETURN(bool added,
                                 store.AppendForeign(e.case_id(), t, e.source_sequence()));
        if (!added) {
          ++duplicates;
          continue;
        }
        AddCaseObject(rec, e.case_id());
      }
      resp->set_duplicates(duplicates);
      if (rec.objects().empty()) return absl::OkStatus();  // a pure retry changes nothing
      return audit_->Record(c, rec);
    });
  });
}

}  // namespace schakel::cases
