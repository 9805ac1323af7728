"""Tesseract (offline, Debian ``tesseract-ocr`` + ``tesseract-ocr-vie``) as a TextRecognizer.

One process per page: ``tesseract - stdout -l vie+eng --dpi N -c textonly_pdf=1 pdf`` reads
the PNG from stdin and writes a PDF page with only the recognised text (invisible, render
mode 3) at the page's size; ``counter_app.capture.ocr`` lays it under the scanned image.
Measured with bench/bench_ocr.py.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from counter_app.errors import OcrFailed, OcrUnavailable

DEFAULT_LANGUAGES = "vie+eng"
PAGE_TIMEOUT = 120.0  # seconds; an A4 page at 200 dpi takes a few seconds
# One thread per process: the counter PC is small and OCR runs beside the app. Measured on
# 2 busy cores, one A4 page at 200 dpi: 0.44 s with 1 thread, 1.25 s with OpenMP's default.
THREADS = "1"


class TesseractRecognizer:
    name = "tesseract"

    def __init__(self, executable: str = "tesseract", languages: str = DEFAULT_LANGUAGES,
                 timeout: float = PAGE_TIMEOUT):
        self.executable = executable or "tesseract"
        self.languages = languages or DEFAULT_LANGUAGES
        self.timeout = timeout

    def program(self) -> str | None:
        """The executable's full path, or None when it is not installed (or not runnable)."""
        if os.sep in self.executable or (os.altsep and os.altsep in self.executable):
            path = Path(self.executable)
            return str(path) if path.is_file() and os.access(path, os.X_OK) else None
        return shutil.which(self.executable)

    def available(self) -> bool:
        return self.program() is not None

    def text_pdf(self, png: bytes, dpi: int) -> bytes:
        program = self.program()
        if program is None:
            raise OcrUnavailable(f"the OCR program {self.executable!r} was not found.", program=self.executable)
        command = [program, "-", "stdout", "-l", self.languages, "--dpi", str(int(dpi)), "-c", "textonly_pdf=1",
                   "pdf"]
        env = dict(os.environ, OMP_THREAD_LIMIT=THREADS)
        try:
            done = subprocess.run(command, input=png, capture_output=True, timeout=self.timeout, env=env,
                                  check=False)
        except FileNotFoundError as exc:  # removed between the look-up and the run
            raise OcrUnavailable(f"the OCR program {self.executable!r} was not found.",
                                 program=self.executable) from exc
        except PermissionError as exc:
            raise OcrUnavailable(f"the OCR program {program!r} cannot be run: {exc}", program=program) from exc
        except subprocess.TimeoutExpired as exc:
            raise OcrFailed(f"OCR took longer than {self.timeout:g} s.", program=program) from exc
        stderr = done.stderr.decode("utf-8", "replace").strip()
        if done.returncode != 0:
            if "Failed loading language" in stderr or "couldn't load any languages" in stderr:
                raise OcrUnavailable(f"the OCR language data {self.languages!r} is not installed.",
                                     languages=self.languages)
            raise OcrFailed(f"OCR stopped with code {done.returncode}: {stderr[-300:]}", program=program)
        if not done.stdout.startswith(b"%PDF-"):
            raise OcrFailed(f"OCR gave no PDF: {stderr[-300:]}", program=program)
        return done.stdout
