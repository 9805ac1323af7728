"""``counter-app sign | verify | tokens``: CLI commands contributed to the core's parser.

Heavy imports (pyHanko, python-pkcs11) happen inside ``run`` so other commands start
fast. The PIN comes from the environment variable named by ``--pin-env`` or from a
hidden prompt; it is never printed, logged or passed on a command line.
"""
from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from pathlib import Path

from counter_app.cli import ExtraCommand
from counter_app.cli_output import dmy_hm, emit
from counter_app.errors import InvalidInput
from counter_app.workspace import default_workspace_dir
from devices.signing.cli_completion import configure_signatures, run_signatures

REVOCATION = {"not_checked_offline": "revocation not checked (offline)", "good": "not revoked (data in the PDF)",
              "revoked": "REVOKED"}
QUIET_LOGGERS = ("pyhanko", "pyhanko_certvalidator")  # they log tracebacks for untrusted chains


def _box(text: str) -> tuple[float, float, float, float]:
    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError:
        values = ()
    if len(values) != 4:
        raise argparse.ArgumentTypeError("write the box as x1,y1,x2,y2 in PDF points")
    return values


def configure_sign(parser: argparse.ArgumentParser, _common) -> None:
    parser.add_argument("file", type=Path, nargs="?")
    parser.add_argument("--out", type=Path, help="signed copy to write (required with FILE)")
    parser.add_argument("--complete", action="store_true",
                        help="instead of signing: add timestamps and revocation data (B-T, B-LT) to "
                             "the workspace's pending signatures, once")
    parser.add_argument("--tsa", help="timestamp authority URL for --complete (default: $COUNTER_APP_TSA_URL "
                                      "or <workspace>/signing/completion.json)")
    parser.add_argument("--trust", type=Path, action="append", default=[],
                        help="trusted root CA file or folder for --complete (repeatable)")
    parser.add_argument("--simulated-network", action="store_true",
                        help="with --complete: start the demo CA's TSA and OCSP on 127.0.0.1 for this run (demo)")
    parser.add_argument("--module", help="PKCS#11 module path (default: $COUNTER_APP_PKCS11_MODULE "
                                         "or the first known vendor module installed)")
    parser.add_argument("--key-id", help="CKA_ID of the key, hex (see `counter-app tokens`)")
    parser.add_argument("--token-serial", help="only this token (when several are plugged in)")
    parser.add_argument("--simulated", action="store_true", help="software key of the workspace (demo)")
    parser.add_argument("--remote", metavar="URL",
                        help="sign remotely through a CSC API v2 service (cloud signing), e.g. https://…/csc/v2")
    parser.add_argument("--remote-user", help="with --remote: the account at the signing service")
    parser.add_argument("--remote-password-env", metavar="VAR", help="with --remote: read the password from VAR")
    parser.add_argument("--otp-env", metavar="VAR", help="with --remote: read the one-time code (OTP) from VAR")
    parser.add_argument("--credential", help="with --remote: credential ID (when the account has several)")
    parser.add_argument("--field", help="signature field to fill, or to create at --box")
    parser.add_argument("--box", type=_box, help="x1,y1,x2,y2 in points (default: bottom right)")
    parser.add_argument("--page", type=int, default=-1, help="0-based page, -1 = last (default)")
    parser.add_argument("--pin-env", metavar="VAR", help="read the PIN from this environment variable")
    parser.add_argument("--name", default="", help="signer name on the stamp (default: the certificate's)")
    parser.add_argument("--role", default="", help="role on the stamp, e.g. 'Công chức Một cửa'")
    parser.add_argument("--agency", default=None, help="agency on the stamp (default: the office's name)")
    parser.add_argument("--reason", default="")
    parser.add_argument("--location", default="")
    parser.add_argument("--dossier", help="keep the signed PDF with this dossier and queue its B-T/B-LT completion")
    parser.add_argument("--kind", default="copy", help="with --dossier: document kind, e.g. form_01 (default: copy)")


def run_sign(args, open_core) -> int:
    from counter_app.ports import SignatureSpec, SignJob
    from devices.signing.pades import raise_first_failure

    if args.complete:
        from devices.signing.cli_completion import run_complete

        return run_complete(args, open_core)
    if args.file is None or args.out is None:
        raise InvalidInput("Give the PDF to sign and --out OUT.pdf (or --complete).")
    pin = read_pin(args.pin_env)
    core = open_core(args)
    try:
        agency = core.settings().office.agency_name if args.agency is None else args.agency
        signer = build_signer(args, core.workspace.root)
    finally:
        core.workspace.close()
    spec = SignatureSpec(signer_name=args.name, role=args.role, agency=agency, field_name=args.field,
                         box=args.box, page=args.page, reason=args.reason, location=args.location)
    outcomes = signer.sign_batch([SignJob(args.file, args.out)], spec, pin=pin)
    raise_first_failure(outcomes)
    done = outcomes[0]
    if args.dossier:
        from devices.signing.cli_completion import record_signed

        record_signed(args, open_core, done)
    data = dict(vars(done), source=str(done.source), output=str(done.output))  # to_jsonable skips Path
    return emit(args, data, f"Signed {args.file.name} → {args.out} at {dmy_hm(done.signed_at)}.")


def build_signer(args, workspace_root: Path):
    if getattr(args, "remote", None):
        from devices.signing.remote_csc import RemoteCscSigner

        if not args.remote_user or not args.remote_password_env:
            raise InvalidInput("--remote needs --remote-user and --remote-password-env VAR.")
        password = _env(args.remote_password_env, "--remote-password-env")
        otp = _env(args.otp_env, "--otp-env") if args.otp_env else None
        return RemoteCscSigner(args.remote, args.remote_user, password, credential_id=args.credential,
                               otp=lambda: otp)
    if args.simulated:
        from devices.signing.demo_token import active_demo_token
        from devices.signing.pkcs11_signer import TokenSigner
        from devices.signing.simulated import SimulatedSigner

        token = active_demo_token(workspace_root / "signing")  # the demo's SoftHSM token, when prepared
        if token is not None:
            return TokenSigner(token.module, token.key_id)
        return SimulatedSigner(workspace_root / "signing")
    from devices.signing.pkcs11_signer import TokenSigner
    from devices.signing.vendors import default_module

    module = args.module or default_module()
    if not module:
        raise InvalidInput("No PKCS#11 module found: install the token's software or pass --module PATH.")
    return TokenSigner(module, args.key_id, token_serial=args.token_serial)


def _env(name: str, option: str) -> str:
    value = os.environ.get(name)
    if value is None:
        raise InvalidInput(f"The environment variable {name} ({option}) is not set.")
    return value


def read_pin(env_var: str | None) -> str:
    if env_var:
        pin = os.environ.get(env_var)
        if pin is None:
            raise InvalidInput(f"The environment variable {env_var} (--pin-env) is not set.")
        return pin
    if sys.stdin.isatty():
        return getpass.getpass("PIN: ")
    raise InvalidInput("No PIN: pass --pin-env VAR (the PIN is never accepted on the command line).")


def configure_verify(parser: argparse.ArgumentParser, _common) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--trust", type=Path, action="append", default=[],
                        help="trusted root CA certificate file or folder (repeatable); "
                             "<workspace>/signing/trust is always used")


def run_verify(args, _open_core) -> int:
    from devices.signing.verify import verify_pdf

    _quiet()
    workspace_trust = Path(args.workspace or default_workspace_dir()) / "signing" / "trust"
    roots = [*args.trust, *([workspace_trust] if workspace_trust.is_dir() else [])]
    from devices.signing.completion import cached_certificates

    cache = Path(args.workspace or default_workspace_dir()) / "signing" / "cache"
    reports = verify_pdf(args.file, roots, other_certs=cached_certificates(cache))
    lines = [f"{r.field}: {'OK' if r.ok else 'NOT OK'} — {r.signer}, claimed {dmy_hm(r.claimed_time)} "
             f"({'trusted time' if r.time_trusted else 'time not proven'}), "
             f"{'intact' if r.intact and r.valid else 'BROKEN'}, covers {r.coverage}, "
             f"{'chain trusted' if r.trusted else 'chain NOT trusted: ' + r.problem}, "
             f"{REVOCATION.get(r.revocation, r.revocation)}, {r.level}" for r in reports]
    emit(args, {"file": str(args.file), "signatures": [dict(vars(r), ok=r.ok) for r in reports]},
         lines or ["No signatures in this PDF."])
    return 0 if reports and all(r.ok for r in reports) else 1


def configure_tokens(parser: argparse.ArgumentParser, _common) -> None:
    parser.add_argument("--module", action="append", default=[],
                        help="PKCS#11 module path (repeatable; default: every known module installed)")


def run_tokens(args, _open_core) -> int:
    from devices.signing.pkcs11_tokens import Pkcs11Module
    from devices.signing.vendors import installed_modules

    modules = args.module or [m.path for m in installed_modules()]
    found = {path: Pkcs11Module(path).tokens() for path in modules}
    lines = []
    for path, tokens in found.items():
        lines.append(f"{path}: {len(tokens)} token(s)")
        for t in tokens:
            lines.append(f"  [{t.serial}] {t.label} ({t.manufacturer} {t.model}) PIN: {t.pin_state}")
            lines += [f"    key {c.key_id}: {c.info.common_name} — {c.info.issuer}; "
                      f"{c.info.not_before:%d/%m/%Y}–{c.info.not_after:%d/%m/%Y}; "
                      f"{'signs' if c.info.can_sign else 'not for signing'}" for c in t.certificates]
    return emit(args, {"modules": [{"module": p, "tokens": t} for p, t in found.items()]},
                lines or ["No PKCS#11 module found: pass --module PATH."])


def _quiet() -> None:
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)


def signing_commands() -> list[ExtraCommand]:
    from counter_app.demo import register_demo_step
    from devices.signing.demo_token import demo_step

    # Why here: the composition root gathers the signing layer through this call; `counter-app demo`
    # then also prepares the demo's SoftHSM token.
    register_demo_step("signing-token", demo_step)
    return [
        ExtraCommand("sign", "sign a PDF (PAdES, visible stamp) with a token or the simulated key",
                     configure_sign, run_sign),
        ExtraCommand("verify", "check every signature of a PDF (offline)", configure_verify, run_verify),
        ExtraCommand("tokens", "list PKCS#11 tokens and their certificates", configure_tokens, run_tokens),
        ExtraCommand("signatures", "signatures made here and their B-T/B-LT completion (status)",
                     configure_signatures, run_signatures),
    ]
