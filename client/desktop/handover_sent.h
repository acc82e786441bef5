// The handovers my organisation proposed that still wait for an answer, for the Inbox (where the
// sender may withdraw them). The handover service has no list of "what I sent" for professionals,
// so a full look reads the responsibility ledger of each open case I am on
// (CaseService.ListMyCases, then HandoverService.GetResponsibility) — audited reads, so it is done
// only when asked (F5, the view shown); a quick look reads only the handovers already known again
// (HandoverService.GetHandover) and drops those answered meanwhile. Both run off the UI thread.
#ifndef SCHAKEL_CLIENT_DESKTOP_HANDOVER_SENT_H_
#define SCHAKEL_CLIENT_DESKTOP_HANDOVER_SENT_H_

#include <memory>
#include <vector>

#include <grpcpp/channel.h>
#include <grpcpp/support/status.h>

#include "client/lib/server_addresses.h"
#include "schakel/v1/handover.pb.h"

namespace schakel::desktop {

struct SentHandovers {
  grpc::Status status;
  // Proposed by my organisation and still PROPOSED; oldest proposal first.
  std::vector<v1::Handover> handovers;
};

// The full look. A person who may not list cases (PERMISSION_DENIED) has sent nothing.
SentHandovers FetchSentHandovers(const client::ChannelsPtr& channel);

// The quick look: `known` read again; those no longer PROPOSED (or no longer readable) dropped.
SentHandovers RecheckSentHandovers(const client::ChannelsPtr& channel,
                                   const std::vector<v1::Handover>& known);

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_HANDOVER_SENT_H_
