"""Token insertion and removal, by polling the PKCS#11 slot list (C_GetSlotList, tokenPresent).

What works, found with SoftHSM2 2.6 and python-pkcs11:
- a removed token shows at once: its slot is still listed but C_GetTokenInfo fails, so a
  slot that errors counts as empty (no re-initialisation needed);
- a newly inserted token is seen only after C_Finalize/C_Initialize: SoftHSM (like several
  vendor modules) reads its token store at C_Initialize. So each poll re-initialises the
  module first, through ``Pkcs11Module.rescan`` which skips it while a signing session is
  open (pulling the library from under a batch would break it); insertions are then
  reported at the next poll after the batch.
Modules that follow the spec's hot-plug model (OpenSC, most vendor middleware) show both
changes without the re-initialisation; it costs them only a little time.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Callable

import pkcs11
from pkcs11 import TokenFlag

from devices.signing.pkcs11_tokens import Pkcs11Module, _text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TokenEvent:
    kind: str  # present (first poll: what is plugged in) | inserted | removed
    serial: str
    label: str
    present: tuple[str, ...]  # labels of every token present after the change


class TokenWatcher:
    def __init__(self, module_path: str, *, interval: float = 2.0, reinitialize: bool = True):
        self.module = Pkcs11Module(module_path)
        self.interval, self.reinitialize = interval, reinitialize
        self.on_event: Callable[[TokenEvent], None] | None = None  # e.g. a Qt signal's emit
        self.present: dict[str, str] | None = None  # serial → label, None before the first poll
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def snapshot(self) -> dict[str, str]:
        """serial → label of the initialised tokens present now."""
        if self.reinitialize:
            self.module.rescan()
        found: dict[str, str] = {}
        try:
            slots = self.module.lib().get_slots(token_present=True)
        except pkcs11.PKCS11Error:
            return found
        for slot in slots:
            try:
                token = slot.get_token()
            except pkcs11.PKCS11Error:
                continue  # listed, but gone: pulled out since the module last looked
            if token.flags & TokenFlag.TOKEN_INITIALIZED:
                found[_text(token.serial)] = token.label
        return found

    def poll(self) -> list[TokenEvent]:
        """Compare with the previous poll; the first poll reports what is there ("present")."""
        now = self.snapshot()
        before, self.present = self.present, now
        labels = tuple(sorted(now.values()))
        if before is None:
            events = [TokenEvent("present", "", "", labels)]
        else:
            events = [TokenEvent("removed", serial, label, labels)
                      for serial, label in before.items() if serial not in now]
            events += [TokenEvent("inserted", serial, label, labels)
                       for serial, label in now.items() if serial not in before]
        for event in events:
            log.info("token %s: %s (%s)", event.kind, event.label, event.serial)
            if self.on_event is not None:
                self.on_event(event)
        return events

    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="token-watcher", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.poll()
            except Exception:  # a module that misbehaves once must not end the watching
                log.exception("token poll failed")
            self._stop.wait(self.interval)
