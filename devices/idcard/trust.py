"""Trusted country signing CA (CSCA) certificates for passive authentication's chain step."""
from __future__ import annotations

from pathlib import Path

from counter_app.errors import InvalidInput


def load_certificates(paths: list[Path]):
    from cryptography import x509

    certs = []
    for path in paths:
        data = path.read_bytes()
        try:
            certs += (x509.load_pem_x509_certificates(data) if b"-----BEGIN" in data
                      else [x509.load_der_x509_certificate(data)])
        except ValueError:
            raise InvalidInput(f"{path} is not a certificate file (PEM or DER).") from None
    return certs
