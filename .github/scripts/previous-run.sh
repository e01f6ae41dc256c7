#!/usr/bin/env bash
# Downloads artifact $1 of this workflow's last successful run into folder $2, for "changes since the
# last run". The first night there is none: that is not an error, the comparison then lists no changes.
set -uo pipefail
name="$1"
into="$2"
mkdir -p "$into"
# GITHUB_WORKFLOW_REF is owner/repo/.github/workflows/<file>@<ref>.
workflow="${GITHUB_WORKFLOW_REF##*/}"
workflow="${workflow%%@*}"
run_id=$(gh run list --workflow "$workflow" --status success --limit 1 --json databaseId --jq '.[0].databaseId // empty' 2>/dev/null)
if [ -z "$run_id" ]; then
  echo "No earlier successful run of $workflow: no previous capabilities.json"
  exit 0
fi
if gh run download "$run_id" --name "$name" --dir "$into"; then
  echo "Previous capabilities.json from run $run_id"
else
  echo "Run $run_id has no artifact $name: no previous capabilities.json"
fi
exit 0
