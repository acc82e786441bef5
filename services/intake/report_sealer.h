// ReportSealer: each report's content sealed under a data key of its own ("report/<id>"), so that
// destroying the report is shredding one key (services/common/object_sealer.h). The report keys
// are wrapped by the intake master key (intake.master_key_file, or when that is unset a key derived
// from the intake data key).
#ifndef SCHAKEL_SERVICES_INTAKE_REPORT_SEALER_H_
#define SCHAKEL_SERVICES_INTAKE_REPORT_SEALER_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "services/common/object_sealer.h"

namespace schakel::intake {

class ReportSealer : public ObjectSealer {
 public:
  // A wrapped report key is bound to "<kKeyAadPrefix><key id>" (DataKeys).
  static constexpr char kKeyAadPrefix[] = "intake/";
  // What derives the master key from the data key when intake.master_key_file is unset.
  static constexpr char kMasterKeyLabel[] = "schakel intake report keys";

  // `service`: the intake FieldCipher (the data key and the index key); `master_key` wraps the
  // report keys.
  ReportSealer(const FieldCipher& service, std::string master_key, const Clock& clock)
      : ObjectSealer(service, std::move(master_key), kKeyAadPrefix, "report", clock) {}

  // The data key id of report `report_id`.
  static std::string KeyOf(absl::string_view report_id) {
    return absl::StrCat("report/", report_id);
  }
  // The master key when intake.master_key_file is unset.
  static std::string DerivedMasterKey(absl::string_view data_key) {
    return ObjectSealer::DerivedMasterKey(data_key, kMasterKeyLabel);
  }
};

}  // namespace schakel::intake

#endif  // SCHAKEL_SERVICES_INTAKE_REPORT_SEALER_H_
