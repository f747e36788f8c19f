#!/usr/bin/env bash
# Mutation testing with Stryker.NET (dotnet-stryker from .config/dotnet-tools.json); see TESTING.md.
#   bash build/mutation.sh [Project] [--concurrency N] [-- extra Stryker options]
# Project: Shared.Crypto | Lucairn | Attesto | Nomyo | all (default all, one after the other).
# Scope per project (build/mutation/<Project>.json; run in tests/<Project>.Tests):
#   Shared.Crypto  the whole library,                 tests/Shared.Crypto.Tests
#   Lucairn        Lucairn/src/Verification/**,       tests/Lucairn.Tests
#   Attesto        Attesto/src/{Verification,Hashing}/**, tests/Attesto.Tests
#   Nomyo          Nomyo/src/Wire/ResponsePackageReader.cs, tests/Nomyo.Tests
# Reports (html, json) go to artifacts/mutation/<Project>/ (artifacts/mutation/<Project>-<label>/
# with MUTATION_LABEL=<label>, to keep a before and an after run side by side).
# --concurrency defaults to 2 (MUTATION_CONCURRENCY overrides it too). Extra options after `--`
# go to Stryker as they are, e.g. re-check only the files you touched, or measure without some tests:
#   bash build/mutation.sh Shared.Crypto -- --mutate "**/Json/CanonicalJson.cs"
#   MUTATION_LABEL=before bash build/mutation.sh Nomyo -- --test-case-filter "FullyQualifiedName!~Wire"
# Slow on a small machine (Shared.Crypto: about half an hour at concurrency 2): CI never runs it.
# Exit: Stryker's exit code (0 unless the run failed), 2 on a usage error.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
all=(Shared.Crypto Lucairn Attesto Nomyo)

usage() {
  echo "usage: bash build/mutation.sh [Shared.Crypto|Lucairn|Attesto|Nomyo|all] [--concurrency N] [-- stryker options]" >&2
  exit 2
}

projects=()
concurrency="${MUTATION_CONCURRENCY:-2}"
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage ;;
    --concurrency|-c)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ && "$2" -gt 0 ]] || usage
      concurrency="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    all) projects=("${all[@]}"); shift ;;
    Shared.Crypto|Lucairn|Attesto|Nomyo) projects+=("$1"); shift ;;
    *) echo "unknown project or option: $1" >&2; usage ;;
  esac
done
[[ ${#projects[@]} -gt 0 ]] || projects=("${all[@]}")

cd "$root"
dotnet tool restore >/dev/null

status=0
for project in "${projects[@]}"; do
  out="$root/artifacts/mutation/$project${MUTATION_LABEL:+-$MUTATION_LABEL}"
  mkdir -p "$out"
  echo "== Stryker: $project (concurrency $concurrency, reports in ${out#"$root/"})"
  start=$(date +%s)
  # Stryker runs in the test project's folder (at the root it would see Sdk.slnx and switch to
  # solution mode); the config names the project under test and the files to mutate.
  if ! (cd "$root/tests/$project.Tests" && dotnet stryker \
      --config-file "$root/build/mutation/$project.json" \
      --concurrency "$concurrency" \
      --output "$out" \
      --skip-version-check \
      "${extra[@]}"); then
    status=1
    echo "== Stryker failed for $project" >&2
  fi
  echo "== $project: $(( ($(date +%s) - start) / 60 )) min"
done
exit $status
