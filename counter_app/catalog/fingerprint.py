"""A stable content hash of a procedure, to tell a re-import from a new version.

Only what a citizen or the deadline depends on goes in: names, times, fees, papers,
results, legal basis, cutoff and validity. Labels we attach ourselves (``extra``: version
label, verification notes, agency codes) do not, so re-importing the same content under
another version label is still recognised as the same procedure. Text is NFC-normalised
and numbers are written canonically, so a JSON import and an XLSX import of the same
procedure hash alike.
"""
from __future__ import annotations

import hashlib
import json

from ..text import nfc
from .model import ProcedureSpec

# Bump when the canonical form changes: every stored hash then reads as "changed".
FINGERPRINT_VERSION = 1


def fingerprint(spec: ProcedureSpec) -> str:
    payload = json.dumps(_canonical(spec), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _canonical(spec: ProcedureSpec) -> dict:
    def by_channel(items):  # the same channel's entries keep their order; channels sort
        return sorted(items, key=lambda item: int(item.channel))

    return {
        "v": FINGERPRINT_VERSION,
        "code": nfc(spec.code), "name": nfc(spec.name), "field": nfc(spec.field), "level": nfc(spec.level),
        "agency": nfc(spec.receiving_agency),
        "times": [[int(t.channel), repr(float(t.amount)), t.unit.value, nfc(t.note)]
                  for t in by_channel(spec.processing_times)],
        "fees": [[int(f.channel), int(f.amount_vnd), nfc(f.description)] for f in by_channel(spec.fees)],
        "components": [[nfc(c.code), nfc(c.name), c.copy_kind.value, int(c.count), bool(c.mandatory),
                        nfc(c.form_name), nfc(c.note)] for c in spec.components],
        "results": [nfc(r) for r in spec.results],
        "legal": [nfc(item) for item in spec.legal_basis],
        "cutoff": spec.cutoff.strftime("%H:%M") if spec.cutoff else None,
        "from": spec.effective_from.isoformat() if spec.effective_from else None,
        "to": spec.effective_to.isoformat() if spec.effective_to else None,
    }
