#!/usr/bin/env bash
# Checks the load floor of native libraries: every ELF shared library under the given folders may
# need at most GLIBC_2.17, GLIBCXX_3.4.19 and CXXABI_1.3.7 (glibc of CentOS 7, libstdc++ of
# GCC 4.8), and may export no C++ runtime symbols (libstdc++/libgcc are linked in privately).
# Reads the version needs with readelf, which reads ELF files of any architecture.
#
#   scripts/check-native-floor.sh [-v] DIR...
#
# Prints, per library, the highest version it needs of each family (-v, or always on failure),
# and for a library above the floor, the symbols that need the newer versions. Exits 1 then.
# The floor can be moved for an experiment with FLOOR_GLIBC, FLOOR_GLIBCXX, FLOOR_CXXABI.
set -euo pipefail

floor_glibc="${FLOOR_GLIBC:-2.17}"
floor_glibcxx="${FLOOR_GLIBCXX:-3.4.19}"
floor_cxxabi="${FLOOR_CXXABI:-1.3.7}"

verbose=0
if [[ "${1:-}" == "-v" ]]; then verbose=1; shift; fi
if [[ $# == 0 ]]; then echo "usage: $0 [-v] DIR..." >&2; exit 2; fi
command -v readelf >/dev/null || { echo "check-native-floor: readelf (binutils) is needed" >&2; exit 2; }

# version_greater A B: true when dotted version A > B.
version_greater() {
    [[ "$1" != "$2" && "$(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -1)" == "$1" ]]
}

mapfile -t libraries < <(find "$@" -type f \( -name '*.so' -o -name '*.so.*' \) ! -name '*.debug' | sort)
if [[ ${#libraries[@]} == 0 ]]; then
    echo "check-native-floor: no native library under $*" >&2
    exit 1
fi

failed=0
report=""
for library in "${libraries[@]}"; do
    case "$(readelf -h "$library" | awk -F: '/Machine:/ {print $2}')" in
        *X86-64*) machine=x86_64 ;;
        *AArch64*) machine=aarch64 ;;
        *) machine=other ;;
    esac
    # Every version the library needs, e.g. GLIBC_2.14, from its .gnu.version_r section.
    mapfile -t needed < <(readelf -V -W "$library" | awk '/Name: (GLIBC|GLIBCXX|CXXABI)_[0-9.]+/ {
        for (i = 1; i <= NF; i++) if ($i == "Name:") print $(i + 1) }' | sort -u)
    declare -A highest=([GLIBC]="-" [GLIBCXX]="-" [CXXABI]="-")
    offending=()
    for version in "${needed[@]}"; do
        family="${version%%_*}"
        number="${version#*_}"
        if [[ "${highest[$family]}" == "-" ]] || version_greater "$number" "${highest[$family]}"; then
            highest[$family]="$number"
        fi
        case "$family" in
            GLIBC) limit="$floor_glibc" ;;
            GLIBCXX) limit="$floor_glibcxx" ;;
            CXXABI) limit="$floor_cxxabi" ;;
        esac
        if version_greater "$number" "$limit"; then offending+=("$version"); fi
    done
    line="$(printf '%-24s %-8s GLIBC %-6s GLIBCXX %-8s CXXABI %s' "$(basename "$library")" \
        "$machine" "${highest[GLIBC]}" "${highest[GLIBCXX]}" "${highest[CXXABI]}")"
    report+="  $line"$'\n'
    # The C++ runtime linked in must stay private: no exported std::, __gnu_cxx::, __cxa_ or
    # _Unwind_ definitions.
    exported_runtime="$(readelf --dyn-syms -W "$library" | awk '$7 != "UND" && ($5 == "GLOBAL" || $5 == "WEAK") {print $8}' |
        grep -E '^(_ZNSt|_ZSt|_ZN9__gnu_cxx|_ZNKSt|_ZTISt|_ZTSSt|_ZTVSt|__cxa_|__gxx_|_Unwind_)' | head -20 || true)"
    if [[ ${#offending[@]} -gt 0 || -n "$exported_runtime" ]]; then
        failed=1
        echo "check-native-floor: $library is above the load floor (GLIBC $floor_glibc, GLIBCXX $floor_glibcxx, CXXABI $floor_cxxabi):" >&2
        for version in "${offending[@]}"; do
            symbols="$(readelf --dyn-syms -W "$library" | awk -v v="@$version" '$7 == "UND" && index($8, v) {print $8}' | sort -u | tr '\n' ' ')"
            echo "  needs $version: ${symbols:-(no symbol: a version need without a symbol)}" >&2
        done
        if [[ -n "$exported_runtime" ]]; then
            echo "  exports C++ runtime symbols (link libstdc++/libgcc statically with -Wl,--exclude-libs,ALL):" >&2
            echo "$exported_runtime" | sed 's/^/    /' >&2
        fi
    fi
    unset highest
done

if [[ $failed == 1 ]]; then
    echo "check-native-floor: highest versions needed:" >&2
    printf '%s' "$report" >&2
    exit 1
fi
if [[ $verbose == 1 ]]; then
    echo "check-native-floor: every library within GLIBC $floor_glibc, GLIBCXX $floor_glibcxx, CXXABI $floor_cxxabi:"
    printf '%s' "$report"
fi
