"""The simulated QR reader: always "sees" a test citizen's card (for the demo and UI tests)."""
from __future__ import annotations

TEST_CARD = "001099012345|123456789|Nguyễn Văn An|01011999|Nam|Số 1, Phường Hoa Lư, Ninh Bình|15082021"


class SimulatedQrReader:
    name = "simulated"

    def __init__(self, payload: str = TEST_CARD):
        self.payload = payload

    def decode(self, image: object = None) -> bytes:
        return self.payload.encode("utf-8")
