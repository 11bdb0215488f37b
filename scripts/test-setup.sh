#!/bin/sh
# Install what the test suite needs on a Debian or Ubuntu machine: the real clients
# the tests read outputs back with (epubcheck and its Java, poppler, pandoc,
# LibreOffice, Pango for WeasyPrint, which lays the EPUB out on a phone's screen,
# Liberation Serif 2.x for the nd30 style), then bantin with its test extras and the
# example plug-in. Works as root (a container, CI) and as a user
# with sudo. The README's test command and .ci/run both call it.
set -eu
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  epubcheck default-jre-headless poppler-utils pandoc libreoffice-writer-nogui fonts-liberation2 \
  fonts-symbola fonts-hanazono libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 </dev/null

# Two pip steps: pip 23.2 cannot resolve the plug-in's dependency on "bantin"
# against an editable install named in the same command.
python -m pip install -e ".[test,dask]"
python -m pip install ./examples/plugin-markdown
