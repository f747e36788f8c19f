#!/usr/bin/env bash
# Reproducible bulk-verification measurements (numbers go to BENCHMARKS.md):
#   1. N certificates (default 100,000 copies of the real v3 production certificate) as NDJSON
#      through `lucairn-verify --jobs 1` and `--jobs 2`: wall time, rate, peak working set (GNU time).
#   2. `attesto-verify completeness` over M NDJSON events (default 1,000,000): rate, peak working set.
#   3. Growth: the certificate run at 10^3, 10^4, 10^5 documents.
# Usage: bash build/bench/bulk.sh [certificates] [events]      (needs /usr/bin/time; Release build)
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

run_certs() { # count jobs
  make_certs "$1" "$work/certs.ndjson"
  /usr/bin/time -f "%e %M" -o "$work/time" dotnet "$lucairn" "$work/certs.ndjson" --witness-key "$key" --key-id witness_v1 --jobs "$2" --quiet >/dev/null
  read -r wall kb < "$work/time"
  printf "certificates %8d  jobs %d  wall %7.2f s  rate %8.0f/s  peak %6.1f MB\n" "$1" "$2" "$wall" "$(echo "$1 / $wall" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
}

for count in 1000 10000 "$n"; do
  run_certs "$count" 1
  run_certs "$count" 2
done

awk -v m="$m" 'BEGIN { for (i = 0; i < m; i++) printf "{\"seq_no\":%d,\"event_hash\":\"%064x\",\"prev_event_hash\":\"%064x\"}\n", i, i + 1, i }' > "$work/events.ndjson"
/usr/bin/time -f "%e %M" -o "$work/time" dotnet "$attesto" completeness "$work/events.ndjson" --from 0 --to "$((m - 1))" --json > "$work/out.json" || true
read -r wall kb < "$work/time"
printf "completeness events %d  wall %.2f s  rate %.0f/s  peak %.1f MB  (%s)\n" "$m" "$wall" "$(echo "$m / $wall" | bc -l)" "$(echo "$kb / 1024" | bc -l)" "$(head -c 120 "$work/out.json")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
