"""OCR engines for the optional text layer of scanned PDFs (port ``counter_app.ports.TextRecognizer``)."""
