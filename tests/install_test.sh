#!/bin/sh
# Installs the build into a temporary prefix and runs the installed programs from there: the
# worker must be found beside them, and the desktop entry and icon must be where desktops look.
set -eu
build="$1"; gui="$2"
prefix=$(mktemp -d); trap 'rm -rf "$prefix"' EXIT
unset IPCLAB_WORKER
cmake --install "$build" --prefix "$prefix" >/dev/null
test -x "$prefix/bin/ipclab-worker"
out=$("$prefix/bin/ipclab-cli" stream --transport pipe --duration 0.3 --csv)
echo "$out" | grep -q '^pipe,' || { echo "installed ipclab-cli gave no result: $out" >&2; exit 1; }
"$prefix/bin/ipclab-cli" --version | grep -q '^ipclab-cli [0-9]'
# The manual page and the bash completion, where man and bash-completion look.
grep -q '^\.TH IPCLAB' "$prefix/share/man/man1/ipclab-cli.1"
grep -q 'complete -F _ipclab_cli ipclab-cli' "$prefix/share/bash-completion/completions/ipclab-cli"
if [ "$gui" = ON ]; then
    test -x "$prefix/bin/ipclab"
    grep -q '^Exec=ipclab$' "$prefix/share/applications/ipclab.desktop"
    test -s "$prefix/share/icons/hicolor/scalable/apps/ipclab.svg"
    QT_QPA_PLATFORM=offscreen "$prefix/bin/ipclab" --version | grep -q "ipclab"
fi
echo "install into $prefix: ok"
