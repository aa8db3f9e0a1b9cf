#!/bin/sh
# One command: install what is missing, build, launch the IPC Lab desktop app.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh" build
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run: no display found; starting IPC Lab in a virtual X server (xvfb-run)." >&2
    echo "run: for a headless demo instead: $root/build/app/ipclab-cli stream --transport shm" >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$root/build/app/ipclab" "$@"
fi
exec "$root/build/app/ipclab" "$@"
