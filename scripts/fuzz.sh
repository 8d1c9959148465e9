#!/usr/bin/env bash
# Fuzzes the shim's C API with libFuzzer (cpp/fuzz/shim_fuzz.cpp) under ASan + UBSan.
#
#   scripts/fuzz.sh [seconds] [libFuzzer options or input files...]
#
#   scripts/fuzz.sh                 60 seconds from the seed corpus (cpp/fuzz/corpus)
#   scripts/fuzz.sh 600             ten minutes
#   scripts/fuzz.sh 0 crash-1234    replay one input (a finding) and exit (0 alone: no time limit)
#
# Needs clang with libFuzzer (Debian/Ubuntu: apt-get install clang); installs nothing itself.
# Builds in $FUZZ_BUILD_DIR (default target/cmake-fuzz). New inputs go to $FUZZ_BUILD_DIR/corpus
# (the committed seeds stay as they are); findings are written to $FUZZ_BUILD_DIR/artifacts and
# the script exits non-zero.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
[[ $# -gt 0 ]] && shift
case "$seconds" in
    ''|*[!0-9]*) echo "usage: $0 [seconds] [libFuzzer options or input files...]" >&2; exit 2 ;;
esac
build="${FUZZ_BUILD_DIR:-$root/target/cmake-fuzz}"
jobs="${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}"

for tool in clang clang++ cmake; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "fuzz.sh: $tool not found. The fuzzer needs clang with libFuzzer:" \
             "apt-get install clang (Debian/Ubuntu)." >&2
        exit 2
    fi
done

echo "== building shim_fuzz in $build ==" >&2
cmake -S "$root/cpp" -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DACLGRAPH4J_SANITIZE=address -DACLGRAPH4J_BUILD_FUZZ=ON \
    -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --target shim_fuzz -j "$jobs" >/dev/null

fuzzer="$build/bin/shim_fuzz"
mkdir -p "$build/corpus" "$build/artifacts"

# The simulator's environment knobs would change what an input does: fix them.
unset ACLSIM_FAULTS
export ACLSIM_DEVICE_COUNT=2
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# Replaying given inputs: no corpus, no time limit.
for arg in "$@"; do
    if [[ "$arg" != -* ]]; then
        exec "$fuzzer" -rss_limit_mb=4096 "$@"
    fi
done

echo "== fuzzing for ${seconds}s (corpus: $build/corpus + cpp/fuzz/corpus) ==" >&2
status=0
"$fuzzer" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=4096 -max_len=2048 \
    -artifact_prefix="$build/artifacts/" -print_final_stats=1 "$@" \
    "$build/corpus" "$root/cpp/fuzz/corpus" || status=$?
if [[ $status -ne 0 ]]; then
    echo "fuzz.sh: finding (exit $status); inputs in $build/artifacts/." \
         "Reproduce: scripts/fuzz.sh 0 <input>" >&2
fi
exit $status
