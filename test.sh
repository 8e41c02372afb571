#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need and is missing, builds, tests,
# and ends with the line "N passed, N failed, N skipped" summed from the TRX results.
# FAST=1 runs the fast loop: everything but the browser, LibreOffice, seeded-round disclosure attack
# (Category=Audit) and slow (Category=Slow: they start the executables or protect seeded rounds) tests, once
# (no second pass of the database tests on PostgreSQL), and installs nothing.
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Chromium and ASP.NET Data Protection write under HOME and TMPDIR; keep them out of the way.
export TEST_HOME="${TEST_HOME:-$(mktemp -d)}"

install_missing() {
  local missing=()
  # The browser tests drive Chromium's headless shell (the same Blink, without the desktop browser's interface).
  [ -x /usr/lib/chromium/chromium-headless-shell ] || missing+=(chromium-headless-shell fonts-liberation)
  # LibreOffice opens the generated workbooks in the reporting tests: an independent reader.
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
  # ScottPlot draws text with DejaVu.
  fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core fontconfig)
  # The email tests run a real SMTP server on loopback with Debian's Python 3.11 (its smtpd module).
  [ -x /usr/bin/python3 ] || missing+=(python3)
  if [ ${#missing[@]} -gt 0 ]; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing ${missing[*]} from Debian's packages..."
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# The full run leaves out the attack's second-seed rounds (sizes it already attacks; see PublishedAttackerTests).
filter=(--filter "Category!=AuditSecondSeed")
if [ "${FAST:-}" = "1" ]; then
  SKIP_INSTALL=1
  filter=(--filter "Category!=Browser&Category!=LibreOffice&Category!=Audit&Category!=Slow")
fi

if [ "${SKIP_INSTALL:-}" != "1" ]; then
  install_missing
fi

# A throwaway PostgreSQL for the tests that need a server database (multi-node, outage, copy, retries) and
# for the second pass below. READINESS_TEST_POSTGRES set beforehand uses that server instead.
if [ -z "${READINESS_TEST_POSTGRES:-}" ]; then
  pg_dir="$(mktemp -d)"
  if READINESS_TEST_POSTGRES="$(.ci/postgres start "$pg_dir")"; then
    export READINESS_TEST_POSTGRES
    trap '.ci/postgres stop "$pg_dir"' EXIT
  else
    echo "PostgreSQL could not be started: the tests that need a server database will be skipped."
  fi
fi

results="$(pwd)/TestResults"
rm -rf "$results"
dotnet tool restore >/dev/null
dotnet build ReadinessSurvey.sln -warnaserror 2>&1 | tail -n 3
build=${PIPESTATUS[0]}
if [ "$build" -ne 0 ]; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

# Four test runs: each assembly, and its database tests again with every test database on PostgreSQL (SQL Server
# too: set READINESS_TEST_SQLSERVER and run that pass with READINESS_TEST_PROVIDER=SqlServer). The disclosure attack
# (Category=Audit) runs once: the attack reads only the published JSON, and the aggregation and publishing tests
# build that on PostgreSQL too. Two runs at a time, one per core: both assemblies first, then whichever finishes
# first takes the longer PostgreSQL pass (Core's) and the other the shorter, so that neither core idles at the end.
run_tests() {
  local job="$1" project name provider=() only=("${filter[@]}")
  case "$job" in
    core|postgresql-core) project=tests/ReadinessSurvey.Core.Tests ;;
    *) project=tests/ReadinessSurvey.Web.Tests ;;
  esac
  if [ "${job#postgresql-}" != "$job" ]; then
    [ -n "${READINESS_TEST_POSTGRES:-}" ] && [ "${FAST:-}" != "1" ] || return 0
    echo "The database tests of ${job#postgresql-} on PostgreSQL:"
    provider=(READINESS_TEST_PROVIDER=PostgreSql)
    only=(--filter "Category=Database&Category!=Audit")
  fi
  env HOME="$TEST_HOME" TMPDIR="$TEST_HOME" "${provider[@]}" dotnet test "$project" --no-build "${only[@]}" \
    --logger "trx;LogFilePrefix=$job" --results-directory "$results" -- RunConfiguration.TestSessionTimeout=3000000
}

# A worker runs the jobs it is given in order, skipping those the other worker has claimed (mkdir is atomic).
worker() {
  local result=0 job
  for job in "$@"; do
    if mkdir "$claims/$job" 2>/dev/null; then
      run_tests "$job" || result=1
    fi
  done
  return $result
}

claims="$(mktemp -d)"
worker core postgresql-core postgresql-web & first=$!
worker web postgresql-core postgresql-web & second=$!
status=0
wait $first || status=1
wait $second || status=1
rm -rf "$claims"

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "No test results were found."
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
