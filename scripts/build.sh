#!/bin/sh
# Configures (once) and builds one build directory: build.sh <dir> [cmake options...]
set -eu
dir=$1; shift
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$root/$dir/build.ninja" ]; then
    cmake -S "$root" -B "$root/$dir" -G Ninja "$@"
fi
cmake --build "$root/$dir" --parallel "$(nproc)"
