#include "services/cases/search_guard.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "services/cases/case_rules.h"
#include "services/common/status.h"

namespace schakel::cases {
namespace {

// Principals kept before a sweep forgets those with nothing in the window.
constexpr size_t kSweepAbove = 4096;

}  // namespace

std::string SearchHash(const FieldCipher& cipher, absl::string_view kind, absl::string_view value) {
  return absl::BytesToHexString(cipher.BlindIndex(absl::StrCat("audit.", kind), value));
}

std::pair<std::string, std::string> SearchKey(const v1::FindCasesRequest& req) {
  if (!req.bsn().empty()) return {"bsn", req.bsn()};
  return {"name_dob",
          absl::StrCat(NormaliseName(req.name()), "|", DateString(req.date_of_birth()))};
}

AskedObject SearchObject(const FieldCipher& cipher, const v1::FindCasesRequest& req) {
  const auto [kind, value] = SearchKey(req);
  return {kind == "bsn" ? kBsnSearchObject : kNameDobSearchObject, SearchHash(cipher, kind, value)};
}

SearchLimits SearchLimitsFromConfig(FieldViolations& v, const v1::CasesConfig& config) {
  SearchLimits limits;
  if (config.search_budget() != 0) {
    if (config.search_budget() < 1 || config.search_budget() > 10000) {
      v.Add("cases.search_budget", "must be 1 to 10000");
    }
    limits.budget = config.search_budget();
  }
  if (config.search_window_seconds() != 0) {
    if (config.search_window_seconds() < 60 || config.search_window_seconds() > 86400) {
      v.Add("cases.search_window_seconds", "must be 60 to 86400");
    }
    limits.window = absl::Seconds(config.search_window_seconds());
  }
  if (config.search_miss_alert() != 0) {
    limits.miss_alert = config.search_miss_alert();
    if (config.search_miss_alert() < 1 || config.search_miss_alert() > limits.budget) {
      v.Add("cases.search_miss_alert", "must be 1 to the search budget");
    }
  } else if (limits.miss_alert > limits.budget) {
    limits.miss_alert = limits.budget;
  }
  return limits;
}

void SearchGuard::Prune(Usage& u, absl::Time now) const {
  const absl::Time start = now - limits_.window;
  while (!u.searches.empty() && u.searches.front() <= start) u.searches.pop_front();
  while (!u.misses.empty() && u.misses.front() <= start) u.misses.pop_front();
}

void SearchGuard::SweepLocked(absl::Time now) {
  if (usage_.size() <= kSweepAbove) return;
  for (auto it = usage_.begin(); it != usage_.end();) {
    Prune(it->second, now);
    if (it->second.searches.empty() && it->second.flagged <= now - limits_.window) {
      usage_.erase(it++);
    } else {
      ++it;
    }
  }
}

absl::Status SearchGuard::Admit(const std::string& principal_id) {
  const absl::Time now = clock_->Now();
  absl::MutexLock lock(&mu_);
  SweepLocked(now);
  Usage& u = usage_[principal_id];
  Prune(u, now);
  if (static_cast<int>(u.searches.size()) >= limits_.budget) {
    const absl::Duration wait = u.searches.front() + limits_.window - now;
    return absl::ResourceExhaustedError(
        absl::StrCat("search budget used up (", limits_.budget, " searches per ",
                     absl::FormatDuration(limits_.window), "); try again in ",
                     absl::FormatDuration(absl::Ceil(wait, absl::Seconds(1)))));
  }
  u.searches.push_back(now);
  return absl::OkStatus();
}

bool SearchGuard::RecordMiss(const std::string& principal_id) {
  const absl::Time now = clock_->Now();
  absl::MutexLock lock(&mu_);
  Usage& u = usage_[principal_id];
  Prune(u, now);
  u.misses.push_back(now);
  if (static_cast<int>(u.misses.size()) < limits_.miss_alert) return false;
  if (u.flagged > now - limits_.window) return false;  // this burst is already flagged
  u.flagged = now;
  return true;
}

v1::AuditRecord ProbeSuspectedRecord(const AuditTrail& audit, const Caller& caller,
                                     const v1::AuditRecord& search, const SearchLimits& limits) {
  v1::AuditRecord r = audit.NewRecord(caller, v1::AUDIT_ACTION_EXECUTE, kProbeSuspectedEvent);
  r.set_purpose_of_use("oversight: searches by BSN that find nothing, in a burst");
  r.set_outcome_detail(absl::StrCat(limits.miss_alert, " searches by BSN found nothing within ",
                                    absl::FormatDuration(limits.window)));
  AddObject(r, "professional", caller.principal.id);
  for (const auto& o : search.objects()) {
    if (o.type() == kBsnSearchObject) *r.add_objects() = o;
  }
  return r;
}

}  // namespace schakel::cases
