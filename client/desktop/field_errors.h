// Marking the fields of a form that a refused call names: the service answers INVALID_ARGUMENT
// with one violation per bad field (client/lib/errors.h); each bound field gets a red frame and the
// violation in Dutch as its tooltip and accessible description, and what no field took is returned
// for the form's general message. A stale etag (the record changed since it was read) is offered
// as a reload.
#ifndef SCHAKEL_CLIENT_DESKTOP_FIELD_ERRORS_H_
#define SCHAKEL_CLIENT_DESKTOP_FIELD_ERRORS_H_

#include <string>
#include <utility>
#include <vector>

#include <QPointer>
#include <QString>
#include <QWidget>

#include <grpcpp/support/status.h>

#include "client/lib/errors.h"

namespace schakel::desktop {

// A violation's description as the services write it ("must not be empty", "must be at most 256
// characters") in the user's language; a description this client does not know is shown as the
// service wrote it after "Ongeldige waarde: ".
QString FieldErrorText(const std::string& description);

// Whether `status` says the record was changed by someone else since it was read: the etag the
// request carried is stale (ABORTED, or FAILED_PRECONDITION naming the etag field).
bool IsStaleEtag(const grpc::Status& status);

// Asks, over `parent`, whether to reload a record someone else changed meanwhile ("Opnieuw laden"
// or "Annuleren"); true for reload. The dialog's object name is "staleEtagQuestion".
bool AskReloadAfterStaleEtag(QWidget* parent);

// The fields of one form, each under the request field path the service names it by.
//
//   FieldMarks marks;
//   marks.Bind("text", text_edit);
//   marks.Bind("due", due_edit);
//   ... the call fails:
//   const auto rest = marks.Show(client::DecodeCallError(status));
//
// A bound path takes the violations of that field and of anything inside it ("plan" takes
// "plan.items[2].text"); the longest bound path wins.
class FieldMarks {
 public:
  void Bind(std::string field, QWidget* widget);

  // Clears the previous marks, then marks every bound widget a violation of `error` names (a red
  // frame; its tooltip and accessible description the Dutch text, several joined by newlines;
  // the dynamic property "fieldError" true). Returns the violations no bound widget took, as
  // "field: text" lines, for the form's general message.
  QStringList Show(const client::CallError& error);

  // Removes every mark.
  void Clear();

  // Whether `widget` is marked now.
  static bool IsMarked(const QWidget* widget);

 private:
  struct Bound {
    std::string field;
    QPointer<QWidget> widget;
    QString style;  // the style sheet before marking
    QString tooltip;
    QString description;
    bool marked = false;
  };
  std::vector<Bound> fields_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_FIELD_ERRORS_H_
