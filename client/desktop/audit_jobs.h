// The Audit view's work off the UI thread: fetching and checking one entry's inclusion proof and
// the signed checkpoint, writing an export, checking an export file — and the Dutch sentence for
// each outcome. The checks themselves are client/lib/audit_verify.h's, as schakelctl's are.
#ifndef SCHAKEL_CLIENT_DESKTOP_AUDIT_JOBS_H_
#define SCHAKEL_CLIENT_DESKTOP_AUDIT_JOBS_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include <QCoreApplication>
#include <QPointer>
#include <QString>

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include "client/lib/audit_verify.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/audit.pb.h"

namespace schakel::desktop {

// Runs `fn` on the UI thread unless `guard`'s object is gone by then. Callable from any thread;
// `guard` must have been made on the UI thread.
template <typename Fn>
void PostToUi(const QPointer<QObject>& guard, Fn fn) {
  QCoreApplication* app = QCoreApplication::instance();
  if (app == nullptr) return;
  QMetaObject::invokeMethod(
      app,
      [guard, fn]() mutable {
        if (!guard.isNull()) fn();
      },
      Qt::QueuedConnection);
}

// One entry checked: the calls' outcome and, when they answered, the offline verdict.
struct EntryCheck {
  grpc::Status status;  // the first call that failed, or OK
  int64_t index = -1;
  v1::GetEntryResponse stored;
  v1::GetInclusionProofResponse proof;
  client::InclusionVerdict verdict;
};

// Fetches entry `index`'s stored bytes (GetEntry), asks the log to sign a checkpoint covering it
// (GetCheckpoint fresh), fetches its inclusion proof with that checkpoint (retrying while the log
// has not signed one that covers it yet, at most ~10 s), and checks both offline under `verifier`.
// Blocking: run it off the UI thread.
EntryCheck CheckEntry(const client::ChannelsPtr& channel, int64_t index,
                      const audit::note::Verifier& verifier);

// The sentence for a checked entry: "Geverifieerd: …" or "Niet geverifieerd: <what failed>".
QString EntryCheckText(const EntryCheck& check);
// The English detail of a failed check (for a tooltip); empty when it verified.
QString EntryCheckDetail(const EntryCheck& check);

// A long job the person can cancel: Cancel() from the UI thread, cancelled() from the worker.
class CancellableJob {
 public:
  void Cancel();
  bool cancelled() const { return cancelled_; }
  // The call the job runs, so that Cancel() also cancels it (at once when already cancelled).
  void SetContext(std::shared_ptr<grpc::ClientContext> ctx);

 private:
  std::atomic<bool> cancelled_{false};
  std::mutex mu_;
  std::shared_ptr<grpc::ClientContext> context_;  // guarded by mu_
};

// Reports (entries done, entries in all); called on the worker thread.
using JobProgress = std::function<void(int64_t done, int64_t total)>;

struct ExportOutcome {
  grpc::Status status;
  bool cannot_write = false;  // the file could not be written
  bool cancelled = false;
  int64_t entries = 0;
  int64_t total = 0;
};

// Streams ExportLog (a freshly signed checkpoint and every entry up to it) into `path` as
// length-delimited messages, as schakelctl audit export writes it, reporting progress after each
// message; stops when `job` is cancelled. Leaves whatever it wrote: the caller removes or keeps
// the file. Blocking: run it off the UI thread.
ExportOutcome WriteExport(const client::ChannelsPtr& channel,
                          const std::shared_ptr<CancellableJob>& job, const std::string& path,
                          const JobProgress& progress);

// Checks the export file at `path` under `verifier` (client::VerifyExport), reporting progress;
// stops when `job` is cancelled. An unreadable file is kNoHeader with a status saying so.
client::ExportVerdict CheckExportFile(const std::string& path,
                                      const audit::note::Verifier& verifier,
                                      const std::shared_ptr<CancellableJob>& job,
                                      const JobProgress& progress);

// The sentence for a checked export: "Geverifieerd: …", "Geweigerd: <what failed>", or that the
// check was cancelled.
QString ExportVerdictText(const client::ExportVerdict& verdict);

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_AUDIT_JOBS_H_
