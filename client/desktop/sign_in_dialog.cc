#include "client/desktop/sign_in_dialog.h"

#include <string>

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/lib/connection.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/directory.grpc.pb.h"

namespace schakel::desktop {

namespace {

constexpr char kDefaultServer[] = "127.0.0.1:7400";

// What the worker hands back: a channel and WhoAmI, or why not.
struct SignInOutcome {
  client::ChannelsPtr channels;
  grpc::Status status;
  v1::WhoAmIResponse me;
  // Connect failed (a file did not parse): its message, which names the file.
  QString file_error;
  // The PKCS#12 file did not open with the password given (or is not PKCS#12).
  bool pkcs12_refused = false;
};

}  // namespace

SignInDialog::SignInDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Aanmelden bij Schakel"));
  QSettings settings;
  auto make_field = [this](const char* name, const QString& accessible, const QString& value) {
    auto* field = new QLineEdit(value, this);
    field->setObjectName(QString::fromLatin1(name));
    field->setAccessibleName(accessible);
    return field;
  };
  server_ = make_field(
      "server", tr("Server"),
      settings.value(QStringLiteral("signIn/server"), QString::fromLatin1(kDefaultServer))
          .toString());
  server_->setPlaceholderText(tr("host:poort"));
  cert_ = make_field("certificate", tr("Certificaatbestand"),
                     settings.value(QStringLiteral("signIn/certificate")).toString());
  key_ = make_field("key", tr("Sleutelbestand"),
                    settings.value(QStringLiteral("signIn/key")).toString());
  ca_ = make_field("ca", tr("CA-bestand"), settings.value(QStringLiteral("signIn/ca")).toString());
  // A PKCS#12 file's password: asked each time, never remembered.
  password_ = make_field("password", tr("Wachtwoord van het PKCS#12-bestand"), QString());
  password_->setEchoMode(QLineEdit::Password);

  auto* form = new QFormLayout;
  // Labels with a buddy, so Alt+letter moves to the field.
  auto label_for = [this](const QString& text, QLineEdit* field) {
    auto* label = new QLabel(text, this);
    label->setBuddy(field);
    return label;
  };
  form->addRow(label_for(tr("&Server:"), server_), server_);
  auto add_file_row = [&](const QString& label, QLineEdit* field, const QString& title) {
    auto* row = new QHBoxLayout;
    if (field == key_) key_row_ = row;
    row->addWidget(field, 1);
    auto* browse_button = new QPushButton(tr("Bladeren…"), this);
    browse_button->setAccessibleName(tr("Bladeren: %1").arg(title));
    connect(browse_button, &QPushButton::clicked, this,
            [this, field, title] { browse(field, title); });
    row->addWidget(browse_button);
    form->addRow(label_for(label, field), row);
  };
  add_file_row(tr("&Certificaat (PEM of PKCS#12):"), cert_, tr("Certificaat kiezen"));
  add_file_row(tr("&Sleutel (PEM):"), key_, tr("Sleutel kiezen"));
  form->addRow(label_for(tr("&Wachtwoord:"), password_), password_);
  add_file_row(tr("C&A (PEM):"), ca_, tr("CA-certificaat kiezen"));
  form_ = form;
  connect(cert_, &QLineEdit::textChanged, this, &SignInDialog::showFormatFields);
  showFormatFields();

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("status"));
  status_->setWordWrap(true);
  status_->setAccessibleName(tr("Meldingen"));

  sign_in_ = new QPushButton(tr("Aanmelden"), this);
  sign_in_->setObjectName(QStringLiteral("signIn"));
  sign_in_->setDefault(true);
  cancel_ = new QPushButton(tr("Annuleren"), this);
  connect(sign_in_, &QPushButton::clicked, this, &SignInDialog::signIn);
  connect(cancel_, &QPushButton::clicked, this, &QDialog::reject);
  auto* buttons = new QHBoxLayout;
  buttons->addStretch();
  buttons->addWidget(cancel_);
  buttons->addWidget(sign_in_);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(status_);
  layout->addLayout(buttons);
  resize(560, sizeHint().height());
}

void SignInDialog::browse(QLineEdit* field, const QString& title) {
  const QString path =
      QFileDialog::getOpenFileName(this, title, QFileInfo(field->text()).absolutePath(),
                                   tr("Certificaten en sleutels (*.pem *.crt *.key *.p12 *.pfx);;"
                                      "Alle bestanden (*)"));
  if (!path.isEmpty()) field->setText(path);
}

QString SignInDialog::checkFiles() const {
  const bool p12 = isPkcs12();
  const struct {
    QLineEdit* field;
    QString what;
  } files[] = {{cert_, tr("Het certificaatbestand")},
               {key_, tr("Het sleutelbestand")},
               {ca_, tr("Het CA-bestand")}};
  for (const auto& f : files) {
    if (p12 && f.field == key_) continue;  // the key is inside the PKCS#12 file
    const QString path = f.field->text().trimmed();
    if (path.isEmpty()) return tr("%1 is niet gekozen.").arg(f.what);
    const QFileInfo info(path);
    if (!info.exists()) return tr("%1 „%2” bestaat niet.").arg(f.what, path);
    if (!info.isFile() || !info.isReadable()) {
      return tr("%1 „%2” kan niet worden gelezen.").arg(f.what, path);
    }
  }
  // The client library refuses a key others may read; say so here, in the person's words.
  const QFile::Permissions others =
      QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
  const QString key_path = (p12 ? cert_ : key_)->text().trimmed();
  if (QFileInfo(key_path).permissions() & others) {
    return tr("Het sleutelbestand „%1” is ook voor anderen leesbaar. Maak het alleen voor uzelf "
              "leesbaar (chmod 600 %1).")
        .arg(key_path);
  }
  return {};
}

void SignInDialog::signIn() {
  session_.reset();
  const QString server = server_->text().trimmed();
  if (server.isEmpty()) {
    showError(tr("Vul het adres van de server in (host:poort)."));
    emit signInFinished(false);
    return;
  }
  if (const QString bad = checkFiles(); !bad.isEmpty()) {
    showError(bad);
    emit signInFinished(false);
    return;
  }
  QSettings settings;
  settings.setValue(QStringLiteral("signIn/server"), server);
  settings.setValue(QStringLiteral("signIn/certificate"), cert_->text().trimmed());
  settings.setValue(QStringLiteral("signIn/key"), key_->text().trimmed());
  settings.setValue(QStringLiteral("signIn/ca"), ca_->text().trimmed());

  TlsFiles files;
  files.cert = cert_->text().trimmed().toStdString();
  files.key = key_->text().trimmed().toStdString();
  files.ca = ca_->text().trimmed().toStdString();
  auto servers = client::ServerAddresses::Parse(server.toStdString());
  if (!servers.ok()) {
    showError(tr("Het adres van de server klopt niet: gebruik host:poort, of per dienst "
                 "directory=host:poort,cases=host:poort,…"),
              QString::fromStdString(std::string(servers.status().message())));
    emit signInFinished(false);
    return;
  }
  const std::chrono::milliseconds deadline = deadline_;
  const bool p12 = isPkcs12();
  const std::string password = password_->text().toStdString();
  setBusy(true);
  status_->setText(tr("Bezig met aanmelden…"));
  status_->setToolTip({});
  RunOffUiThread(
      this,
      [servers = *std::move(servers), files, deadline, p12, password]() {
        SignInOutcome out;
        absl::StatusOr<TlsMaterial> material =
            p12 ? client::LoadPkcs12(files.cert, password, files.ca) : LoadTlsMaterial(files);
        if (!material.ok()) {
          out.file_error = QString::fromStdString(std::string(material.status().message()));
          out.pkcs12_refused = p12 && absl::IsInvalidArgument(material.status());
          return out;
        }
        out.channels = std::make_shared<const client::Channels>(servers, *material);
        auto stub = client::StubOf<v1::DirectoryService>(*out.channels);
        out.status = stub->WhoAmI(NewCallContext(deadline).get(), v1::WhoAmIRequest(), &out.me);
        return out;
      },
      [this, server](SignInOutcome out) {
        setBusy(false);
        if (out.pkcs12_refused) {
          showError(tr("Het PKCS#12-bestand gaat niet open: het wachtwoord is onjuist of het "
                       "bestand is geen PKCS#12-bestand."),
                    out.file_error);
          emit signInFinished(false);
          return;
        }
        if (!out.file_error.isEmpty()) {
          showError(
              tr("De certificaatbestanden konden niet worden gelezen: %1").arg(out.file_error));
          emit signInFinished(false);
          return;
        }
        if (!out.status.ok()) {
          showError(SignInErrorText(out.status), TechnicalDetail(out.status));
          emit signInFinished(false);
          return;
        }
        // The server knows the certificate's CA but not (or no longer) the person: an unknown or
        // revoked professional, or a service's certificate.
        if (!out.me.registered() || out.me.kind() != v1::PRINCIPAL_KIND_USER) {
          showError(
              tr("Uw certificaat wordt niet (meer) geaccepteerd. Neem contact op met uw "
                 "beheerder."));
          emit signInFinished(false);
          return;
        }
        status_->setText(tr("Aangemeld als %1").arg(IdentitySummary(out.me)));
        session_ = Session{.server = server, .channels = out.channels, .me = out.me};
        emit signInFinished(true);
        accept();
      });
}

void SignInDialog::showError(const QString& message, const QString& detail) {
  status_->setText(message);
  status_->setToolTip(detail);
}

void SignInDialog::setBusy(bool busy) {
  sign_in_->setEnabled(!busy);
  for (QLineEdit* f : {server_, cert_, key_, ca_, password_}) f->setEnabled(!busy);
}

bool SignInDialog::isPkcs12() const {
  const QString suffix = QFileInfo(cert_->text().trimmed()).suffix().toLower();
  return suffix == QLatin1String("p12") || suffix == QLatin1String("pfx");
}

void SignInDialog::showFormatFields() {
  const bool p12 = isPkcs12();
  form_->setRowVisible(key_row_, !p12);
  form_->setRowVisible(password_, p12);
}

void SignInDialog::prefill(const QString& server, const QString& cert, const QString& key,
                           const QString& ca) {
  if (!server.isEmpty()) server_->setText(server);
  if (!cert.isEmpty()) cert_->setText(cert);
  if (!key.isEmpty()) key_->setText(key);
  if (!ca.isEmpty()) ca_->setText(ca);
}

}  // namespace schakel::desktop
