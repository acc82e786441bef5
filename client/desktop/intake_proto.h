// The intake service's generated messages and stub for Qt code. intake.proto has a field named
// `signals` (ListSignalsResponse.signals: the radar's signals), which Qt's `signals` keyword macro
// would turn into `public`; the macro is set aside while the generated headers are read, whatever
// Qt header came first. Include this, never schakel/v1/intake*.pb.h, in the desktop client; code
// that reads the field uses SignalsOf() or mutable_signals() (the macro is in force again after).
#ifndef SCHAKEL_CLIENT_DESKTOP_INTAKE_PROTO_H_
#define SCHAKEL_CLIENT_DESKTOP_INTAKE_PROTO_H_

#pragma push_macro("signals")
#undef signals
#include "schakel/v1/intake.grpc.pb.h"  // IWYU pragma: export
#include "schakel/v1/intake.pb.h"       // IWYU pragma: export

namespace schakel::desktop {

// The signals of `response` (ListSignalsResponse.signals).
inline const google::protobuf::RepeatedPtrField<v1::Signal>& SignalsOf(
    const v1::ListSignalsResponse& response) {
  return response.signals();
}

}  // namespace schakel::desktop

#pragma pop_macro("signals")

#endif  // SCHAKEL_CLIENT_DESKTOP_INTAKE_PROTO_H_
