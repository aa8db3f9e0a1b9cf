#!/bin/sh
# Builds the Debian package, unpacks it into a clean root (dpkg-deb -x: what apt would put on a
# lab machine) and runs the installed programs from there; lintian, desktop-file-validate and
# appstreamcli judge the package and its metadata.
set -eu
build="$1"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
unset IPCLAB_WORKER
cpack -G DEB --config "$build/CPackConfig.cmake" -D CPACK_OUTPUT_FILE_PREFIX="$work/out" -B "$work/cpack" >/dev/null
deb=$(ls "$work"/out/ipclab_*_*.deb)
version=$(dpkg-deb -f "$deb" Version)
# The version comes from one place: the CMake project version, as the programs print it.
grep -q "^project(IPCLab VERSION $version " "$(dirname "$0")/../CMakeLists.txt" || { echo "package version $version is not the project's" >&2; exit 1; }
dpkg-deb -f "$deb" Depends | grep -q 'libqt6widgets6' || { echo "Depends lacks the Qt runtime" >&2; exit 1; }
if dpkg-deb -f "$deb" Depends | grep -q -- '-dev'; then echo "Depends names a -dev package" >&2; exit 1; fi
root="$work/root"
dpkg-deb -x "$deb" "$root"
"$root/usr/bin/ipclab-cli" --version | grep -q "^ipclab-cli $version$"
out=$("$root/usr/bin/ipclab-cli" stream --transport pipe --duration 0.5 --csv)
echo "$out" | grep -q '^pipe,' || { echo "the packaged ipclab-cli gave no result: $out" >&2; exit 1; }
QT_QPA_PLATFORM=offscreen "$root/usr/bin/ipclab" --version | grep -q "$version"
# The icon: scalable, and PNG at the hicolor sizes for menus that do not read SVG.
test -s "$root/usr/share/icons/hicolor/scalable/apps/ipclab.svg"
for size in 16 32 48 256; do
    file "$root/usr/share/icons/hicolor/${size}x${size}/apps/ipclab.png" | grep -q "${size} x ${size}" ||
        { echo "no ${size}x${size} icon" >&2; exit 1; }
done
# Each manual page renders (man -l reads the compressed page as installed).
for page in ipclab ipclab-cli ipclab-worker; do
    MANWIDTH=100 man -l "$root/usr/share/man/man1/$page.1.gz" 2>/dev/null | grep -q '^NAME' ||
        { echo "man -l could not render $page.1.gz" >&2; exit 1; }
done
# Completion as bash-completion would load it.
bash --norc --noprofile -c ". '$root/usr/share/bash-completion/completions/ipclab-cli'; COMP_WORDS=(ipclab-cli st); COMP_CWORD=1; _ipclab_cli; test \"\${COMPREPLY[*]}\" = stream"
# zsh as a user has it: compinit loading the packaged completion from zsh's vendor directory.
zsh -f "$(dirname "$0")/zsh_completion_test.zsh" "$root/usr/share/zsh/vendor-completions"
desktop-file-validate "$root/usr/share/applications/ipclab.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.ipclab.IPCLab.metainfo.xml" >/dev/null
# lintian: no errors (it refuses to say anything useful as root without this flag).
report=$(lintian --allow-root "$deb" 2>&1 || true)
echo "$report"
if echo "$report" | grep -q '^E:'; then echo "lintian reports errors" >&2; exit 1; fi
echo "package $deb: ok"
