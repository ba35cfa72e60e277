#!/usr/bin/env bash
# Quick start, step 2: the whole test suite (real age, real PTY, real dotnet build), then a quick benchmark
# that only checks every benchmark case still works.
set -uo pipefail
cd "$(dirname "$0")"

scripts/install-prerequisites.sh || exit 1
log=$(mktemp)
dotnet test Cage.Build.sln -c Release -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

if [ -d tests/Cage.Benchmarks ]; then
  dotnet run -c Release --project tests/Cage.Benchmarks -- --quick 2>&1 | tee -a "$log" || status=1
fi

# One closing line for CI: "N passed, N failed" summed over every test assembly.
passed=$(grep -oE 'Passed: +[0-9]+,' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+,' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
rm -f "$log"
echo "${passed:-0} passed, ${failed:-0} failed"
[ "${failed:-0}" -eq 0 ] || status=1
exit "$status"
