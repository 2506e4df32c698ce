#!/usr/bin/env bash
# Stop a cluster started by postgres-start.sh and delete its folder.
# Usage: postgres-stop.sh DIR
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
dir="$(realpath -m "$1")"
[[ -d "$dir" ]] || exit 0
# Only ever rm -rf a folder postgres-start.sh created.
if [[ ! -e "$dir/.kith-postgres" ]]; then
    echo "postgres-stop: $dir was not created by postgres-start.sh; not touching it" >&2
    exit 1
fi

as_pg=()
if [[ $EUID -eq 0 ]]; then
    as_pg=(runuser -u postgres --)
fi
if [[ -f "$dir/data/postmaster.pid" ]]; then
    # Immediate: the data is thrown away, so skip the shutdown checkpoint.
    (cd "$dir" && "${as_pg[@]}" /usr/lib/postgresql/15/bin/pg_ctl -D "$dir/data" -m immediate -s -w stop >&2) \
        || echo "postgres-stop: pg_ctl stop failed (server already gone?)" >&2
fi
rm -rf "$dir"
