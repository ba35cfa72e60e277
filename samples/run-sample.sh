#!/usr/bin/env bash
# Builds and publishes samples/SampleApp with Cage.Build, using the sample's DEMO identity, and shows the
# decrypted appsettings.Production.json that landed in bin/ and in the publish folder.
#
#   samples/run-sample.sh            pack Cage.Build into artifacts/packages if it is missing or stale, then run
#   samples/run-sample.sh --pack     always pack first
#
# Needs: the .NET SDK (10) and age (apt-get install age / brew install age).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
app="$here/SampleApp"
packages="$repo/artifacts/packages"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n 1)"
package="$packages/Cage.Build.$version.nupkg"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 MSBUILDDISABLENODEREUSE=1

command -v age >/dev/null || { echo "age is not installed: apt-get install age (or brew install age)" >&2; exit 1; }

# 1. Pack Cage.Build when asked, missing, or older than its sources.
if [[ "${1:-}" == "--pack" || ! -f "$package" || -n "$(find "$repo/src" "$repo/build" -newer "$package" -type f -not -path "*/obj/*" -not -path "*/bin/*" -print -quit)" ]]; then
  echo "==> dotnet pack src/Cage.Build.Tasks -> artifacts/packages (Cage.Build $version)"
  dotnet pack "$repo/src/Cage.Build.Tasks" -c Release -o "$packages" -nodeReuse:false -v:q -tl:off
fi

# The same version may be packed again: restore into a private folder so NuGet's global cache never serves an
# old copy.
export NUGET_PACKAGES="$app/obj/nuget-packages"
rm -rf "$NUGET_PACKAGES/cage.build"

# 2. The DEMO identity, by path. In CI you would set CAGE_IDENTITY to the key's contents instead.
export CAGE_IDENTITY_FILE="$app/.cage/demo-identity.txt"
chmod 600 "$CAGE_IDENTITY_FILE" # git keeps no permissions; an identity others can read gets a CAGE060 warning
unset CAGE_IDENTITY

# Runs dotnet, showing only Cage's lines (normal verbosity prints one per processed item), errors and outputs.
run() {
  local log
  log="$(mktemp)"
  if ! dotnet "$@" -p:CageBuildVersion="$version" -nodeReuse:false -tl:off -v:n >"$log" 2>&1; then
    grep -E " error | warning " "$log" >&2 || tail -n 40 "$log" >&2
    rm -f "$log"
    echo "dotnet $1 failed" >&2
    exit 1
  fi
  grep -E "Cage:| warning |-> " "$log" || true
  rm -f "$log"
}

bin="$app/bin/Release/net10.0"
publish="$app/bin/publish"
rm -rf "$bin" "$publish"

echo "==> dotnet build samples/SampleApp -c Release   (CAGE_IDENTITY_FILE=samples/SampleApp/.cage/demo-identity.txt)"
run build "$app" -c Release

echo "==> dotnet publish samples/SampleApp -c Release -o samples/SampleApp/bin/publish"
run publish "$app" -c Release -o "$publish"

echo
echo "==> decrypted in bin/: ${bin#"$repo/"}/appsettings.Production.json"
cat "$bin/appsettings.Production.json"
echo
echo "==> decrypted in publish/: ${publish#"$repo/"}/appsettings.Production.json"
cat "$publish/appsettings.Production.json"
echo
echo "==> encrypted by CageEncrypt: ${bin#"$repo/"}/licence.dat.age (decrypted again with plain age)"
age --decrypt --identity "$CAGE_IDENTITY_FILE" "$bin/licence.dat.age"
echo
echo "==> the published app reads its settings"
dotnet "$publish/SampleApp.dll"
