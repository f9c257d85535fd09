# SPDX-License-Identifier: MIT
# Driving the real prompt in a terminal: tmux runs xforth, send-keys types,
# capture-pane reads the screen. Each test script sources this file.
set -u
XF=$1
session="xforth-tty-$$"
export XFORTH_HISTORY=/tmp/xforth-tty-history-$$   # keep the tests out of ~/.xforth_history
tmux_() { tmux -L "$session" "$@"; }
start() {   # command...
    tmux_ new-session -d -x 120 -y 50 "$@"
    sleep 0.3
}
screen() { tmux_ capture-pane -p -S -200; }
wait_for() {   # pattern [count]: true once the screen shows the pattern count times (default 1)
    local deadline=$((SECONDS + 5))
    while [ $SECONDS -le $deadline ]; do
        [ "$(screen | grep -c -- "$1")" -ge "${2:-1}" ] && return 0
        sleep 0.1
    done
    echo "--- screen, waiting for '$1' (${2:-1}x):"; screen | grep -v '^$'; return 1
}
finish() { tmux_ kill-server 2>/dev/null; rm -f "$XFORTH_HISTORY"; }
trap finish EXIT
