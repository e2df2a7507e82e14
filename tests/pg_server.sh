#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite (make test-postgres; docs/server.md).
#
#   tests/pg_server.sh start   → creates and starts a cluster in a new temporary folder, prints
#                                 url=postgresql+psycopg://assessor:…@127.0.0.1:PORT/assessor
#                                 dir=/tmp/assessor-pg.XXXXXX
#                                 stop=tests/pg_server.sh stop /tmp/assessor-pg.XXXXXX
#   tests/pg_server.sh stop DIR → stops that cluster and removes its folder
#
# The server never runs as root (PostgreSQL refuses to): as root, the cluster belongs to the
# system user $ASSESSOR_PG_USER (default assessor-ci, created with useradd -r if missing, else
# nobody). It listens on 127.0.0.1 only, on a free port, with its socket inside its folder;
# the login (CREATEDB and CREATEROLE, for `assessor server init`; not a superuser) has a random
# password. Durability is switched off: nothing in it outlives the run.
set -euo pipefail

die() { echo "pg_server: $*" >&2; exit 1; }

find_bin() {
    local name=$1 dir
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/$name" ]; then echo "$dir/$name"; return; fi
    done
    die "$name not found (install PostgreSQL: apt-get install postgresql)"
}

# Run a command as the cluster's owner.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u "$OWNER" -- "$@"
    else
        "$@"
    fi
}

pick_owner() {
    OWNER=${ASSESSOR_PG_USER:-assessor-ci}
    if [ "$(id -u)" != 0 ]; then OWNER=$(id -un); return; fi
    if ! id "$OWNER" >/dev/null 2>&1; then
        useradd -r -M -d /nonexistent -s /usr/sbin/nologin "$OWNER" 2>/dev/null || OWNER=nobody
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    local initdb pg_ctl psql dir port password
    initdb=$(find_bin initdb)
    pg_ctl=$(find_bin pg_ctl)
    psql=$(find_bin psql)
    pick_owner
    dir=$(mktemp -d "${TMPDIR:-/tmp}/assessor-pg.XXXXXX")
    chmod 700 "$dir"
    [ "$(id -u)" = 0 ] && chown "$OWNER" "$dir"
    password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    as_owner "$initdb" --pgdata="$dir/data" --username=postgres --encoding=UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    port=$(free_port)
    as_owner "$pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait --timeout=60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir \
            -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
            -c max_connections=200" \
        start >/dev/null || { cat "$dir/server.log" >&2; die "the server did not start"; }
    as_owner "$psql" --quiet --no-psqlrc -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres \
        -d postgres >/dev/null <<SQL
CREATE ROLE assessor LOGIN CREATEDB CREATEROLE PASSWORD '$password';
CREATE DATABASE assessor OWNER assessor;
SQL
    echo "url=postgresql+psycopg://assessor:$password@127.0.0.1:$port/assessor"
    echo "dir=$dir"
    echo "stop=$0 stop $dir"
}

stop() {
    local dir=${1:?usage: pg_server.sh stop DIR}
    [ -d "$dir/data" ] || die "$dir is not a cluster made by pg_server.sh"
    OWNER=$(stat -c %U "$dir")
    as_owner "$(find_bin pg_ctl)" --pgdata="$dir/data" --mode=immediate --wait stop >/dev/null \
        || echo "pg_server: the server in $dir was not running" >&2
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) shift; stop "$@" ;;
    *) die "usage: $0 start | stop DIR" ;;
esac
