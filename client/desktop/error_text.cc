#include "client/desktop/error_text.h"

#include <QCoreApplication>

namespace schakel::desktop {

namespace {

QString CodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return QStringLiteral("OK");
    case grpc::StatusCode::CANCELLED:
      return QStringLiteral("CANCELLED");
    case grpc::StatusCode::UNKNOWN:
      return QStringLiteral("UNKNOWN");
    case grpc::StatusCode::INVALID_ARGUMENT:
      return QStringLiteral("INVALID_ARGUMENT");
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return QStringLiteral("DEADLINE_EXCEEDED");
    case grpc::StatusCode::NOT_FOUND:
      return QStringLiteral("NOT_FOUND");
    case grpc::StatusCode::ALREADY_EXISTS:
      return QStringLiteral("ALREADY_EXISTS");
    case grpc::StatusCode::PERMISSION_DENIED:
      return QStringLiteral("PERMISSION_DENIED");
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return QStringLiteral("RESOURCE_EXHAUSTED");
    case grpc::StatusCode::FAILED_PRECONDITION:
      return QStringLiteral("FAILED_PRECONDITION");
    case grpc::StatusCode::ABORTED:
      return QStringLiteral("ABORTED");
    case grpc::StatusCode::OUT_OF_RANGE:
      return QStringLiteral("OUT_OF_RANGE");
    case grpc::StatusCode::UNIMPLEMENTED:
      return QStringLiteral("UNIMPLEMENTED");
    case grpc::StatusCode::INTERNAL:
      return QStringLiteral("INTERNAL");
    case grpc::StatusCode::UNAVAILABLE:
      return QStringLiteral("UNAVAILABLE");
    case grpc::StatusCode::DATA_LOSS:
      return QStringLiteral("DATA_LOSS");
    case grpc::StatusCode::UNAUTHENTICATED:
      return QStringLiteral("UNAUTHENTICATED");
    default:
      return QString::number(static_cast<int>(code));
  }
}

// The sentences every call shares; empty when the code needs a caller-specific one.
QString CommonText(const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
      return QCoreApplication::translate("ErrorText", "De server is niet bereikbaar.");
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return QCoreApplication::translate(
          "ErrorText", "De server antwoordde niet op tijd. Probeer het later opnieuw.");
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return QCoreApplication::translate(
          "ErrorText", "U heeft te veel verzoeken gedaan. Wacht even en probeer het opnieuw.");
    default:
      return QCoreApplication::translate("ErrorText",
                                         "Er ging iets mis bij de server (%1). Probeer het later "
                                         "opnieuw of neem contact op "
                                         "met uw beheerder.")
          .arg(CodeName(status.error_code()));
  }
}

}  // namespace

QString SignInErrorText(const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::PERMISSION_DENIED:
      return QCoreApplication::translate(
          "ErrorText",
          "Uw certificaat wordt niet (meer) geaccepteerd. Neem contact op met uw beheerder.");
    default:
      return CommonText(status);
  }
}

QString CallErrorText(const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::UNAUTHENTICATED:
      return QCoreApplication::translate(
          "ErrorText",
          "Uw certificaat wordt niet (meer) geaccepteerd. Neem contact op met uw beheerder.");
    case grpc::StatusCode::PERMISSION_DENIED:
      return QCoreApplication::translate("ErrorText", "U heeft geen toegang tot dit onderdeel.");
    default:
      return CommonText(status);
  }
}

QString TechnicalDetail(const grpc::Status& status) {
  return CodeName(status.error_code()) + QStringLiteral(": ") +
         QString::fromStdString(status.error_message());
}

}  // namespace schakel::desktop
