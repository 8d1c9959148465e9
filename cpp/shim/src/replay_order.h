// Replays of one model never overlap, whatever streams they are issued on (Model::ReplayOrder):
// a replay on another stream than the previous one's waits, on the device, for an event
// recorded after the previous replay.
#ifndef ACLGRAPH4J_SHIM_REPLAY_ORDER_H
#define ACLGRAPH4J_SHIM_REPLAY_ORDER_H

#include <cstdint>

#include "handle_table.h"
#include "objects.h"

namespace agj {

// Before `s` begins or joins a capture, or begins a task update (after which a record on it would
// not run eagerly), marks the end of the models' replays it holds that no event marks yet.
void MarkReplaysBeforeCapture(Stream &s);

// Issues the replay on `s` ordered after the model's previous replay: no host wait, only an event
// the stream waits for when the previous replay went to another stream. A model replayed on one
// stream only costs a lock more than the replay.
int32_t ExecuteAfterPreviousReplay(const char *entry, const Found<Model> &m, const Found<Stream> &s);

// With the model's replay order locked: whether a replay of the model may still be queued or
// running (its latest replay's stream has work left).
bool ReplayMayBeInFlight(Model &m);

// With the model's replay order locked: makes `s` wait, on the device, for the end of the model's
// latest replay when that went to another stream.
int32_t WaitForPreviousReplay(const char *entry, const std::shared_ptr<Model> &m, Stream &s);

} // namespace agj

#endif
