"""Cold start to a usable main window, against a bare PySide6 QMainWindow; memory after load.

Each measurement is a fresh process (offscreen Qt) that exits as soon as its window has
been shown and painted; the figure is the wall time the parent saw. Usage:
    python bench/bench_startup.py [RUNS]
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1366, 768)
window.show()
app.processEvents()
"""

APP = """
import resource, sys
sys.path.insert(0, {repo!r})
from counter_app.core import CounterCore
from counter_app.workspace import open_workspace
from ui.application import create_main_window, ensure_app
app = ensure_app([])
core = CounterCore(open_workspace({workspace!r}))
window = create_main_window(core)
window.show()
app.processEvents()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def timed(code: str) -> tuple[float, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    began = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return time.perf_counter() - began, result.stdout.strip()


def main(runs: int) -> None:
    workspace = Path(tempfile.mkdtemp()) / "demo"
    subprocess.run([str(REPO / ".venv/bin/counter-app"), "demo", "--workspace", str(workspace)],
                   check=True, capture_output=True)
    timed(BARE)  # warm the OS file cache for both, so we compare start-up work, not disk reads
    bare = [timed(BARE)[0] for _ in range(runs)]
    app_runs = [timed(APP.format(repo=str(REPO), workspace=str(workspace))) for _ in range(runs)]
    app = [seconds for seconds, _ in app_runs]
    rss_mib = statistics.median(int(out.splitlines()[-1]) for _, out in app_runs) / 1024
    print(f"cold start, bare QMainWindow : median {statistics.median(bare) * 1000:7.0f} ms")
    print(f"cold start, counter app      : median {statistics.median(app) * 1000:7.0f} ms "
          f"(demo workspace, {runs} runs)")
    print(f"ratio app / bare             : {statistics.median(app) / statistics.median(bare):7.2f}x")
    print(f"peak RSS after demo load     : {rss_mib:7.1f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
