#!/usr/bin/env bash
# Copies the pinned bpmn-js NavigatedViewer (version in package.json / package-lock.json) into the
# jar's static resources, where the audit replay page loads it: no CDN, the viewer ships with the
# application. The copied files are committed; run this again only to change the bpmn-js version,
# then update the version in src/main/resources/static/audit/replay.html and commit both.
#
# Usage: tools/replay/vendor.sh        (needs node and npm)
set -euo pipefail

tools_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${tools_dir}/../.." && pwd)"
cd "${tools_dir}"
npm ci --no-audit --no-fund --loglevel=error

version="$(node -p "require('./node_modules/bpmn-js/package.json').version")"
target="${repo_root}/src/main/resources/static/audit/vendor/bpmn-js-${version}"
rm -rf "${repo_root}"/src/main/resources/static/audit/vendor/bpmn-js-*
mkdir -p "${target}"
cp node_modules/bpmn-js/dist/bpmn-navigated-viewer.production.min.js \
   node_modules/bpmn-js/dist/assets/diagram-js.css \
   node_modules/bpmn-js/dist/assets/bpmn-js.css \
   node_modules/bpmn-js/LICENSE \
   "${target}/"
echo "bpmn-js ${version} NavigatedViewer copied to ${target#"${repo_root}"/}"
