// SQL of the handover service. Handover content is sealed under its case's own key (ObjectSealer)
// on its way in and opened on its way out; nothing else stored here is personal data (ids,
// references, organisations, times).
#ifndef SCHAKEL_SERVICES_HANDOVER_HANDOVER_STORE_H_
#define SCHAKEL_SERVICES_HANDOVER_HANDOVER_STORE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "schakel/v1/config.pb.h"
#include "schakel/v1/handover.pb.h"
#include "services/common/data_keys.h"
#include "services/common/field_cipher.h"
#include "services/common/object_sealer.h"
#include "services/common/reseal.h"
#include "services/common/sqlite.h"
#include "services/handover/ledger.h"

namespace schakel::handover {

struct LedgerRow {
  std::string case_id;
  std::string reference;
  v1::Region region = v1::REGION_UNSPECIFIED;
  v1::CaseStatus status = v1::CASE_STATUS_UNSPECIFIED;
  v1::Phase phase = v1::PHASE_UNSPECIFIED;
  std::string lead_organisation_id;
  std::string lead_professional_id;
  int64_t lead_since = 0;
  std::string watching_organisation_id;
  std::string watching_handover_id;
};

struct HandoverRow {
  std::string id;
  std::string case_id;
  v1::HandoverState state = v1::HANDOVER_STATE_UNSPECIFIED;
  std::string from_organisation_id;
  std::string from_professional_id;
  std::string to_organisation_id;
  std::string to_professional_id;
  v1::Phase phase = v1::PHASE_UNSPECIFIED;
  bool family_informed = false;
  v1::StoredHandoverBody body;
  int64_t proposed = 0;
  int64_t accept_deadline = 0;
  std::optional<int64_t> reminder;
  std::optional<int64_t> reminded;
  std::optional<int64_t> decided;
  std::string decided_by;
  std::optional<int64_t> accept_escalated;
  std::optional<int64_t> contact_deadline;
  std::optional<int64_t> contact;
  std::optional<int64_t> contact_escalated;
  int64_t version = 0;
  // Its case was destroyed (retention): the content is gone, and the row never changes again.
  bool destroyed = false;
};

enum class Audience { kSupervisors = 1, kProfessionals = 2 };

struct InboxRow {
  int64_t id = 0;
  std::string organisation_id;
  Audience audience = Audience::kProfessionals;
  v1::InboxItemKind kind = v1::INBOX_ITEM_KIND_UNSPECIFIED;
  std::string handover_id;
  int64_t due = 0;
  int64_t created = 0;
};

struct HandoverFilter {
  std::optional<v1::Region> region;
  std::string organisation_id;  // from or to
  // A supervisor's scope: only handovers sent or received by this organisation, or of a case
  // it is on the team of (empty: all).
  std::string party_organisation_id;
  std::vector<int> states;  // empty: all
  bool overdue_only = false;
  int64_t now = 0;  // for overdue_only
  std::optional<int64_t> proposed_from;
  std::optional<int64_t> proposed_to;
  // Paging: after (proposed, id).
  std::optional<std::pair<int64_t, std::string>> after;
  int limit = 0;  // 0: all
};

// The handovers whose time came: acceptance deadline passed, reminder due, first contact late.
struct DueWork {
  std::vector<std::string> expired;
  std::vector<std::string> reminders;
  std::vector<std::string> contact_late;
  bool empty() const { return expired.empty() && reminders.empty() && contact_late.empty(); }
};

class HandoverStore {
 public:
  // `sealer`: each case's own key ("case/<id>") seals its handovers' content.
  HandoverStore(sqlite::Connection& c, ObjectSealer& sealer) : c_(c), sealer_(sealer) {}

  absl::StatusOr<std::optional<LedgerRow>> GetLedger(const std::string& case_id);
  absl::Status InsertLedger(const LedgerRow& row);
  absl::Status UpdateLedger(const LedgerRow& row);
  // Every ledger row of a region (all regions when unset), by case id. With `organisation_id`
  // only the cases of that organisation: those it led at some time, sent or received a handover
  // of, or is on the team of (the same for ListPeriodsOfRegion and ListOpenPeriodsOfRegion).
  absl::StatusOr<std::vector<LedgerRow>> ListLedgers(std::optional<v1::Region> region,
                                                     const std::string& organisation_id = "");

  // The organisations on a case's team, as the cases service last said: replaced as a whole.
  absl::Status SetCaseOrganisations(const std::string& case_id,
                                    const std::vector<std::string>& organisations);

  // Periods of one case, or of every case of a region, ordered by (case, start, id).
  absl::StatusOr<std::vector<PeriodRow>> ListPeriods(const std::string& case_id);
  absl::StatusOr<std::vector<PeriodRow>> ListPeriodsOfRegion(
      std::optional<v1::Region> region, const std::string& organisation_id = "");
  // Ends the case's current period at `at` and starts `next` (its end ignored) in its place.
  absl::Status SwitchPeriod(const std::string& case_id, int64_t at, const PeriodRow& next);
  absl::Status StartPeriod(const PeriodRow& period);

  // When cases were open.
  absl::Status OpenCase(const std::string& case_id, int64_t at);
  absl::Status CloseCase(const std::string& case_id, int64_t at);
  // The case was destroyed (its retention term ended): deletes the sealed content of its
  // handovers (secure_delete overwrites it in the file); dates and organisations stay.
  absl::Status DestroyCase(const std::string& case_id);
  // case id -> its open intervals.
  absl::StatusOr<std::vector<std::pair<std::string, Interval>>> ListOpenPeriodsOfRegion(
      std::optional<v1::Region> region, const std::string& organisation_id = "");

  absl::Status InsertHandover(const HandoverRow& row);
  // Writes the mutable fields and bumps the version; ABORTED when the stored version is not
  // row.version (a concurrent change).
  absl::Status UpdateHandover(HandoverRow& row);
  absl::StatusOr<std::optional<HandoverRow>> GetHandover(const std::string& id,
                                                         bool decrypt = true);
  absl::StatusOr<std::optional<HandoverRow>> GetOpenHandover(const std::string& case_id);
  absl::StatusOr<std::vector<HandoverRow>> ListHandoversOfCase(const std::string& case_id);
  // Without decrypting content (the list and the report need none).
  absl::StatusOr<std::vector<HandoverRow>> ListHandovers(const HandoverFilter& filter);
  // Handovers in state `state` to `organisation_id` (the receiver's inbox).
  absl::StatusOr<std::vector<HandoverRow>> ListTo(const std::string& organisation_id,
                                                  v1::HandoverState state);

  absl::StatusOr<DueWork> FindDue(int64_t now);
  // The earliest time anything FindDue looks for falls due (kForever when nothing waits).
  absl::StatusOr<int64_t> NextDue();

  // False when the item was there already.
  absl::StatusOr<bool> AddInboxItem(const InboxRow& item);
  // Items for `audience` of an organisation created at or after `since`; with `open_only` only
  // those whose handover still waits for an answer.
  absl::StatusOr<std::vector<InboxRow>> ListInboxItems(const std::string& organisation_id,
                                                       Audience audience, int64_t since,
                                                       bool open_only = false);

 private:
  absl::StatusOr<std::vector<HandoverRow>> QueryHandovers(sqlite::Statement& s, bool decrypt);
  sqlite::Connection& c_;
  ObjectSealer& sealer_;
};

std::string HandoverAad(const std::string& id);

// Each case's key is wrapped by the handover master key, bound to this prefix and its key id.
inline constexpr char kHandoverKeyAadPrefix[] = "handover/";
inline constexpr char kHandoverMasterKeyLabel[] = "schakel handover case keys";
// The master key: handover.master_key_file, or when unset one derived from the data key.
absl::StatusOr<std::string> HandoverMasterKey(const v1::HandoverConfig& config);

// Every column that may hold values sealed under the data key (`schakeld rotate-data-key
// --service=handover`): the handovers' content from before case keys (it moves to its case's
// key) and the stored answers.
reseal::Plan DataKeyPlan();

}  // namespace schakel::handover

#endif  // SCHAKEL_SERVICES_HANDOVER_HANDOVER_STORE_H_
