#!/usr/bin/env bash
# Installs each freshly packed vendor package from artifacts/packages into a new console project
# (one per vendor, nothing else referenced) and runs build/smoke/<Vendor>.cs against that vendor's
# emulator. Proves "install only the vendor package you need" works and no project reference leaks.
# Usage: bash build/smoke-packages.sh [Vendor ...]     (after bash build/pack.sh)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
feed="$root/artifacts/packages"
work="$root/artifacts/smoke"
vendors=("$@"); [ ${#vendors[@]} -gt 0 ] || vendors=(Lucairn Attesto Nomyo)
rm -rf "$work"; mkdir -p "$work/packages"

# Our ids come only from the local feed; everything else from nuget.org. A private package
# folder keeps a stale copy of an earlier build of ours out of the picture.
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local">
      <package pattern="Lucairn" /><package pattern="Attesto" /><package pattern="Nomyo" /><package pattern="Shared.Crypto" />
    </packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
</configuration>
XML

for vendor in "${vendors[@]}"; do
  version=$(dotnet msbuild "$root/$vendor/src/$vendor.csproj" -nologo -getProperty:Version)
  nupkg="$feed/$vendor.$version.nupkg"
  [ -f "$nupkg" ] || { echo "smoke: $nupkg not found (run build/pack.sh first)" >&2; exit 1; }

  # The package may depend on Shared.Crypto and third-party packages, never on another vendor.
  deps=$( (unzip -p "$nupkg" "$vendor.nuspec" | grep -o 'dependency id="[^"]*"' || true) | sort -u | sed 's/dependency id=//' | tr -d '"' | tr '\n' ' ')
  for other in Lucairn Attesto Nomyo; do
    if [ "$other" != "$vendor" ] && grep -qw "$other" <<<"$deps"; then
      echo "smoke: $vendor $version depends on $other ($deps)" >&2; exit 1
    fi
  done

  app="$work/$vendor"
  mkdir -p "$app"
  cat > "$app/Smoke$vendor.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="$vendor" Version="$version" />
  </ItemGroup>
</Project>
XML
  cp "$root/build/smoke/$vendor.cs" "$app/Program.cs"
  # Keep the repository's Directory.*.props out of the throwaway project.
  echo '<Project />' > "$app/Directory.Build.props"
  echo '<Project />' > "$app/Directory.Packages.props"
  dotnet restore "$app" --configfile "$work/nuget.config" -v quiet >/dev/null
  dotnet run --project "$app" --no-restore -c Release
  echo "smoke: $vendor $version installed alone from the package and ran against its emulator"
done
