#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Ctrl-C stops a tight native loop and brings back a working prompt.
source "$(dirname "$0")/lib.sh"
start "$XF" -e ': spin begin again ; spin'
sleep 0.5
tmux_ send-keys C-c
wait_for '-28 user interrupt' || exit 1
tmux_ send-keys '2 3 + .' Enter
wait_for '^5  ok' || exit 1
tmux_ send-keys ': count-up 0 begin 1+ again ; count-up' Enter
sleep 0.3
tmux_ send-keys C-c
wait_for '-28 user interrupt' 2 || exit 1
tmux_ send-keys '7 .' Enter
wait_for '^7  ok' || exit 1
# A loop that spends its time in a word made by +FIELD (a fuzzer finding:
# such bodies were missing from the code map, and Ctrl-C is acted on only
# in a word's code).
tmux_ send-keys 'page here 64 +field fld : spin-fld 1 begin fld again ; spin-fld' Enter
sleep 0.3
tmux_ send-keys C-c
wait_for '-28 user interrupt' || exit 1
tmux_ send-keys '9 .' Enter
wait_for '^9  ok' || exit 1
