#include "client/desktop/translation.h"

#include <memory>

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace schakel::desktop {

namespace {

// The one translator installed; owned here so a second install replaces the first.
std::unique_ptr<QTranslator>& CurrentTranslator() {
  static std::unique_ptr<QTranslator> translator;
  return translator;
}

}  // namespace

QString ChooseLanguage(const QStringList& arguments) {
  for (const QString& arg : arguments) {
    if (arg.startsWith(QStringLiteral("--lang="))) {
      return arg.mid(7).startsWith(QStringLiteral("en")) ? QStringLiteral("en")
                                                         : QStringLiteral("nl");
    }
  }
  return QLocale::system().language() == QLocale::English ? QStringLiteral("en")
                                                          : QStringLiteral("nl");
}

bool InstallTranslation(QCoreApplication& app, const QString& language) {
  RemoveTranslation(app);
  if (language != QStringLiteral("en")) return true;
  auto translator = std::make_unique<QTranslator>();
  if (!translator->load(QStringLiteral(":/i18n/schakel_desktop_en.qm"))) return false;
  app.installTranslator(translator.get());
  CurrentTranslator() = std::move(translator);
  return true;
}

void RemoveTranslation(QCoreApplication& app) {
  if (CurrentTranslator()) {
    app.removeTranslator(CurrentTranslator().get());
    CurrentTranslator().reset();
  }
}

}  // namespace schakel::desktop
