#include "services/intake/intake_sealed.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "schakel/v1/intake.pb.h"
#include "services/common/status.h"

namespace schakel::intake {

std::string ReportAad(const std::string& id) { return absl::StrCat("report/", id); }
std::string FeedbackAad(const std::string& report_id, const std::string& occasion) {
  return absl::StrCat("feedback/", report_id, "/", occasion);
}
std::string HoldAad(absl::string_view report_id) { return absl::StrCat("hold/", report_id); }
std::string DestructionAad(absl::string_view report_id, int64_t decided_at) {
  return absl::StrCat("destruction/", report_id, "/", decided_at);
}
std::string OpeningAad(const std::string& report_id) {
  return absl::StrCat("case-opening/", report_id);
}

namespace {

// The case openings in the outbox: a StoredCaseOpening names its key and holds the sealed
// CaseFromReport.
absl::StatusOr<int64_t> ResealOpenings(sqlite::Connection& c, const FieldCipher& from,
                                       const FieldCipher& to) {
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement read,
                           c.Prepare("SELECT seq, payload FROM outbox WHERE topic = ?"));
  read.Bind(1, kCaseRequestsTopic);
  std::vector<std::pair<int64_t, std::string>> resealed;
  while (true) {
    SCHAKEL_ASSIGN_OR_RETURN(bool more, read.Step());
    if (!more) break;
    v1::StoredCaseOpening stored;
    if (!stored.ParseFromString(read.ColumnBlob(1))) {
      return absl::DataLossError(absl::StrCat("outbox ", read.ColumnInt(0), " does not parse"));
    }
    if (stored.key_id() != from.key_id()) continue;
    const std::string aad = OpeningAad(stored.report_id());
    absl::StatusOr<std::string> plain = from.OpenText(stored.key_id(), stored.sealed(), aad);
    if (!plain.ok()) {
      return absl::DataLossError(absl::StrCat("outbox ", read.ColumnInt(0),
                                              ": does not open: ", plain.status().message()));
    }
    SCHAKEL_ASSIGN_OR_RETURN(*stored.mutable_sealed(), to.SealText(*plain, aad));
    stored.set_key_id(to.key_id());
    resealed.emplace_back(read.ColumnInt(0), stored.SerializeAsString());
  }
  SCHAKEL_ASSIGN_OR_RETURN(sqlite::Statement update,
                           c.Prepare("UPDATE outbox SET payload = ? WHERE seq = ?"));
  for (const auto& [seq, payload] : resealed) {
    update.Reset();
    update.BindBlob(1, payload).Bind(2, seq);
    SCHAKEL_RETURN_IF_ERROR(update.Run());
  }
  return static_cast<int64_t>(resealed.size());
}

}  // namespace

reseal::Plan DataKeyPlan() {
  using V = std::vector<std::string>;
  reseal::Plan plan;
  plan.columns = {
      {.table = "reports",
       .blob = "body",
       .key_id = "key_id",
       .identity = {"id"},
       .aad = [](const V& v) { return ReportAad(v[0]); },
       .object = "id"},
      {.table = "feedback_tasks",
       .blob = "given",
       .key_id = "key_id",
       .row = {"report_id", "occasion"},
       .identity = {"report_id", "occasion"},
       .aad = [](const V& v) { return FeedbackAad(v[0], v[1]); },
       .object = "report_id"},
      {.table = "reports",
       .blob = "legal_hold",
       .identity = {"id"},
       .aad = [](const V& v) { return HoldAad(v[0]); }},
      {.table = "destruction_requests",
       .blob = "sealed",
       .key_id = "key_id",
       .identity = {"report_id", "decided_at"},
       .aad =
           [](const V& v) {
             int64_t decided_at = 0;
             (void)absl::SimpleAtoi(v[1], &decided_at);
             return DestructionAad(v[0], decided_at);
           }},
      reseal::StoredAnswers(),
  };
  plan.steps = {{.name = "outbox (case openings)", .run = &ResealOpenings}};
  return plan;
}

}  // namespace schakel::intake
