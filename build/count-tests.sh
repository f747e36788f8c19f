#!/usr/bin/env bash
# Sums the <Counters> of every TRX file under the given folder and prints
# `tests: N passed, N failed`. Exits non-zero when no TRX file or no executed test is found.
set -euo pipefail
dir="${1:?usage: count-tests.sh <results-folder>}"
passed=0; failed=0; files=0
while IFS= read -r -d '' trx; do
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
  a=$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done < <(find "$dir" -name '*.trx' -print0)
if [ "$files" -eq 0 ]; then
  echo "count-tests: no TRX file under $dir" >&2
  echo "tests: 0 passed, 0 failed"
  exit 1
fi
echo "tests: $passed passed, $failed failed"
