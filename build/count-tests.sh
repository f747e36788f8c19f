#!/usr/bin/env bash
# Sums the <Counters> of every TRX file under the given folder and prints
# `tests: N passed, N failed`. Exits non-zero when no TRX file, no counters or no executed test is found.
set -euo pipefail
dir="${1:?usage: count-tests.sh <results-folder>}"
passed=0; failed=0; files=0
while IFS= read -r -d '' trx; do
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
  if [ -z "$counters" ]; then
    echo "count-tests: $trx has no <Counters> (aborted run?); counted as 1 failure" >&2
    failed=$((failed + 1))
    continue
  fi
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  p=$(value passed); f=$(value failed); e=$(value error); t=$(value timeout); a=$(value aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done < <(find "$dir" -name '*.trx' -print0 2>/dev/null)
echo "tests: $passed passed, $failed failed"
if [ "$files" -eq 0 ] || [ $((passed + failed)) -eq 0 ]; then
  echo "count-tests: no executed test found under $dir" >&2
  exit 1
fi
[ "$failed" -eq 0 ]
