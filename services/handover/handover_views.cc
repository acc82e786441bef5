#include "services/handover/handover_views.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "schakel/v1/cases.pb.h"
#include "services/common/calendar.h"
#include "services/common/case_client.h"
#include "services/common/etag.h"
#include "services/common/outbox.h"
#include "services/common/proto_time.h"
#include "services/common/validation.h"

namespace schakel::handover {
namespace {

constexpr size_t kSummaryMax = 4000;
constexpr int kMaxListItems = 50;

}  // namespace

const char* StateName(v1::HandoverState state) {
  switch (state) {
    case v1::HANDOVER_STATE_PROPOSED:
      return "PROPOSED";
    case v1::HANDOVER_STATE_ACCEPTED:
      return "ACCEPTED";
    case v1::HANDOVER_STATE_DECLINED:
      return "DECLINED";
    case v1::HANDOVER_STATE_WITHDRAWN:
      return "WITHDRAWN";
    case v1::HANDOVER_STATE_EXPIRED:
      return "EXPIRED";
    default:
      return "UNSPECIFIED";
  }
}

std::string DeadlineDay(int64_t deadline) {
  return absl::FormatCivilTime(
      absl::ToCivilDay(absl::FromUnixMicros(deadline - 1), calendar::Amsterdam()));
}

v1::Handover ToProto(const HandoverRow& h, const std::string& reference, bool with_content) {
  v1::Handover out;
  out.set_id(h.id);
  out.set_case_id(h.case_id);
  out.set_case_reference(reference);
  out.set_state(h.state);
  out.set_from_organisation_id(h.from_organisation_id);
  out.set_to_organisation_id(h.to_organisation_id);
  out.set_phase(h.phase);
  if (with_content) {
    // Who, and what moves with it; a list or report shows organisations and times only.
    out.set_from_professional_id(h.from_professional_id);
    out.set_to_professional_id(h.to_professional_id);
    out.set_decided_by(h.decided_by);
    out.set_family_informed(h.family_informed);
    *out.mutable_content() = h.body.content();
    out.set_decline_reason(h.body.decline_reason());
    out.set_withdraw_reason(h.body.withdraw_reason());
  }
  SetTime(out.mutable_proposed_at(), h.proposed);
  SetTime(out.mutable_accept_deadline(), h.accept_deadline);
  if (h.decided) SetTime(out.mutable_decided_at(), *h.decided);
  if (h.contact_deadline) SetTime(out.mutable_first_contact_deadline(), *h.contact_deadline);
  if (h.contact) SetTime(out.mutable_first_contact_at(), *h.contact);
  if (h.accept_escalated) SetTime(out.mutable_acceptance_escalated_at(), *h.accept_escalated);
  if (h.contact_escalated) {
    SetTime(out.mutable_first_contact_escalated_at(), *h.contact_escalated);
  }
  out.set_etag(Etag(h.version));
  return out;
}

v1::Responsibility ToProto(const LedgerRow& l, const std::optional<HandoverRow>& pending,
                           bool with_content) {
  v1::Responsibility r;
  r.set_case_id(l.case_id);
  r.set_case_reference(l.reference);
  r.set_region(l.region);
  r.set_case_status(l.status);
  r.set_phase(l.phase);
  r.set_lead_organisation_id(l.lead_organisation_id);
  r.set_lead_professional_id(l.lead_professional_id);
  SetTime(r.mutable_lead_since(), l.lead_since);
  r.set_watching_organisation_id(l.watching_organisation_id);
  if (pending) {
    *r.mutable_pending_handover() = ToProto(*pending, l.reference, with_content);
    r.add_notices(absl::StrCat(
        "Overdracht in behandeling: ", l.lead_organisation_id, " blijft verantwoordelijk tot ",
        pending->to_organisation_id, " accepteert / Handover pending: ", l.lead_organisation_id,
        " stays responsible until ", pending->to_organisation_id, " accepts"));
  }
  if (!l.watching_organisation_id.empty()) {
    r.add_notices(absl::StrCat(
        "Overlap: ", l.watching_organisation_id,
        " kijkt mee tot het eerste contact is bevestigd / Overlap: ", l.watching_organisation_id,
        " keeps watching until first contact is confirmed"));
  }
  return r;
}

absl::Status Timeline(sqlite::Connection& c, const std::string& case_id, absl::string_view type,
                      const std::string& summary, const std::string& actor_id,
                      const std::string& actor_organisation_id, int64_t now) {
  return WriteCaseTimelineEvent(c, {.source_service = "handover",
                                    .case_id = case_id,
                                    .type = std::string(type),
                                    .summary = summary,
                                    .actor_id = actor_id,
                                    .actor_organisation_id = actor_organisation_id,
                                    .now = now});
}

void CheckContent(FieldViolations& v, const v1::HandoverContent& content) {
  CheckText(v, "content.summary", content.summary(), kSummaryMax, true);
  const std::pair<const char*, const google::protobuf::RepeatedPtrField<std::string>*> lists[] = {
      {"content.safety_conditions", &content.safety_conditions()},
      {"content.agreements", &content.agreements()},
      {"content.open_risks", &content.open_risks()},
      {"content.open_actions", &content.open_actions()},
  };
  for (const auto& [name, list] : lists) {
    if (list->size() > kMaxListItems) {
      v.Add(name, absl::StrCat("at most ", kMaxListItems, " items"));
    }
    for (int i = 0; i < list->size(); ++i) {
      CheckText(v, absl::StrCat(name, "[", i, "]"), list->Get(i), kTextMax, true);
    }
  }
}

void CheckTerm(FieldViolations& v, const std::string& field, int days) {
  if (days < 0 || days > kMaxTermDays) {
    v.Add(field, absl::StrCat("must be 0 (the default) to ", kMaxTermDays, " working days"));
  }
}

bool IsOpenTo(const HandoverRow& h, const std::string& organisation_id) {
  return h.state == v1::HANDOVER_STATE_PROPOSED && h.to_organisation_id == organisation_id;
}

}  // namespace schakel::handover
