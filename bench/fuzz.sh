#!/usr/bin/env bash
# Fuzzes the OCPP frame parser and payload readers (bench/DerSim.Fuzz) with AFL++ and SharpFuzz.
#   bench/fuzz.sh [EXECS]        instrument, fuzz for about EXECS executions (default 1000000), print the figures
#   bench/fuzz.sh replay [PATH]  run the seed corpus and the last run's queue, crashes and hangs (or PATH) through the target
# Needs afl-fuzz (Debian: apt-get install afl++) and the local tool SharpFuzz.CommandLine (dotnet tool restore).
# Work files go to artifacts/fuzz (not committed); the seed corpus is bench/DerSim.Fuzz/corpus.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/artifacts/fuzz"
corpus="$root/bench/DerSim.Fuzz/corpus"
project="$root/bench/DerSim.Fuzz/DerSim.Fuzz.csproj"

if [ "${1:-}" = "replay" ]; then
  shift
  dotnet build "$project" -c Release --nologo -v q -o "$work/replay-bin" >/dev/null
  if [ $# -eq 0 ]; then
    set -- "$corpus"
    for d in queue crashes hangs; do [ -d "$work/out/default/$d" ] && set -- "$@" "$work/out/default/$d"; done
  fi
  exec dotnet "$work/replay-bin/DerSim.Fuzz.dll" replay "$@"
fi

execs="${1:-1000000}"
if ! [[ "$execs" =~ ^[1-9][0-9]*$ ]]; then
  echo "fuzz.sh: EXECS must be a positive whole number, got '$execs' (usage: bench/fuzz.sh [EXECS] | bench/fuzz.sh replay [PATH...])" >&2
  exit 2
fi
if ! command -v afl-fuzz >/dev/null; then
  echo "fuzz.sh: afl-fuzz not found; install AFL++ (Debian: apt-get install afl++)" >&2
  exit 2
fi

cd "$root"
dotnet tool restore >/dev/null
rm -rf "$work/bin"
dotnet build "$project" -c Release --nologo -v q -o "$work/bin" >/dev/null
# Instrument the code under test (not the runtime, not the target itself).
dotnet sharpfuzz "$work/bin/DerSim.Sim.dll" >/dev/null
if [ -d "$work/out" ]; then rm -rf "$work/out.prev"; mv "$work/out" "$work/out.prev"; fi
mkdir -p "$work/out"

start=$(date +%s)
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
  afl-fuzz -i "$corpus" -o "$work/out" -E "$execs" -t 10000 -m none -- dotnet "$work/bin/DerSim.Fuzz.dll" >"$work/afl.log" 2>&1 || {
  echo "fuzz.sh: afl-fuzz failed; see $work/afl.log" >&2; tail -20 "$work/afl.log" >&2; exit 1; }
end=$(date +%s)

stats="$work/out/default/fuzzer_stats"
get() { awk -F' *: *' -v k="$1" '$1==k {print $2}' "$stats"; }
seeds=$(find "$corpus" -type f | wc -l)
echo "fuzz: $(get execs_done) executions in $((end - start)) s wall ($(get run_time) s fuzzing), $(get execs_per_sec) exec/s at the end"
echo "fuzz: crashes $(get saved_crashes), hangs $(get saved_hangs); corpus $seeds seeds -> $(get corpus_count) inputs ($(get corpus_found) found)"
echo "fuzz: coverage: $(get edges_found) of $(get total_edges) edges, bitmap $(get bitmap_cvg), stability $(get stability)"
echo "fuzz: findings in $work/out/default/crashes and hangs; replay with: bench/fuzz.sh replay"
[ "$(get saved_crashes)" = "0" ] && [ "$(get saved_hangs)" = "0" ]
