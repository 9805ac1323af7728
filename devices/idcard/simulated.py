"""The simulated ID chip reader: a demo citizen's card always on the reader.

It runs the same BAC and secure-messaging steps as the PC/SC reader against an
in-process emulated card, so the demo shows the real behaviour: the right numbers
open the chip, wrong ones are refused. The demo card opens with document number
001099012345 (or 099012345), birth 990101, expiry 240101 (demo_card.DEMO_KEY).
"""
from __future__ import annotations

from typing import Callable

from counter_app.errors import ChipCardAbsent
from counter_app.idcard.chip import ChipRecord
from counter_app.idcard.mrz import BacKey
from devices.idcard.emulator import EmrtdCard
from devices.idcard.protocol import read_chip
from devices.idcard.demo_card import EmulatedCard, make_test_card

READER_NAME = "Simulated ID chip reader"


class SimulatedChipReader:
    name = "simulated"

    def __init__(self, card: EmulatedCard | None = None, *, trust_test_csca: bool = True):
        self._card = card
        self.card_present = True
        self.trust_test_csca = trust_test_csca

    @property
    def card(self) -> EmulatedCard:
        if self._card is None:
            self._card = make_test_card()  # made on first use: it signs a fresh SOD
        return self._card

    def readers(self) -> list[str]:
        return [READER_NAME]

    def read(self, key: BacKey, *, progress: Callable[[str, int, int], None] | None = None) -> ChipRecord:
        if not self.card_present:
            raise ChipCardAbsent("There is no card on the simulated reader.")
        chip = EmrtdCard(self.card)

        def transmit(apdu: bytes) -> tuple[bytes, int]:
            answer = chip.process(apdu)
            return answer[:-2], int.from_bytes(answer[-2:], "big")

        return read_chip(transmit, key, progress=progress,
                         csca=[self.card.csca] if self.trust_test_csca else None)
