#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests (installing Debian's package if it is missing) and
# exports PERSONALIZATION_TEST_POSTGRES, a connection string for it. Source it: `. scripts/start-postgres.sh`;
# `stop_test_postgres` stops the server and removes its files.

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

pg_bin=$(find_pg_bin)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "Installing PostgreSQL from Debian's packages..."
  apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(find_pg_bin)
fi

pg_port=""
# Ports below Linux's ephemeral range (32768 and up): probing a port inside it can connect the probe to itself
# (a simultaneous open), and the socket it leaves in TIME_WAIT then keeps the server from binding the port.
for candidate in $(seq 25432 25532); do
  if ! (exec 3<>/dev/tcp/127.0.0.1/"$candidate") 2>/dev/null; then pg_port=$candidate; break; fi
done

pg_dir=$(mktemp -d /tmp/op-postgres-XXXXXX)
chmod 755 "$pg_dir"
# PostgreSQL refuses to run as root: as root, the server runs as the postgres user.
as_pg() { if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$pg_dir"; runuser -u postgres -- "$@"; else "$@"; fi; }
pg_user=$([ "$(id -u)" -eq 0 ] && echo postgres || id -un)

as_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U "$pg_user" --no-sync >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log"; return 1 2>/dev/null || exit 1; }
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=256MB" start >/dev/null \
  || { cat "$pg_dir/server.log"; return 1 2>/dev/null || exit 1; }

export PERSONALIZATION_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=postgres"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port for the tests"

stop_test_postgres() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$pg_dir"
}
