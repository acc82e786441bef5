#include "services/schakeld/data_key_rotation.h"

#include <memory>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/cases/case_sealed.h"
#include "services/cases/case_service.h"
#include "services/common/clock.h"
#include "services/common/crypto.h"
#include "services/common/data_keys.h"
#include "services/common/migrations.h"
#include "services/common/object_sealer.h"
#include "services/common/sqlite.h"
#include "services/common/status.h"
#include "services/handover/handover_store.h"
#include "services/intake/intake_sealed.h"
#include "services/intake/report_sealer.h"
#include "services/safetyplan/plan_sealed.h"

namespace schakel::migrations {
const MigrationTrack& intake_track();
const MigrationTrack& cases_track();
const MigrationTrack& handover_track();
const MigrationTrack& safetyplan_track();
}  // namespace schakel::migrations

namespace schakel {

const std::vector<std::string>& ServicesWithDataKeys() {
  static const auto* names =
      new std::vector<std::string>{"cases", "handover", "intake", "safetyplan"};
  return *names;
}

std::optional<ServiceKeys> KeysOf(const v1::HostConfig& config, const std::string& service) {
  // The same three files in each service's config block.
  auto keys = [&](const auto& block, const migrations::MigrationTrack& track, const char* kind,
                  const char* aad_prefix, const char* label, reseal::Plan (*plan)()) {
    return ServiceKeys{.database = service + ".db",
                       .track = &track,
                       .data_key_file = block.data_key_file(),
                       .index_key_file = block.index_key_file(),
                       .master_key_file = block.master_key_file(),
                       .object_kind = kind,
                       .aad_prefix = aad_prefix,
                       .master_label = label,
                       .plan = plan};
  };
  if (service == "intake") {
    return keys(config.intake(), migrations::intake_track(), "report",
                intake::ReportSealer::kKeyAadPrefix, intake::ReportSealer::kMasterKeyLabel,
                &intake::DataKeyPlan);
  }
  if (service == "cases") {
    return keys(config.cases(), migrations::cases_track(), "case", cases::kCaseKeyAadPrefix,
                cases::kCaseMasterKeyLabel, &cases::DataKeyPlan);
  }
  if (service == "handover") {
    return keys(config.handover(), migrations::handover_track(), "case",
                handover::kHandoverKeyAadPrefix, handover::kHandoverMasterKeyLabel,
                &handover::DataKeyPlan);
  }
  if (service == "safetyplan") {
    return keys(config.safetyplan(), migrations::safetyplan_track(), "case",
                safetyplan::kPlanKeyAadPrefix, safetyplan::kPlanMasterKeyLabel,
                &safetyplan::DataKeyPlan);
  }
  return std::nullopt;
}

absl::StatusOr<DataKeyRotation> RotateDataKey(const v1::HostConfig& config,
                                              const std::string& service,
                                              const std::string& new_data_key_file) {
  const std::optional<ServiceKeys> keyed = KeysOf(config, service);
  if (!keyed) {
    return absl::InvalidArgumentError(absl::StrCat(
        "service ", service,
        " has no data key; those that do: ", absl::StrJoin(ServicesWithDataKeys(), ", ")));
  }
  FieldViolations v;
  if (config.data_dir().empty()) v.Add("data_dir", "must be set");
  if (keyed->data_key_file.empty()) v.Add(service + ".data_key_file", "must be set");
  if (keyed->index_key_file.empty()) v.Add(service + ".index_key_file", "must be set");
  SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
  SCHAKEL_ASSIGN_OR_RETURN(std::string old_key, crypto::ReadKeyFile(keyed->data_key_file));
  SCHAKEL_ASSIGN_OR_RETURN(std::string index_key, crypto::ReadKeyFile(keyed->index_key_file));
  SCHAKEL_ASSIGN_OR_RETURN(std::string new_key, crypto::ReadKeyFile(new_data_key_file));
  if (new_key == old_key) return absl::InvalidArgumentError("the new data key is the current one");
  if (new_key == index_key) {
    return absl::InvalidArgumentError(
        absl::StrCat("the new data key is ", service, ".index_key_file's key"));
  }
  SCHAKEL_ASSIGN_OR_RETURN(const std::string old_master,
                           ObjectSealer::MasterKey(service, keyed->data_key_file,
                                                   keyed->master_key_file, keyed->master_label));
  if (!keyed->master_key_file.empty() && new_key == old_master) {
    return absl::InvalidArgumentError(
        absl::StrCat("the new data key is ", service, ".master_key_file's key"));
  }
  // A derived master key changes with the data key: the object keys are rewrapped.
  const std::string new_master = keyed->master_key_file.empty()
                                     ? ObjectSealer::DerivedMasterKey(new_key, keyed->master_label)
                                     : old_master;

  DataKeyRotation done;
  done.database = std::filesystem::path(config.data_dir()) / keyed->database;
  if (!std::filesystem::exists(done.database)) {
    return absl::NotFoundError(absl::StrCat(done.database.string(), ": no such database"));
  }
  SCHAKEL_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> db,
                           sqlite::Database::Open(done.database));
  SCHAKEL_RETURN_IF_ERROR(db->Exec("PRAGMA secure_delete=ON"));
  const migrations::MigrationTrack* tracks[] = {&migrations::common_track(), keyed->track};
  SCHAKEL_RETURN_IF_ERROR(migrations::Apply(*db, tracks));

  const FieldCipher from(old_key, index_key);
  const FieldCipher to(new_key, index_key);
  ObjectSealer objects(to, new_master, keyed->aad_prefix, keyed->object_kind,
                       RealClock::Instance());
  const reseal::Plan plan = keyed->plan();
  SCHAKEL_RETURN_IF_ERROR(db->Transaction([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_RETURN_IF_ERROR(reseal::Check(c, plan, from));
    if (new_master != old_master) {
      SCHAKEL_ASSIGN_OR_RETURN(done.rewrapped,
                               DataKeys::Rewrap(c, old_master, new_master, keyed->aad_prefix));
    }
    SCHAKEL_ASSIGN_OR_RETURN(done.resealed, reseal::Run(c, plan, from, to, &objects));
    return absl::OkStatus();
  }));
  // The old ciphertexts may still sit in the WAL: write the new pages into the database file
  // (secure_delete overwrote the old ones there) and empty it.
  done.checkpoint = db->CheckpointTruncate();
  return done;
}

}  // namespace schakel
