"""The app starts as the README starts it: a real X server (Xvfb), the real console script,
each window kind opened with ``--check-start`` (open, then quit). ``--display`` must reach the
app, not Qt, which takes ``-display``/``--display`` as its own option on X11."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

APP = Path(sys.executable).with_name("counter-app")


@pytest.fixture(scope="module")
def demo_workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("start") / "demo"
    subprocess.run([str(APP), "demo", "--workspace", str(root)], check=True, capture_output=True)
    return root


def start_on_xvfb(workspace: Path, *options: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", str(APP), "--workspace", str(workspace),
                           "--simulated", *options, "--check-start"],
                          capture_output=True, text=True, env=env, timeout=120, cwd=REPO)


@pytest.mark.parametrize("options, window", [
    ((), "MainWindow"),
    (("--display", "--windowed", "--no-voice"), "DisplayWindow"),
    (("--kiosk", "--windowed"), "KioskWindow"),
])
def test_each_window_opens_on_a_real_x_server(demo_workspace, options, window):
    result = start_on_xvfb(demo_workspace, *options)
    assert result.returncode == 0, result.stderr[-2000:]
    started = [line for line in result.stdout.splitlines() if line.startswith("started: ")]
    assert started and started[0].split()[1] == window, result.stdout


def test_a_window_option_qt_does_not_know_is_refused_with_a_clear_error(demo_workspace):
    result = start_on_xvfb(demo_workspace, "--dispaly")
    assert result.returncode != 0
    assert "--dispaly" in result.stderr
    assert "started:" not in result.stdout
