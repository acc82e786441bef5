#include "client/desktop/directory_names.h"

#include <utility>
#include <vector>

#include "client/desktop/rpc_runner.h"
#include "schakel/v1/directory.grpc.pb.h"

namespace schakel::desktop {

namespace {

// At most this many pages of organisations (500 each): a region has some hundreds.
constexpr int kMaxOrganisationPages = 20;

struct NamePair {
  std::string id;
  QString name;
};

}  // namespace

DirectoryNames::DirectoryNames(std::shared_ptr<grpc::Channel> channel, QObject* parent)
    : QObject(parent), channel_(std::move(channel)) {}

QString DirectoryNames::organisation(const std::string& id) {
  if (const auto it = organisations_.find(id); it != organisations_.end()) return it->second;
  loadOrganisations();
  return QString::fromStdString(id);
}

void DirectoryNames::loadOrganisations() {
  if (organisations_asked_) return;
  organisations_asked_ = true;
  RunOffUiThread(
      this,
      [channel = channel_]() {
        std::vector<NamePair> names;
        auto stub = v1::DirectoryService::NewStub(channel);
        v1::ListOrganisationsRequest req;
        req.set_page_size(500);
        for (int page = 0; page < kMaxOrganisationPages; ++page) {
          v1::ListOrganisationsResponse resp;
          if (!stub->ListOrganisations(NewCallContext().get(), req, &resp).ok()) break;
          for (const v1::Organisation& o : resp.organisations()) {
            names.push_back({o.id(), QString::fromStdString(o.name())});
          }
          if (resp.next_page_token().empty()) break;
          req.set_page_token(resp.next_page_token());
        }
        return names;
      },
      [this](std::vector<NamePair> names) {
        for (NamePair& n : names) organisations_[n.id] = std::move(n.name);
        if (!names.empty()) emit namesChanged();
      });
}

QString DirectoryNames::professional(const std::string& id) {
  if (const auto it = professionals_.find(id); it != professionals_.end()) return it->second;
  if (!id.empty() && asked_.insert(id).second) {
    RunOffUiThread(
        this,
        [channel = channel_, id]() {
          v1::GetProfessionalRequest req;
          req.set_professional_id(id);
          v1::GetProfessionalResponse resp;
          const grpc::Status status = v1::DirectoryService::NewStub(channel)->GetProfessional(
              NewCallContext().get(), req, &resp);
          return NamePair{
              id, status.ok() ? QString::fromStdString(resp.professional().name()) : QString()};
        },
        [this](NamePair found) {
          if (found.name.isEmpty()) return;  // stays the id
          professionals_[found.id] = std::move(found.name);
          emit namesChanged();
        });
  }
  return QString::fromStdString(id);
}

}  // namespace schakel::desktop
