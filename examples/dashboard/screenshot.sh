#!/usr/bin/env bash
# Regenerates dashboard.png, the picture of the sample dashboard in the
# README: the browser test renders the sample in headless Chromium and
# saves the top of the page at 1280 px. Needs Debian's chromium
# (apt-get install chromium) or $CHROMIUM.
set -euo pipefail
cd "$(dirname "$0")/browser"
RAPPORT_SCREENSHOT="$PWD/../dashboard.png" go test -count=1 -run '^TestDashboardInChromium$' ./...
ls -l ../dashboard.png
