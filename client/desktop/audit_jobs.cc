#include "client/desktop/audit_jobs.h"

#include <chrono>
#include <fstream>
#include <thread>

#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/util/delimited_message_util.h>

#include "client/desktop/rpc_runner.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/audit.grpc.pb.h"

namespace schakel::desktop {

namespace {

// How long an export may stream: long enough for a region's years of entries, and bounded.
constexpr std::chrono::minutes kExportDeadline{30};
// While the log has not yet signed a checkpoint covering the entry (it signs on demand at most
// once a second), ask again this often, this many times.
constexpr std::chrono::milliseconds kProofRetryDelay{500};
constexpr int kProofAttempts = 20;

}  // namespace

EntryCheck CheckEntry(const client::ChannelsPtr& channel, int64_t index,
                      const audit::note::Verifier& verifier) {
  EntryCheck out;
  out.index = index;
  auto stub = client::StubOf<v1::AuditService>(*channel);
  v1::GetEntryRequest entry_req;
  entry_req.set_index(index);
  out.status = stub->GetEntry(NewCallContext().get(), entry_req, &out.stored);
  if (!out.status.ok()) return out;
  // A checkpoint covering the entry (an auditor may ask for one; the log signs at most once per
  // interval, whoever asks). Only a help: the proof below says whether one covers it.
  v1::GetCheckpointRequest fresh;
  fresh.set_fresh(true);
  v1::GetCheckpointResponse ignored;
  (void)stub->GetCheckpoint(NewCallContext().get(), fresh, &ignored);
  v1::GetInclusionProofRequest proof_req;
  proof_req.set_index(out.stored.index());
  for (int attempt = 0; attempt < kProofAttempts; ++attempt) {
    out.proof.Clear();
    out.status = stub->GetInclusionProof(NewCallContext().get(), proof_req, &out.proof);
    if (out.status.error_code() != grpc::StatusCode::UNAVAILABLE) break;
    std::this_thread::sleep_for(kProofRetryDelay);
  }
  if (!out.status.ok()) return out;
  client::InclusionQuestion asked;
  asked.index = index;
  out.verdict = client::VerifyInclusionAnswer(out.proof, &out.stored, asked, verifier);
  return out;
}

QString EntryCheckText(const EntryCheck& check) {
  using client::InclusionFailure;
  const QString n = QString::number(check.index);
  switch (check.verdict.failure) {
    case InclusionFailure::kNone:
      return QCoreApplication::translate(
                 "AuditJobs",
                 "Geverifieerd: vermelding %1 staat in het ondertekende auditlog van %2 "
                 "vermeldingen. De handtekening van het controlepunt en het inclusiebewijs zijn "
                 "hier gecontroleerd, met de verificatiesleutel.")
          .arg(n)
          .arg(check.proof.tree_size());
    case InclusionFailure::kCheckpoint:
      return QCoreApplication::translate(
          "AuditJobs",
          "Niet geverifieerd: de handtekening van het controlepunt klopt niet met de "
          "verificatiesleutel.");
    case InclusionFailure::kWrongProof:
      return QCoreApplication::translate("AuditJobs",
                                         "Niet geverifieerd: het bewijs hoort niet bij vermelding "
                                         "%1 in de ondertekende boom.")
          .arg(n);
    case InclusionFailure::kEntryUnreadable:
      return QCoreApplication::translate(
          "AuditJobs", "Niet geverifieerd: de opgeslagen gegevens zijn geen logvermelding.");
    case InclusionFailure::kEntryIndex:
      return QCoreApplication::translate("AuditJobs",
                                         "Niet geverifieerd: de opgeslagen gegevens zijn een "
                                         "andere vermelding dan %1.")
          .arg(n);
    case InclusionFailure::kEntryEvent:
      return QCoreApplication::translate(
          "AuditJobs",
          "Niet geverifieerd: de opgeslagen gegevens bevatten een andere gebeurtenis.");
    case InclusionFailure::kRecordMismatch:
      return QCoreApplication::translate(
          "AuditJobs",
          "Niet geverifieerd: het getoonde record is niet het record in de opgeslagen gegevens.");
    case InclusionFailure::kInclusion:
      return QCoreApplication::translate(
          "AuditJobs",
          "Niet geverifieerd: het inclusiebewijs leidt niet van de vermelding naar de "
          "ondertekende wortel.");
  }
  return {};
}

QString EntryCheckDetail(const EntryCheck& check) {
  if (check.verdict.ok()) return {};
  return QString::fromStdString(std::string(check.verdict.status.message()));
}

void CancellableJob::Cancel() {
  cancelled_ = true;
  std::lock_guard<std::mutex> lock(mu_);
  if (context_) context_->TryCancel();
}

void CancellableJob::SetContext(std::shared_ptr<grpc::ClientContext> ctx) {
  std::lock_guard<std::mutex> lock(mu_);
  context_ = std::move(ctx);
  if (cancelled_ && context_) context_->TryCancel();
}

ExportOutcome WriteExport(const client::ChannelsPtr& channel,
                          const std::shared_ptr<CancellableJob>& job, const std::string& path,
                          const JobProgress& progress) {
  ExportOutcome out;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    out.cannot_write = true;
    return out;
  }
  std::shared_ptr<grpc::ClientContext> ctx = NewCallContext(kExportDeadline);
  job->SetContext(ctx);
  auto stub = client::StubOf<v1::AuditService>(*channel);
  auto reader = stub->ExportLog(ctx.get(), v1::ExportLogRequest());
  {
    google::protobuf::io::OstreamOutputStream stream(&file);
    v1::ExportLogResponse message;
    while (!job->cancelled() && reader->Read(&message)) {
      if (message.has_header()) out.total = message.header().checkpoint().tree_size();
      out.entries += message.entries().entries_size();
      if (!google::protobuf::util::SerializeDelimitedToZeroCopyStream(message, &stream)) {
        out.cannot_write = true;
        ctx->TryCancel();
        break;
      }
      progress(out.entries, out.total);
    }
  }
  if (job->cancelled()) ctx->TryCancel();
  out.status = reader->Finish();
  file.flush();
  if (!file) out.cannot_write = true;
  out.cancelled = job->cancelled();
  return out;
}

client::ExportVerdict CheckExportFile(const std::string& path,
                                      const audit::note::Verifier& verifier,
                                      const std::shared_ptr<CancellableJob>& job,
                                      const JobProgress& progress) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    client::ExportVerdict v;
    v.failure = client::ExportFailure::kNoHeader;
    v.status = absl::NotFoundError("cannot read " + path);
    return v;
  }
  return client::VerifyExport(
      file,
      [&verifier](const v1::ExportHeader&, bool*) -> absl::StatusOr<audit::note::Verifier> {
        // The auditor's key, never the one inside the export: that would prove nothing about who
        // signed it.
        return verifier;
      },
      [&](int64_t done, int64_t total) {
        progress(done, total);
        return !job->cancelled();
      });
}

QString ExportVerdictText(const client::ExportVerdict& verdict) {
  using client::ExportFailure;
  switch (verdict.failure) {
    case ExportFailure::kNone:
      return QCoreApplication::translate(
                 "AuditJobs",
                 "Geverifieerd: %1 vermeldingen; hun wortel klopt met het ondertekende "
                 "controlepunt en de handtekening met de verificatiesleutel.")
          .arg(verdict.entries);
    case ExportFailure::kNoHeader:
      return QCoreApplication::translate(
          "AuditJobs",
          "Geweigerd: dit bestand is niet te lezen of begint niet als een export van het "
          "auditlog.");
    case ExportFailure::kKey:
      return QCoreApplication::translate("AuditJobs",
                                         "Geweigerd: er is geen bruikbare verificatiesleutel.");
    case ExportFailure::kCheckpoint:
      return QCoreApplication::translate(
          "AuditJobs",
          "Geweigerd: de handtekening van het controlepunt in de export klopt niet met de "
          "verificatiesleutel.");
    case ExportFailure::kEntry:
      return QCoreApplication::translate(
                 "AuditJobs",
                 "Geweigerd: vermelding %1 is onleesbaar of staat niet op haar plaats.")
          .arg(verdict.entries);
    case ExportFailure::kTruncated:
      return QCoreApplication::translate(
                 "AuditJobs", "Geweigerd: het bestand is afgekapt of beschadigd na vermelding %1.")
          .arg(verdict.entries);
    case ExportFailure::kCount:
      return QCoreApplication::translate(
                 "AuditJobs",
                 "Geweigerd: het bestand bevat %1 vermeldingen; het controlepunt zegt %2.")
          .arg(verdict.entries)
          .arg(verdict.total);
    case ExportFailure::kRoot:
      return QCoreApplication::translate(
          "AuditJobs",
          "Geweigerd: de vermeldingen leveren niet de ondertekende wortel op; de export is "
          "gewijzigd of onvolledig.");
    case ExportFailure::kCancelled:
      return QCoreApplication::translate("AuditJobs", "Controle geannuleerd.");
  }
  return {};
}

}  // namespace schakel::desktop
