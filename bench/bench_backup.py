"""Backup time per GB: a workspace holding --size-mb of scans (default 300 MB, in 2 MB
files like a dossier's scanned PDFs) backed up with the scheduled-backup path, then the
backup verified. Prints seconds per GB and MB/s for the first (full) backup, a second
(incremental: files already on the drive are not copied again) and the verification.

Usage: python bench/bench_backup.py [--size-mb 300] [--file-mb 2] [--dest DIR]
The workspace and the backups go under a temporary folder (or --dest, e.g. a USB drive's
folder, to measure that drive) and are removed afterwards.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app import backup_schedule  # noqa: E402
from counter_app.backup import verify_backup  # noqa: E402
from counter_app.documents import attach_document  # noqa: E402
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest  # noqa: E402
from counter_app.storage.models import Dossier  # noqa: E402
from tests.conftest import make_core  # noqa: E402

MB = 1024 * 1024
NOW = datetime(2026, 12, 1, 17, 0)


def fill(core, size_mb: int, file_mb: int) -> int:
    """Dossiers with one incompressible 'scan' each until ``size_mb`` is stored."""
    stored, n = 0, 0
    while stored < size_mb * MB:
        code = core.receive(IntakeRequest("1.004227", ApplicantInput(name=f"Nguyễn Văn Thử {n}"))).code
        data = os.urandom(file_mb * MB)
        sha256 = core.workspace.files.put(data)
        with core.workspace.db.write() as session:
            dossier = session.query(Dossier).filter_by(code=code).one()
            attach_document(session, dossier, kind="scan", sha256=sha256, size=len(data),
                            filename=f"scan_{n}.pdf", now=NOW)
        stored += len(data)
        n += 1
    return stored


def report(label: str, seconds: float, size: int) -> None:
    gb, mb = size / (1024 * MB), size / MB
    print(f"{label:<34} {seconds:8.2f} s   {seconds / gb if gb else 0:8.1f} s/GB   "
          f"{mb / seconds if seconds else 0:8.1f} MB/s   ({mb:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=300)
    parser.add_argument("--file-mb", type=int, default=2)
    parser.add_argument("--dest", type=Path, default=None, help="backup folder's parent (default: temporary)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-backup-"))
    drive = Path(tempfile.mkdtemp(prefix="bench-backup-dest-", dir=args.dest)) if args.dest else work / "usb"
    drive.mkdir(exist_ok=True)
    try:
        core = make_core(work / "ws", clock=lambda: NOW)
        started = time.perf_counter()
        stored = fill(core, args.size_mb, args.file_mb)
        print(f"workspace: {stored / MB:.0f} MB of files, made in {time.perf_counter() - started:.1f} s")
        backup_schedule.configure(core, destination=drive / "qmc", every_hours=1, keep=3)
        database = core.workspace.db_path.stat().st_size
        started = time.perf_counter()
        first = backup_schedule.run_due_backup(core, NOW)
        report("first backup (everything)", time.perf_counter() - started, stored + database)
        started = time.perf_counter()
        problems = verify_backup(first.path)
        report("verify (hash every file)", time.perf_counter() - started, stored + database)
        assert problems == [], problems
        started = time.perf_counter()
        second = backup_schedule.run_due_backup(core, NOW + timedelta(hours=1))
        print(f"{'second backup (no new file)':<34} {time.perf_counter() - started:8.2f} s   "
              f"(database copy {second.bytes / MB:.1f} MB; the files are already on the drive)")
        core.workspace.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if args.dest:
            shutil.rmtree(drive, ignore_errors=True)


if __name__ == "__main__":
    main()
