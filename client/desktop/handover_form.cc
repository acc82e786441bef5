#include "client/desktop/handover_form.h"

#include <utility>

#include <QCoreApplication>

#include "client/desktop/error_text.h"
#include "client/lib/server_addresses.h"

namespace schakel::desktop {

namespace {

bool Contains(const grpc::Status& status, const char* part) {
  return status.error_message().find(part) != std::string::npos;
}

}  // namespace

QString HandoverRefusalText(const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::NOT_FOUND:
      if (Contains(status, "only professionals of the receiving organisation")) {
        return QCoreApplication::translate(
            "HandoverText", "Alleen professionals van de ontvangende organisatie kunnen dit doen.");
      }
      if (Contains(status, "only the lead organisation")) {
        return QCoreApplication::translate(
            "HandoverText",
            "Alleen de organisatie die de regie heeft kan een overdracht voorstellen.");
      }
      return QCoreApplication::translate(
          "HandoverText",
          "Dit kunt u niet doen bij deze overdracht, of de overdracht bestaat niet.");
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::ABORTED:
      if (Contains(status, "mensenhandel")) {
        return QCoreApplication::translate(
            "HandoverText",
            "Mensenhandel: leg eerst de schriftelijke toestemming vast voordat de casus met "
            "een andere organisatie wordt gedeeld.");
      }
      if (Contains(status, "is still open; withdraw it")) {
        return QCoreApplication::translate(
            "HandoverText",
            "Er staat al een overdracht van deze casus open. Trek die eerst in of wacht op "
            "het antwoord.");
      }
      if (Contains(status, "is not on the case team")) {
        return QCoreApplication::translate(
            "HandoverText",
            "Wie de regie overneemt moet eerst in het casusteam staan. Vraag de "
            "casusregisseur om diegene toe te voegen.");
      }
      if (Contains(status, "acceptance deadline passed")) {
        return QCoreApplication::translate(
            "HandoverText",
            "De termijn om te accepteren is verstreken; de verzender blijft verantwoordelijk.");
      }
      if (Contains(status, "first contact was confirmed already")) {
        return QCoreApplication::translate("HandoverText", "Het eerste contact is al bevestigd.");
      }
      if (Contains(status, "only an accepted one has a first contact")) {
        return QCoreApplication::translate(
            "HandoverText",
            "Alleen bij een geaccepteerde overdracht kan het eerste contact worden "
            "bevestigd.");
      }
      if (Contains(status, "nothing to answer") || Contains(status, "only an open one")) {
        return QCoreApplication::translate(
            "HandoverText", "Deze overdracht is al beantwoord, ingetrokken of verlopen.");
      }
      if (Contains(status, "case is closed"))
        return QCoreApplication::translate("HandoverText", "De casus is gesloten.");
      if (Contains(status, "honour-related")) {
        return QCoreApplication::translate(
            "HandoverText",
            "Het gaat nu om eergerelateerd geweld en het voorstel zegt dat de familie is "
            "ingelicht. De verzender trekt het voorstel in en stelt opnieuw voor.");
      }
      if (Contains(status, "lead changed") || Contains(status, "lead moved") ||
          Contains(status, "phase changed")) {
        return QCoreApplication::translate(
            "HandoverText",
            "De regie of de fase van de casus is intussen gewijzigd. Laad de casus "
            "opnieuw.");
      }
      return CallErrorText(status);
    default:
      return CallErrorText(status);
  }
}

HandoverFormDialog::HandoverFormDialog(client::ChannelsPtr channel, const QString& title,
                                       const QString& ok_text, QWidget* parent)
    : FormDialog(std::move(channel), title, ok_text, parent) {}

QString HandoverFormDialog::refusalText(const grpc::Status& status) const {
  return HandoverRefusalText(status);
}

QString HandoverFormDialog::staleText() const {
  return tr("Iemand anders heeft deze overdracht intussen gewijzigd.");
}

}  // namespace schakel::desktop
