"""Captured pages → one compact PDF per dossier component (pure Python: Pillow, no Qt)."""
from counter_app.capture.blank import is_blank
from counter_app.capture.pdf import ComponentPdf, OutputMode, pages_to_pdf

__all__ = ["ComponentPdf", "OutputMode", "is_blank", "pages_to_pdf"]
