#!/usr/bin/env bash
# Reproducible bulk-verification measurements (numbers go to BENCHMARKS.md):
#   1. N certificates (default 100,000 copies of the real v3 production certificate) as NDJSON
#      through `lucairn-verify --jobs 1` and `--jobs 2`: wall time, rate, peak working set (GNU time).
#   2. `attesto-verify completeness` over M NDJSON events (default 1,000,000): rate, peak working set.
#   3. Growth: the certificate run at 10^3, 10^4, 10^5 documents.
#   4. Optional, only when PYTHON_SDK is set: the upstream Python SDK's verify_certificate looping
#      over the same N-certificate NDJSON file (build/bench/python-verify.py), right after
#      `lucairn-verify --jobs 1` and `--jobs 2` on that file, and the rate ratios. PYTHON_SDK is a
#      directory holding the upstream `lucairn` package (a checkout of Declade/lucairn-sdks, its
#      python/src, or a copy of it); PYTHON (default python3) needs `cryptography` and `pydantic`.
#      Without PYTHON_SDK or the interpreter the step is skipped; nothing else depends on Python.
# Usage: bash build/bench/bulk.sh [certificates] [events]      (needs /usr/bin/time; Release build)
#        PYTHON_SDK=/path/to/lucairn-sdks bash build/bench/bulk.sh 100000
#        (BULK_SWEEP=0 skips steps 1-3 and runs only the comparison)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-100000}"
m="${2:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
dotnet build "$root/Lucairn/tools/Lucairn.Verify" -c Release -f net10.0 --nologo -v q | grep -E " error " || true
dotnet build "$root/Attesto/tools/Attesto.Verify" -c Release -f net10.0 --nologo -v q | grep -E " error " || true
lucairn="$root/Lucairn/tools/Lucairn.Verify/bin/Release/net10.0/lucairn-verify.dll"
attesto="$root/Attesto/tools/Attesto.Verify/bin/Release/net10.0/attesto-verify.dll"
key="$root/tests/vectors/lucairn/production-witness-pubkey.hex"

line="$(tr -d '\n' < "$root/tests/vectors/lucairn/cert-real-v3-production.json")"
make_certs() { yes "$line" | head -n "$1" > "$2" || true; }  # yes ends on SIGPIPE

last_rate=0
last_cpu_rate=0
verify_certs() { # count jobs (on the existing $work/certs.ndjson); sets last_rate and last_cpu_rate
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" dotnet "$lucairn" "$work/certs.ndjson" --witness-key "$key" --key-id witness_v1 --jobs "$2" --quiet >/dev/null
  read -r wall kb user sys < "$work/time"
  last_rate="$(echo "$1 / $wall" | bc -l)"
  last_cpu_rate="$(echo "$1 / ($user + $sys)" | bc -l)"
  printf "certificates %8d  jobs %d  wall %7.2f s  rate %8.0f/s  peak %6.1f MB  cpu %7.2f s (%.0f per cpu-second)\n" "$1" "$2" "$wall" "$last_rate" "$(echo "$kb / 1024" | bc -l)" "$(echo "$user + $sys" | bc -l)" "$last_cpu_rate"
}

run_certs() { # count jobs
  make_certs "$1" "$work/certs.ndjson"
  verify_certs "$1" "$2"
}

if [[ "${BULK_SWEEP:-1}" != "0" ]]; then
  for count in 1000 10000 "$n"; do
    run_certs "$count" 1
    run_certs "$count" 2
  done

  awk -v m="$m" 'BEGIN { for (i = 0; i < m; i++) printf "{\"seq_no\":%d,\"event_hash\":\"%064x\",\"prev_event_hash\":\"%064x\"}\n", i, i + 1, i }' > "$work/events.ndjson"
  /usr/bin/time -f "%e %M" -o "$work/time" dotnet "$attesto" completeness "$work/events.ndjson" --from 0 --to "$((m - 1))" --json > "$work/out.json" || true
  read -r wall kb < "$work/time"
  printf "completeness events %d  wall %.2f s  rate %.0f/s  peak %.1f MB  (%s)\n" "$m" "$wall" "$(echo "$m / $wall" | bc -l)" "$(echo "$kb / 1024" | bc -l)" "$(head -c 120 "$work/out.json")"
fi

python="${PYTHON:-python3}"
if [[ -z "${PYTHON_SDK:-}" ]]; then
  echo "upstream Python comparison: skipped (set PYTHON_SDK to a directory holding the upstream lucairn package)"
elif ! command -v "$python" >/dev/null 2>&1; then
  echo "upstream Python comparison: skipped ($python not found)"
elif ! "$python" -c "import cryptography, pydantic" >/dev/null 2>&1; then
  echo "upstream Python comparison: skipped ($python lacks cryptography or pydantic)"
else
  # Same file, one session, back to back: lucairn-verify --jobs 1 and --jobs 2, then upstream Python.
  echo "upstream Python comparison, $n certificates, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  make_certs "$n" "$work/certs.ndjson"
  verify_certs "$n" 1
  rate1="$last_rate"
  cpu1="$last_cpu_rate"
  verify_certs "$n" 2
  rate2="$last_rate"
  /usr/bin/time -f "%U %S" -o "$work/pytime" "$python" "$root/build/bench/python-verify.py" --sdk "$PYTHON_SDK" --key "$key" --key-id witness_v1 "$work/certs.ndjson" | tee "$work/python.txt" || true
  pyrate="$(sed -n 's/.* rate \([0-9.]*\)\/s.*/\1/p' "$work/python.txt")"
  if [[ -n "$pyrate" && "$pyrate" != "0" ]]; then
    read -r pyuser pysys < "$work/pytime"
    pycpu="$(echo "$n / ($pyuser + $pysys)" | bc -l)"
    printf "upstream Python cpu %.2f s (%.0f per cpu-second)\n" "$(echo "$pyuser + $pysys" | bc -l)" "$pycpu"
    printf "ratio to upstream Python (wall-clock rates): --jobs 2 %.2fx, --jobs 1 %.2fx\n" "$(echo "$rate2 / $pyrate" | bc -l)" "$(echo "$rate1 / $pyrate" | bc -l)"
    printf "ratio per cpu-second (load-independent, one core each): %.2fx\n" "$(echo "$cpu1 / $pycpu" | bc -l)"
  else
    echo "upstream Python comparison: no rate (see the line above)"
  fi
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
