#!/usr/bin/env bash
# Checks the repository's written style; `mvn verify` runs it (so CI does), and it runs by hand:
#  1. .editorconfig's rules on every tracked text file (git's own binary detection; the fuzz
#     corpus's inputs aside): UTF-8, LF line ends, no tabs (Makefiles aside), no trailing white
#     space (Markdown aside, where it is a line break), a final newline, and at most 120 columns
#     (characters, not bytes) in C++ (.cpp, .h, .c), the .def tables and Java;
#     Outside a git checkout (a source archive) it checks nothing and says so.
#  2. .clang-format on every tracked C++ file under cpp/, with clang-format 14 (the version the
#     tree is laid out with; CI installs it). Without it that part is skipped with a notice,
#     never failed: another major version lays some lines out differently.
#
#   scripts/check-style.sh          report every finding, exit 1 if there is one
#   scripts/check-style.sh --fix    first rewrite the C++ files under cpp/ with clang-format 14
set -euo pipefail
cd "$(dirname "$0")/.."

fix=0
case "${1:-}" in
    --fix) fix=1 ;;
    '') ;;
    *)
        echo "usage: scripts/check-style.sh [--fix]" >&2
        exit 2
        ;;
esac

# The checks read git's list of tracked files: a source archive (no checkout of its own) has none.
if [[ "$(git rev-parse --show-toplevel 2>/dev/null)" != "$(pwd -P)" ]]; then
    echo "check-style: NOTICE: $(pwd -P) is not a git checkout; nothing was checked"
    exit 0
fi

status=0
# report TITLE FINDINGS: FINDINGS holds one finding a line (file:line:text); none is the good case.
report() {
    if [[ -n "$2" ]]; then
        echo "check-style: $1:" >&2
        cut -c1-160 <<<"$2" | sed 's/^/  /' >&2
        status=1
    fi
}

not_corpus=':(exclude)cpp/fuzz/corpus'
# Tracked files git sees as text (-I) and that have a line at all.
mapfile -t text_files < <(git grep -I --name-only -e '' -- . "$not_corpus")
mapfile -t cpp_files < <(git ls-files -- 'cpp/*.cpp' 'cpp/*.h' 'cpp/*.c')

# clang-format 14: clang-format-14, or clang-format when that is version 14.
clang_format=""
for candidate in clang-format-14 clang-format; do
    if command -v "$candidate" >/dev/null 2>&1 &&
        [[ "$("$candidate" --version | sed -n 's/.*version \([0-9]*\)\..*/\1/p')" == 14 ]]; then
        clang_format="$candidate"
        break
    fi
done
if [[ $fix == 1 && -n "$clang_format" ]]; then
    "$clang_format" -i -- "${cpp_files[@]}"
fi

# git grep prints file:line:text for each finding; it exits 1 when there is none.
report "tabs (.editorconfig: indent_style = space)" \
    "$(git grep -I -n -P '\t' -- . "$not_corpus" ':(exclude,glob)**/Makefile' ':(exclude)*.mk' || true)"
report "CR line ends (.editorconfig: end_of_line = lf)" \
    "$(git grep -I -n -P '\r$' -- . "$not_corpus" || true)"
report "trailing white space (.editorconfig: trim_trailing_whitespace)" \
    "$(git grep -I -n -P '[ \t]+$' -- . "$not_corpus" ':(exclude)*.md' || true)"
# In a UTF-8 locale git grep -P counts characters, not bytes.
report "lines over 120 columns (.editorconfig: max_line_length = 120)" \
    "$(LC_ALL=C.UTF-8 git grep -n -P '^.{121,}$' -- '*.cpp' '*.h' '*.c' '*.def' '*.java' || true)"

missing_newline=""
for file in "${text_files[@]}"; do
    # $(...) drops a trailing newline: a non-empty result is a last line without one.
    if [[ -n "$(tail -c 1 -- "$file")" ]]; then
        missing_newline+="$file"$'\n'
    fi
done
report "no newline at the end (.editorconfig: insert_final_newline)" "${missing_newline%$'\n'}"

if ! iconv -f UTF-8 -t UTF-8 -- "${text_files[@]}" >/dev/null 2>&1; then
    not_utf8=""
    for file in "${text_files[@]}"; do
        iconv -f UTF-8 -t UTF-8 -- "$file" >/dev/null 2>&1 || not_utf8+="$file"$'\n'
    done
    report "not UTF-8 (.editorconfig: charset = utf-8)" "${not_utf8%$'\n'}"
fi

if [[ -n "$clang_format" ]]; then
    # One run over every file; --dry-run --Werror reports file:line:col: error: ... per difference.
    if ! layout="$("$clang_format" --dry-run --Werror -- "${cpp_files[@]}" 2>&1)"; then
        unformatted="$(sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' <<<"$layout" |
            sort -u)"
        # Any other failure (an unreadable .clang-format, a missing file) is shown as it is.
        report "not in .clang-format's layout (scripts/check-style.sh --fix rewrites them)" \
            "${unformatted:-$layout}"
    fi
    layout_note="${#cpp_files[@]} C++ files follow .clang-format"
else
    echo "check-style: NOTICE: clang-format 14 not found (apt-get install clang-format-14);" \
        "the C++ layout was not checked"
    layout_note="C++ layout not checked"
fi

if [[ $status == 0 ]]; then
    echo "check-style: ${#text_files[@]} text files follow .editorconfig; $layout_note"
fi
exit "$status"
