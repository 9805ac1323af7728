"""Handlers of the CLI commands; each returns the process exit code."""
from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from counter_app.accounts.cli import cmd_users
from counter_app.security.cli import cmd_encryption
from counter_app.catalog.model import Channel
from counter_app.cli import build_receive_request, open_core, parse_datetime, search_query_of
from counter_app.cli_output import dmy_hm, emit
from counter_app.core import CounterCore
from counter_app.dossiers.correction import Correction, PaperCorrection
from counter_app.errors import InvalidInput
from counter_app.workspace import default_workspace_dir, open_workspace


def cmd_demo(args, **_) -> int:
    from counter_app.demo import create_demo_workspace

    from counter_app.accounts.demo import create_demo_accounts

    root = create_demo_workspace(args.workspace, force=args.force, dossiers=args.dossiers)
    core = CounterCore(open_workspace(root))
    try:  # the demo opens on the login screen, like a real office
        accounts = create_demo_accounts(core) if core.setup_mode() else [a.username for a in core.accounts.list()]
    finally:
        core.workspace.close()
    return emit(args, {"workspace": str(root), "accounts": accounts},
                f"Demo workspace ready at {root} (accounts: {', '.join(accounts)})")


def cmd_catalog(args, **_) -> int:
    core = open_core(args)
    if args.catalog_command == "import":
        report = core.import_catalog(args.file)
        return emit(args, report, f"Imported {args.file.name}: {len(report.added)} new, "
                                  f"{len(report.new_versions)} new versions, {len(report.unchanged)} unchanged.")
    specs = core.find_procedures(args.query)
    lines = []
    for spec in specs:
        time_ = spec.processing_time()
        shown = f"{time_.amount:g} {time_.unit.value}" if time_ else "-"
        lines.append(f"{spec.code:<12} {shown:<18} {spec.name}")
    return emit(args, specs, lines or ["No procedure matches."])


def cmd_calendar(args, **_) -> int:
    core = open_core(args)
    if args.calendar_command == "import":
        count = core.import_calendar(args.file)
        return emit(args, {"imported": count}, f"Imported {count} calendar override(s) from {args.file.name}.")
    days = core.scheduler().calendar.days_off(args.year)
    return emit(args, days, [f"{d.day:%d/%m/%Y} {d.day:%a}  {d.name}" for d in days])


def cmd_due_date(args, **_) -> int:
    core = open_core(args)
    received = parse_datetime(args.received_at)
    due = core.due_date(args.procedure, received, Channel(args.channel))
    data = {"procedure": args.procedure, "received_at": received, "due_at": due}
    return emit(args, data, f"{due:%Y-%m-%d %H:%M}")


def cmd_dossier(args, **_) -> int:
    core = open_core(args)
    sub = args.dossier_command
    if sub == "receive":
        view = core.receive(build_receive_request(args))
        return emit(args, view, view.code)
    if sub == "show":
        view = core.dossier(args.code)
        lines = [f"{view.code}  [{view.status}] {view.status_name}",
                 f"  {view.procedure_code} {view.procedure_name}",
                 f"  {view.applicant_name}  {view.id_number}  {view.phone}",
                 f"  received {dmy_hm(view.received_at)}  due {dmy_hm(view.due_at)}"]
        lines += [f"  {'x' if c.received else ' '} {c.code} {c.name}" for c in view.components]
        lines += [f"  #{e.seq} {dmy_hm(e.at)} {e.action} → {e.status} ({e.officer})" for e in view.events]
        return emit(args, view, lines)
    if sub == "search":
        found = core.search(search_query_of(args))
        lines = [f"{d.code}  [{d.status}] {d.applicant_name}  {d.procedure_code}  {dmy_hm(d.received_at)}"
                 for d in found]
        return emit(args, found, lines or ["No dossier matches."])
    if sub == "correct":
        view = core.dossiers.correct(args.code, correction_of(args))
        return emit(args, view, f"{view.code}: corrected; [{view.status}] {view.status_name}")
    view = core.dossiers.apply(args.code, args.status, note=args.note, receiver_name=args.receiver,
                               transferred_to=args.to)
    return emit(args, view, f"{view.code}: [{view.status}] {view.status_name}")


def correction_of(args) -> Correction:
    papers = {code.strip(): PaperCorrection(received=True) for code in args.received}
    for item in args.missing:
        code, _, reason = item.partition("=")
        if code.strip() in papers:
            raise InvalidInput(f"Paper {code.strip()} is given as both received and missing.")
        papers[code.strip()] = PaperCorrection(received=False, missing_reason=reason)
    return Correction(reason=args.reason, name=args.name, id_number=args.id_number, birth_date=args.birth_date,
                      address=args.address, phone=args.phone, email=args.email, papers=papers)


def cmd_form(args, **_) -> int:
    _check_writable(args.out)  # before the form is rendered and kept with the dossier
    core = open_core(args)
    if args.form_id == "register":
        end = args.date_to or date.today()
        start = args.date_from or end.replace(day=1)
        pdf = core.render_register(start, end)
    else:
        if not args.code:
            raise InvalidInput(f"Form {args.form_id} needs a dossier code.")
        pdf = core.issue_form(args.code, args.form_id)
    _write_file(args.out, pdf)
    return emit(args, {"out": str(args.out), "bytes": len(pdf)}, f"Wrote {args.out} ({len(pdf)} bytes)")


def _check_writable(path: Path) -> None:
    folder = Path(path).parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise InvalidInput(f"Cannot write {path}: the folder {folder} does not exist or cannot be written. "
                           "Nothing was made or stored.")


def _write_file(path: Path, data: bytes) -> None:
    from counter_app.storage.db import classify_os_error
    from counter_app.storage.files_io import write_atomically

    try:
        write_atomically(path, data)
    except OSError as exc:
        raise classify_os_error(exc) from exc


def cmd_settings(args, adapter_names=None, **_) -> int:
    """``adapter_names``: callable giving the installed device adapters (``AdapterNames``), from the
    composition root; a device name that is not among them is refused before anything is saved."""
    import copy
    from dataclasses import asdict

    from counter_app.errors import InvalidInput
    from counter_app.settings import set_value
    from counter_app.settings_check import new_problems

    core = open_core(args)
    settings = core.settings()
    if args.settings_command == "set":
        before = copy.deepcopy(settings)
        changed = set_value(settings, args.key, args.value)
        broken = new_problems(before, changed, adapter_names() if adapter_names else None)
        if broken:
            raise InvalidInput(" ".join(problem.message for problem in broken))
        core.save_settings(changed)
        settings = core.settings()
    data = asdict(settings)
    lines = [f"{section}.{key} = {value!r}" for section, values in data.items() for key, value in values.items()]
    return emit(args, data, lines)


def cmd_backup(args, **_) -> int:
    from counter_app.backup import create_backup, verify_backup

    if args.verify:
        problems = verify_backup(args.verify)
        emit(args, {"backup": str(args.verify), "problems": problems},
             problems or [f"{args.verify}: complete and intact"])
        return 1 if problems else 0
    if getattr(args, "backup_command", None) == "schedule" or args.auto:
        from counter_app.backup_cli import cmd_backup_auto, cmd_backup_schedule

        return cmd_backup_schedule(args) if getattr(args, "backup_command", None) else cmd_backup_auto(args)
    if args.to is None:
        raise InvalidInput("Say where to back up: counter-app backup --to FOLDER (or --auto, or schedule).")
    core = open_core(args)
    report = create_backup(core.workspace, args.to, now=core.clock(), keep=args.keep)
    return emit(args, report, f"Backup {report.path}: {report.dossiers} dossiers, {report.files} files "
                              f"({report.bytes_copied} bytes newly copied)")


def cmd_restore(args, **_) -> int:
    from counter_app.backup import restore_backup
    from counter_app.workspace import default_workspace_dir, open_workspace

    root = args.workspace or default_workspace_dir()
    kept = restore_backup(args.backup, root, now=datetime.now(), force=args.force)
    open_workspace(root).close()  # brings an older backup's schema up to date
    return emit(args, {"workspace": str(root), "previous_kept_at": str(kept) if kept else None},
                f"Restored {args.backup} into {root}" + (f"; the previous workspace is kept at {kept}" if kept else ""))


def cmd_audit(args, **_) -> int:
    from counter_app.accounts.audit import verify_account_chain
    from counter_app.dossiers.events import verify_chain

    core = open_core(args)
    if args.audit_command == "views":
        from counter_app.view_audit import cmd_audit_views

        return cmd_audit_views(core, args)
    from counter_app.view_audit import verify_view_chain

    with core.workspace.db.read() as session:
        broken = verify_chain(session)
        broken_accounts = verify_account_chain(session)
        broken_views = verify_view_chain(session)
    lines = ["Audit trail intact." if not broken else f"Audit trail BROKEN at event(s) {broken[:20]}"]
    if broken_accounts:
        lines.append(f"Account log BROKEN at event(s) {broken_accounts[:20]}")
    if broken_views:
        lines.append(f"Personal-data view log BROKEN at event(s) {broken_views[:20]}")
    intact = not broken and not broken_accounts and not broken_views
    emit(args, {"intact": intact, "broken_events": broken, "broken_account_events": broken_accounts,
                "broken_view_events": broken_views}, lines)
    return 0 if intact else 1


def cmd_doctor(args, device_checks=None, **_) -> int:
    from counter_app.doctor import run_checks

    checks = run_checks(args.workspace, device_checks=device_checks)
    lines = [f"[{'ok' if c.ok else 'FIX'}] {c.kind}: {c.name} — {c.detail}" for c in checks]
    emit(args, checks, lines)
    return 0 if all(c.ok for c in checks) else 1


def cmd_init(args, **_) -> int:
    root = Path(args.workspace) if args.workspace else default_workspace_dir()
    existed = root.is_dir() and any(root.iterdir())
    open_workspace(root).close()
    text = f"Workspace {'already there' if existed else 'created'} at {root}."
    return emit(args, {"workspace": str(root), "created": not existed}, text)


HANDLERS = {
    "init": cmd_init,
    "demo": cmd_demo,
    "catalog": cmd_catalog,
    "calendar": cmd_calendar,
    "due-date": cmd_due_date,
    "dossier": cmd_dossier,
    "form": cmd_form,
    "settings": cmd_settings,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "audit": cmd_audit,
    "doctor": cmd_doctor,
    "users": cmd_users,
    "encryption": cmd_encryption,
}

