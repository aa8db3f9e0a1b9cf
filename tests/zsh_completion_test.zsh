#!/usr/bin/zsh -f
# A real interactive zsh in a pseudo-terminal, compinit loading the completion from directory $1:
# typing "ipclab-cli st<Tab>" must give "ipclab-cli stream". (Ctrl-A, then "echo LINE:" before the
# completed words and Enter, print the edited line so it can be read back.)
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1='> '; fpath=($1 \$fpath); autoload -U compinit; compinit -u -D"
zpty -w -n z $'ipclab-cli st\t'
sleep 1
zpty -w -n z $'\x01echo LINE:\x05\n'
sleep 0.5
out=""
while zpty -r -t z line; do out+=$line; done
zpty -d z
print -r -- "$out" | tr -d '\r' | grep -aq 'LINE:ipclab-cli stream' || { print -u2 "zsh did not complete ipclab-cli st<Tab> to stream"; exit 1; }
