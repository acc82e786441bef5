// The handover dialogs ("warme overdracht"): the sender proposes, the receiver accepts (only then
// the lead moves) or declines with a reason, the sender may withdraw an open proposal, and the new
// lead confirms the first contact with the family. Each dialog sends one call off the UI thread
// with a request id of its own, marks the fields the service names, shows a refusal in words, and
// closes on success. The services decide who may do what; the dialogs show their answer.
#ifndef SCHAKEL_CLIENT_DESKTOP_HANDOVER_DIALOGS_H_
#define SCHAKEL_CLIENT_DESKTOP_HANDOVER_DIALOGS_H_

#include <memory>
#include <string>

#include <QString>

#include <grpcpp/channel.h>

#include "client/desktop/handover_form.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/handover.pb.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

namespace schakel::desktop {

// A dialog about one handover: on opening it reads the handover (HandoverService.GetHandover) and
// shows its case reference, from and to organisation, phase, state and — as far as the service
// shows it to the caller — the sender's summary. The etag read goes with the call.
//
// Child object names: "handoverDetails" (the label with the details), "formStatus", "okButton".
class HandoverActionDialog : public HandoverFormDialog {
  Q_OBJECT

 public:
  const QString& handoverId() const { return handover_id_; }
  // The handover as read (empty until the read answered).
  const v1::Handover& handover() const { return handover_; }

 signals:
  // The handover was read (`ok`) or the read failed.
  void loaded(bool ok);
  // The call succeeded: the handover as the service answered.
  void changed(const QString& handover_id);

 protected:
  HandoverActionDialog(client::ChannelsPtr channel, QString handover_id, const QString& title,
                       const QString& ok_text, QWidget* parent);
  void reload() override;
  void succeeded() override;
  // After the handover was read; e.g. to fill a field from it.
  virtual void onLoaded() {}
  // The etag read, for the call (empty until read: the call then goes without).
  std::string etag() const { return handover_.etag(); }

 private:
  void showDetails();

  const QString handover_id_;
  v1::Handover handover_;
  QString from_name_;
  QString to_name_;
  QLabel* details_;
};

// "Overdracht accepteren": the first-contact term in working days (0 = the default) and who leads
// for the receiver (the caller, or a professional of the receiving organisation).
// Object name "acceptHandoverDialog"; fields "firstContactDays", "responsibleProfessional".
class AcceptHandoverDialog : public HandoverActionDialog {
  Q_OBJECT

 public:
  AcceptHandoverDialog(client::ChannelsPtr channel, QString handover_id, QWidget* parent = nullptr);

 protected:
  Call prepareCall() override;
  void onLoaded() override;

 private:
  QSpinBox* days_;
  QComboBox* responsible_;
  bool professionals_asked_ = false;
};

// "Overdracht weigeren": the reason (the service requires one).
// Object name "declineHandoverDialog"; field "declineReason".
class DeclineHandoverDialog : public HandoverActionDialog {
  Q_OBJECT

 public:
  DeclineHandoverDialog(client::ChannelsPtr channel, QString handover_id,
                        QWidget* parent = nullptr);

 protected:
  Call prepareCall() override;

 private:
  QPlainTextEdit* reason_;
};

// "Overdracht intrekken": the sender's own open proposal, with an optional reason.
// Object name "withdrawHandoverDialog"; field "withdrawReason".
class WithdrawHandoverDialog : public HandoverActionDialog {
  Q_OBJECT

 public:
  WithdrawHandoverDialog(client::ChannelsPtr channel, QString handover_id,
                         QWidget* parent = nullptr);

 protected:
  Call prepareCall() override;

 private:
  QPlainTextEdit* reason_;
};

// "Eerste contact bevestigen": now, or a moment given in Europe/Amsterdam.
// Object name "confirmContactDialog"; fields "contactNow" (check box), "contactAt".
class ConfirmContactDialog : public HandoverActionDialog {
  Q_OBJECT

 public:
  ConfirmContactDialog(client::ChannelsPtr channel, QString handover_id, QWidget* parent = nullptr);

 protected:
  Call prepareCall() override;

 private:
  QCheckBox* now_;
  QDateTimeEdit* at_;
};

// "Overdracht voorstellen" for one case: the receiving organisation (DirectoryService
// .ListOrganisations), optionally a professional of it (ListProfessionals), the phase the receiver
// leads in, the summary and what moves with it (safety conditions, agreements, open risks, open
// actions: one per line), whether the family was informed, and the term to accept in working days.
// Object name "proposeHandoverDialog"; fields "toOrganisation", "toProfessional", "phase",
// "summary", "safetyConditions", "agreements", "openRisks", "openActions", "familyInformed",
// "acceptDays"; "okButton".
class ProposeHandoverDialog : public HandoverFormDialog {
  Q_OBJECT

 public:
  ProposeHandoverDialog(client::ChannelsPtr channel, QString case_id, QWidget* parent = nullptr);

  // The handover proposed (empty until then).
  const v1::Handover& handover() const { return proposed_; }

 signals:
  void proposed(const QString& handover_id);
  // The organisations were read (`ok`) or the read failed.
  void organisationsLoaded(bool ok);

 protected:
  Call prepareCall() override;
  void succeeded() override;

 private:
  void loadOrganisations();
  void loadProfessionals();

  const QString case_id_;
  QComboBox* to_org_;
  QComboBox* to_pro_;
  QComboBox* phase_;
  QPlainTextEdit* summary_;
  QPlainTextEdit* conditions_;
  QPlainTextEdit* agreements_;
  QPlainTextEdit* risks_;
  QPlainTextEdit* actions_;
  QCheckBox* family_;
  QSpinBox* days_;
  std::shared_ptr<v1::ProposeHandoverResponse> answer_;  // filled off the UI thread
  v1::Handover proposed_;
  int professionals_asked_ = 0;  // the newest ListProfessionals asked; older answers are dropped
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_HANDOVER_DIALOGS_H_
