#!/usr/bin/env bash
# Shared by ./sim and ./dersim: build the project once (or when a source changed), then run the built
# assembly directly. `dotnet run` would re-check the build on every start and cost a second we can't spare
# (./sim must put BootNotification on the wire within 300 ms on a quiet machine: bench/README.md, Start-up).
#
# The build is a ReadyToRun publish for this machine's runtime identifier: the code is compiled ahead of time, so a
# start JIT-compiles only what crossgen could not (that took ~30 % off ./sim's start-up CPU).
# It needs the runtime packs of that identifier from NuGet; where they cannot be had (or on a machine with no known
# identifier) the launcher publishes without ReadyToRun and says so once.
#
# DERSIM_SIM_COMPOSITE=1 builds ./sim self-contained, with the .NET framework and the app compiled into one composite
# ReadyToRun image (generic code across assemblies is precompiled too, so hardly anything is JIT-compiled): ~35 % less
# start-up time, but each build takes several minutes and ~150 MB. For machines that start ./sim thousands of times
# between source changes; it has its own folder, so switching back and forth does not rebuild.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$1"; assembly="$2"; shift 2
composite=""
if [ "${DERSIM_SIM_COMPOSITE:-}" = 1 ] && [ "$project" = DerSim.Sim ]; then composite=yes; fi
out="$root/artifacts/run${composite:+-composite}/$project"
dll="$out/$assembly.dll"
stamp="$root/artifacts/.built-$project${composite:+-composite}"

# The runtime identifier of this machine, or nothing when it is not one we know.
rid() {
  local os arch
  case "$(uname -s)" in
    Linux) if ldd --version 2>&1 | grep -qi musl; then os=linux-musl; else os=linux; fi ;;
    Darwin) os=osx ;;
    *) return 0 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) return 0 ;;
  esac
  echo "$os-$arch"
}

# The composite build keeps its intermediate files apart: its per-assembly ReadyToRun outputs are stubs of the
# composite image, and a plain ReadyToRun publish sharing obj/ took them as up to date.
publish() {
  dotnet publish "$root/src/$project/$project.csproj" -c Release --nologo -v q -o "$out" \
    -p:UseArtifactsOutput=true -p:ArtifactsPath="$root/artifacts${composite:+/composite}" "$@" 2>&1
}

# A source newer than the last build. obj/ and bin/ are what `dotnet build` and `dotnet test` write (AssemblyInfo.cs,
# project.assets.json): they would make every ./sim after a test run rebuild.
stale() {
  [ ! -f "$dll" ] || [ ! -f "$stamp" ] || [ -n "$(find "$root/src" "$root/conformance" "$root/Directory.Build.props" "$root/Directory.Packages.props" \( -name obj -o -name bin \) -prune -o -newer "$stamp" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' -o -name '*.txt' -o -name '*.tsv' \) -print -quit 2>/dev/null)" ]
}

build() {
  echo "Building $project (first run or sources changed)..." >&2
  local runtime build_log
  runtime="$(rid)"
  if [ -n "$runtime" ]; then
    # Framework-dependent (the installed runtime runs it), for this identifier only, ReadyToRun; or the composite.
    local mode=(--self-contained false -p:PublishReadyToRun=true)
    if [ -n "$composite" ]; then
      mode=(--self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true)
      echo "(DERSIM_SIM_COMPOSITE=1: compiling the framework too, several minutes)" >&2
    fi
    if build_log=$(publish -r "$runtime" "${mode[@]}"); then
      touch "$stamp"
      return
    elif grep -qE 'error (NU1|NETSDK1)[0-9]' <<<"$build_log" && ! grep -qE 'error CS[0-9]' <<<"$build_log"; then
      # Restore or SDK trouble with the runtime packs, not the code: build without ReadyToRun instead.
      echo "ReadyToRun publish for $runtime failed; building without it (start-up will be slower):" >&2
      grep -m 3 -E 'error (NU1|NETSDK1)[0-9]' <<<"$build_log" >&2 || true
    else
      echo "$build_log" >&2
      echo "Build of $project failed." >&2
      exit 2
    fi
  fi
  if ! build_log=$(publish); then
    echo "$build_log" >&2
    echo "Build of $project failed." >&2
    exit 2
  fi
  touch "$stamp"
}

if stale; then
  if command -v flock >/dev/null; then
    # Many starts at once (a CI gate, a load run) build once: the others wait for it, then find it fresh.
    mkdir -p "$root/artifacts"
    exec 9>"$root/artifacts/.build-$project.lock"
    flock 9
    if stale; then build; fi
    exec 9>&-
  else
    build
  fi
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
