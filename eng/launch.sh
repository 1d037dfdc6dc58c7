#!/usr/bin/env bash
# Shared by ./sim and ./dersim: build the project once (or when a source changed), then run the built
# assembly directly. `dotnet run` would re-check the build on every start and cost a second we can't spare
# (./sim must put BootNotification on the wire within half a second).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$1"; assembly="$2"; shift 2
dll="$root/artifacts/bin/$project/release/$assembly.dll"
stamp="$root/artifacts/.built-$project"
if [ ! -f "$dll" ] || [ ! -f "$stamp" ] || [ -n "$(find "$root/src" "$root/conformance" "$root/Directory.Build.props" "$root/Directory.Packages.props" -newer "$stamp" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' -o -name '*.txt' -o -name '*.tsv' \) -print -quit 2>/dev/null)" ]; then
  echo "Building $project (first run or sources changed)..." >&2
  if ! build_log=$(dotnet build "$root/src/$project/$project.csproj" -c Release --nologo -v q -p:UseArtifactsOutput=true -p:ArtifactsPath="$root/artifacts" 2>&1); then
    echo "$build_log" >&2
    echo "Build of $project failed." >&2
    exit 2
  fi
  touch "$stamp"
fi
export DERSIM_ROOT="$root"
# At most two glibc malloc arenas: with one per thread, RSS under a long run of CALL bursts crept up ~0.18 MiB/min
# in native memory while the managed heap stayed flat; with two it is flat (bench/README.md, Soak). Set it to
# override.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# The sim: a 4 MiB gen0 budget (hex) instead of the default sized from the CPU cache. With thousands of stations
# (./sim --stations N) the default budget's garbage was most of the working set: 176 KB per station against 107 KB
# at 1,000 stations, same CPU per frame (bench/README.md, Load). Set it to override.
if [ "$project" = DerSim.Sim ]; then export DOTNET_GCgen0size="${DOTNET_GCgen0size:-400000}"; fi
exec dotnet "$dll" "$@"
