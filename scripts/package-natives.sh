#!/usr/bin/env bash
# Prepares the native libraries that go into the jar (Maven runs it in prepare-package):
#  1. strips each library under CLASSES_DIR (every platform folder, e.g.
#     io/aclgraph4j/internal/linux-x86_64/), after moving its debug info to
#     DEBUG_DIR/<platform>/<library>.debug (linked back with .gnu_debuglink, so gdb finds it when
#     pointed there: `set debug-file-directory`, or copy it beside the library);
#  2. checks the load floor of every library (scripts/check-native-floor.sh); fails above it.
#
#   scripts/package-natives.sh CLASSES_DIR DEBUG_DIR
#
# Libraries already stripped (no .debug_info) keep their earlier .debug file. Uses the
# architecture's binutils: objcopy for x86_64, aarch64-linux-gnu-objcopy for arm64.
set -euo pipefail
classes="${1:?usage: $0 CLASSES_DIR DEBUG_DIR}"
debug="${2:?usage: $0 CLASSES_DIR DEBUG_DIR}"
here="$(cd "$(dirname "$0")" && pwd)"

objcopy_for() {
    case "$(readelf -h "$1" | awk -F: '/Machine:/ {print $2}')" in
        *X86-64*) echo objcopy ;;
        *AArch64*) echo aarch64-linux-gnu-objcopy ;;
        *) echo "package-natives: $1: unknown architecture" >&2; return 1 ;;
    esac
}

mapfile -t libraries < <(find "$classes" -type f -name '*.so' | sort)
for library in "${libraries[@]}"; do
    library="$(realpath "$library")"
    platform="$(basename "$(dirname "$library")")"
    target="$debug/$platform/$(basename "$library").debug"
    # grep reads the whole listing (no -q): under pipefail an early exit of grep can end
    # readelf with SIGPIPE and make the test false.
    if readelf -S -W "$library" | grep '\.debug_info' >/dev/null; then
        objcopy="$(objcopy_for "$library")"
        command -v "$objcopy" >/dev/null || { echo "package-natives: $objcopy is needed to strip $library" >&2; exit 1; }
        mkdir -p "$(dirname "$target")"
        target="$(realpath "$(dirname "$target")")/$(basename "$target")"
        "$objcopy" --only-keep-debug "$library" "$target"
        "$objcopy" --strip-unneeded --remove-section=.gnu_debuglink "$library"
        (cd "$(dirname "$target")" && "$objcopy" --add-gnu-debuglink="$(basename "$target")" "$library")
    fi
done
"$here/check-native-floor.sh" -v "$classes"
