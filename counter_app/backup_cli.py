"""``counter-app backup --auto`` and ``counter-app backup schedule``: the scheduled backups
from the command line (an OS scheduler runs ``--auto`` every hour; it backs up only when due)."""
from __future__ import annotations

from counter_app import backup_schedule
from counter_app.cli import open_core
from counter_app.cli_output import emit
from counter_app.errors import InvalidInput


def _when(value) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else "never"


def _status_lines(status) -> list[str]:
    backup, state = status.settings, status.state
    if not backup.destination:
        head = "Automatic backups: not set up (counter-app backup schedule --to FOLDER)."
    else:
        head = (f"Automatic backups: {'on' if backup.enabled else 'OFF'}, to {backup.destination}, "
                f"every {backup.every_hours} h, keeping {backup.keep}.")
    lines = [head, f"Last successful backup: {_when(state.last_success_at)}"
                   + (f" ({state.last_path}, {state.last_bytes} bytes)" if state.last_success_at else "")]
    if state.last_error_code:
        lines.append(f"Last attempt FAILED at {_when(state.last_attempt_at)}: {state.last_error}")
    if status.next_at is not None:
        lines.append(f"Next backup: {'at start / now' if status.next_at.year == 1 else _when(status.next_at)}")
    return lines


def _status_data(status) -> dict:
    from dataclasses import asdict

    next_at = status.next_at if status.next_at is None or status.next_at.year > 1 else "now"
    return {"schedule": asdict(status.settings), "state": asdict(status.state), "next_at": next_at}


def cmd_backup_schedule(args) -> int:
    if args.off and args.on:
        raise InvalidInput("Choose --on or --off, not both.")
    core = open_core(args)
    try:
        if any(v is not None for v in (args.to, args.every_hours, args.keep)) or args.off or args.on:
            backup_schedule.configure(core, destination=args.to, every_hours=args.every_hours, keep=args.keep,
                                      enabled=False if args.off else (True if args.on else None))
        status = backup_schedule.status(core, core.clock())
    finally:
        core.workspace.close()
    return emit(args, _status_data(status), _status_lines(status))


def cmd_backup_auto(args) -> int:
    core = open_core(args)
    try:
        now = core.clock()
        outcome = backup_schedule.run_due_backup(core, now)
        status = backup_schedule.status(core, now)
    finally:
        core.workspace.close()
    if outcome is None:
        return emit(args, {"backed_up": False, **_status_data(status)},
                    ["No backup due now."] + _status_lines(status))
    return emit(args, {"backed_up": True, "path": str(outcome.path), "bytes": outcome.bytes,
                       "dossiers": outcome.dossiers, "files": outcome.files, "removed": outcome.removed},
                f"Backup {outcome.path}: {outcome.dossiers} dossiers, {outcome.files} files, "
                f"{outcome.bytes} bytes; {outcome.removed} old backup(s) removed.")
