#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to the
# project's PublicAPI.Unshipped.txt and drops removed ones (RS0017). Review the diff before committing.
# Usage: bash build/update-public-api.sh <Package>   (Shared.Crypto, Lucairn, Attesto or Nomyo)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
id="${1:?usage: update-public-api.sh <Package>}"
dir="$root/$id/src"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build "$dir/$id.csproj" -c Release --nologo -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= \
  -p:NoWarn=CS1591 -f net10.0 >"$log" 2>&1 || true
python3 - "$log" "$dir/PublicAPI.Unshipped.txt" "$dir/PublicAPI.Shipped.txt" <<'PY'
import re, sys
log, unshipped, shipped = sys.argv[1:4]
text = open(log, encoding="utf-8").read()
added = set(re.findall(r"RS0016: Symbol '(.*?)' is not part of the declared public API", text))
removed = set(re.findall(r"RS0017: Symbol '(.*?)' is part of the declared API, but is either not public or could not be found", text))
lines = [l.rstrip("\n") for l in open(unshipped, encoding="utf-8") if l.strip() and not l.startswith("#nullable")]
current = (set(lines) - removed) | added
open(unshipped, "w", encoding="utf-8").write("#nullable enable\n" + "".join(s + "\n" for s in sorted(current, key=str.lower)))
print(f"{unshipped}: +{len(added)} -{len(removed & set(lines))} symbols")
PY
