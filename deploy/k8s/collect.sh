#!/usr/bin/env bash
# Collects the summary.json of every shard of a finished load Job from its pods' logs (shard.sh prints each between
# DERSIM-SUMMARY-BEGIN/END lines, gzip'ed and base64'ed, with its size and SHA-256), writes them to
# OUT/shard-K/summary.json and merges them with ./dersim load-merge into OUT/merged/.
#
#   deploy/k8s/collect.sh [--namespace NS] [--job NAME] [--out DIR]
#
# Needs kubectl (with access to the namespace), base64, gzip and sha256sum; run from the repository root to merge.
# Exit 0 when every shard's summary was collected and merged; 1 when some shard had none (the others are still
# collected and merged, and the missing ones named); 2 on a bad command line.
set -euo pipefail

namespace=""
job="dersim-load"
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--namespace) namespace="$2"; shift 2 ;;
    --job) job="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "collect.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
out="${out:-reports/load/k8s-$job}"
kube=(kubectl)
[ -n "$namespace" ] && kube+=(--namespace "$namespace")

shards=$("${kube[@]}" get job "$job" -o jsonpath='{.spec.completions}')
mkdir -p "$out"
missing=()
for ((index = 0; index < shards; index++)); do
  shard=$((index + 1))
  dir="$out/shard-$shard"
  mkdir -p "$dir"
  found=""
  # A retried shard has several pods: the newest whose log holds a whole summary wins.
  pods=$("${kube[@]}" get pods -l "job-name=$job,batch.kubernetes.io/job-completion-index=$index" \
    --sort-by=.metadata.creationTimestamp -o jsonpath='{range .items[*]}{.metadata.name}{"\n"}{end}')
  for pod in $(printf '%s\n' "$pods" | tac); do
    log=$("${kube[@]}" logs "$pod" 2>/dev/null) || continue
    header=$(printf '%s\n' "$log" | grep '^DERSIM-SUMMARY-BEGIN ' | tail -n 1) || continue
    expected=$(printf '%s\n' "$header" | sed -n 's/.* sha256=\([0-9a-f]*\).*/\1/p')
    printf '%s\n' "$log" | awk '/^DERSIM-SUMMARY-BEGIN /{body=""; inside=1; next} /^DERSIM-SUMMARY-END /{inside=0; last=body; next} inside{body=body $0 "\n"} END{printf "%s", last}' \
      | base64 -d 2>/dev/null | gunzip -c > "$dir/summary.json.part" 2>/dev/null || true
    if [ -s "$dir/summary.json.part" ] && [ "$(sha256sum "$dir/summary.json.part" | cut -d' ' -f1)" = "$expected" ]; then
      mv "$dir/summary.json.part" "$dir/summary.json"
      found="$pod"
      break
    fi
    echo "collect.sh: shard $shard: the summary in the log of $pod is incomplete (log rotated or cut?)" >&2
  done
  rm -f "$dir/summary.json.part"
  if [ -n "$found" ]; then
    echo "shard $shard/$shards: $dir/summary.json (from $found)"
  else
    rmdir "$dir" 2>/dev/null || true
    missing+=("$shard")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "collect.sh: no summary for shard ${missing[*]} of $shards" >&2
fi
collected=("$out"/shard-*)
if [ ! -e "${collected[0]}" ]; then
  echo "collect.sh: no shard summary collected; nothing to merge" >&2
  exit 1
fi
if [ -x ./dersim ]; then
  ./dersim load-merge "${collected[@]}" --out "$out/merged"
else
  echo "merge with: ./dersim load-merge ${collected[*]} --out $out/merged"
fi
[ "${#missing[@]}" -eq 0 ]
