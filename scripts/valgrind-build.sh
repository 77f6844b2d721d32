#!/bin/sh
# Builds content/ under valgrind's memcheck and fails on any error it reports.
# valgrind 3.19 cannot read the debug information of Swift's binaries, so a stripped copy is run.
set -eu
cd "$(dirname "$0")/.."
scripts/ensure-packages.sh valgrind
swift build -c release --product routemap --static-swift-stdlib
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp .build/release/routemap "$work/routemap"
strip -g "$work/routemap"
valgrind --error-exitcode=99 --errors-for-leak-kinds=none --quiet \
    "$work/routemap" build --content content --themes themes --output "$work/site" --date 2011-06-01
echo "valgrind: no errors in a build of content/"
