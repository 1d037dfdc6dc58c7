#!/bin/sh
# One shard of a load run, as a pod of the Kubernetes Indexed Job in job.yaml: shard K = JOB_COMPLETION_INDEX + 1 of
# SHARDS, each pod running its own block of the STATIONS station ids (./sim --stations N --shard K/N). When ./sim has
# ended, the shard's summary.json goes into the pod's log, gzip'ed and base64'ed between two marker lines that
# collect.sh looks for (with its size and SHA-256, so a cut log is noticed rather than merged).
set -eu

: "${JOB_COMPLETION_INDEX:?is not set: run this as a pod of an Indexed Job (completionMode: Indexed), or set it (0-based)}"
: "${SHARDS:?is not set: the number of shards, the Job's completions}"
: "${CSMS_URL:?is not set: the CSMS URL (ConfigMap dersim-load)}"
: "${STATIONS:?is not set: the stations of the whole run, all shards together (ConfigMap dersim-load)}"
REPORT_DIR="${REPORT_DIR:-/reports}"

shard=$((JOB_COMPLETION_INDEX + 1))
if [ "$shard" -gt "$SHARDS" ]; then
  echo "shard.sh: JOB_COMPLETION_INDEX $JOB_COMPLETION_INDEX is shard $shard, beyond SHARDS=$SHARDS: make SHARDS the Job's completions" >&2
  exit 2
fi

# A station holds one socket; the pod needs its share of STATIONS plus some.
per_shard=$(( (STATIONS + SHARDS - 1) / SHARDS ))
open_files=$(ulimit -n)
if [ "$open_files" != "unlimited" ] && [ "$open_files" -lt $((per_shard + 1024)) ]; then
  echo "shard.sh: warning: ulimit -n is $open_files, below the $per_shard stations of this shard + 1024" >&2
fi

set -- --ocpp_enable yes --ocpp_csms_url "$CSMS_URL" --stations "$STATIONS" --shard "$shard/$SHARDS" --report_dir "$REPORT_DIR" --quiet
[ -n "${OCPP_VERSION:-}" ] && set -- "$@" --ocpp_version "$OCPP_VERSION"
[ -n "${EVSE_PROFILE:-}" ] && set -- "$@" --evse_profile "$EVSE_PROFILE"
[ -n "${STATION_ID_PREFIX:-}" ] && set -- "$@" --ocpp_csid "$STATION_ID_PREFIX"
[ -n "${RAMP_UP:-}" ] && set -- "$@" --ramp_up "$RAMP_UP"
[ -n "${RUN_FOR_SECONDS:-}" ] && set -- "$@" --run_for "$RUN_FOR_SECONDS"
[ -n "${OCPP_PASSWORD:-}" ] && set -- "$@" --ocpp_password "$OCPP_PASSWORD"

echo "shard.sh: shard $shard/$SHARDS of $STATIONS stations against $(printf '%s' "$CSMS_URL" | sed 's|//[^/@]*@|//|; s|[?#].*||')"
mkdir -p "$REPORT_DIR"
started="$REPORT_DIR/.started-$shard"
: > "$started"

# ./sim ends its transactions and closes cleanly on SIGTERM (pod deletion, activeDeadlineSeconds): pass it on, since a
# shell as PID 1 would otherwise ignore it. EXTRA_ARGS is split into words on purpose.
# shellcheck disable=SC2086
dotnet /app/DerSim.Sim.dll "$@" ${EXTRA_ARGS:-} &
sim=$!
trap 'kill -TERM "$sim" 2>/dev/null || true' TERM INT
set +e
wait "$sim"
status=$?
if [ "$status" -gt 128 ] && kill -0 "$sim" 2>/dev/null; then
  wait "$sim"
  status=$?
fi
set -e

summary=$(find "$REPORT_DIR" -name summary.json -newer "$started" 2>/dev/null | sort | tail -n 1)
if [ -z "$summary" ]; then
  echo "shard.sh: ./sim exited $status and wrote no summary.json under $REPORT_DIR" >&2
  exit $(( status == 0 ? 1 : status ))
fi

echo "DERSIM-SUMMARY-BEGIN shard=$shard/$SHARDS bytes=$(wc -c < "$summary" | tr -d ' ') sha256=$(sha256sum "$summary" | cut -d' ' -f1)"
gzip -9 -c "$summary" | base64 -w 76
echo "DERSIM-SUMMARY-END shard=$shard/$SHARDS"
exit "$status"
