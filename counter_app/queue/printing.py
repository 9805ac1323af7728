"""Printing a stored ticket through any queue (local or the office host): the one rule.

The ticket is already committed; what to print is read back from the queue, and whether
the print worked is recorded there, so a printer fault always leaves a reprint.
"""
from __future__ import annotations

from typing import Callable

from counter_app.errors import DeviceError
from counter_app.queue.views import TicketPrint


def print_stored(queue, ref: int | str, send: Callable[[TicketPrint], None]) -> DeviceError | None:
    """Print (or reprint) ticket ``ref`` of ``queue`` through ``send``; a device error is recorded and returned."""
    payload = queue.ticket_print(ref)
    try:
        send(payload)
    except DeviceError as exc:
        queue.record_print(payload.ticket_id, exc.code)
        return exc
    queue.record_print(payload.ticket_id)
    return None
