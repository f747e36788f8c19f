#!/usr/bin/env bash
# Packs the NuGet packages into artifacts/packages and prints each package id and version.
# Usage: bash build/pack.sh            (all four packages)
#        bash build/pack.sh Lucairn    (one package: Shared.Crypto, Lucairn, Attesto or Nomyo)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/artifacts/packages"
all=(Shared.Crypto Lucairn Attesto Nomyo)
if [ $# -gt 0 ]; then packages=("$@"); else packages=("${all[@]}"); fi
mkdir -p "$out"
for id in "${packages[@]}"; do
  project="$root/$id/src/$id.csproj"
  if [ ! -f "$project" ]; then
    echo "pack: unknown package '$id' (expected one of: ${all[*]})" >&2
    exit 2
  fi
  version=$(dotnet msbuild "$project" -nologo -getProperty:Version)
  # The CHANGELOG must describe the version being packed.
  if ! grep -q "^## \[$version\]" "$root/$id/CHANGELOG.md"; then
    echo "pack: $id/CHANGELOG.md has no '## [$version]' section for version $version" >&2
    exit 1
  fi
  dotnet pack "$project" -c Release --nologo -v quiet -o "$out" >/dev/null
  [ -f "$out/$id.$version.nupkg" ] || { echo "pack: $out/$id.$version.nupkg was not produced" >&2; exit 1; }
  echo "packed $id $version"
done
