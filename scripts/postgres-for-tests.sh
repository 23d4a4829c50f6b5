#!/usr/bin/env bash
# Starts PostgreSQL 15 from Debian's packages on 127.0.0.1:5432 and creates an empty database for the
# integration tests: role alertwire / password alertwire, database alertwire_it (dropped and made anew).
# Needs root (apt-get and the postgres system user). Usage: scripts/postgres-for-tests.sh
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /usr/lib/postgresql/15 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi
if [ ! -d /etc/postgresql/15/main ]; then
  pg_createcluster 15 main >/dev/null
fi
pg_ctlcluster 15 main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'alertwire') THEN
    CREATE ROLE alertwire LOGIN PASSWORD 'alertwire';
  END IF;
END $$;
DROP DATABASE IF EXISTS alertwire_it;
CREATE DATABASE alertwire_it OWNER alertwire;
SQL
echo "PostgreSQL ready: jdbc:postgresql://127.0.0.1:5432/alertwire_it (alertwire/alertwire)"
