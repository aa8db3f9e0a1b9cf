#!/bin/sh
# One command: install what is missing, build, run every test.
#  1. the core tests again under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/);
#  2. the full suite (core, CLI, GUI offscreen, xvfb screenshots, leak check) in build/.
# Tests that start busy worker processes run one at a time: on 2 cores, parallel tests would
# measure each other instead of IPC.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"

"$root/scripts/build.sh" build-asan -DIPCLAB_CORE_ONLY=ON -DIPCLAB_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
echo "== core tests under ASan + UBSan =="
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$root/build-asan" --output-on-failure

"$root/scripts/build.sh" build
echo "== full test suite =="
QT_QPA_PLATFORM=offscreen ctest --test-dir "$root/build" --output-on-failure
