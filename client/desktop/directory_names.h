// Names for the directory's ids, so that a table shows "Politie Haaglanden" and "Fatima Bakker"
// rather than "politie-haaglanden" and "f.bakker". Organisations are read once (every page of
// ListOrganisations), a professional on first sight (GetProfessional), both off the UI thread and
// kept for the life of the object; an id not known (yet, or a lookup that failed) reads as itself,
// and namesChanged() tells the owner to draw again once names arrive.
#ifndef SCHAKEL_CLIENT_DESKTOP_DIRECTORY_NAMES_H_
#define SCHAKEL_CLIENT_DESKTOP_DIRECTORY_NAMES_H_

#include <map>
#include <memory>
#include <set>
#include <string>

#include <QObject>
#include <QString>

#include <grpcpp/channel.h>

namespace schakel::desktop {

class DirectoryNames : public QObject {
  Q_OBJECT

 public:
  explicit DirectoryNames(std::shared_ptr<grpc::Channel> channel, QObject* parent = nullptr);

  // The organisation's name, or its id while it is not known. The first call reads every
  // organisation.
  QString organisation(const std::string& id);
  // Reads every organisation now (once), so that the first table drawn has their names.
  void loadOrganisations();
  // The professional's name, or the id while it is not known; an unknown id is looked up once.
  QString professional(const std::string& id);

 signals:
  // Names arrived: what shows ids may show names now.
  void namesChanged();

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::map<std::string, QString> organisations_;
  std::map<std::string, QString> professionals_;
  std::set<std::string> asked_;  // professionals looked up (answered or not)
  bool organisations_asked_ = false;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_DIRECTORY_NAMES_H_
