"""Scanner adapters behind ``counter_app.ports.Scanner``: SANE, file import and a simulated twin."""
