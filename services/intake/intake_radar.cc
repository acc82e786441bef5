// The radar (radarfunctie): GetRadar lists the earlier reports and advice requests of the region
// that share a person or an address with the asked one, matched on blind indexes only.
#include <map>
#include <set>

#include "services/common/proto_time.h"
#include "services/intake/intake_service.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::intake {
namespace {

constexpr absl::Duration kYear = absl::Hours(24 * 365);

// Adds `m` to `hits` (one hit per earlier report, naming every key it matched on).
void AddHit(std::map<std::string, v1::RadarHit>& hits, const RadarMatch& m) {
  v1::RadarHit& hit = hits[m.report_id];
  if (hit.report_id().empty()) {
    hit.set_report_id(m.report_id);
    hit.set_kind(m.report_kind);
    SetTime(hit.mutable_received_at(), m.received_at);
    hit.set_state(m.state);
    hit.set_open_mda_case(m.open_mda_case);
  }
  for (const auto& on : hit.matched_on()) {
    if (on == m.kind) return;
  }
  hit.add_matched_on(m.kind);
}

// The hits newest first, with their counts.
template <typename Radar>
void Fill(Radar& radar, const std::map<std::string, v1::RadarHit>& hits, int64_t since) {
  std::vector<v1::RadarHit> sorted;
  for (const auto& [id, hit] : hits) sorted.push_back(hit);
  std::sort(sorted.begin(), sorted.end(), [](const v1::RadarHit& a, const v1::RadarHit& b) {
    return ToMicros(a.received_at()) > ToMicros(b.received_at());
  });
  for (auto& hit : sorted) {
    if (ToMicros(hit.received_at()) >= since) radar.set_last_12_months(radar.last_12_months() + 1);
    *radar.add_hits() = std::move(hit);
  }
  radar.set_ever(radar.hits_size());
}

}  // namespace

grpc::ServerUnaryReactor* IntakeService::GetRadar(grpc::CallbackServerContext* ctx,
                                                  const v1::GetRadarRequest* req,
                                                  v1::GetRadarResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    FieldViolations v;
    if (req->report_id().empty()) v.Add("report_id", "must be set");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    SCHAKEL_ASSIGN_OR_RETURN(Desk desk, DeskOf(caller));
    const int64_t since = absl::ToUnixMicros(env_.clock->Now() - kYear);
    const ReadSpec spec{.audit = rt_.audit.get(),
                        .caller = &caller,
                        .event_type = "intake.radar.read",
                        .purpose_of_use = "triage",
                        .response = resp};
    return RunAuditedRead(spec, [&](v1::AuditRecord& rec) -> absl::Status {
      return rt_.db->Read([&](sqlite::Connection& c) -> absl::Status {
        IntakeStore store(c, *sealer_);
        SCHAKEL_ASSIGN_OR_RETURN(auto row, ReadReport(store, caller, desk, req->report_id()));
        SCHAKEL_ASSIGN_OR_RETURN(auto matches, store.RadarMatches(row));
        resp->set_report_id(row.id);
        AddObject(rec, "report", row.id, v1::SENSITIVITY_CARE);

        // The asked report's own keys tell which address label a key stands for.
        std::map<std::string, std::string> address_labels;
        for (const RadarKey& k : RadarKeys(row.body.input(), *rt_.cipher)) {
          if (k.kind == "address") address_labels[k.key] = k.label;
        }
        std::map<std::string, std::map<std::string, v1::RadarHit>> by_person, by_address;
        std::set<std::string> all, recent;
        for (const RadarMatch& m : matches) {
          if (m.kind == "address") {
            AddHit(by_address[m.key], m);
          } else {
            AddHit(by_person[m.person_id], m);
          }
          all.insert(m.report_id);
          if (m.received_at >= since) recent.insert(m.report_id);
        }
        for (const v1::ReportedPerson& p : row.body.input().persons()) {
          v1::PersonRadar* pr = resp->add_persons();
          pr->set_person_id(p.id());
          pr->set_role(p.role());
          Fill(*pr, by_person[p.id()], since);
        }
        for (const auto& [key, label] : address_labels) {
          v1::AddressRadar* ar = resp->add_addresses();
          ar->set_address(label);
          Fill(*ar, by_address[key], since);
        }
        for (const auto& id : all) AddObject(rec, "report", id, v1::SENSITIVITY_CARE);
        resp->set_earlier_ever(static_cast<int>(all.size()));
        resp->set_earlier_last_12_months(static_cast<int>(recent.size()));
        resp->set_repeat(recent.size() >= 2);
        resp->set_open_mda_case(std::any_of(matches.begin(), matches.end(),
                                            [](const RadarMatch& m) { return m.open_mda_case; }));
        return absl::OkStatus();
      });
    });
  };
  return Handle(ctx, "GetRadar", AskedReport(req->report_id()), std::move(handler));
}

}  // namespace schakel::intake
