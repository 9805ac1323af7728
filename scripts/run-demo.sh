#!/usr/bin/env bash
# Install what is needed, reset the demo workspace and open the app on it with simulated devices.
# Extra arguments go to the app: `--kiosk`, `--display --windowed`, `--check-start` (open, then quit).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh runtime
workspace=$(.venv/bin/counter-app demo --json | .venv/bin/python -c 'import json,sys; print(json.load(sys.stdin)["workspace"])')
echo "Demo workspace: $workspace"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: starting the app on a virtual screen (xvfb-run)."
  exec xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/counter-app --workspace "$workspace" --simulated "$@"
fi
exec .venv/bin/counter-app --workspace "$workspace" --simulated "$@"
