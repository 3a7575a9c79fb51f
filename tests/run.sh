#!/usr/bin/env bash
# Runs every test of CharterTracker. The README's test command; CI (.ci/run) calls exactly this.
# Installs what the tests need that is missing (Debian packages, when run as root or with sudo), restores,
# builds, runs all tests, and ends with the line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use: Chromium prints the documents, Noto shapes Bengali, poppler's pdftotext reads them back.
needed=(chromium fonts-noto-core poppler-utils)
missing=()
for pkg in "${needed[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "Could not install ${missing[*]}: install them with apt-get and run again."; echo "0 passed, 1 failed"; exit 1; }
fi

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet on PATH)."; echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
dotnet test CharterTracker.sln --nologo -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-assembly summaries: "Passed!  - Failed:     0, Passed:   122, Skipped:     0, Total:   122".
read -r passed failed skipped < <(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" \
  | awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {printf "%d %d %d\n", p, f, s}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi   # a build or runner failure counts as a failure
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
