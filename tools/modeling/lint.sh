#!/usr/bin/env bash
# Lints every BPMN model in processes/ with the pinned bpmnlint and camunda-compat plugin
# (versions in tools/modeling/package-lock.json), using processes/.bpmnlintrc.
# Exits non-zero on any error and on any warning (--max-warnings=0).
#
# Usage: tools/modeling/lint.sh        (from any directory; needs node and npm)
set -euo pipefail

tools_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${tools_dir}/../.." && pwd)"

if [[ ! -x "${tools_dir}/node_modules/.bin/bpmnlint" ]]; then
  (cd "${tools_dir}" && npm ci --no-audit --no-fund --loglevel=error)
fi

shopt -s nullglob
models=("${repo_root}"/processes/*.bpmn)
if (( ${#models[@]} == 0 )); then
  echo "lint.sh: no BPMN models in ${repo_root}/processes" >&2
  exit 1
fi

# bpmnlint resolves its plugins from the working directory, so run it from tools/modeling.
cd "${tools_dir}"
echo "bpmnlint $(node_modules/.bin/bpmnlint --version) on ${#models[@]} models"
node_modules/.bin/bpmnlint --config "${repo_root}/processes/.bpmnlintrc" --max-warnings=0 "${models[@]}"
echo "bpmnlint: ${#models[@]} models, 0 errors, 0 warnings"
