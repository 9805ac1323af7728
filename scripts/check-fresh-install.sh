#!/usr/bin/env bash
# The README's two set-up commands on a fresh machine: a minimal Debian 12 root (python3, ca-certificates
# and git only), a clone of this checkout's committed HEAD inside it, then, as root in that root,
#   bash scripts/run-demo.sh --check-start   (the demo opens its main window on Xvfb and quits)
#   bash scripts/run-tests.sh                (the whole suite)
# A same-machine clean clone cannot show a missing system package (the machine already has it); this can.
#
# Usage: scripts/check-fresh-install.sh [--if-changed] [--record] [--keep] | --needed | --inputs-hash
#   --if-changed  run only when the set-up inputs differ from the hash in .ci/fresh-install.verified (CI)
#   --needed      say whether they differ, and exit 0 if they do (the check is needed), 1 if not
#   --record      after a pass, write the inputs' hash to .ci/fresh-install.verified (commit that file)
#   --keep        leave the root in place (its path is printed) for a look afterwards
#   --inputs-hash print the set-up inputs' hash and exit
# Needs root and mmdebstrap (installed from Debian when missing). The host's CA bundle and pip settings are
# carried in, so package downloads behave as on the host. Prints one line per stage; on failure one line
# saying what failed, then the end of that stage's log.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
verified_file=.ci/fresh-install.verified
# What set-up depends on: a change to any of these may need a package the machine already has.
inputs=(requirements.lock installer scripts/setup.sh pyproject.toml)

inputs_hash() {  # over the files as committed at HEAD (what the check clones), so a clone and its origin agree
  git ls-tree -r HEAD -- "${inputs[@]}" | awk '{print $3, $4}' | sha256sum | cut -c1-64
}

if_changed=0 record=0 keep=0 needed=0
for arg in "$@"; do
  case "$arg" in
    --if-changed) if_changed=1 ;;
    --needed) needed=1 ;;
    --record) record=1 ;;
    --keep) keep=1 ;;
    --inputs-hash) inputs_hash; exit 0 ;;
    *) echo "check-fresh-install: unknown argument '$arg' (see the comment at the top of the script)" >&2; exit 2 ;;
  esac
done

current=$(inputs_hash)
recorded=$(sed -n '1{s/[[:space:]].*//;p}' "$verified_file" 2>/dev/null || true)
if [ "$current" = "$recorded" ]; then
  if [ "$needed" = 1 ] || [ "$if_changed" = 1 ]; then
    echo "fresh-install check: set-up inputs unchanged since the last verified run ($current); not needed."
    [ "$needed" = 1 ] && exit 1
    exit 0
  fi
elif [ "$needed" = 1 ] || [ "$if_changed" = 1 ]; then
  echo "fresh-install check: set-up inputs changed (now $current, verified ${recorded:-never}); needed."
  [ "$needed" = 1 ] && exit 0
fi
[ "$(id -u)" -eq 0 ] || { echo "fresh-install check FAILED: needs root (it builds a Debian root and chroots into it)"; exit 1; }
if [ -n "$(git status --porcelain -- "${inputs[@]}")" ]; then
  echo "fresh-install check: note: uncommitted changes to set-up inputs are not part of the check (it clones HEAD)."
fi

command -v mmdebstrap >/dev/null || {
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null
}
root=$(mktemp -d /tmp/fresh-install.XXXXXX)
logs=$(mktemp -d /tmp/fresh-install-logs.XXXXXX)
cleanup() {
  umount -R "$root" 2>/dev/null || umount -lR "$root" 2>/dev/null || true
  if [ "$keep" = 1 ]; then echo "root kept at $root"; else rm -rf --one-file-system "$root"; fi
}
trap cleanup EXIT
fail() {  # one line saying what failed, then the end of its log
  echo "fresh-install check FAILED: $1"
  [ -f "$2" ] && grep -v '^WARNING: Location' "$2" | tail -n 25 | sed 's/^/  | /'
  exit 1
}
began=$(date +%s)
elapsed() { echo "$(( $(date +%s) - began )) s"; }

mmdebstrap --variant=minbase --include=python3,ca-certificates,git bookworm "$root" >"$logs/root.log" 2>&1 \
  || fail "could not build the minimal Debian 12 root (mmdebstrap)" "$logs/root.log"
echo "minimal Debian 12 root built ($(elapsed))"
git clone -q --no-local "$repo" "$root/project" && git -C "$root/project" checkout -q "$(git rev-parse HEAD)" \
  || fail "could not clone the committed HEAD into the root" /dev/null

# The root is a mount point of its own (tests that unshare mounts need one); /dev comes with /dev/pts.
mount --bind "$root" "$root" && mount --make-private "$root"
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys" && mount --make-rslave "$root/sys"
mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/host-ca.crt"
[ -f /etc/pip.conf ] && cp /etc/pip.conf "$root/etc/pip.conf"
# A clean environment, as a new root login would have: no DISPLAY, so the demo takes Xvfb.
in_root() {
  chroot "$root" env -i HOME=/root LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    PIP_CERT=/etc/ssl/host-ca.crt REQUESTS_CA_BUNDLE=/etc/ssl/host-ca.crt SSL_CERT_FILE=/etc/ssl/host-ca.crt \
    bash -c "cd /project && $1"
}

in_root "bash scripts/run-demo.sh --check-start" </dev/null >"$logs/demo.log" 2>&1 \
  || fail "the demo command (bash scripts/run-demo.sh) did not start" "$logs/demo.log"
grep -q '^started: MainWindow' "$logs/demo.log" \
  || fail "the demo command ended without opening its main window" "$logs/demo.log"
echo "demo: $(grep '^started:' "$logs/demo.log") ($(elapsed))"

in_root "bash scripts/run-tests.sh" </dev/null >"$logs/tests.log" 2>&1 \
  || fail "the test command (bash scripts/run-tests.sh) failed" "$logs/tests.log"
summary=$(grep -E '^=+ .*(passed|failed).* in ' "$logs/tests.log" | tail -n 1)
case "$summary" in
  *skipped*|*failed*|*error*|"") fail "the test command did not pass cleanly: ${summary:-no pytest summary}" "$logs/tests.log" ;;
esac
echo "tests: $summary"
echo "fresh-install check passed in $(elapsed) (inputs $current)"
if [ "$record" = 1 ]; then
  printf '%s  set-up inputs verified in a fresh Debian 12 root on %s: %s\n' "$current" "$(date -u +%F)" "$summary" \
    >"$verified_file"
  echo "recorded in $verified_file: commit it."
fi
rm -rf "$logs"
