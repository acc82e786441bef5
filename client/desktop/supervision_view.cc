#include "client/desktop/supervision_view.h"

#include <QLabel>
#include <QVBoxLayout>

namespace schakel::desktop {

SupervisionView::SupervisionView(const Session& session, QWidget* parent)
    : ViewPage(parent), session_(session) {
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(new QLabel(tr("<h2>Toezicht</h2>"), this));
  auto* text = new QLabel(
      tr("Nog niet gebouwd: dit onderdeel komt in een volgende versie van Schakel."), this);
  text->setObjectName(QStringLiteral("notBuilt"));
  text->setWordWrap(true);
  layout->addWidget(text);
  layout->addStretch();
}

void SupervisionView::refresh() {}

}  // namespace schakel::desktop
