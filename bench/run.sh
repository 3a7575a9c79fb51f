#!/usr/bin/env bash
# Every performance figure of the product against its limit, each limit measured in the same run (issue 17):
#   bench/run.sh [data-folder] [write-seconds]
# Installs wrk (Debian) when missing, builds Release, builds the national data set into the folder when it is absent
# (25,000 offices, a year of records; default /tmp/chartertracker-national), then prints one table:
# figure, value, goal, ratio, pass. Exits non-zero when a figure misses its goal. About 5–10 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-${TMPDIR:-/tmp}/chartertracker-national}"
seconds="${2:-15}"

if ! command -v wrk >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null
fi
dotnet build tests/CharterTracker.Benchmarks -c Release -v q -nologo
exec dotnet tests/CharterTracker.Benchmarks/bin/Release/net10.0/CharterTracker.Benchmarks.dll limits "$data" "$(command -v wrk)" "$seconds"
