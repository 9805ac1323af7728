"""``counter-app encryption status|enable|rotate|change-passphrase``.

Passphrases come from ``COUNTER_APP_PASSPHRASE`` (the current one) and
``COUNTER_APP_NEW_PASSPHRASE`` (a new one), or from a prompt in a terminal — never from
the command line, where other users could read them. Close the app on this workspace
before enabling or rotating: those commands replace the database file.
"""
from __future__ import annotations

import getpass
import os
import sys
from dataclasses import asdict

from counter_app.cli_output import emit
from counter_app.errors import InvalidInput
from counter_app.security import keys as keystore


def configure(commands, common) -> None:
    enc = commands.add_parser("encryption", parents=[common], help="encryption at rest of the workspace")
    sub = enc.add_subparsers(dest="encryption_command", required=True)
    sub.add_parser("status", parents=[common], help="what is encrypted, with which kind of key")
    enable = sub.add_parser("enable", parents=[common],
                            help="encrypt this workspace (close the app first); run again to finish if cut short")
    how = enable.add_mutually_exclusive_group(required=True)
    how.add_argument("--keyring", dest="protector", action="store_const", const="keyring",
                     help="keep the key in this computer account's keyring (Windows Credential Locker, "
                          "Linux Secret Service)")
    how.add_argument("--passphrase", dest="protector", action="store_const", const="passphrase",
                     help=f"protect the key with a passphrase ({keystore.ENV_NEW_PASSPHRASE} or a prompt)")
    rotate = sub.add_parser("rotate", parents=[common],
                            help="new keyring secret (or, with --data-key, re-encrypt everything under a new key)")
    rotate.add_argument("--data-key", action="store_true",
                        help="full rotation: new data key for the database and every file (close the app first)")
    change = sub.add_parser("change-passphrase", parents=[common],
                            help=f"new passphrase (old from {keystore.ENV_PASSPHRASE}, new from "
                                 f"{keystore.ENV_NEW_PASSPHRASE}, or prompts)")
    change.add_argument("--to-keyring", action="store_true", help="keep the key in the keyring instead")


def _prompt(env: str, prompt: str, *, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise InvalidInput(f"No passphrase given: set {env} (or run the command in a terminal).")
    try:
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Again: ") != first:
            raise InvalidInput("The two passphrases differ: nothing was changed.")
    except (EOFError, KeyboardInterrupt) as exc:
        raise InvalidInput(f"No passphrase given (set {env} or type it at the prompt).") from exc
    return first


def current_passphrase() -> str | None:
    """The passphrase of an encrypted workspace, asked only when needed; None when there
    is no one to ask (then opening says ``workspace_locked`` and what to set)."""
    if not os.environ.get(keystore.ENV_PASSPHRASE) and not (sys.stdin and sys.stdin.isatty()):
        return None
    return _prompt(keystore.ENV_PASSPHRASE, "Workspace passphrase: ")


def new_passphrase() -> str:
    return keystore.check_new_passphrase(_prompt(keystore.ENV_NEW_PASSPHRASE, "New passphrase: ", confirm=True))


def cmd_encryption(args, **_) -> int:
    from counter_app.security import rotation
    from counter_app.workspace import default_workspace_dir

    root = args.workspace or default_workspace_dir()
    command = args.encryption_command
    if command == "status":
        state = rotation.status(root)
    elif command == "enable":
        new = new_passphrase() if args.protector == "passphrase" else None
        state = rotation.enable(root, protector=args.protector, new_passphrase=new, passphrase=current_passphrase)
    elif command == "rotate" and args.data_key:
        state = rotation.rotate_data_key(root, passphrase=current_passphrase)
    elif command == "rotate":
        key_file = keystore.load_key_file(root)
        if key_file is None or key_file.protector["type"] != "keyring":
            raise InvalidInput("Only a keyring key can be rotated this way: use 'encryption change-passphrase' "
                               "or 'encryption rotate --data-key'.")
        state = rotation.rewrap(root, protector="keyring")
    else:  # change-passphrase
        old = current_passphrase
        key_file = keystore.load_key_file(root)
        if key_file is not None and key_file.protector["type"] == "keyring":
            old = None
        if args.to_keyring:
            state = rotation.rewrap(root, protector="keyring", passphrase=old)
        else:
            state = rotation.rewrap(root, protector="passphrase", new_passphrase=new_passphrase(), passphrase=old)
    data = {**asdict(state), "complete": state.complete}
    if not state.encrypted:
        line = "Not encrypted. Turn it on with 'counter-app encryption enable --keyring' (or --passphrase)."
    else:
        database = "encrypted" if state.database_encrypted else "PLAIN"
        line = (f"Encrypted (key in the {state.protector}): database {database}, "
                f"{state.files_total - state.files_plain}/{state.files_total} files encrypted"
                + (f"; '{state.pending}' unfinished: run the command again" if state.pending else ""))
    return emit(args, data, line)
