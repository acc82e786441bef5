// A signed-in person: the channels to schakeld (one, or one per service) and who the server says
// they are.
#ifndef SCHAKEL_CLIENT_DESKTOP_SESSION_H_
#define SCHAKEL_CLIENT_DESKTOP_SESSION_H_

#include <memory>

#include <QString>

#include "client/lib/server_addresses.h"
#include "schakel/v1/directory.pb.h"

namespace schakel::desktop {

struct Session {
  // "host:port", or each service's ("directory=host:port,...": client/lib/server_addresses.h).
  QString server;
  client::ChannelsPtr channels;  // mutual TLS; shared by every view's calls
  v1::WhoAmIResponse me;         // WhoAmI at sign-in
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_SESSION_H_
