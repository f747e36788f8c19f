#!/usr/bin/env bash
# Runs every test project in the solution (Release) and writes one TRX file per project to
# artifacts/test-results. Prints the closing line `tests: N passed, N failed` from the TRX files.
# Usage: bash build/test.sh [extra dotnet test arguments]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
status=0
dotnet test "$root/Sdk.slnx" -c Release --nologo \
  --logger "trx;LogFilePrefix=results" --results-directory "$results" "$@" || status=$?
bash "$root/build/count-tests.sh" "$results"
exit $status
