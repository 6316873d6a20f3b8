#!/usr/bin/env bash
# CI entry point for the Kubernetes deliverables: installs the offline tools, tests the validator,
# then lints, renders and validates the Helm chart and the kustomize overlays, and checks that every
# deliberately broken values file and overlay is rejected with the expected message.
set -euo pipefail

K8S_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$K8S_DIR")"
cd "$REPO_DIR"

TOOLS=k8s/tools
CHART=k8s/helm/serenade
HELM="$TOOLS/bin/helm"
KUBECTL="$TOOLS/bin/kubectl"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/serenade-k8s-test.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
# helm would otherwise write its cache/config under $HOME; keep everything in the temp dir.
export HELM_CACHE_HOME="$WORK/helm/cache" HELM_CONFIG_HOME="$WORK/helm/config" HELM_DATA_HOME="$WORK/helm/data"

passed=0
failed=0
failures=()

pass() { echo "PASS: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); failures+=("$1"); }

# step NAME COMMAND...: runs a command, shows its output, records PASS/FAIL without stopping the run.
step() {
  local name="$1"; shift
  echo "--- $name"
  if "$@"; then pass "$name"; else fail "$name"; fi
}

validate() { node "$TOOLS/validate.mjs" "$@"; }

# render_and_validate NAME OUTFILE VALIDATE_ARGS -- RENDER_COMMAND...
render_and_validate() {
  local name="$1" out="$2" extra="$3"; shift 4
  echo "--- $name"
  if ! "$@" >"$out"; then fail "$name (render)"; return; fi
  # shellcheck disable=SC2086 # $extra is empty or --prod
  if validate "$out" $extra; then pass "$name"; else fail "$name"; fi
}

if ! command -v unzip >/dev/null; then
  echo "note: unzip not installed; install.sh extracts helm/kubectl with node instead"
fi
step "install tools ($TOOLS/install.sh)" "$TOOLS/install.sh"
if [[ ! -x "$HELM" || ! -x "$KUBECTL" ]]; then
  echo "FAIL: helm/kubectl not installed; cannot continue"
  exit 1
fi

step "validator unit tests (node --test $TOOLS/test/)" node --test "$TOOLS/test/"

# Everything below is a deliverable now: a missing file or an empty test directory is a FAILURE, not a skip.
require() {
  local what="$1"; shift
  local missing=false
  local path
  for path in "$@"; do
    if [[ ! -e "$path" ]]; then fail "$path is missing ($what)"; missing=true; fi
  done
  ! $missing
}

# glob_or_fail GLOB: puts the matches in MATCHES; FAILs when there are none (an empty test directory
# would otherwise pass silently). Not a $(...) subshell, so that the failure is counted.
glob_or_fail() {
  local glob="$1"
  shopt -s nullglob
  # shellcheck disable=SC2206 # the glob must expand here
  MATCHES=($glob)
  shopt -u nullglob
  if ((${#MATCHES[@]} == 0)); then fail "nothing matches $glob"; fi
}

# expectation FILE: the substring a broken case must be rejected with, from its first line '# expect: ...'.
expectation() { head -n 1 "$1" | sed -n 's/^#[[:space:]]*expect:[[:space:]]*//p'; }

# check_rejected NAME EXPECT LOG REJECTED: a broken case must be rejected, and say why.
check_rejected() {
  local name="$1" expect="$2" log="$3" rejected="$4"
  if ! $rejected; then
    cat "$log"
    fail "$name (it renders and validates cleanly)"
  elif ! grep -qF -- "$expect" "$log"; then
    cat "$log"
    fail "$name (rejected, but the output does not contain \"$expect\")"
  else
    grep -F -- "$expect" "$log" | head -n 3
    pass "$name"
  fi
}

if require "the Helm chart" "$CHART/Chart.yaml"; then
  step "helm lint --strict (default values)" "$HELM" lint --strict "$CHART"
  render_and_validate "helm template (default values) | validate" "$WORK/default.yaml" "" -- \
    "$HELM" template serenade "$CHART"
  if require "production values" "$CHART/values-prod.yaml"; then
    step "helm lint --strict (values-prod.yaml)" "$HELM" lint --strict "$CHART" -f "$CHART/values-prod.yaml"
    render_and_validate "helm template -f values-prod.yaml | validate --prod" "$WORK/prod.yaml" "--prod" -- \
      "$HELM" template serenade "$CHART" -f "$CHART/values-prod.yaml"
  fi

  glob_or_fail 'k8s/tests/values/*.yaml'
  for values in "${MATCHES[@]}"; do
    render_and_validate "helm template -f $values | validate" "$WORK/variant.yaml" "" -- \
      "$HELM" template serenade "$CHART" -f "$values"
  done

  # Deliberately broken values: linting or validation must fail and say why.
  glob_or_fail 'k8s/tests/broken/*.yaml'
  for broken in "${MATCHES[@]}"; do
    name="broken values $broken is rejected"
    echo "--- $name"
    expect="$(expectation "$broken")"
    if [[ -z "$expect" ]]; then
      fail "$name (first line must be '# expect: <substring>')"
      continue
    fi
    rejected=false
    log="$WORK/broken.log"
    : >"$log"
    "$HELM" lint --strict "$CHART" -f "$broken" >>"$log" 2>&1 || rejected=true
    if "$HELM" template serenade "$CHART" -f "$broken" >"$WORK/broken.yaml" 2>>"$log"; then
      validate "$WORK/broken.yaml" >>"$log" 2>&1 || rejected=true
    else
      rejected=true
    fi
    check_rejected "$name" "$expect" "$log" "$rejected"
  done
fi

for overlay in dev prod; do
  dir="k8s/kustomize/overlays/$overlay"
  if require "kustomize $overlay overlay" "$dir/kustomization.yaml"; then
    extra=""
    [[ "$overlay" == prod ]] && extra="--prod"
    render_and_validate "kubectl kustomize $dir | validate${extra:+ $extra}" "$WORK/kustomize-$overlay.yaml" "$extra" -- \
      "$KUBECTL" kustomize "$dir"
  fi
done

# Deliberately broken overlays (each directory's kustomization.yaml starts with '# expect: <substring>'):
# rendering or validating with --prod must fail and say why.
glob_or_fail 'k8s/tests/broken-kustomize/*/'
for broken in "${MATCHES[@]}"; do
  broken="${broken%/}"
  name="broken overlay $broken is rejected"
  echo "--- $name"
  expect=""
  [[ -f "$broken/kustomization.yaml" ]] && expect="$(expectation "$broken/kustomization.yaml")"
  if [[ -z "$expect" ]]; then
    fail "$name ($broken/kustomization.yaml must start with '# expect: <substring>')"
    continue
  fi
  rejected=false
  log="$WORK/broken-kustomize.log"
  : >"$log"
  if "$KUBECTL" kustomize "$broken" >"$WORK/broken-kustomize.yaml" 2>>"$log"; then
    validate "$WORK/broken-kustomize.yaml" --prod >>"$log" 2>&1 || rejected=true
  else
    rejected=true
  fi
  check_rejected "$name" "$expect" "$log" "$rejected"
done

if require "kustomize base generator" k8s/kustomize/generate.sh; then
  # generate.sh finds helm through PATH; put the pinned one first.
  step "k8s/kustomize/generate.sh --check" env PATH="$REPO_DIR/$TOOLS/bin:$PATH" bash k8s/kustomize/generate.sh --check
fi

echo
echo "k8s: $passed passed, $failed failed"
if ((failed > 0)); then
  printf '  failed: %s\n' "${failures[@]}"
  exit 1
fi
