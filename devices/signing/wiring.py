"""What the composition root hands the GUI for signing: a signer and an offline verifier.

``gui_signing(core)`` gives, in the demo, the workspace's SoftHSM token (made by
``counter-app demo`` when softhsm2 is installed) or else its simulated software key; or a
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
    token = None
    if simulated:
        from devices.signing.demo_token import active_demo_token

        token = active_demo_token(folder)  # the demo's SoftHSM token, when `counter-app demo` made one
    if token is not None:
        from devices.signing.pkcs11_signer import TokenSigner

        signer = TokenSigner(token.module, token.key_id)
    elif simulated:
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


def start_signing_services(core, signer, *, interval: float | None = None):
    """(completion worker, token watcher or None), both started; stop them at exit.

    The worker completes pending signatures in the background when the TSA answers (the demo
    polls often, so "the network returns" shows quickly); the watcher follows the signer's
    PKCS#11 module for tokens plugged in or pulled out.
    """
    from devices.signing.completion_worker import CompletionWorker
    from devices.signing.pkcs11_signer import TokenSigner
    from devices.signing.token_watcher import TokenWatcher

    demo = (core.workspace.root / "signing" / "demo-ca").is_dir()
    worker = CompletionWorker.for_workspace(core, interval=interval or (10.0 if demo else 60.0),
                                            max_backoff=30.0 if demo else 900.0)
    worker.start()
    watcher = TokenWatcher(signer.module.path) if isinstance(signer, TokenSigner) else None
    if watcher is not None:
        watcher.start()
    return worker, watcher


def remote_signer_from_env():
    """The remote (CSC v2) signer when COUNTER_APP_CSC_URL, COUNTER_APP_CSC_USER and
    COUNTER_APP_CSC_PASSWORD are set (a token-less officer), else None."""
    import os

    url, user = os.environ.get("COUNTER_APP_CSC_URL"), os.environ.get("COUNTER_APP_CSC_USER")
    password = os.environ.get("COUNTER_APP_CSC_PASSWORD")
    if not (url and user and password):
        return None
    from devices.signing.remote_csc import RemoteCscSigner

    return RemoteCscSigner(url, user, password, credential_id=os.environ.get("COUNTER_APP_CSC_CREDENTIAL"))
