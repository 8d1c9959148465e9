/*
 * Testing hooks of the aclgraph4j shim: not part of its production C API (shim.h). They live in a
 * library of their own (aclgraph4j_shim_testing), linked into the shim the jar carries (its tests
 * and scripts/benchmark.sh use them) and left out with -DACLGRAPH4J_SHIM_TESTING_HOOKS=OFF.
 * Same conventions as shim.h: a status, then agj_last_error_message().
 */
#ifndef ACLGRAPH4J_SHIM_TESTING_H
#define ACLGRAPH4J_SHIM_TESTING_H

#include "aclgraph4j/shim.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- simulator only (AGJ_ERR_BACKEND on other backends) ---- */
/* point: an aclsimFaultPoint (aclsim/aclsim.h); skip, count: not negative. */
AGJ_API int32_t agj_sim_inject_fault(int32_t point, int64_t skip, int64_t count);
AGJ_API int32_t agj_sim_clear_faults(void);

/* ---- measurement hooks (scripts/benchmark.sh) ----
 * What the Java facade's speed is compared with, measured in the same process and in the same
 * moments, so that a ratio does not measure the machine's drift between two programs. */
/* Replays the model on the stream and synchronises, `iterations` times, calling the backend's
 * aclmdlRIExecuteAsync and aclrtSynchronizeStream directly (the C API loop); *nanosOut: elapsed. */
AGJ_API int32_t agj_bench_replay_loop(int64_t model, int64_t stream, int64_t iterations, int64_t *nanosOut);
/* Passes a flag between this thread and a helper thread and back, `iterations` times, both
 * spinning (the floor of one cross-thread handoff); *nanosOut: elapsed. */
AGJ_API int32_t agj_bench_spin_handoff(int64_t iterations, int64_t *nanosOut);

#ifdef __cplusplus
}
#endif

#endif
