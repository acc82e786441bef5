#include "services/schakeld/data_key_rotation.h"

#include <array>
#include <functional>
#include <map>
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
namespace {

// Where a service keeps its objects' own keys (ObjectSealer), when it does.
struct Objects {
  const char* kind;
  const char* aad_prefix;
  const char* master_label;
};

struct Keyed {
  const migrations::MigrationTrack& (*track)();
  reseal::Plan (*plan)();
  std::optional<Objects> objects;
  // Its key files: data, index, master ("" when none).
  std::function<std::array<std::string, 3>(const v1::HostConfig&)> files;
};

const std::map<std::string, Keyed>& Services() {
  static const auto* services = new std::map<std::string, Keyed>{
      {"intake",
       {&migrations::intake_track, &intake::DataKeyPlan,
        Objects{"report", intake::ReportSealer::kKeyAadPrefix,
                intake::ReportSealer::kMasterKeyLabel},
        [](const v1::HostConfig& c) {
          return std::array<std::string, 3>{c.intake().data_key_file(), c.intake().index_key_file(),
                                            c.intake().master_key_file()};
        }}},
      {"cases",
       {&migrations::cases_track, &cases::DataKeyPlan,
        Objects{"case", cases::kCaseKeyAadPrefix, cases::kCaseMasterKeyLabel},
        [](const v1::HostConfig& c) {
          return std::array<std::string, 3>{c.cases().data_key_file(), c.cases().index_key_file(),
                                            c.cases().master_key_file()};
        }}},
      {"handover",
       {&migrations::handover_track, &handover::DataKeyPlan,
        Objects{"case", handover::kHandoverKeyAadPrefix, handover::kHandoverMasterKeyLabel},
        [](const v1::HostConfig& c) {
          return std::array<std::string, 3>{c.handover().data_key_file(),
                                            c.handover().index_key_file(),
                                            c.handover().master_key_file()};
        }}},
      {"safetyplan",
       {&migrations::safetyplan_track, &safetyplan::DataKeyPlan,
        Objects{"case", safetyplan::kPlanKeyAadPrefix, safetyplan::kPlanMasterKeyLabel},
        [](const v1::HostConfig& c) {
          return std::array<std::string, 3>{c.safetyplan().data_key_file(),
                                            c.safetyplan().index_key_file(),
                                            c.safetyplan().master_key_file()};
        }}},
  };
  return *services;
}

}  // namespace

const std::vector<std::string>& ServicesWithDataKeys() {
  static const auto* names = [] {
    auto* v = new std::vector<std::string>;
    for (const auto& [name, keyed] : Services()) v->push_back(name);
    return v;
  }();
  return *names;
}

absl::StatusOr<DataKeyRotation> RotateDataKey(const v1::HostConfig& config,
                                              const std::string& service,
                                              const std::string& new_data_key_file) {
  const auto it = Services().find(service);
  if (it == Services().end()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "service ", service,
        " has no data key; those that do: ", absl::StrJoin(ServicesWithDataKeys(), ", ")));
  }
  const Keyed& keyed = it->second;
  const auto [data_file, index_file, master_file] = keyed.files(config);
  FieldViolations v;
  if (config.data_dir().empty()) v.Add("data_dir", "must be set");
  if (data_file.empty()) v.Add(service + ".data_key_file", "must be set");
  if (index_file.empty()) v.Add(service + ".index_key_file", "must be set");
  SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
  SCHAKEL_ASSIGN_OR_RETURN(std::string old_key, crypto::ReadKeyFile(data_file));
  SCHAKEL_ASSIGN_OR_RETURN(std::string index_key, crypto::ReadKeyFile(index_file));
  SCHAKEL_ASSIGN_OR_RETURN(std::string new_key, crypto::ReadKeyFile(new_data_key_file));
  if (new_key == old_key) return absl::InvalidArgumentError("the new data key is the current one");
  if (new_key == index_key) {
    return absl::InvalidArgumentError(
        absl::StrCat("the new data key is ", service, ".index_key_file's key"));
  }
  std::string old_master, new_master;
  if (keyed.objects) {
    SCHAKEL_ASSIGN_OR_RETURN(old_master, ObjectSealer::MasterKey(service, data_file, master_file,
                                                                 keyed.objects->master_label));
    if (!master_file.empty() && new_key == old_master) {
      return absl::InvalidArgumentError(
          absl::StrCat("the new data key is ", service, ".master_key_file's key"));
    }
    new_master = master_file.empty()
                     ? ObjectSealer::DerivedMasterKey(new_key, keyed.objects->master_label)
                     : old_master;
  }

  DataKeyRotation done;
  done.database = std::filesystem::path(config.data_dir()) / absl::StrCat(service, ".db");
  if (!std::filesystem::exists(done.database)) {
    return absl::NotFoundError(absl::StrCat(done.database.string(), ": no such database"));
  }
  SCHAKEL_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> db,
                           sqlite::Database::Open(done.database));
  SCHAKEL_RETURN_IF_ERROR(db->Exec("PRAGMA secure_delete=ON"));
  const migrations::MigrationTrack* tracks[] = {&migrations::common_track(), &keyed.track()};
  SCHAKEL_RETURN_IF_ERROR(migrations::Apply(*db, tracks));

  const FieldCipher from(old_key, index_key);
  const FieldCipher to(new_key, index_key);
  std::unique_ptr<ObjectSealer> objects;
  if (keyed.objects) {
    objects = std::make_unique<ObjectSealer>(to, new_master, keyed.objects->aad_prefix,
                                             keyed.objects->kind, RealClock::Instance());
  }
  const reseal::Plan plan = keyed.plan();
  SCHAKEL_RETURN_IF_ERROR(db->Transaction([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_RETURN_IF_ERROR(reseal::Check(c, plan, from));
    if (keyed.objects && new_master != old_master) {
      SCHAKEL_ASSIGN_OR_RETURN(
          done.rewrapped, DataKeys::Rewrap(c, old_master, new_master, keyed.objects->aad_prefix));
    }
    SCHAKEL_ASSIGN_OR_RETURN(done.resealed, reseal::Run(c, plan, from, to, objects.get()));
    return absl::OkStatus();
  }));
  // The old ciphertexts may still sit in the WAL: write the new pages into the database file
  // (secure_delete overwrote the old ones there) and empty it.
  done.checkpoint = db->CheckpointTruncate();
  return done;
}

}  // namespace schakel
