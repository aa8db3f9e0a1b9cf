#!/bin/sh
# Installs whatever IPC Lab needs on Debian 12 and is missing; does nothing when all is there.
set -eu

PKGS="build-essential cmake ninja-build pkg-config
      qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
      libqt6opengl6-dev libgl-dev libqt6svg6 qt6-qpa-plugins
      libgtest-dev libgmock-dev libbenchmark-dev libxxhash-dev nlohmann-json3-dev libsqlite3-dev sqlite3
      libgif-dev libimagequant-dev libavcodec-dev libavformat-dev libavutil-dev libswscale-dev
      strace man-db zsh
      lintian desktop-file-utils appstream file
      xvfb xauth fonts-dejavu-core fonts-noto-cjk"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "setup: not root and no sudo; install these by hand: $PKGS" >&2; fi
fi

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -n "$missing" ]; then
    echo "setup: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq || true
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# POSIX message queues live in a filesystem that Debian containers often leave unmounted;
# mounting it makes queues visible so leak checks can see them (queues work either way).
if [ ! -d /dev/mqueue ] || ! grep -q " /dev/mqueue " /proc/mounts; then
    { $SUDO mkdir -p /dev/mqueue && $SUDO mount -t mqueue none /dev/mqueue; } 2>/dev/null ||
        echo "setup: note: could not mount /dev/mqueue (queues still work)" >&2
fi
exit 0
