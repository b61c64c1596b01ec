#!/bin/sh
# Starts the sample server in the foreground.
exec node "$(dirname "$0")/../lib/server.mjs" "$@"
