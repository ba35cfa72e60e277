#!/usr/bin/env bash
# Quick start, step 1: install prerequisites, build and pack both packages, then run the sample end to end
# (dotnet build + publish of samples/SampleApp, which decrypts its appsettings.Production.json.age).
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-prerequisites.sh
dotnet pack Cage.Build.sln -c Release -o artifacts/packages -nologo -v:minimal
samples/run-sample.sh
