"""The text recognizer the workspace settings ask for (``capture.ocr``), or None."""
from __future__ import annotations

from devices.ocr.tesseract import TesseractRecognizer


def recognizer_for(capture_settings) -> TesseractRecognizer | None:
    """``capture.ocr`` on → Tesseract (a missing program only gives a note on each PDF)."""
    if not getattr(capture_settings, "ocr", False):
        return None
    return TesseractRecognizer(capture_settings.ocr_program or "tesseract", capture_settings.ocr_languages)


def install_recognizer(core) -> TesseractRecognizer | None:
    """For the composition root: every PDF the app makes (scan dialog, camera) gets the text layer."""
    from counter_app.capture.ocr import use_recognizer

    recognizer = recognizer_for(core.settings().capture)
    use_recognizer(recognizer)
    return recognizer


def ocr_check(core):
    """A ``counter-app doctor`` line for the OCR engine, or None when OCR is switched off."""
    from counter_app.ports import DeviceCheck

    recognizer = recognizer_for(core.settings().capture)
    if recognizer is None:
        return None
    program = recognizer.program()
    detail = program or (f"{recognizer.executable!r} not found: scanned PDFs are kept without a text layer "
                         "(install tesseract-ocr and tesseract-ocr-vie, or set capture.ocr_program)")
    return DeviceCheck("ocr", recognizer.name, program is not None, detail)
