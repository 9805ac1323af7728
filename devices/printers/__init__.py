"""Ticket and receipt printers: ticket rendering and ESC/POS adapters."""
