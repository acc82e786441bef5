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

grpc::Status CertificateAuthProcessor::Process(const InputMetadata& auth_metadata,
                                               grpc::AuthContext* context,
                                               OutputMetadata* consumed_auth_metadata,
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
    kind = std::string(pki::KindName(subject->kind));
    context->AddProperty(kPrincipalIdProperty, subject->principal_id);
    context->AddProperty(kOrganisationProperty, subject->organisation_id);
    context->AddProperty(kKindProperty, kind);
  }
  // Only services may speak for someone else; a user's claim to be acting for another is dropped.
  if (kind != pki::KindName(pki::CertificateKind::kService)) {
    for (const char* key : {kActingUserKey, kActingOrganisationKey}) {
      for (auto [it, end] = auth_metadata.equal_range(key); it != end; ++it) {
        consumed_auth_metadata->emplace(key, std::string(it->second.data(), it->second.size()));
      }
    }
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
  } else if (internal != nullptr && (auth == nullptr || !auth->IsPeerAuthenticated()) &&
             ConstantTimeEquals(MetadataValue(md, kInternalTokenKey), internal->token)) {
    principal.id = internal->host.id;
    principal.organisation_id = internal->host.organisation_id;
    principal.kind = v1::PRINCIPAL_KIND_SERVICE;
    principal.peer = kInProcessPeer;
  } else {
    return absl::UnauthenticatedError("a verified client certificate is required");
  }

  if (principal.kind == v1::PRINCIPAL_KIND_SERVICE) {
    std::string user = MetadataValue(md, kActingUserKey);
    std::string organisation = MetadataValue(md, kActingOrganisationKey);
    if (!user.empty() || !organisation.empty()) {
      if (!IsWellFormedId(user) || !IsWellFormedId(organisation)) {
        return absl::UnauthenticatedError(
            "schakel-acting-user and schakel-acting-organisation must both name a principal");
      }
      principal.via_service_id = principal.id;
      principal.id = std::move(user);
      principal.organisation_id = std::move(organisation);
      principal.kind = v1::PRINCIPAL_KIND_USER;
    }
  }
  return principal;
}

}  // namespace schakel
