// The chip a simulated device reports itself as: an Atlas A2 training card's Ascend910B1, whose
// operator lists the simulated aclnn operators follow. Its figures are those of CANN's platform
// configuration for the SoC (Ascend910B1.ini), where the queries that report them read them.
#ifndef ACLSIM_RUNTIME_CHIP_H
#define ACLSIM_RUNTIME_CHIP_H

#include <cstddef>
#include <cstdint>

namespace aclsim::chip {

constexpr const char kSocName[] = "Ascend910B1";
constexpr size_t kDeviceMemoryBytes = size_t{64} << 30; // HBM; no device DDR
constexpr int64_t kAiCpuCores = 4;
constexpr int64_t kAiCoreCores = 24; // one cube core each
constexpr int64_t kCubeCores = 24;
constexpr int64_t kVectorCores = 48;
constexpr int64_t kL2CacheBytes = int64_t{192} << 20;
constexpr int64_t kNpuArch = 2201;

} // namespace aclsim::chip

#endif
