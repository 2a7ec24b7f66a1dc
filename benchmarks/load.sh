#!/usr/bin/env bash
# Server load run (issue 6, part 2): builds the reference server, creates the Liberty server
# `plinth-load` with the load settings, lets the driver start it (timing readiness), runs the
# scenarios and stops the server. Results: benchmarks/results/load-latest.json and .md.
#
#   benchmarks/load.sh                 # quick: 15 s per timed scenario, 64 MiB file
#   LOAD_MODE=full benchmarks/load.sh  # full: 60 s per timed scenario, 1 GiB file
#   LOAD_BACKENDS=postgres benchmarks/load.sh  # on embedded PostgreSQL 14 + Redis instead of H2 + memory
#
# Overrides (environment): LOAD_SECONDS, LOAD_RATE (executions/s), LOAD_FILE_MIB, LOAD_THREADS
# (client threads of the cached GET), LOAD_PORT (default 9380), LOAD_HEAP (default -Xmx512m; the bounded-memory file check runs with
# LOAD_HEAP=-Xmx128m LOAD_FILE_MIB=1024 LOAD_SECONDS=5 LOAD_RATE=100, see docs/BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${LOAD_MODE:-quick}
if [[ $mode == full ]]; then
  seconds=${LOAD_SECONDS:-60}; file_mib=${LOAD_FILE_MIB:-1024}
else
  seconds=${LOAD_SECONDS:-15}; file_mib=${LOAD_FILE_MIB:-64}
fi
rate=${LOAD_RATE:-500}
threads=${LOAD_THREADS:-16}
port=${LOAD_PORT:-9380}
heap=${LOAD_HEAP:--Xmx512m}
# The upload limit must let the file through: at least 2 GiB, more for a bigger file.
max_upload=$(( (file_mib + 1) * 1048576 > 2147483648 ? (file_mib + 1) * 1048576 : 2147483648 ))

wlp=$PWD/reference-server/target/liberty/wlp
server=$wlp/usr/servers/plinth-load

# 1. The WAR and the server `plinth-load` (jvm.options: heap, upload limit, a rate limit no run
#    reaches; the HTTP port as a Liberty variable). Tests are skipped: this is not a build check.
./mvnw -q -pl reference-server -am package -DskipTests -Pload-server \
  -Dliberty.var.http.port="$port" -Dload.server.heap="$heap" \
  -Dload.server.max-upload-bytes="$max_upload"

# 2. Fresh data (database, journal, files) so every run starts from the same state.
"$wlp/bin/server" stop plinth-load >/dev/null 2>&1 || true
rm -rf "$server/data"
trap '"$wlp/bin/server" stop plinth-load >/dev/null 2>&1 || true' EXIT
label="embedded defaults (H2 file database, embedded Artemis, memory cache)"

# LOAD_BACKENDS=postgres: the issue's second configuration — an embedded PostgreSQL 14 and an
# embedded Redis (the reference server ITs' ItBackends, kept alive by KeepBackends), the server's
# database and cache pointed at them through jvm.options.
if [ "${LOAD_BACKENDS:-embedded}" = postgres ]; then
  pg_port=${LOAD_PG_PORT:-55432}
  redis_port=${LOAD_REDIS_PORT:-56379}
  work=$PWD/reference-server/target/load-backends
  mkdir -p "$work"
  # In the reactor (test-compile): ItBackends' launchers come from the test-backends module, which
  # is never installed into ~/.m2. Every module writes the file; reference-server, last, wins.
  ./mvnw -q -pl reference-server -am test-compile dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
  java -cp "reference-server/target/test-classes:$(cat "$work/classpath.txt")" \
    benchmarks/KeepBackends.java "$pg_port" "$redis_port" "$work" > "$work/keeper.log" 2>&1 &
  keeper=$!
  trap '"$wlp/bin/server" stop plinth-load >/dev/null 2>&1 || true; kill $keeper 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do grep -q "backends ready" "$work/keeper.log" && break; sleep 1; done
  grep -q "backends ready" "$work/keeper.log" || { cat "$work/keeper.log"; exit 1; }
  cat >> "$server/jvm.options" <<OPTIONS
-Ddb.url=jdbc:postgresql://127.0.0.1:$pg_port/postgres
-Ddb.user=postgres
-Ddb.password=postgres
-Ddb.datasource.class=org.postgresql.ds.PGSimpleDataSource
-Dplinth.cache.provider=redis
-Dplinth.cache.redis.url=redis://127.0.0.1:$redis_port
OPTIONS
  label="PostgreSQL 14 (embedded, zonky) + Redis (embedded), embedded Artemis"
fi

# 3. The driver starts the server (readiness = launch to the first 200 of /health/ready with the
#    API's context root bound), runs the scenarios and writes the report; the trap stops the server.
./mvnw -q -pl benchmarks -am verify -Pload -DskipTests \
  -Dload.base-url="http://localhost:$port" -Dload.mode="$mode" -Dload.seconds="$seconds" \
  -Dload.rate="$rate" -Dload.file-mib="$file_mib" -Dload.threads="$threads" \
  -Dload.server-heap="$heap" -Dload.start-command="$wlp/bin/server start plinth-load" \
  -Dload.backend="$label"
