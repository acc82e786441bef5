// A partner checks its own records: a supervisor lists their organisation's entries and fetches
// an entry's stored bytes, so `schakelctl audit prove` recomputes the leaf from bytes it holds and
// ties it to the event it asked for. An entry belongs to the organisation of the user who acted
// (AuditRecord.user.organisation_id, stored in clear as entries.organisation_id): the same rule
// as inclusion proofs and supervisors' queries, and the one organisation every record names.
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/audit/audit_service.h"
#include "services/common/status.h"
#include "services/common/validation.h"

namespace schakel::audit {

grpc::ServerUnaryReactor* AuditService::ListEntries(grpc::CallbackServerContext* ctx,
                                                    const v1::ListEntriesRequest* req,
                                                    v1::ListEntriesResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (req->page_size() < 0) v.Add("page_size", "must not be negative");
    if (req->organisation_id().size() > 256)
      v.Add("organisation_id", "must be at most 256 characters");
    if (req->event_type().size() > 256) v.Add("event_type", "must be at most 256 characters");
    int64_t after = -1;
    if (!req->page_token().empty() && !DecodeIndexPageToken(req->page_token(), &after)) {
      v.Add("page_token", "is not a token this service gave out");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    EntryListFilter filter{.organisation_id = caller.principal.organisation_id,
                           .event_type = req->event_type()};
    if (!req->organisation_id().empty() &&
        req->organisation_id() != caller.principal.organisation_id) {
      if (!caller.HasRole(v1::ROLE_AUDITOR)) {
        return absl::PermissionDeniedError("supervisors list their own organisation's entries");
      }
      filter.organisation_id = req->organisation_id();
    }
    if (req->has_start_time()) {
      filter.start_time = absl::FromUnixSeconds(req->start_time().seconds());
    }
    if (req->has_end_time()) filter.end_time = absl::FromUnixSeconds(req->end_time().seconds());
    // A look at the log is on record before anything is shown.
    v1::AuditRecord record = audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "audit.entries.list");
    auto* o = record.add_objects();
    o->set_type("organisation");
    o->set_id(filter.organisation_id);
    SCHAKEL_RETURN_IF_ERROR(audit_->RecordDurably(record));
    const int limit = req->page_size() == 0 ? kAuditDefaultPageSize
                                            : std::min(req->page_size(), kAuditMaxPageSize);
    SCHAKEL_ASSIGN_OR_RETURN(auto entries, log_->ListEntries(filter, after, limit + 1));
    const bool more = static_cast<int>(entries.size()) > limit;
    if (more) entries.pop_back();
    for (auto& e : entries) *resp->add_entries() = std::move(e);
    if (more) resp->set_next_page_token(IndexPageToken(resp->entries().rbegin()->index()));
    return absl::OkStatus();
  };
  return Handle(ctx, "ListEntries", *req, {Asked("organisation", req->organisation_id())},
                std::move(handler));
}

grpc::ServerUnaryReactor* AuditService::GetEntry(grpc::CallbackServerContext* ctx,
                                                 const v1::GetEntryRequest* req,
                                                 v1::GetEntryResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (req->entry_case() == v1::GetEntryRequest::ENTRY_NOT_SET) {
      v.Add("entry", "give an index or an event_id");
    }
    if (req->entry_case() == v1::GetEntryRequest::kIndex && req->index() < 0) {
      v.Add("index", "must not be negative");
    }
    if (req->entry_case() == v1::GetEntryRequest::kEventId && req->event_id().size() > 256) {
      v.Add("event_id", "must be at most 256 characters");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(auto stored, req->entry_case() == v1::GetEntryRequest::kIndex
                                              ? log_->ReadEntry(req->index())
                                              : log_->ReadEntryByEventId(req->event_id()));
    // Asked by event id: a refusal names the entry found too.
    if (const CallContext* call = CurrentCall();
        stored && call != nullptr && req->entry_case() == v1::GetEntryRequest::kEventId) {
      call->AskedFor("audit_entry", absl::StrCat(stored->index));
    }
    // The same answer whether the entry does not exist or is another organisation's.
    if (!stored || (!caller.HasRole(v1::ROLE_AUDITOR) &&
                    stored->organisation_id != caller.principal.organisation_id)) {
      return absl::PermissionDeniedError("no entry of yours with that index or event id");
    }
    v1::LogEntry entry;
    if (!entry.ParseFromString(stored->bytes)) {
      return absl::DataLossError(absl::StrCat("stored entry ", stored->index, " does not parse"));
    }
    auto record = log_->Decrypt(entry);
    if (!record.ok() && !(absl::IsDataLoss(record.status()) &&
                          absl::StrContains(record.status().message(), "shredded"))) {
      return record.status();
    }
    v1::AuditRecord look = audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "audit.entry.read");
    auto* o = look.add_objects();
    o->set_type("audit_entry");
    o->set_id(absl::StrCat(stored->index));
    SCHAKEL_RETURN_IF_ERROR(audit_->RecordDurably(look));
    resp->set_index(stored->index);
    resp->set_entry(std::move(stored->bytes));
    if (record.ok()) {
      *resp->mutable_record() = *std::move(record);
    } else {
      resp->set_shredded(true);
    }
    return absl::OkStatus();
  };
  return Handle(ctx, "GetEntry", *req, AskedEntry(*req), std::move(handler));
}

}  // namespace schakel::audit
