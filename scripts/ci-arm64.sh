#!/usr/bin/env bash
# linux-arm64 in CI, on an x86_64 Debian host (.ci/run calls it; it also runs by hand):
#
#   scripts/ci-arm64.sh tools       make sure the cross toolchain, qemu-user and an arm64 JDK are
#                                   there: installs them with apt-get when root (Debian multiarch:
#                                   dpkg --add-architecture arm64; crossbuild-essential-arm64,
#                                   qemu-user-static, openjdk-17-jdk-headless:arm64). Exit 0 when
#                                   they are usable, 1 (with a notice) when not.
#   scripts/ci-arm64.sh test        after `mvn install -Plinux-arm64` (which builds the arm64
#                                   natives and runs the C++ suites under qemu): the seed example
#                                   from the jar and a smoke subset of the Java tests, both in the
#                                   arm64 JVM under qemu-user; prints the tests' counts per class
#                                   and in total.
#   scripts/ci-arm64.sh java-suite  every Java test class in the arm64 JVM under qemu-user (about
#                                   ten times slower than native, an hour or more on 2 cores; not
#                                   part of CI).
#
# Tests that start JVMs of their own (examples, JShell, scenarios that may crash) start the arm64
# java or jshell of java.home, which a host without binfmt_misc registered for arm64 cannot execute:
# the tests get the emulator as their launcher (aclgraph4j.test.launcher, see ChildJvm), and the
# arm64 JVM starts processes by vfork + exec: its default posix_spawn goes through the arm64
# jspawnhelper, which the host cannot execute either.
set -euo pipefail
cd "$(dirname "$0")/.."

arm64_java="${ARM64_JAVA:-/usr/lib/jvm/java-17-openjdk-arm64/bin/java}"
# ModulePathTest starts a JVM of its own: the smoke run keeps the emulated child-JVM path tested.
# ReplayOrderTest (threads waking each other's streams) hung under qemu when a wait's store and
# its look for sleepers were not fenced (cpp/sim/runtime/waiting.h).
default_smoke_tests="SeedFlowTest,CaptureScopeTest,FacadeContractTest,BadInputTest,NativeLibrariesTest,ReplayOrderTest"
default_smoke_tests+=",ModulePathTest"
smoke_tests="${ARM64_SMOKE_TESTS:-$default_smoke_tests}"
qemu_path="$(command -v qemu-aarch64-static || command -v qemu-aarch64 || true)"
# Mockito attaches its agent to the running JVM; by default it starts a helper JVM for that,
# which a host without binfmt_misc cannot execute under qemu-user.
jvm_extra="-Djdk.attach.allowAttachSelf=true -Djdk.lang.Process.launchMechanism=VFORK"
jvm_extra+=" -Daclgraph4j.test.launcher=$qemu_path"

tools_present() {
    command -v aarch64-linux-gnu-g++ >/dev/null 2>&1 &&
        { command -v qemu-aarch64-static >/dev/null 2>&1 || command -v qemu-aarch64 >/dev/null 2>&1; } &&
        [[ -x "$arm64_java" ]]
}

qemu() {
    "$qemu_path" "$@"
}

# Runs the given Java tests in the arm64 JVM under qemu-user (extra Maven arguments first), then
# prints each class's counts and their total from the surefire reports of this run; fails when a
# test failed or no report was written.
run_java_tests() {
    local reports=target/surefire-reports status=0
    rm -f "$reports"/TEST-*-arm64.xml
    mvn -ntp "$@" surefire:test -Djvm="$PWD/scripts/qemu-jvm/bin/java" -Dsurefire.jvm.extra="$jvm_extra" \
        -Dsim.toolkit.dir="$PWD/target/cmake-arm64/sim-toolkit" -Dsurefire.reportNameSuffix=arm64 || status=$?
    if ! compgen -G "$reports/TEST-*-arm64.xml" >/dev/null; then
        echo "ci-arm64: no Java test report was written (mvn exit $status)" >&2
        return 1
    fi
    awk '
        function count(name) { return match($0, name "=\"[0-9]+\"") ? substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3) + 0 : 0 }
        /<testsuite / {
            match($0, / name="[^"]*"/); suite = substr($0, RSTART + 7, RLENGTH - 8)
            t = count("tests"); f = count("failures"); e = count("errors"); s = count("skipped")
            printf "ci-arm64:   %-40s tests %4d, failures %d, errors %d, skipped %d\n", suite, t, f, e, s
            tests += t; failures += f; errors += e; skipped += s; classes++
            nextfile
        }
        END { printf "ci-arm64: Java tests under qemu-user: %d classes, %d tests, %d failures, %d errors, %d skipped\n", classes, tests, failures, errors, skipped }
    ' "$reports"/TEST-*-arm64.xml
    return "$status"
}

case "${1:-}" in
tools)
    if ! tools_present && [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "ci-arm64: installing the arm64 cross toolchain, qemu-user and an arm64 JDK (apt-get)"
        export DEBIAN_FRONTEND=noninteractive
        { dpkg --add-architecture arm64 &&
            timeout 600 apt-get update -q &&
            timeout 1200 apt-get install -y -q crossbuild-essential-arm64 qemu-user-static openjdk-17-jdk-headless:arm64
        } >/dev/null 2>&1 || true
    fi
    if ! tools_present; then
        echo "ci-arm64: NOTICE: linux-arm64 step skipped: it needs aarch64-linux-gnu-g++, qemu-user and" \
             "an arm64 JDK at $arm64_java (apt-get install crossbuild-essential-arm64 qemu-user-static" \
             "openjdk-17-jdk-headless:arm64 after dpkg --add-architecture arm64; needs root and network)"
        exit 1
    fi
    ;;
test)
    # unzip names the entry itself: `unzip -l | grep -q` fails under pipefail whenever grep exits
    # before unzip has written its whole listing (SIGPIPE), a race that depends on the machine.
    unzip -Z1 target/aclgraph4j.jar 'io/aclgraph4j/internal/linux-arm64/libjniShimLibrary.so' >/dev/null 2>&1 ||
        { echo "ci-arm64: target/aclgraph4j.jar has no linux-arm64 natives (build with -Plinux-arm64)" >&2; exit 1; }
    echo "ci-arm64: the seed example from the jar, arm64 JVM under qemu-user"
    cache="$(mktemp -d)"
    trap 'rm -rf "$cache"' EXIT
    output="$(qemu "$arm64_java" -Dorg.bytedeco.javacpp.cachedir="$cache" \
        -cp target/aclgraph4j.jar:target/lib/javacpp.jar examples/SeedCapture.java)"
    echo "$output"
    expected="$(awk 'BEGIN { for (i = 1; i <= 8; i++) { printf "[INFO]"; for (j = 0; j < 8; j++) printf " %.6f", 1.1 * i; print "" } }')"
    if [[ "$output" != "$expected" ]]; then
        echo "ci-arm64: the seed example printed something else than the eight expected lines" >&2
        exit 1
    fi
    [[ -n "$(find "$cache" -path '*linux-arm64*' -name 'libaclsim.so')" ]] ||
        { echo "ci-arm64: the arm64 JVM did not load the linux-arm64 natives from the jar" >&2; exit 1; }
    echo "ci-arm64: Java smoke tests ($smoke_tests), arm64 JVM under qemu-user"
    run_java_tests -q -Dtest="$smoke_tests"
    ;;
java-suite)
    run_java_tests
    ;;
*)
    echo "usage: $0 tools|test|java-suite" >&2
    exit 2
    ;;
esac
