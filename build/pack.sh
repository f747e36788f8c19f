#!/usr/bin/env bash
# Packs NuGet packages into artifacts/packages and prints each package id and version.
# Usage: bash build/pack.sh              (every package and tool)
#        bash build/pack.sh Lucairn      (one: Shared.Crypto, Lucairn, Attesto, Nomyo, Lucairn.Verify.Tool, ...)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/artifacts/packages"

# package id -> project file, and the CHANGELOG that must describe its version
declare -A project=(
  [Shared.Crypto]="Shared.Crypto/src/Shared.Crypto.csproj"
  [Lucairn]="Lucairn/src/Lucairn.csproj"
  [Attesto]="Attesto/src/Attesto.csproj"
  [Nomyo]="Nomyo/src/Nomyo.csproj"
  [Lucairn.Verify.Tool]="Lucairn/tools/Lucairn.Verify/Lucairn.Verify.csproj"
  [Attesto.Verify.Tool]="Attesto/tools/Attesto.Verify/Attesto.Verify.csproj"
)
declare -A changelog=(
  [Shared.Crypto]="Shared.Crypto/CHANGELOG.md"
  [Lucairn]="Lucairn/CHANGELOG.md"
  [Attesto]="Attesto/CHANGELOG.md"
  [Nomyo]="Nomyo/CHANGELOG.md"
)
order=(Shared.Crypto Lucairn Attesto Nomyo Lucairn.Verify.Tool Attesto.Verify.Tool)

if [ $# -gt 0 ]; then packages=("$@"); else packages=("${order[@]}"); fi
mkdir -p "$out"
for id in "${packages[@]}"; do
  if [ -z "${project[$id]+x}" ]; then
    echo "pack: unknown package '$id' (expected one of: ${order[*]})" >&2
    exit 2
  fi
  proj="$root/${project[$id]}"
  version=$(dotnet msbuild "$proj" -nologo -getProperty:Version)
  if [ -n "${changelog[$id]+x}" ] && ! grep -qF "## [$version]" "$root/${changelog[$id]}"; then
    echo "pack: ${changelog[$id]} has no '## [$version]' section for version $version" >&2
    exit 1
  fi
  if ! log=$(dotnet pack "$proj" -c Release --nologo -o "$out" 2>&1); then
    echo "$log" >&2
    echo "pack: dotnet pack failed for $id" >&2
    exit 1
  fi
  [ -f "$out/$id.$version.nupkg" ] || { echo "pack: $out/$id.$version.nupkg was not produced" >&2; exit 1; }
  echo "packed $id $version"
done
