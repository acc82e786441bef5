#include "client/desktop/supervision_fetch.h"

#include <algorithm>

#include <QDateTime>
#include <QTime>
#include <QTimeZone>

#include "client/desktop/intake_proto.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.grpc.pb.h"
#include "schakel/v1/handover.grpc.pb.h"

namespace schakel::desktop {

namespace {

// Midnight at the start of `day` in Europe/Amsterdam.
void SetMidnight(google::protobuf::Timestamp* ts, const QDate& day) {
  static const QTimeZone kAmsterdam("Europe/Amsterdam");
  ts->set_seconds(QDateTime(day, QTime(0, 0), kAmsterdam).toSecsSinceEpoch());
  ts->set_nanos(0);
}

void SetDate(v1::Date* out, const QDate& day) {
  out->set_year(day.year());
  out->set_month(day.month());
  out->set_day(day.day());
}

}  // namespace

grpc::Status CallCanceller::Run(const std::function<grpc::Status(grpc::ClientContext*)>& call) {
  std::unique_ptr<grpc::ClientContext> context = NewCallContext();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (cancelled_) return {grpc::StatusCode::CANCELLED, "cancelled"};
    live_.push_back(context.get());
  }
  grpc::Status status = call(context.get());
  std::lock_guard<std::mutex> lock(mu_);
  live_.erase(std::find(live_.begin(), live_.end(), context.get()));
  return status;
}

void CallCanceller::Cancel() {
  std::lock_guard<std::mutex> lock(mu_);
  cancelled_ = true;
  for (grpc::ClientContext* context : live_) context->TryCancel();
}

bool CallCanceller::cancelled() const {
  std::lock_guard<std::mutex> lock(mu_);
  return cancelled_;
}

SupervisionOutcome FetchSupervision(const client::ChannelsPtr& channel,
                                    const SupervisionPeriod& period, bool export_csv,
                                    CallCanceller& canceller) {
  SupervisionOutcome out;
  v1::GetHandoverReportRequest handover;
  if (period.from.isValid()) SetMidnight(handover.mutable_proposed_from(), period.from);
  if (period.to.isValid()) SetMidnight(handover.mutable_proposed_to(), period.to.addDays(1));
  handover.set_csv(export_csv);
  auto handover_stub = client::StubOf<v1::HandoverService>(*channel);
  out.handover_status = canceller.Run([&](grpc::ClientContext* context) {
    return handover_stub->GetHandoverReport(context, handover, &out.handover);
  });

  v1::GetIntakeReportRequest intake;
  // An invalid date goes as an unset one: the service names the field.
  if (period.from.isValid()) SetDate(intake.mutable_from(), period.from);
  if (period.to.isValid()) SetDate(intake.mutable_to(), period.to);
  intake.set_csv(export_csv);
  auto intake_stub = client::StubOf<v1::IntakeService>(*channel);
  out.intake_status = canceller.Run([&](grpc::ClientContext* context) {
    return intake_stub->GetIntakeReport(context, intake, &out.intake);
  });

  v1::ListRetentionRequest retention;
  retention.set_within_days(kRetentionDays);
  retention.set_page_size(kRetentionRows);
  out.retention_status = canceller.Run([&](grpc::ClientContext* context) {
    return intake_stub->ListRetention(context, retention, &out.retention);
  });
  v1::ListCaseRetentionRequest case_retention;
  case_retention.set_within_days(kRetentionDays);
  case_retention.set_page_size(kRetentionRows);
  auto case_stub = client::StubOf<v1::CaseService>(*channel);
  out.case_retention_status = canceller.Run([&](grpc::ClientContext* context) {
    return case_stub->ListCaseRetention(context, case_retention, &out.case_retention);
  });
  return out;
}

}  // namespace schakel::desktop
