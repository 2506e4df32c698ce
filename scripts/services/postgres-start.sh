#!/usr/bin/env bash
# Start a private, throw-away PostgreSQL 15 cluster for tests (no systemd, no shared state).
# Usage: postgres-start.sh DIR PORT
#   out="$(scripts/services/postgres-start.sh /tmp/kith-pg 55432)"  # fails loudly, unlike
#   eval "$(grep ^export <<<"$out")"                                  # eval "$(... | grep)"
# DIR must be absent or empty; it must live where the postgres user can reach it (e.g. /tmp).
# The last stdout lines export KITH_TEST_POSTGRES (role kith_test, LOGIN CREATEDB) and
# KITH_TEST_POSTGRES_ADMIN (superuser postgres). Stop with postgres-stop.sh DIR, which also
# cleans up after a failed start (DIR is left behind for its logs).
set -euo pipefail

if [[ $# -ne 2 || ! $2 =~ ^[0-9]+$ ]]; then
    echo "usage: $0 DIR PORT" >&2
    exit 2
fi
dir="$(realpath -m "$1")"
port="$2"
bin=/usr/lib/postgresql/15/bin
started_ns=$(date +%s%N)

if ! dpkg -s postgresql >/dev/null 2>&1; then
    apt-get install -y -q -o DPkg::Lock::Timeout=600 postgresql >&2
fi
if [[ -n "$(ls -A "$dir" 2>/dev/null)" ]]; then
    echo "postgres-start: $dir is not empty; refusing to reuse it" >&2
    exit 1
fi
# Unix socket paths are limited to 107 bytes.
if [[ $(printf '%s' "$dir/sock/.s.PGSQL.$port" | wc -c) -gt 107 ]]; then
    echo "postgres-start: $dir is too long for a Unix socket path" >&2
    exit 1
fi

# The server refuses to run as root, so as root everything server-side runs as postgres.
as_pg=()
if [[ $EUID -eq 0 ]]; then
    as_pg=(runuser -u postgres --)
fi
mkdir -p "$dir/data" "$dir/log" "$dir/sock"
touch "$dir/.kith-postgres" # lets postgres-stop.sh refuse to delete anything else
if [[ $EUID -eq 0 ]]; then
    chown -R postgres:postgres "$dir"
fi
if ! "${as_pg[@]}" test -w "$dir/data"; then
    echo "postgres-start: the postgres user cannot write $dir (is a parent directory private?)" >&2
    exit 1
fi
cd "$dir" # a cwd the postgres user cannot enter (e.g. /root) makes initdb/pg_ctl complain

# Hex keeps the passwords safe inside connection strings and SQL literals.
admin_password="$(openssl rand -hex 24)"
test_password="$(openssl rand -hex 24)"
(umask 077 && printf '%s\n' "$admin_password" >"$dir/pwfile")
if [[ $EUID -eq 0 ]]; then
    chown postgres:postgres "$dir/pwfile"
fi

"${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/log/initdb.log" 2>&1 \
    || { cat "$dir/log/initdb.log" >&2; exit 1; }
rm -f "$dir/pwfile"

# Durability settings off: the cluster is discarded after the run, speed matters.
if ! "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log/postgresql.log" -s -w -t 30 \
    -o "-p $port -k '$dir/sock' -c listen_addresses=127.0.0.1 -c max_connections=500 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2; then
    tail -n 20 "$dir/log/postgresql.log" >&2
    exit 1
fi

PGPASSWORD="$admin_password" psql -X -q -v ON_ERROR_STOP=1 \
    "host=127.0.0.1 port=$port user=postgres dbname=postgres" \
    -c "CREATE ROLE kith_test LOGIN CREATEDB PASSWORD '$test_password'" >&2

echo "# PostgreSQL 15 on 127.0.0.1:$port ready in $((($(date +%s%N) - started_ns) / 1000000)) ms (data in $dir)"
echo "export KITH_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=kith_test;Password=$test_password;Database=postgres'"
echo "export KITH_TEST_POSTGRES_ADMIN='Host=127.0.0.1;Port=$port;Username=postgres;Password=$admin_password;Database=postgres'"
