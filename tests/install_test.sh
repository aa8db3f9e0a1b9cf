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
# The manual page and the bash and zsh completions, where man, bash-completion and zsh look.
gzip -dc "$prefix/share/man/man1/ipclab-cli.1.gz" | grep -q '^\.TH IPCLAB'
test -s "$prefix/share/man/man1/ipclab-worker.1.gz"
grep -q 'complete -F _ipclab_cli ipclab-cli' "$prefix/share/bash-completion/completions/ipclab-cli"
grep -q '^#compdef ipclab-cli' "$prefix/share/zsh/vendor-completions/_ipclab-cli"
if [ "$gui" = ON ]; then
    test -x "$prefix/bin/ipclab"
    grep -q '^Exec=ipclab %f$' "$prefix/share/applications/ipclab.desktop"
    gzip -dc "$prefix/share/man/man1/ipclab.1.gz" | grep -q '^\.TH IPCLAB 1'
    test -s "$prefix/share/metainfo/org.ipclab.IPCLab.metainfo.xml"
    test -s "$prefix/share/mime/packages/ipclab.xml"
    test -s "$prefix/share/icons/hicolor/scalable/apps/ipclab.svg"
    QT_QPA_PLATFORM=offscreen "$prefix/bin/ipclab" --version | grep -q "ipclab"
fi
echo "install into $prefix: ok"
