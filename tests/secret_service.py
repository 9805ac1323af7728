"""A private Secret Service for tests: its own D-Bus session bus and gnome-keyring-daemon.

Nothing touches the user's real keyring: the daemon runs with a temporary HOME and an
unlocked login keyring created with a known password; both processes are stopped by pid.
"""
from __future__ import annotations

import os
import signal
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

KEYRING_PASSWORD = b"test-keyring-password"


@contextmanager
def private_secret_service(folder: Path):
    home, runtime = folder / "home", folder / "run"
    home.mkdir(parents=True)
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime),
           "XDG_DATA_HOME": str(home / ".local" / "share"), "XDG_CONFIG_HOME": str(home / ".config")}
    bus = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
                         capture_output=True, text=True, timeout=15, env=env, check=True)
    address, bus_pid = bus.stdout.split()[0], int(bus.stdout.split()[1])
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    daemon = None
    try:
        daemon = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--components=secrets", "--unlock"],
                                  stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  env=env)
        daemon.stdin.write(KEYRING_PASSWORD)
        daemon.stdin.close()  # the login keyring is created/unlocked with this password
        _wait_for_service(address)
        yield address
    finally:
        if daemon is not None:
            daemon.terminate()
            try:
                daemon.wait(timeout=10)
            except subprocess.TimeoutExpired:
                daemon.kill()
                daemon.wait(timeout=10)
        try:
            os.kill(bus_pid, signal.SIGTERM)
        except ProcessLookupError:
            pass


def _wait_for_service(address: str, timeout: float = 20.0) -> None:
    """Poll until org.freedesktop.secrets answers on the bus (bounded)."""
    deadline = time.monotonic() + timeout
    while True:
        probe = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                                "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                                "string:org.freedesktop.secrets"],
                               capture_output=True, text=True, timeout=10,
                               env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": address})
        if "boolean true" in probe.stdout:
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"gnome-keyring-daemon did not come up on the test bus: {probe.stderr}")
        time.sleep(0.1)
