// schakelctl pki init / issue: the development PKI, written with the same code the tests use.
#include <fstream>
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/strings/str_split.h"
#include "client/cli/cli.h"
#include "services/common/crypto.h"
#include "services/common/pki.h"
#include "services/transparency/note.h"

ABSL_FLAG(std::string, dir, "", "PKI directory (default: var/pki under --home)");
ABSL_FLAG(std::string, principal, "", "pki issue: the principal id (CN)");
ABSL_FLAG(std::string, organisation, "",
          "pki issue: the organisation id (O); handover list: handovers from or to this "
          "organisation");
ABSL_FLAG(std::string, kind, "user", "pki issue: user or service");
ABSL_FLAG(std::string, dns, "",
          "pki issue: comma-separated DNS names (makes a server certificate)");
ABSL_FLAG(std::string, ip, "", "pki issue: comma-separated IP addresses");
ABSL_FLAG(int, validity_days, 365, "pki: validity of a new certificate");
ABSL_FLAG(std::string, origin, "schakel.local/audit",
          "pki audit-keys: the audit log's origin (checkpoint first line and signer name)");
ABSL_FLAG(bool, force, false, "pki init: replace an existing CA (invalidates every certificate)");

namespace schakel::cli {
namespace {

std::filesystem::path Dir() {
  const std::string dir = absl::GetFlag(FLAGS_dir);
  return dir.empty() ? PkiDir() : std::filesystem::path(dir);
}

int Init() {
  const auto dir = Dir();
  if (std::filesystem::exists(dir / "ca.crt") && !absl::GetFlag(FLAGS_force)) {
    std::cout << "CA exists: " << (dir / "ca.crt").string() << " (kept)\n";
    return 0;
  }
  auto ca = pki::CreateCertificateAuthority(
      "Schakel development CA", absl::Hours(24 * absl::GetFlag(FLAGS_validity_days) * 5));
  if (!ca.ok()) return UsageError(ca.status().message());
  if (auto st = pki::WriteKeyAndCertificate(dir, "ca", *ca); !st.ok()) {
    return UsageError(st.message());
  }
  std::cout << "CA created: " << (dir / "ca.crt").string() << "\n";
  return 0;
}

int Issue() {
  const auto dir = Dir();
  auto ca = pki::ReadKeyAndCertificate(dir, "ca");
  if (!ca.ok()) return UsageError(std::string(ca.status().message()) + " (run `pki init` first)");
  pki::IssueRequest request;
  request.principal_id = absl::GetFlag(FLAGS_principal);
  request.organisation_id = absl::GetFlag(FLAGS_organisation);
  const std::string kind = absl::GetFlag(FLAGS_kind);
  if (kind != "user" && kind != "service") return UsageError("--kind must be user or service");
  request.kind = kind == "service" ? pki::CertificateKind::kService : pki::CertificateKind::kUser;
  for (absl::string_view s : absl::StrSplit(absl::GetFlag(FLAGS_dns), ',', absl::SkipEmpty())) {
    request.dns_names.emplace_back(s);
  }
  for (absl::string_view s : absl::StrSplit(absl::GetFlag(FLAGS_ip), ',', absl::SkipEmpty())) {
    request.ip_addresses.emplace_back(s);
  }
  request.validity = absl::Hours(24 * absl::GetFlag(FLAGS_validity_days));
  auto issued = pki::IssueCertificate(*ca, request);
  if (!issued.ok()) return UsageError(issued.status().message());
  const auto out_dir = dir / (kind == "service" ? "services" : "users");
  if (auto st = pki::WriteKeyAndCertificate(out_dir, request.principal_id, *issued); !st.ok()) {
    return UsageError(st.message());
  }
  std::cout << "issued " << kind << " certificate " << (out_dir / request.principal_id).string()
            << ".{crt,key} for " << request.principal_id << " of " << request.organisation_id
            << "\n";
  return 0;
}

// The audit log's development keys, made once, beside the PKI: var/keys/{audit-master.key,
// audit-index.key, audit-signing.pem} and the public verifier key in var/keys/audit.vkey.
int AuditKeys() {
  const auto dir = Dir().parent_path() / "keys";
  const std::string origin = absl::GetFlag(FLAGS_origin);
  for (const char* name : {"audit-master.key", "audit-index.key"}) {
    if (std::filesystem::exists(dir / name)) continue;
    if (auto st = crypto::CreateKeyFile(dir / name); !st.ok()) return UsageError(st.message());
    std::cout << "created " << (dir / name).string() << "\n";
  }
  if (!std::filesystem::exists(dir / "audit-signing.pem")) {
    auto key = audit::note::Ed25519PrivateKey::Generate();
    if (!key.ok()) return UsageError(key.status().message());
    if (auto st = audit::note::WritePrivateKeyFile(dir / "audit-signing.pem", *key); !st.ok()) {
      return UsageError(st.message());
    }
    std::cout << "created " << (dir / "audit-signing.pem").string() << "\n";
  }
  auto key = audit::note::ReadPrivateKeyFile(dir / "audit-signing.pem");
  if (!key.ok()) return UsageError(key.status().message());
  if (!audit::note::IsValidKeyName(origin)) return UsageError("--origin: not a valid key name");
  const std::string vkey = audit::note::Signer(origin, *std::move(key)).VerifierKey();
  std::ofstream(dir / "audit.vkey", std::ios::trunc) << vkey << "\n";
  std::cout << "verifier key (" << (dir / "audit.vkey").string() << "): " << vkey << "\n";
  return 0;
}

// The development keys of the services with personal data, made once, in var/keys: the cases
// service's {cases-data.key, cases-index.key} (personal fields, and the blind indexes for search by
// BSN or name and date of birth) and the handover service's {handover-data.key,
// handover-index.key} (handover content, and its idempotency fingerprints), the intake service's
// {intake-data.key, intake-index.key} (what reports say, and the radar's blind indexes) and the
// safety plan service's {safetyplan-data.key, safetyplan-index.key} (plan content and risk
// instrument notes, and its idempotency fingerprints).
int CaseKeys() {
  const auto dir = Dir().parent_path() / "keys";
  for (const char* name :
       {"cases-data.key", "cases-index.key", "handover-data.key", "handover-index.key",
        "intake-data.key", "intake-index.key", "safetyplan-data.key", "safetyplan-index.key"}) {
    if (std::filesystem::exists(dir / name)) {
      std::cout << (dir / name).string() << " exists (kept)\n";
      continue;
    }
    if (auto st = crypto::CreateKeyFile(dir / name); !st.ok()) return UsageError(st.message());
    std::cout << "created " << (dir / name).string() << "\n";
  }
  return 0;
}

}  // namespace

int RunPkiCommand(const Args& args) {
  const std::string verb = args.empty() ? "" : args[0];
  if (verb == "init") return Init();
  if (verb == "issue") return Issue();
  if (verb == "audit-keys") return AuditKeys();
  if (verb == "case-keys") return CaseKeys();
  return UsageError(
      "pki commands: init [--dir=DIR], issue --principal=ID --organisation=ORG "
      "[--kind=user|service] [--dns=...] [--ip=...], audit-keys [--origin=NAME], case-keys (the "
      "cases, handover and intake services' data and index keys)");
}

}  // namespace schakel::cli
