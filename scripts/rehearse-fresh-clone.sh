#!/usr/bin/env bash
# Fresh-clone rehearsal: clones this repository's committed HEAD into a temp
# directory and runs the README's set-up commands (the ```sh block under
# "## Set-up") exactly as written, one line at a time, timing each. Proves a
# newcomer's first minutes work: no file that only exists in a working tree,
# no step the README forgets. Usage: bash scripts/rehearse-fresh-clone.sh
# (KEEP=1 keeps the clone). Exit status: that of the first failing command.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/journey-kit-clone-XXXXXX")"
if [ "${KEEP:-}" = 1 ]; then echo "[rehearsal] keeping $work"; else trap 'rm -rf "$work"' EXIT; fi

# The README's commands, verbatim: the first ```sh block after "## Set-up".
mapfile -t commands < <(awk '
  /^## Set-up/ { section = 1; next }
  /^## / { section = 0 }
  section && /^```sh/ { block = 1; next }
  block && /^```/ { exit }
  block && NF { print }
' "$repo/README.md")
if [ "${#commands[@]}" -eq 0 ]; then
  echo "[rehearsal] no \`\`\`sh block under \"## Set-up\" in README.md" >&2
  exit 1
fi

started=$SECONDS
git clone --quiet "$repo" "$work/journey-kit"
cd "$work/journey-kit"
echo "[rehearsal] cloned $(git rev-parse --short HEAD) into $work/journey-kit in $((SECONDS - started)) s"

declare -a report=()
for command in "${commands[@]}"; do
  echo "[rehearsal] \$ $command"
  started=$SECONDS
  status=0
  bash -c "$command" || status=$?
  elapsed=$((SECONDS - started))
  report+=("$(printf '%5d s  exit %d  %s' "$elapsed" "$status" "$command")")
  if [ "$status" -ne 0 ]; then
    printf '[rehearsal] %s\n' "${report[@]}"
    echo "[rehearsal] FAILED: \"$command\" exited $status" >&2
    exit "$status"
  fi
done
printf '[rehearsal] %s\n' "${report[@]}"
echo "[rehearsal] the README's set-up works on a fresh clone"
