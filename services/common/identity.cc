#include "services/common/identity.h"
#include "absl/strings/string_view.h"

#include <openssl/crypto.h>

#include <grpc/grpc_security_constants.h>

#include "services/common/ids.h"
#include "services/common/pki.h"

namespace schakel {
namespace {

std::string FirstProperty(const grpc::AuthContext& context, const char* name) {
  auto values = context.FindPropertyValues(name);
  if (values.empty()) return {};
  return std::string(values.front().data(), values.front().size());
}

std::string MetadataValue(const std::multimap<grpc::string_ref, grpc::string_ref>& md,
                          absl::string_view key) {
  auto it = md.find(grpc::string_ref(key.data(), key.size()));
  if (it == md.end()) return {};
  return std::string(it->second.data(), it->second.size());
}

bool ConstantTimeEquals(absl::string_view a, absl::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

grpc::Status CertificateAuthProcessor::Process(const InputMetadata& /*auth_metadata*/,
                                               grpc::AuthContext* context,
                                               OutputMetadata* /*consumed_auth_metadata*/,
                                               OutputMetadata* /*response_metadata*/) {
  // The auth context belongs to the connection: parse the certificate on its first call only.
  std::string kind = FirstProperty(*context, kKindProperty);
  if (kind.empty()) {
    const std::string pem = FirstProperty(*context, GRPC_X509_PEM_CERT_PROPERTY_NAME);
    if (pem.empty()) {
      return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "a client certificate is required");
    }
    auto subject = pki::ParseCertificateSubject(pem);
    if (!subject.ok()) {
      return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                          "the client certificate does not name a Schakel principal (CN, O, OU)");
    }
    // The CN and O become directory keys, audit fields and log values: only ids of the
    // directory's own shape are let in.
    if (!IsWellFormedId(subject->principal_id) || !IsWellFormedId(subject->organisation_id)) {
      return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                          "the client certificate's CN and O must be well-formed ids");
    }
    context->AddProperty(kPrincipalIdProperty, subject->principal_id);
    context->AddProperty(kOrganisationProperty, subject->organisation_id);
    context->AddProperty(kKindProperty, std::string(pki::KindName(subject->kind)));
  }
  return grpc::Status::OK;
}

absl::StatusOr<Principal> AuthenticateCall(const grpc::ServerContextBase& ctx,
                                           const InternalCaller* internal) {
  Principal principal;
  principal.peer = ctx.peer();
  const auto& md = ctx.client_metadata();
  auto auth = ctx.auth_context();
  const std::string kind = auth ? FirstProperty(*auth, kKindProperty) : std::string();
  if (!kind.empty()) {
    principal.id = FirstProperty(*auth, kPrincipalIdProperty);
    principal.organisation_id = FirstProperty(*auth, kOrganisationProperty);
    principal.kind = kind == pki::KindName(pki::CertificateKind::kService)
                         ? v1::PRINCIPAL_KIND_SERVICE
                         : v1::PRINCIPAL_KIND_USER;
  } else if (internal != nullptr && !internal->token.empty() &&
             (auth == nullptr || !auth->IsPeerAuthenticated()) &&
             ConstantTimeEquals(MetadataValue(md, kInternalTokenKey), internal->token)) {
    principal.id = internal->host.id;
    principal.organisation_id = internal->host.organisation_id;
    principal.kind = v1::PRINCIPAL_KIND_SERVICE;
    principal.peer = kInProcessPeer;
  } else {
    return absl::UnauthenticatedError("a verified client certificate is required");
  }
  return principal;
}

}  // namespace schakel
