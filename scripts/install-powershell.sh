#!/usr/bin/env bash
# Installs what the Pester suite needs, idempotently: PowerShell 7 as a .NET global tool
# (when ~/.dotnet/tools/pwsh is missing) and Pester 5.7.1 restored from NuGet into
# .tools/pester/ of this checkout. CI runs it as root on a clean machine; a second run is a no-op.
set -euo pipefail
cd "$(dirname "$0")/.."

PWSH_VERSION=7.6.9
PESTER_VERSION=5.7.1
PWSH="$HOME/.dotnet/tools/pwsh"
PESTER_DIR=.tools/pester

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-powershell: the .NET SDK ('dotnet') is not on PATH; it installs PowerShell and restores Pester." >&2
  exit 1
fi

if [ -x "$PWSH" ]; then
  echo "PowerShell: $("$PWSH" -NoLogo -NoProfile -Command '$PSVersionTable.PSVersion.ToString()') at $PWSH"
else
  echo "PowerShell: installing $PWSH_VERSION as a .NET global tool"
  dotnet tool install --global PowerShell --version "$PWSH_VERSION"
fi

if [ -f "$PESTER_DIR/pester/$PESTER_VERSION/tools/Pester.psd1" ]; then
  echo "Pester: $PESTER_VERSION already in $PESTER_DIR"
else
  echo "Pester: restoring $PESTER_VERSION from NuGet into $PESTER_DIR"
  # PackageDownload fetches a package without a framework to build; the project is throw-away.
  project_dir="$(mktemp -d)"
  trap 'rm -rf "$project_dir"' EXIT
  cat >"$project_dir/restore-pester.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <!-- Only the Pester package is wanted, not the framework's reference packs. -->
    <DisableImplicitFrameworkReferences>true</DisableImplicitFrameworkReferences>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Pester" Version="[$PESTER_VERSION]" />
  </ItemGroup>
</Project>
XML
  mkdir -p "$PESTER_DIR"
  dotnet restore "$project_dir/restore-pester.csproj" --packages "$PWD/$PESTER_DIR" --nologo --verbosity quiet
  test -f "$PESTER_DIR/pester/$PESTER_VERSION/tools/Pester.psd1"
  echo "Pester: $PESTER_DIR/pester/$PESTER_VERSION/tools/Pester.psd1"
fi
