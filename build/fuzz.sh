#!/usr/bin/env bash
# Runs one fuzz target under AFL++ for a number of seconds (see FUZZING.md).
#   bash build/fuzz.sh <target> <seconds>         (bash build/fuzz.sh --list for the targets)
# Steps: publish tests/Fuzz (Release), write the target's seeds (derived from tests/vectors),
# instrument the SDK assemblies (Shared.Crypto, Lucairn, Attesto, Nomyo; not the harness) with
# the sharpfuzz tool from .config/dotnet-tools.json, run afl-fuzz, copy any crash or hang input
# to tests/Fuzz/regressions/<target>/, and print AFL's counters.
# Environment: FUZZ_TIMEOUT_MS (afl-fuzz -t per input; default 2000, 10000 for the RSA targets
# nomyo-* and pem, whose cold start alone can pass 2 s on a loaded machine), FUZZ_WORK (work folder,
# default artifacts/fuzz), FUZZ_REUSE_PUBLISH=1 (keep an earlier instrumented publish: for
# running several targets in a row). Exit: 0 no crash or hang, 1 some saved, 2 usage or AFL++ missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work_root="${FUZZ_WORK:-$root/artifacts/fuzz}"
publish="$work_root/publish"

if [[ "${1:-}" == "--list" ]]; then
  dotnet build "$root/tests/Fuzz" -c Release --nologo -v q >/dev/null
  dotnet "$root/tests/Fuzz/bin/Release/net10.0/Fuzz.dll" --list
  exit 0
fi
if [[ $# -ne 2 || ! "$2" =~ ^[0-9]+$ ]]; then
  echo "usage: bash build/fuzz.sh <target> <seconds>   (bash build/fuzz.sh --list for the targets)" >&2
  exit 2
fi
target="$1"
seconds="$2"

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "afl-fuzz not found. Install AFL++ (Debian/Ubuntu package afl++):" >&2
  echo "  apt-get install -y afl++" >&2
  exit 2
fi

if [[ "${FUZZ_REUSE_PUBLISH:-0}" == 1 && -f "$publish/.instrumented" ]]; then
  echo "== reusing the instrumented publish in $publish (FUZZ_REUSE_PUBLISH=1)"
else
  echo "== publishing tests/Fuzz (Release)"
  rm -rf "$publish"
  dotnet publish "$root/tests/Fuzz/Fuzz.csproj" -c Release -o "$publish" --nologo -v q
  echo "== instrumenting the SDK assemblies"
  (cd "$root" && dotnet tool restore >/dev/null)
  for assembly in Shared.Crypto Lucairn Attesto Nomyo; do
    (cd "$root" && dotnet sharpfuzz "$publish/$assembly.dll")
  done
  touch "$publish/.instrumented"
fi

run="$work_root/$target"
rm -rf "$run"
mkdir -p "$run"
# Instrumented assemblies cannot run outside AFL, so the seeds come from the plain Release build.
echo "== writing seeds"
FUZZ_REPO_ROOT="$root" dotnet "$root/tests/Fuzz/bin/Release/net10.0/Fuzz.dll" --write-seeds "$target" "$run/in"

# A (re)started target pays for JIT and key loading on its first input: the RSA targets get more room.
case "$target" in
  nomyo-*|pem) default_timeout=10000 ;;
  *) default_timeout=2000 ;;
esac
echo "== afl-fuzz $target for ${seconds}s (-t ${FUZZ_TIMEOUT_MS:-$default_timeout} ms)"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export FUZZ_REPO_ROOT="$root"
status=0
afl-fuzz -i "$run/in" -o "$run/out" -t "${FUZZ_TIMEOUT_MS:-$default_timeout}+" -m none -V "$seconds" -- "$(command -v dotnet)" "$publish/Fuzz.dll" "$target" >"$run/afl.log" 2>&1 || status=$?
stats="$run/out/default/fuzzer_stats"
if [[ ! -f "$stats" ]]; then
  echo "afl-fuzz did not start (exit $status); its log:" >&2
  tail -n 40 "$run/afl.log" >&2
  exit 2
fi

saved=0
regressions="$root/tests/Fuzz/regressions/$target"
for kind in crashes hangs; do
  for file in "$run/out/default/$kind"/id:*; do
    [[ -e "$file" ]] || continue
    mkdir -p "$regressions"
    prefix=crash
    [[ "$kind" == hangs ]] && prefix=hang
    name="$prefix-$(sha256sum "$file" | cut -c1-16)"
    cp "$file" "$regressions/$name"
    echo "saved $kind input: tests/Fuzz/regressions/$target/$name"
    saved=$((saved + 1))
  done
done

stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
echo "== $target: $(stat run_time) s, execs_done $(stat execs_done), execs_per_sec $(stat execs_per_sec), corpus_count (paths) $(stat corpus_count), bitmap_cvg $(stat bitmap_cvg), saved_crashes $(stat saved_crashes), saved_hangs $(stat saved_hangs)"
if [[ $saved -gt 0 ]]; then
  echo "replay one with: dotnet $publish/Fuzz.dll --replay $target tests/Fuzz/regressions/$target"
  exit 1
fi
