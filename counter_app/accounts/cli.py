"""``counter-app users add|list|revoke|restore|passwd|roles`` and logging in from the command line.

Once a workspace has accounts, a command that needs a permission takes ``--user NAME``;
the password comes from the environment variable ``COUNTER_APP_PASSWORD`` or a prompt
(never from the command line, where other users could read it). Reading commands (list,
show, search, status, doctor, audit verify) stay open without ``--user``.
"""
from __future__ import annotations

import getpass
import os
import sys

from counter_app.cli_output import emit
from counter_app.errors import InvalidInput

PASSWORD_ENV = "COUNTER_APP_PASSWORD"
NEW_PASSWORD_ENV = "COUNTER_APP_NEW_PASSWORD"


def read_password(prompt: str, env: str = PASSWORD_ENV) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():  # a script: no one to answer a prompt
        raise InvalidInput(f"No password given: set {env} (or run the command in a terminal).")
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt) as exc:
        raise InvalidInput(f"No password given (set {env} or type it at the prompt).") from exc


def login_from_args(core, args) -> None:
    user = getattr(args, "user", None)
    if user:
        core.login(user, read_password(f"Password for {user}: "))


def configure(commands, common) -> None:
    users = commands.add_parser("users", parents=[common], help="officer accounts (admin)")
    sub = users.add_subparsers(dest="users_command", required=True)
    add = sub.add_parser("add", parents=[common], help=f"create an account (password from {NEW_PASSWORD_ENV} "
                                                        "or a prompt)")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="the officer's full name, as printed on forms")
    add.add_argument("--role", dest="roles", action="append", required=True, choices=["officer", "leader", "admin"],
                     help="repeat for several roles")
    sub.add_parser("list", parents=[common], help="list the accounts")
    revoke = sub.add_parser("revoke", parents=[common], help="stop an account from logging in")
    revoke.add_argument("username")
    restore = sub.add_parser("restore", parents=[common], help="allow a revoked local account again")
    restore.add_argument("username")
    roles = sub.add_parser("roles", parents=[common], help="replace an account's roles")
    roles.add_argument("username")
    roles.add_argument("--role", dest="roles", action="append", required=True, choices=["officer", "leader", "admin"])
    passwd = sub.add_parser("passwd", parents=[common],
                            help=f"set a password (new one from {NEW_PASSWORD_ENV} or a prompt)")
    passwd.add_argument("username")


def _new_password() -> str:
    first = read_password("New password: ", NEW_PASSWORD_ENV)
    if NEW_PASSWORD_ENV not in os.environ and read_password("Type it again: ", NEW_PASSWORD_ENV) != first:
        raise InvalidInput("The two passwords differ; nothing was changed.")
    return first


def _row(view) -> dict:
    return {"username": view.username, "display_name": view.display_name, "roles": list(view.roles),
            "revoked": view.revoked, "source": view.source, "locked_until": view.locked_until}


def cmd_users(args, **_) -> int:
    from counter_app.cli import open_core

    core = open_core(args)
    sub = args.users_command
    if sub == "list":
        views = core.officers()
        return emit(args, [_row(v) for v in views],
                    [f"{v.username:<16} {','.join(v.roles):<22} {'REVOKED ' if v.revoked else ''}{v.display_name}"
                     f" [{v.source}]" for v in views] or ["No accounts yet (set-up mode)."])
    if sub == "add":
        if core.setup_mode() and "admin" not in args.roles:
            raise InvalidInput("The first account must be an administrator (--role admin).")
        view = core.create_officer(args.username, args.name, _new_password(), args.roles)
        return emit(args, _row(view), f"Created {view.username} ({', '.join(view.roles)}).")
    if sub in ("revoke", "restore"):
        view = core.revoke_officer(args.username, revoked=sub == "revoke")
        return emit(args, _row(view), f"{view.username}: {'revoked' if view.revoked else 'allowed again'}.")
    if sub == "roles":
        view = core.set_officer_roles(args.username, args.roles)
        return emit(args, _row(view), f"{view.username}: {', '.join(view.roles)}.")
    core.reset_password(args.username, _new_password())
    return emit(args, {"username": args.username, "password_changed": True}, f"Password of {args.username} changed.")
