"""``counter-app sign --complete`` and ``counter-app signatures status``: B-T/B-LT completion.

The TSA address comes from ``--tsa URL``, else ``$COUNTER_APP_TSA_URL``, else
``<workspace>/signing/completion.json`` (``{"tsa_url": "..."}``), else the demo CA's TSA
when the workspace has one (``--simulated-network`` starts it for the run). Trusted roots are
``<workspace>/signing/trust`` plus ``--trust``; certificates and CRLs met while completing
are cached in ``<workspace>/signing/cache`` for offline validation.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from counter_app.cli_output import dmy_hm, emit

TSA_ENV = "COUNTER_APP_TSA_URL"


def completion_config(workspace_root: Path, tsa_url: str | None = None, trust=(), timeout: float = 10.0):
    from devices.signing.completion import CompletionConfig

    signing = Path(workspace_root) / "signing"
    stored = signing / "completion.json"
    settings = json.loads(stored.read_text(encoding="utf-8")) if stored.exists() else {}
    url = tsa_url or os.environ.get(TSA_ENV) or settings.get("tsa_url", "") or _demo_tsa(signing)
    roots = [*map(Path, trust), *([signing / "trust"] if (signing / "trust").is_dir() else [])]
    return CompletionConfig(tsa_url=url, trust_roots=roots, cache_dir=signing / "cache",
                            timeout=float(settings.get("timeout", timeout)))


def _demo_tsa(signing: Path) -> str:
    """A demo workspace (simulated key, no TSA configured) uses its demo CA's TSA."""
    from devices.signing.demo_pki import demo_port

    return f"http://127.0.0.1:{demo_port(signing)}/tsa" if (signing / "demo-ca" / "root.key").exists() else ""


def run_complete(args, open_core) -> int:
    from counter_app.signing import SigningJobs
    from devices.signing.cli import _quiet
    from devices.signing.completion import run_completion

    _quiet()
    core = open_core(args)
    try:
        config = completion_config(core.workspace.root, args.tsa, args.trust)
        if args.simulated_network:
            from dataclasses import replace

            from devices.signing.demo_pki import demo_pki

            with demo_pki(core.workspace.root / "signing") as network:
                results = run_completion(SigningJobs(core), replace(config, tsa_url=network.tsa_url))
        else:
            results = run_completion(SigningJobs(core), config)
    finally:
        core.workspace.close()
    lines = [f"{r.filename or r.job_id}: {r.state} ({r.level}){' — ' + r.error if r.error else ''}"
             for r in results] or ["No signature waits for completion."]
    emit(args, {"results": results}, lines)
    return 0 if all(r.state != "failed" for r in results) else 1


def record_signed(args, open_core, outcome) -> None:
    """``sign --dossier CODE``: keep the signed copy with the dossier, completion pending."""
    from counter_app.signing import SigningJobs
    from devices.signing.verify import verify_pdf

    reports = verify_pdf(Path(outcome.output))  # the signature just made is the last one
    signer_name = args.name or (reports[-1].signer if reports else "")
    core = open_core(args)
    try:
        SigningJobs(core).record(args.dossier, args.kind, Path(outcome.output).read_bytes(),
                                 filename=Path(outcome.output).name, signer=signer_name, signed_at=outcome.signed_at)
    finally:
        core.workspace.close()


def configure_signatures(parser, _common) -> None:
    parser.add_argument("action", choices=["status", "demo-network"],
                        help="status: every signature and its completion; demo-network: serve the demo CA's "
                             "TSA and OCSP on 127.0.0.1 until Ctrl+C (the demo's network \"returns\")")
    parser.add_argument("--state", choices=["pending", "done", "failed"])
    parser.add_argument("--dossier", help="only this dossier's signatures")


def run_signatures(args, open_core) -> int:
    from counter_app.signing import SigningJobs

    if args.action == "demo-network":
        return serve_demo_network(args, open_core)

    core = open_core(args)
    try:
        jobs = SigningJobs(core)
        views = jobs.list(state=args.state, dossier_code=args.dossier)
        summary = jobs.summary()
    finally:
        core.workspace.close()
    lines = [f"#{v.id} {v.dossier_code} {v.filename}: {v.state} {v.level}→{v.target_level}, "
             f"{v.signer} at {v.counter}, signed {dmy_hm(v.signed_at)}, tries {v.attempts}"
             f"{' — ' + v.last_error if v.last_error else ''}" for v in views]
    lines.append(", ".join(f"{k}: {n}" for k, n in summary.items()))
    return emit(args, {"summary": summary, "signatures": views}, lines)


def serve_demo_network(args, open_core) -> int:
    """The demo CA's TSA/OCSP until interrupted: the running app's completion worker then
    finds the network back and completes the waiting signatures by itself."""
    import sys
    import threading

    from devices.signing.demo_pki import demo_pki

    core = open_core(args)
    folder = core.workspace.root / "signing"
    core.workspace.close()
    with demo_pki(folder) as network:
        emit(args, {"tsa_url": network.tsa_url, "ocsp_url": f"{network.url}/ocsp"},
             f"Demo network up: TSA {network.tsa_url}, OCSP {network.url}/ocsp (Ctrl+C stops it).")
        sys.stdout.flush()  # a caller reading a pipe learns the addresses now
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0
