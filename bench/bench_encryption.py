"""Cost of encryption at rest: intake and search with and without encryption, file MB/s.

Usage: python bench/bench_encryption.py [DOSSIERS]   (default 150; about a minute in all)

Two fresh workspaces get the same work: DOSSIERS intakes, each with a 200 KB scan stored
in the file store, then name / ID searches, in two alternating rounds (the best of each
kept, as other load on the machine varies). One is plain, the other encrypted (SQLCipher
database, AES-256-GCM files). Prints wall and CPU times and their ratios (goal: at most
1.3x), then raw file encryption and decryption speed in MB/s.
"""
from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app.core import CounterCore  # noqa: E402
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest  # noqa: E402
from counter_app.search import SearchQuery, search  # noqa: E402
from counter_app.security import keys as keystore  # noqa: E402
from counter_app.security import rotation  # noqa: E402
from counter_app.security.filecrypt import FileCipher  # noqa: E402
from counter_app.workspace import open_workspace  # noqa: E402
from tests.conftest import NOW, make_core  # noqa: E402

PASSPHRASE = "bench passphrase 2026"
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]
ROUNDS = 2
SEARCHES = 400
GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Ngọc"]


def prepared(root: Path, encrypted: bool) -> None:
    make_core(root).workspace.close()  # settings and catalogue, not timed
    if encrypted:
        rotation.enable(root, protector="passphrase", new_passphrase=PASSPHRASE)


def run_workload(root: Path, count: int, seed: int) -> dict[str, float]:
    """Wall and CPU seconds of the intake and of the searches (CPU time is what the
    encryption costs; wall time also holds the disk's fsyncs and other load)."""
    rng = random.Random(seed)
    core = CounterCore(open_workspace(root, passphrase=PASSPHRASE), clock=lambda: NOW)
    people = [(f"{rng.choice(SURNAMES)} Văn {rng.choice(GIVEN)} {seed}-{i}", f"00{seed:02d}{i:08d}")
              for i in range(count)]
    times = {}
    wall, cpu = time.perf_counter(), time.process_time()
    for name, id_number in people:
        core.workspace.files.put(rng.randbytes(200_000))
        core.receive(IntakeRequest("1.004227", ApplicantInput(name=name, id_number=id_number), received_at=NOW))
    times["intake wall"], times["intake cpu"] = time.perf_counter() - wall, time.process_time() - cpu
    sample = rng.sample(people, min(SEARCHES // 2, count))
    # First pass right after the intake (pages come from disk/WAL and are decrypted), then
    # the same searches again (steady state of a counter that has been running a while).
    for phase in ("search", "search again"):
        wall, cpu = time.perf_counter(), time.process_time()
        for name, id_number in sample:
            core.search(SearchQuery(text=name.split()[-2]))
            core.search(SearchQuery(text=id_number))
        times[f"{phase} wall"], times[f"{phase} cpu"] = time.perf_counter() - wall, time.process_time() - cpu
    # The same lookups without the audit view event each search writes: the cost of reading
    # through the encryption alone.
    wall, cpu = time.perf_counter(), time.process_time()
    with core.workspace.db.read() as session:
        for name, id_number in sample:
            search(session, SearchQuery(text=name.split()[-2]))
            search(session, SearchQuery(text=id_number))
    times["reads only wall"], times["reads only cpu"] = time.perf_counter() - wall, time.process_time() - cpu
    core.workspace.close()
    return times


def file_speed(size_mb: int = 64) -> tuple[float, float]:
    cipher = FileCipher({"0011223344556677": os.urandom(32)}, "0011223344556677")
    data = os.urandom(size_mb * 2**20)
    started = time.perf_counter()
    blob = cipher.encrypt(data)
    encrypt = size_mb / (time.perf_counter() - started)
    started = time.perf_counter()
    assert cipher.decrypt(blob) == data
    decrypt = size_mb / (time.perf_counter() - started)
    return encrypt, decrypt


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    keystore.ARGON2_MEMORY_KIB = 64 * 1024  # the real KDF cost: paid once per opening
    base = Path(tempfile.mkdtemp(prefix="bench-encryption-"))
    try:
        best: dict[str, dict[str, float]] = {"plain": {}, "encrypted": {}}
        for label, encrypted in (("plain", False), ("encrypted", True)):
            prepared(base / label, encrypted)
        # Alternate the two and keep each one's best round: the machine's other load varies.
        for round_ in range(ROUNDS):
            order = ("plain", "encrypted") if round_ % 2 == 0 else ("encrypted", "plain")
            for label in order:
                for what, seconds in run_workload(base / label, count, seed=round_ + 1).items():
                    best[label][what] = min(seconds, best[label].get(what, seconds))
        for label, times in best.items():
            print(f"{label:>9}: intake of {count} dossiers with a 200 KB scan: {times['intake wall']:6.2f} s wall "
                  f"({times['intake cpu']:.2f} s CPU); {SEARCHES} searches: {times['search wall']:5.2f} s wall "
                  f"({times['search cpu']:.2f} s CPU), again {times['search again wall']:5.2f} s wall "
                  f"({times['search again cpu']:.2f} s CPU); reads only (no audit write) {times['reads only wall']:5.2f} s")
        for what in best["plain"]:
            ratio = best["encrypted"][what] / best["plain"][what]
            print(f"ratio {what:<17}: {ratio:.2f}x (goal <= 1.3x) {'OK' if ratio <= 1.3 else 'OVER'}")
        encrypt, decrypt = file_speed()
        print(f"file encryption {encrypt:.0f} MB/s, decryption {decrypt:.0f} MB/s (AES-256-GCM, 64 KiB chunks)")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
