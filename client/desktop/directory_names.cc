#include "client/desktop/directory_names.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "client/desktop/rpc_runner.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/directory.grpc.pb.h"

namespace schakel::desktop {

namespace {

// At most this many pages of organisations (500 each): a region has some hundreds.
constexpr int kMaxOrganisationPages = 20;

// Every page of the directory's organisations: id → name.
struct OrganisationList {
  grpc::Status status;
  std::vector<std::pair<std::string, std::string>> names;
};

OrganisationList ListAllOrganisations(const client::ChannelsPtr& channel) {
  OrganisationList out;
  auto directory = client::StubOf<v1::DirectoryService>(*channel);
  v1::ListOrganisationsRequest req;
  req.set_page_size(500);
  for (int page = 0; page < kMaxOrganisationPages; ++page) {
    v1::ListOrganisationsResponse resp;
    out.status = directory->ListOrganisations(NewCallContext().get(), req, &resp);
    if (!out.status.ok()) return out;
    for (const v1::Organisation& o : resp.organisations()) out.names.emplace_back(o.id(), o.name());
    if (resp.next_page_token().empty()) break;
    req.set_page_token(resp.next_page_token());
  }
  return out;
}

}  // namespace

DirectoryNames::DirectoryNames(client::ChannelsPtr channel, QObject* parent)
    : QObject(parent), channel_(std::move(channel)) {}

QString DirectoryNames::professional(const std::string& id) {
  if (id.empty()) return {};
  const auto known = professionals_.find(id);
  if (known != professionals_.end()) {
    return known->second.isEmpty() ? QString::fromStdString(id) : known->second;
  }
  professionals_[id];  // asked: once
  RunOffUiThread(
      this,
      [channel = channel_, id]() {
        CallResult<v1::GetProfessionalResponse> out;
        v1::GetProfessionalRequest req;
        req.set_professional_id(id);
        out.status = client::StubOf<v1::DirectoryService>(*channel)->GetProfessional(
            NewCallContext().get(), req, &out.response);
        return out;
      },
      [this, id](CallResult<v1::GetProfessionalResponse> out) {
        if (!out.status.ok() || out.response.professional().name().empty()) return;
        professionals_[id] = QString::fromStdString(out.response.professional().name());
        emit namesChanged();
      });
  return QString::fromStdString(id);
}

QString DirectoryNames::organisation(const std::string& id) {
  if (id.empty()) return {};
  const auto known = organisations_.find(id);
  if (known != organisations_.end()) {
    return known->second.isEmpty() ? QString::fromStdString(id) : known->second;
  }
  if (!organisations_listed_) {
    loadOrganisations();
    organisations_waiting_.insert(id);
  } else if (!organisations_answered_) {
    organisations_waiting_.insert(id);
  } else {
    askOrganisation(id);  // not in the list: registered since, or not listed to the caller
  }
  return QString::fromStdString(id);
}

void DirectoryNames::loadOrganisations() {
  if (organisations_listed_) return;
  organisations_listed_ = true;
  RunOffUiThread(
      this, [channel = channel_]() { return ListAllOrganisations(channel); },
      [this](OrganisationList out) {
        organisations_answered_ = true;
        for (const auto& [org_id, name] : out.names) {
          organisations_[org_id] = QString::fromStdString(name);
        }
        const std::set<std::string> waiting = std::move(organisations_waiting_);
        organisations_waiting_.clear();
        for (const std::string& org_id : waiting) {
          if (organisations_.count(org_id) == 0) askOrganisation(org_id);
        }
        if (!out.names.empty()) emit namesChanged();
      });
}

void DirectoryNames::askOrganisation(const std::string& id) {
  organisations_[id];  // asked: once
  RunOffUiThread(
      this,
      [channel = channel_, id]() {
        CallResult<v1::GetOrganisationResponse> out;
        v1::GetOrganisationRequest req;
        req.set_organisation_id(id);
        out.status = client::StubOf<v1::DirectoryService>(*channel)->GetOrganisation(
            NewCallContext().get(), req, &out.response);
        return out;
      },
      [this, id](CallResult<v1::GetOrganisationResponse> out) {
        if (!out.status.ok() || out.response.organisation().name().empty()) return;
        organisations_[id] = QString::fromStdString(out.response.organisation().name());
        emit namesChanged();
      });
}

QString NameOfProfessional(DirectoryNames* names, const std::string& id) {
  return names != nullptr ? names->professional(id) : QString::fromStdString(id);
}

QString NameOfOrganisation(DirectoryNames* names, const std::string& id) {
  return names != nullptr ? names->organisation(id) : QString::fromStdString(id);
}

}  // namespace schakel::desktop
