// A signed-in person: the channel to schakeld and who the server says they are.
#ifndef SCHAKEL_CLIENT_DESKTOP_SESSION_H_
#define SCHAKEL_CLIENT_DESKTOP_SESSION_H_

#include <memory>

#include <QString>

#include <grpcpp/channel.h>

#include "schakel/v1/directory.pb.h"

namespace schakel::desktop {

struct Session {
  QString server;                          // "host:port"
  std::shared_ptr<grpc::Channel> channel;  // mutual TLS; shared by every view's calls
  v1::WhoAmIResponse me;                   // WhoAmI at sign-in
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_SESSION_H_
