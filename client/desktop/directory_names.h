// Names for the directory's ids, so that a table shows "Politie Haaglanden" and "Fatima Bakker"
// rather than "politie-haaglanden" and "f.bakker": read from the directory off the UI thread
// (ListOrganisations once, then GetOrganisation for an id it did not list; GetProfessional per
// professional), each id asked once and kept for the object's life. Until the answer (and when the
// directory does not know the id or does not answer) a name reads as the id itself; each answer
// emits namesChanged(), and whoever shows names draws again.
#ifndef SCHAKEL_CLIENT_DESKTOP_DIRECTORY_NAMES_H_
#define SCHAKEL_CLIENT_DESKTOP_DIRECTORY_NAMES_H_

#include <map>
#include <memory>
#include <set>
#include <string>

#include <QObject>
#include <QString>

#include <grpcpp/channel.h>
#include "client/lib/server_addresses.h"

namespace schakel::desktop {

class DirectoryNames : public QObject {
  Q_OBJECT

 public:
  explicit DirectoryNames(client::ChannelsPtr channel, QObject* parent = nullptr);

  // The professional's name, or `id` (asked for when not yet known). Empty for an empty id.
  QString professional(const std::string& id);
  // The organisation's name, or `id` (asked for when not yet known). Empty for an empty id.
  QString organisation(const std::string& id);
  // Reads every organisation now (once), so that the first table drawn has their names.
  void loadOrganisations();

 signals:
  // Names arrived: whatever shows a name through this object should show it again.
  void namesChanged();

 private:
  void askOrganisation(const std::string& id);

  client::ChannelsPtr channel_;
  std::map<std::string, QString> professionals_;  // asked; the name once answered (else empty)
  std::map<std::string, QString> organisations_;  // as listed or asked
  std::set<std::string> organisations_waiting_;   // asked while the list was under way
  bool organisations_listed_ = false;             // the list was asked for
  bool organisations_answered_ = false;           // ... and answered (or failed)
};

// The name `names` gives `id`, or `id` when there is no `names` (a professional's).
QString NameOfProfessional(DirectoryNames* names, const std::string& id);
// The same for an organisation.
QString NameOfOrganisation(DirectoryNames* names, const std::string& id);

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_DIRECTORY_NAMES_H_
