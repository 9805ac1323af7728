"""Reading the CCCD chip through PC/SC with pyscard (any contactless reader pcscd knows).

pyscard is imported lazily so the app starts on a machine without pcsc-lite. All calls
happen on one device worker (PC/SC handles are not shared between threads here).
"""
from __future__ import annotations

from typing import Callable

from counter_app.errors import ChipCardAbsent, ChipCardRemoved, ChipReaderNotFound
from counter_app.idcard.chip import ChipRecord
from counter_app.idcard.mrz import BacKey
from devices.idcard.protocol import read_chip


class PcscChipReader:
    name = "pcsc"

    def __init__(self, reader: str = "", *, csca=None, csca_files=(), field_map=None):
        self.reader = reader  # a name, or part of one; empty: the first reader with a card
        if csca_files:  # from the workspace settings: trusted CSCA certificates (PEM or DER)
            from pathlib import Path

            from devices.idcard.trust import load_certificates

            csca = [*(csca or []), *load_certificates([Path(f) for f in csca_files])]
        self.csca = csca or None
        self.field_map = field_map

    def readers(self) -> list[str]:
        from smartcard.Exceptions import SmartcardException
        from smartcard.pcsc.PCSCExceptions import BaseSCardException
        from smartcard.System import readers

        try:
            return [str(r) for r in readers()]
        except (BaseSCardException, SmartcardException) as exc:
            raise ChipReaderNotFound("The smart card service (pcscd) is not running.", detail=str(exc)) from None

    def read(self, key: BacKey, *, progress: Callable[[str, int, int], None] | None = None) -> ChipRecord:
        connection = self._connect()
        try:
            return read_chip(self._transmitter(connection), key, progress=progress, csca=self.csca,
                             field_map=self.field_map)
        finally:
            close_connection(connection)

    def _connect(self):
        from smartcard.Exceptions import CardConnectionException, NoCardException
        from smartcard.System import readers

        names = self.readers()
        if not names:
            raise ChipReaderNotFound("No smart card reader is connected.", readers=[])
        candidates = [r for r in readers() if self.reader.casefold() in str(r).casefold()]
        if not candidates:
            raise ChipReaderNotFound(f"No reader named {self.reader!r}.", readers=names)
        for reader in candidates:
            connection = reader.createConnection()
            try:
                connection.connect()
                return connection
            except (NoCardException, CardConnectionException):
                close_connection(connection)
                continue
        raise ChipCardAbsent("There is no card on the reader.", readers=[str(r) for r in candidates])

    @staticmethod
    def _transmitter(connection):
        from smartcard.Exceptions import CardConnectionException

        def transmit(apdu: bytes) -> tuple[bytes, int]:
            try:
                data, sw1, sw2 = connection.transmit(list(apdu))
            except CardConnectionException as exc:
                raise ChipCardRemoved("The card was removed while it was being read.", detail=str(exc)) from None
            return bytes(data), (sw1 << 8) | sw2

        return transmit


def close_connection(connection) -> None:
    """Disconnect and release the PC/SC context now: a context left to the garbage collector
    keeps pcscd from noticing the next card on a reader whose card was pulled mid-read."""
    from smartcard.Exceptions import CardConnectionException

    for step in (connection.disconnect, connection.release):
        try:
            step()
        except CardConnectionException:  # the card (or the service) is already gone
            pass
