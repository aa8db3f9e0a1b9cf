#!/bin/sh
# Builds the Debian package for lab machines: build/package/ipclab_<version>_<arch>.deb.
# Install it with: sudo apt install ./build/package/ipclab_*.deb
set -eu
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh build
cpack -G DEB --config build/CPackConfig.cmake
ls build/package/ipclab_*.deb
