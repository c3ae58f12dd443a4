#!/usr/bin/env bash
# The GitHub Action's check step (action.yml): pick the changed stories, run
# factlint with annotations, and optionally write SARIF. Reads FACTLINT_* and
# BASE_REF from the environment.
set -uo pipefail

paths=()
if [ -n "${FACTLINT_PATHS:-}" ]; then
    read -r -a paths <<< "$FACTLINT_PATHS"
elif [ -n "${BASE_REF:-}" ]; then
    git fetch --quiet --depth=1 origin "$BASE_REF" 2>/dev/null || true
    while IFS= read -r file; do
        [ -f "$file" ] && paths+=("$file")
    done < <(git diff --name-only --diff-filter=ACMR "origin/$BASE_REF...HEAD" -- '*.md' '*.markdown' '*.txt' 2>/dev/null \
             || git diff --name-only --diff-filter=ACMR "origin/$BASE_REF" -- '*.md' '*.markdown' '*.txt')
else
    paths=(.)
fi
if [ ${#paths[@]} -eq 0 ]; then
    echo "factlint: no changed Markdown or text files to check"
    exit 0
fi

extra=()
[ -n "${FACTLINT_ARGS:-}" ] && read -r -a extra <<< "$FACTLINT_ARGS"
[ -n "${FACTLINT_REFERENCE:-}" ] && extra+=(--reference "$FACTLINT_REFERENCE")
[ "${FACTLINT_ISOLATED:-false}" = "true" ] && extra+=(--isolated)

if [ -n "${FACTLINT_SARIF:-}" ]; then
    factlint check "${extra[@]}" --format sarif --output "$FACTLINT_SARIF" "${paths[@]}" || true
fi
factlint check "${extra[@]}" --format github --fail-on "${FACTLINT_FAIL_ON:-warning}" "${paths[@]}"
