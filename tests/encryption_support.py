"""Shared helpers of the encryption tests: a workspace with known personal data, cheap KDF."""
from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.security import keys as keystore
from tests.conftest import make_core

WHEN = datetime(2026, 11, 25, 9, 0)
CITIZEN = "Nguyễn Thị Bảo Ngọc"
CITIZEN_ID = "001234567890"
SCAN_TEXT = b"Scan of the land title of Hoang Van Quyet, plot 77"
PASSPHRASE = "mat khau dung 2026"


def cheap_kdf(monkeypatch) -> None:
    """Argon2id parameters are stored per key file, so tests may use small ones."""
    monkeypatch.setattr(keystore, "ARGON2_TIME_COST", 1)
    monkeypatch.setattr(keystore, "ARGON2_MEMORY_KIB", 8 * 1024)
    monkeypatch.setattr(keystore, "ARGON2_PARALLELISM", 1)


def populate(root: Path, dossiers: int = 3) -> dict:
    """A plain workspace with dossiers, a form PDF and a scan; returns what to look for."""
    core = make_core(root)
    codes = []
    for index in range(dossiers):
        name = CITIZEN if index == 0 else f"Trần Văn Thứ {index}"
        id_number = CITIZEN_ID if index == 0 else f"0012345600{index:02d}"
        codes.append(core.receive(IntakeRequest("1.004227", ApplicantInput(name=name, id_number=id_number),
                                                received_at=WHEN)).code)
    pdf = core.issue_form(codes[0], "01")
    scan_sha = core.workspace.files.put(SCAN_TEXT)
    core.workspace.close()
    return {"codes": codes, "pdf_sha": hashlib.sha256(pdf).hexdigest(), "scan_sha": scan_sha}


def workspace_bytes(root: Path) -> dict[str, str]:
    """Every file of the workspace and its hash: to show nothing changed."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(root).rglob("*")) if p.is_file()}


def raw_contents(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(Path(root).rglob("*")) if p.is_file())
