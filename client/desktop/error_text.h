// What a failed call means for the person at the screen: one Dutch (or English) sentence, never
// gRPC's own text as the main message. The technical detail goes to a tooltip or the log.
#ifndef SCHAKEL_CLIENT_DESKTOP_ERROR_TEXT_H_
#define SCHAKEL_CLIENT_DESKTOP_ERROR_TEXT_H_

#include <QString>

#include <grpcpp/support/status.h>

namespace schakel::desktop {

// The sentence for a failed call (`status` not OK), translated:
//   UNAUTHENTICATED, PERMISSION_DENIED at sign-in: the certificate is not (or no longer) accepted
//   UNAVAILABLE: the server cannot be reached
//   DEADLINE_EXCEEDED: the server did not answer in time
//   anything else: something went wrong at the server, with the code's name
QString SignInErrorText(const grpc::Status& status);

// As SignInErrorText, for a call made after signing in: PERMISSION_DENIED says the call is not
// allowed (without saying whether what was asked for exists).
QString CallErrorText(const grpc::Status& status);

// The technical detail of `status` ("UNAVAILABLE: failed to connect ..."), for a tooltip.
QString TechnicalDetail(const grpc::Status& status);

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_ERROR_TEXT_H_
