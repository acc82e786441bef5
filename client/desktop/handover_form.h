// What the handover dialogs share: a FormDialog (form_dialog.h) whose refusals read as the handover
// service's (HandoverRefusalText).
#ifndef SCHAKEL_CLIENT_DESKTOP_HANDOVER_FORM_H_
#define SCHAKEL_CLIENT_DESKTOP_HANDOVER_FORM_H_

#include <memory>

#include <QString>

#include <grpcpp/channel.h>
#include <grpcpp/support/status.h>

#include "client/desktop/form_dialog.h"
#include "client/lib/server_addresses.h"

namespace schakel::desktop {

// The sentence for a refused handover call: the refusals the handover service gives (a handover
// already open, the new lead not on the case team, the case closed, the handover answered
// already, the deadline passed, the human-trafficking consent missing) in words; a handover one
// may not see or change reads the same as one that does not exist; anything else as CallErrorText.
QString HandoverRefusalText(const grpc::Status& status);

class HandoverFormDialog : public FormDialog {
  Q_OBJECT

 public:
  HandoverFormDialog(client::ChannelsPtr channel, const QString& title, const QString& ok_text,
                     QWidget* parent = nullptr);

 protected:
  QString refusalText(const grpc::Status& status) const override;
  QString staleText() const override;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_HANDOVER_FORM_H_
