"""The TSA, OCSP responder and CRL server of the SoftHSM test CA chain, on 127.0.0.1.

They listen on the port the chain's certificates name (``HsmEnv.responder_port``): the TSA
signs with a certificate from the Sub CA, OCSP answers are signed by the Sub CA (the issuer
of every end-entity certificate), and ``/crl/root.crl`` is the Root CA's CRL covering the
Sub CA. Stopped (or never started), the same port gives "connection refused".
"""
from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID

from devices.signing.loopback_pki import LoopbackPki, crl_of
from tests.softhsm import HsmEnv, KeySpec


class Responders(LoopbackPki):
    def __init__(self, hsm: HsmEnv):
        ca = hsm.ca
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        eku = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING])
        self.tsa_cert = ca.issue(KeySpec("ts", "rsa:2048", "Test TSA"), key.public_key(), extra=[(eku, True)])
        super().__init__(hsm.responder_port, ocsp_cert=ca.intermediate, ocsp_key=ca.intermediate_key,
                         tsa_cert=self.tsa_cert, tsa_key=key, tsa_chain=[ca.intermediate],
                         crls={"/crl/root.crl": lambda: crl_of(ca.root, ca.root_key)})
