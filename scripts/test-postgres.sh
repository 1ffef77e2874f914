#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL on loopback:
#   scripts/test-postgres.sh <command…>
# It initdb's a temporary directory as the postgres user, starts the server on a free port
# with its socket in that directory, exports TEST_DATABASE_URL, runs the command, and always
# stops the server and removes the directory afterwards.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
  echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2
  exit 1
fi
dir=$(mktemp -d /tmp/digisprong-pg.XXXXXX)
chown postgres:postgres "$dir"
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

as_postgres() { su postgres -s /bin/bash -c "$*"; }
cleanup() {
  as_postgres "'$bindir/pg_ctl' -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

as_postgres "'$bindir/initdb' -D '$dir/data' -A trust -U postgres --no-sync" >/dev/null
as_postgres "'$bindir/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200\" start" >/dev/null

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"
