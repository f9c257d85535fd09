#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The prompt as a person uses it: a definition over two lines, Tab completion
# of a half-typed word, Ctrl-D to leave, and the history of the last run
# recalled with the up arrow after a restart.
source "$(dirname "$0")/lib.sh"
dir=$(mktemp -d)
trap 'finish; rm -rf "$dir"' EXIT
# Two runs in one pane: the second starts when Ctrl-D ends the first.
start env HOME="$dir" XFORTH_HISTORY="$dir/hist" INPUTRC=/dev/null \
    sh -c "'$XF'; echo \"first run ended: \$?\"; '$XF'; echo \"second run ended: \$?\"; sleep 30"
tmux_ send-keys ': twice ( n -- 2n )' Enter
wait_for ' compiled' || exit 1
tmux_ send-keys '2 * \;' Enter   # tmux reads a bare ; as a command separator
wait_for '^ ok' || exit 1
tmux_ send-keys '21 twice .' Enter
wait_for '^42  ok' || exit 1
tmux_ send-keys '5 twi' Tab
wait_for '^5 twice' || exit 1
tmux_ send-keys ' .' Enter
wait_for '^10  ok' || exit 1
tmux_ send-keys '1000 7 + .' Enter
wait_for '^1007  ok' || exit 1
tmux_ send-keys C-d
wait_for 'first run ended: 0' || exit 1
sleep 0.3
tmux_ send-keys Up
wait_for '^1000 7 + .' 2 || exit 1
tmux_ send-keys Enter
wait_for '^1007  ok' 2 || exit 1
tmux_ send-keys C-d
wait_for 'second run ended: 0' || exit 1
grep -qx ': twice ( n -- 2n )' "$dir/hist" || { echo "history file:"; cat "$dir/hist"; exit 1; }
