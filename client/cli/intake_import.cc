// schakelctl intake import: a JSON Lines file of reports (the police feed) sent with SubmitReports
// in idempotent batches, with a progress bar, a summary, and the refused lines in a file the user
// can correct and resend.
#include <openssl/sha.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <google/protobuf/util/json_util.h>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "client/cli/cli.h"
#include "schakel/v1/intake.grpc.pb.h"
#include "services/common/tls.h"

ABSL_FLAG(int, batch_size, 500, "intake import: reports per SubmitReports call (1 to 1000)");
ABSL_FLAG(std::string, rejected, "",
          "intake import: where the rejected lines go (default FILE.rejected.jsonl; why they were "
          "rejected: <rejected>.errors.txt)");

ABSL_DECLARE_FLAG(int, timeout_seconds);
ABSL_DECLARE_FLAG(bool, json);

namespace schakel::cli {
namespace {

using v1::IntakeService;

constexpr int kMaxBatch = 1000;

// One line of the file that is sent, or was refused.
struct Line {
  int number = 0;    // 1-based
  std::string text;  // as read, without its line end
  v1::ReportInput input;
};

struct Refusal {
  int number = 0;
  std::string text;
  std::vector<std::string> reasons;  // "field: description", or the JSON parse error
};

std::string Sha256Hex(absl::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), sizeof(digest)));
}

// The default rejected file: "feed.jsonl" -> "feed.rejected.jsonl".
std::string DefaultRejectedPath(const std::string& input) {
  constexpr absl::string_view kExt = ".jsonl";
  absl::string_view stem = input;
  if (absl::EndsWith(stem, kExt)) stem.remove_suffix(kExt.size());
  return absl::StrCat(stem, ".rejected.jsonl");
}

bool SamePath(const std::string& a, const std::string& b) {
  std::error_code ec;
  const auto ca = std::filesystem::weakly_canonical(a, ec);
  if (ec) return a == b;
  const auto cb = std::filesystem::weakly_canonical(b, ec);
  if (ec) return a == b;
  return ca == cb;
}

// `s` as a JSON string, quotes included.
std::string JsonQuote(absl::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      absl::StrAppend(&out, "\\u00", absl::BytesToHexString(absl::string_view(&c, 1)));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Writes `text` to `path` through a temporary file in the same directory.
bool WriteFileAtomically(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::cerr << "schakelctl: cannot write " << tmp << "\n";
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::cerr << "schakelctl: cannot write " << path << ": " << ec.message() << "\n";
    return false;
  }
  return true;
}

// Progress on stderr: a bar redrawn in place on a terminal, one line per batch otherwise.
class Progress {
 public:
  Progress(int total_lines, int batches, int rejected)
      : tty_(::isatty(STDERR_FILENO) == 1), total_(total_lines), batches_(batches) {
    if (tty_ && batches_ > 0) Draw(0, 0, rejected);
  }

  void Batch(int batch, int first_line, int last_line, int done_lines, int accepted, int duplicates,
             int rejected) {
    if (tty_) {
      Draw(done_lines, batch, rejected);
      return;
    }
    std::cerr << "batch " << batch << "/" << batches_ << ": regels/lines " << first_line << "-"
              << last_line << ": geaccepteerd/accepted " << accepted << ", dubbel/duplicates "
              << duplicates << ", afgewezen/rejected " << rejected << "\n";
  }

  // Ends the bar's line (once).
  void Done() {
    if (tty_ && batches_ > 0) std::cerr << "\n";
    tty_ = false;
  }

 private:
  void Draw(int done_lines, int batch, int rejected) {
    constexpr int kWidth = 30;
    const int filled = total_ == 0 ? kWidth : kWidth * done_lines / total_;
    std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] "
              << done_lines << "/" << total_ << " regels/lines  batch " << batch << "/" << batches_
              << "  afgewezen/rejected " << rejected << std::flush;
  }

  bool tty_;
  int total_;
  int batches_;
};

}  // namespace

int RunIntakeImport(const Args& args, const std::string& usage) {
  if (args.size() < 2) return UsageError(absl::StrCat("which file?\n", usage));
  if (args.size() > 2) {
    return UsageError(absl::StrCat("unexpected argument '", args[2], "'\n", usage));
  }
  const std::string path = args[1];
  const int batch_size = absl::GetFlag(FLAGS_batch_size);
  if (batch_size < 1 || batch_size > kMaxBatch) {
    return UsageError(absl::StrCat("--batch-size: must be 1 to ", kMaxBatch));
  }
  std::string rejected_path = absl::GetFlag(FLAGS_rejected);
  if (rejected_path.empty()) rejected_path = DefaultRejectedPath(path);
  const std::string errors_path = rejected_path + ".errors.txt";
  if (SamePath(rejected_path, path) || SamePath(errors_path, path)) {
    return UsageError("--rejected: must not be the file being imported");
  }
  auto content = ReadFileToString(path);
  if (!content.ok()) return UsageError(content.status().message());

  // Every line: parsed, or refused here with its parse error. Empty lines are skipped.
  std::vector<Line> lines;
  std::vector<Refusal> refusals;
  int number = 0;
  for (absl::string_view raw : absl::StrSplit(*content, '\n')) {
    ++number;
    if (absl::StripAsciiWhitespace(raw).empty()) continue;
    Line line;
    line.number = number;
    line.text = std::string(raw);
    absl::string_view json = raw;
    if (absl::EndsWith(json, "\r")) json.remove_suffix(1);
    if (auto st = google::protobuf::util::JsonStringToMessage(std::string(json), &line.input);
        !st.ok()) {
      refusals.push_back({number,
                          line.text,
                          {absl::StrCat("geen ReportInput in protobuf JSON / not a ReportInput in "
                                        "protobuf JSON: ",
                                        st.message().ToString())}});
      continue;
    }
    lines.push_back(std::move(line));
  }
  const int local_refusals = static_cast<int>(refusals.size());
  // Without a reference only the batch's request id guards against a second copy, and the server
  // forgets those answers after a while.
  const auto unreferenced = std::count_if(lines.begin(), lines.end(), [](const Line& l) {
    return l.input.external_reference().empty();
  });
  if (unreferenced > 0) {
    std::cerr << "LET OP / NOTE: " << unreferenced
              << " regels zonder external_reference / lines without external_reference: "
                 "importing this file again much later could store them twice\n";
  }

  // Fixed request ids: the same file, cut into the same batches, is the same requests, which the
  // server answers as the first time instead of storing anything twice.
  const std::string id_prefix =
      absl::StrCat("import-", Sha256Hex(*content).substr(0, 32), "-", batch_size, "-");
  const int batches = (static_cast<int>(lines.size()) + batch_size - 1) / batch_size;
  int accepted = 0, duplicates = 0, server_refusals = 0, sent = 0;
  bool failed = false;
  std::string failure;
  Progress progress(static_cast<int>(lines.size()), batches, local_refusals);
  if (batches > 0) {
    auto channel = Connect(IntakeService::service_full_name());
    if (!channel.ok()) return UsageError(channel.status().message());
    auto stub = IntakeService::NewStub(*channel);
    for (int b = 0; b < batches; ++b) {
      const size_t begin = static_cast<size_t>(b) * batch_size;
      const size_t end = std::min(lines.size(), begin + batch_size);
      v1::SubmitReportsRequest request;
      request.set_request_id(absl::StrCat(id_prefix, b + 1));
      for (size_t i = begin; i < end; ++i) *request.add_reports() = lines[i].input;
      v1::SubmitReportsResponse response;
      grpc::ClientContext ctx;
      // A batch of up to 1000 reports takes longer than a single call.
      ctx.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(std::max(absl::GetFlag(FLAGS_timeout_seconds), 60)));
      const grpc::Status status = stub->SubmitReports(&ctx, request, &response);
      if (!status.ok()) {
        progress.Done();
        PrintRpcError(status);
        failed = true;
        failure =
            absl::StrCat("batch ", b + 1, " (regels/lines ", lines[begin].number, "-",
                         lines[end - 1].number, ") failed; the lines from ", lines[begin].number,
                         " on were not sent. The same command again resends safely.");
        break;
      }
      for (const v1::SubmitItemResult& result : response.results()) {
        if (result.violations().empty()) continue;
        const size_t at = begin + static_cast<size_t>(result.index());
        if (result.index() < 0 || at >= end) continue;
        Refusal refusal{lines[at].number, lines[at].text, {}};
        for (const v1::ItemViolation& v : result.violations()) {
          refusal.reasons.push_back(absl::StrCat(v.field(), ": ", v.description()));
        }
        refusals.push_back(std::move(refusal));
      }
      accepted += response.accepted();
      duplicates += response.duplicates();
      server_refusals += response.rejected();
      sent = static_cast<int>(end);
      progress.Batch(b + 1, lines[begin].number, lines[end - 1].number, sent, accepted, duplicates,
                     local_refusals + server_refusals);
    }
    progress.Done();
  }

  // The refused lines as read, in file order, and why.
  std::sort(refusals.begin(), refusals.end(),
            [](const Refusal& a, const Refusal& b) { return a.number < b.number; });
  const int rejected = static_cast<int>(refusals.size());
  bool wrote = true;
  if (rejected > 0) {
    std::string rejected_text, errors_text;
    for (const Refusal& r : refusals) {
      absl::StrAppend(&rejected_text, r.text, "\n");
      absl::StrAppend(&errors_text, "regel/line ", r.number, ":\n");
      for (const std::string& reason : r.reasons) absl::StrAppend(&errors_text, "  ", reason, "\n");
    }
    absl::StrAppend(&errors_text, "\nThe lines are in ", rejected_path,
                    " in this order; correct them there and import that file.\n");
    wrote = WriteFileAtomically(rejected_path, rejected_text) &&
            WriteFileAtomically(errors_path, errors_text);
  } else {
    // What an earlier run refused is not refused now: its files would mislead.
    std::error_code ec;
    std::filesystem::remove(rejected_path, ec);
    std::filesystem::remove(errors_path, ec);
  }

  if (absl::GetFlag(FLAGS_json)) {
    std::cout << "{\n  \"file\": " << JsonQuote(path)
              << ",\n  \"lines\": " << lines.size() + local_refusals << ",\n  \"sent\": " << sent
              << ",\n  \"batches\": " << batches << ",\n  \"accepted\": " << accepted
              << ",\n  \"duplicates\": " << duplicates << ",\n  \"rejected\": " << rejected
              << ",\n  \"rejected_unreadable\": " << local_refusals
              << ",\n  \"complete\": " << (failed ? "false" : "true");
    if (rejected > 0) {
      std::cout << ",\n  \"rejected_file\": " << JsonQuote(rejected_path)
                << ",\n  \"errors_file\": " << JsonQuote(errors_path);
    }
    std::cout << "\n}\n";
  } else {
    std::cout << "import " << path << ": " << lines.size() + local_refusals << " regels/lines, "
              << sent << " verstuurd/sent in " << batches << (batches == 1 ? " batch" : " batches")
              << "\n"
              << "  geaccepteerd / accepted:   " << accepted << "\n"
              << "  dubbel / duplicates:       " << duplicates
              << " (al eerder ontvangen / received before)\n"
              << "  afgewezen / rejected:      " << rejected;
    if (rejected > 0) {
      std::cout << " (" << local_refusals << " onleesbaar/unreadable JSON, " << server_refusals
                << " door de server/by the server)";
    }
    std::cout << "\n";
    if (rejected > 0 && wrote) {
      std::cout << "afgewezen regels / rejected lines: " << rejected_path << "\n"
                << "waarom / why: " << errors_path << "\n"
                << "(these files hold personal data: delete them once the lines are resent)\n";
    }
    if (batches > 0 && !failed) {
      std::cout << "Hetzelfde bestand opnieuw importeren voegt niets toe: een batch die al eens\n"
                   "verstuurd is krijgt hetzelfde antwoord als toen / importing the same file "
                   "again adds\nnothing: a batch sent before gets the answer it got then.\n";
    }
  }
  if (failed) {
    std::cerr << "schakelctl: " << failure << "\n";
    return 1;
  }
  if (!wrote) return 1;
  return rejected == 0 ? 0 : 1;
}

}  // namespace schakel::cli
