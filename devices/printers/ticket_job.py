"""Sending a queue ticket to a printer: render at the printer's width, print, cut."""
from __future__ import annotations

from counter_app.ports import Printer
from counter_app.queue.views import TicketPrint
from devices.printers.ticket_image import ticket_png


class TicketSender:
    """``send`` for ``QueueService.print_ticket``: one printer, any number of tickets.

    A printer that draws QR codes itself (``native_qr``) gets the text, the rest a
    raster QR inside the ticket image, which every ESC/POS printer can print.
    """

    def __init__(self, printer: Printer):
        self.printer = printer

    def __call__(self, ticket: TicketPrint) -> None:
        native = bool(getattr(self.printer, "native_qr", False))
        png = ticket_png(ticket, self.printer.width_dots, include_qr=not native)
        if native:
            self.printer.print_image(png, cut=True, qr_text=ticket.lookup_text)
        else:
            self.printer.print_image(png, cut=True)
