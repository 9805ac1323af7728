"""What the composition root hands the GUI for signing: a signer and an offline verifier.

``gui_signing(core)`` gives the simulated software key of the workspace (demo) or a
PKCS#11 token signer, and a ``path -> [SignatureReport]`` verifier that trusts
``<workspace>/signing/trust`` (plus extra roots) and uses the certificate cache filled by
the completion worker, and a completer that runs the completion worker once.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence


def gui_signing(core, *, simulated: bool = True, module: str | None = None, key_id: str | None = None,
                trust: Sequence[Path] = (), simulated_network: bool | None = None):
    """(signer, verifier, completer): ``completer()`` runs one completion pass (B-T/B-LT).

    ``simulated_network`` (default: with the simulated key) starts the demo CA's TSA/OCSP on
    127.0.0.1 for each pass, so "the network is back" in a demo.
    """
    from devices.signing.completion import cached_certificates
    from devices.signing.verify import verify_pdf

    folder = core.workspace.root / "signing"
    if simulated:
        from devices.signing.simulated import SimulatedSigner

        signer = SimulatedSigner(folder, officer_name=core.settings().workstation.officer_name)
    else:
        from devices.signing.pkcs11_signer import TokenSigner
        from devices.signing.vendors import default_module

        signer = TokenSigner(module or default_module(), key_id)

    def verifier(path: Path):
        roots = [*map(Path, trust), *([folder / "trust"] if (folder / "trust").is_dir() else [])]
        return verify_pdf(path, roots, other_certs=cached_certificates(folder / "cache"))

    def completer():
        from counter_app.signing import SigningJobs
        from devices.signing.cli_completion import completion_config
        from devices.signing.completion import run_completion

        config = completion_config(core.workspace.root, trust=trust)
        if simulated_network if simulated_network is not None else simulated:
            from dataclasses import replace

            from devices.signing.demo_pki import demo_pki

            with demo_pki(folder) as network:
                return run_completion(SigningJobs(core), replace(config, tsa_url=network.tsa_url))
        return run_completion(SigningJobs(core), config)

    return signer, verifier, completer
