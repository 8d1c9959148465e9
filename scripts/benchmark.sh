#!/usr/bin/env bash
# Builds the SDK, the JMH benchmarks (benchmarks/) and the native benchmark (cpp/bench), runs
# both and writes docs/performance.md with its SVG plots. Takes about 5 minutes on 2 cores.
#
#   scripts/benchmark.sh           full run
#   scripts/benchmark.sh --quick   shorter samples, smaller sizes (a smoke test of the pipeline)
#
# Build folders: target/ (the SDK, as mvn builds it), benchmarks/target/ (JMH classes, the native
# benchmark's CMake build, raw results in benchmarks/target/results).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quick=0
for arg in "$@"; do
    case "$arg" in
        --quick) quick=1 ;;
        *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
    esac
done

bench="$root/benchmarks"
results="$bench/target/results"
native_build="$bench/target/cmake-bench"
mkdir -p "$results"
jobs="$(nproc 2>/dev/null || echo 2)"
step() { printf '\n== %s ==\n' "$*" >&2; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

step "SDK: mvn -DskipTests install"
(cd "$root" && mvn -q -ntp -DskipTests install)

step "native benchmark: CMake build in $native_build"
cmake -S "$root/cpp" -B "$native_build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF \
    -DACLGRAPH4J_BUILD_BENCH=ON >/dev/null
cmake --build "$native_build" --target aclgraph4j_native_bench -j "$jobs" >/dev/null

step "JMH benchmarks: mvn package in benchmarks/"
(cd "$bench" && mvn -q -ntp package)
classpath="$bench/target/classes:$bench/target/lib/*"

native="$native_build/bin/aclgraph4j_native_bench"
quick_arg=()
[[ $quick == 1 ]] && quick_arg=(--quick)
if [[ $quick == 1 ]]; then
    jmh_args=(-f 1 -wi 1 -w 500ms -i 2 -r 500ms)
else
    jmh_args=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
fi

# Java's Model.execute against the C API loop and the handoff floor, in alternating rounds within
# one process (the C API loop runs in the shim): the cost of crossing between cores drifts on a VM
# within seconds, and figures taken minutes apart would compare the drift.
step "seed replay: Java, the C API loop and the handoff floor in alternating rounds"
java -cp "$classpath" io.aclgraph4j.internal.SeedRatio "$results/seed-ratio.json" "$([[ $quick == 1 ]] && echo 100 || echo 400)"

# Task updates between replays: pipelined (ordered on the device) against synchronise-update-replay,
# alternating rounds within one process, like the seed ratio.
step "task updates: pipelined against synchronise-update-replay"
java -cp "$classpath" io.aclgraph4j.bench.UpdatePipelineRatio "$results/update-ratio.json" \
    "$([[ $quick == 1 ]] && echo 10 || echo 40)"

step "JMH: the seed model (-prof gc)"
java -cp "$classpath" org.openjdk.jmh.Main "${jmh_args[@]}" -prof gc -rf json -rff "$results/jmh-seed.json" \
    'io\.aclgraph4j\.bench\.SeedModelBenchmark\.'

step "native benchmark"
"$native" "$results/native.json" "${quick_arg[@]}"

step "JMH: chains and capture (-prof gc)"
java -cp "$classpath" org.openjdk.jmh.Main "${jmh_args[@]}" -prof gc -rf json -rff "$results/jmh.json" \
    'io\.aclgraph4j\.bench\.(ReplayChain|CaptureChain)Benchmark\.'

step "capture memory through the facade (fresh JVM)"
java -cp "$classpath" io.aclgraph4j.bench.CaptureMemory | tee "$results/capture-java.txt"

load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
step "report: docs/performance.md"
python3 "$root/scripts/report.py" --native "$results/native.json" --jmh "$results/jmh.json" "$results/jmh-seed.json" \
    --seed-ratio "$results/seed-ratio.json" --update-ratio "$results/update-ratio.json" \
    --capture-java "$results/capture-java.txt" --docs "$root/docs" --notes "$root/scripts/performance-notes.md" \
    --run-info "; load average before ${load_before}, after ${load_after}$([[ $quick == 1 ]] && echo '; --quick')"
