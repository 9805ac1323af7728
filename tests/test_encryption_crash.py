"""kill -9 in the middle of enabling encryption or of a full key rotation, at many points.

The child process counts every atomic rename (``os.replace``: each file re-encrypted, the
database swap, each key-file write) and SIGKILLs itself just before or just after the
N-th one; N is drawn from a seeded generator over every rename the command makes. After
each kill the workspace must open with its passphrase, with every dossier and file
intact, and running the command again must finish the job.
"""
from __future__ import annotations

import random
import shutil
import subprocess
import sys

import pytest

from counter_app.core import CounterCore
from counter_app.security import keys as keystore
from counter_app.security import rotation
from counter_app.storage.db import key_opens
from counter_app.workspace import open_workspace
from tests.conftest import NOW, REPO
from tests.encryption_support import PASSPHRASE, cheap_kdf, populate

CHILD = """
import os, signal, sys
sys.path.insert(0, {repo!r})
from counter_app.security import keys as keystore, rotation
keystore.ARGON2_TIME_COST, keystore.ARGON2_MEMORY_KIB, keystore.ARGON2_PARALLELISM = 1, 8192, 1
mode, target, when = sys.argv[1], int(sys.argv[2]), sys.argv[3]
real_replace, calls = os.replace, [0]

def replace(src, dst, *args, **kwargs):
    calls[0] += 1
    if calls[0] == target and when == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    real_replace(src, dst, *args, **kwargs)
    if calls[0] == target and when == "after":
        os.kill(os.getpid(), signal.SIGKILL)

os.replace = replace
root = {root!r}
if mode == "enable":
    rotation.enable(root, protector="passphrase", new_passphrase={passphrase!r})
else:
    rotation.rotate_data_key(root, passphrase={passphrase!r})
print("renames", calls[0])
"""


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch):
    cheap_kdf(monkeypatch)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    root = tmp_path_factory.mktemp("template") / "ws"
    known = populate(root, dossiers=4)
    core = CounterCore(open_workspace(root), clock=lambda: NOW)
    known["extra"] = [core.workspace.files.put(f"scan {i} of a paper".encode() * (i + 1) * 5000) for i in range(5)]
    core.workspace.close()
    with _Closing(root) as core:
        known["names"] = {code: core.dossier(code).applicant_name for code in known["codes"]}
    return root, known


class _Closing:
    def __init__(self, root):
        self.root = root

    def __enter__(self):
        self.core = CounterCore(open_workspace(self.root, passphrase=PASSPHRASE), clock=lambda: NOW)
        return self.core

    def __exit__(self, *exc):
        self.core.workspace.close()


def run_child(root, mode: str, target: int, when: str) -> subprocess.CompletedProcess:
    script = CHILD.format(repo=str(REPO), root=str(root), passphrase=PASSPHRASE)
    return subprocess.run([sys.executable, "-c", script, mode, str(target), when], capture_output=True,
                          text=True, timeout=120)


def assert_intact(root, known) -> None:
    with _Closing(root) as core:
        with core.workspace.db.read() as session:
            assert session.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        for code, name in known["names"].items():
            assert core.dossier(code).applicant_name == name
        for sha in [known["pdf_sha"], known["scan_sha"], *known["extra"]]:
            core.workspace.files.get(sha)  # decrypts (or reads plain) and checks the hash
        assert core.workspace.files.verify() == []


def crash_points(root, mode: str, count: int, seed: int) -> list[tuple[int, str]]:
    dry = run_child(root, mode, 0, "never")
    assert dry.returncode == 0, dry.stderr
    renames = int(dry.stdout.split()[-1])
    assert renames >= 8  # key file, 7 files, database swap, key file
    everything = [(n, when) for n in range(1, renames + 1) for when in ("before", "after")]
    chosen = random.Random(seed).sample(everything, count)
    return sorted(set(chosen) | {(renames - 1, "after"), (renames, "before")})  # around the DB swap


def test_kill_9_while_enabling_encryption(template, tmp_path):
    source, known = template
    dry_root = tmp_path / "dry"
    shutil.copytree(source, dry_root)
    for number, (target, when) in enumerate(crash_points(dry_root, "enable", 6, seed=20261126)):
        root = tmp_path / f"ws-{number}"
        shutil.copytree(source, root)
        killed = run_child(root, "enable", target, when)
        assert killed.returncode == -9, (target, when, killed.stderr)
        assert_intact(root, known)
        state = rotation.enable(root, protector="passphrase", new_passphrase=PASSPHRASE, passphrase=PASSPHRASE)
        assert state.complete, (target, when, state)
        assert_intact(root, known)


def test_kill_9_during_a_full_rotation(template, tmp_path):
    source, known = template
    base = tmp_path / "encrypted"
    shutil.copytree(source, base)
    rotation.enable(base, protector="passphrase", new_passphrase=PASSPHRASE)
    old_key = open_workspace(base, passphrase=PASSPHRASE)
    old_db_key = old_key.db_key
    old_key.close()
    dry_root = tmp_path / "dry"
    shutil.copytree(base, dry_root)
    for number, (target, when) in enumerate(crash_points(dry_root, "rotate", 6, seed=7)):
        root = tmp_path / f"ws-{number}"
        shutil.copytree(base, root)
        killed = run_child(root, "rotate", target, when)
        assert killed.returncode == -9, (target, when, killed.stderr)
        assert_intact(root, known)
        state = rotation.rotate_data_key(root, passphrase=PASSPHRASE)
        assert state.complete and state.keys == 1, (target, when, state)
        assert_intact(root, known)
        assert not key_opens(root / "counter.sqlite3", old_db_key)
        assert len(keystore.load_key_file(root).wrapped) == 1
