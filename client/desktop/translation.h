// The desktop client's language: Dutch (the source language of every string) unless English is
// asked for.
#ifndef SCHAKEL_CLIENT_DESKTOP_TRANSLATION_H_
#define SCHAKEL_CLIENT_DESKTOP_TRANSLATION_H_

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace schakel::desktop {

// The language to use: "en" or "nl". `--lang=en|nl` in `arguments` wins; otherwise the system
// locale (LANG, LC_ALL) picks English when its language is English, else Dutch.
QString ChooseLanguage(const QStringList& arguments);

// Installs the translator for `language` in `app` ("nl" needs none: the sources are Dutch).
// Returns false when the translation could not be loaded (the UI then stays Dutch).
bool InstallTranslation(QCoreApplication& app, const QString& language);

// Removes what InstallTranslation installed (tests switch back and forth).
void RemoveTranslation(QCoreApplication& app);

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_TRANSLATION_H_
