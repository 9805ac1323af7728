"""``counter-app doctor``: check a workspace and its devices, and say what to fix."""
from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from counter_app.dossiers.events import verify_chain
from counter_app.errors import CounterError
from counter_app.ports import DeviceCheck
from counter_app.storage import migrate
from counter_app.storage.db import connect_raw, database_errors
from counter_app.workspace import DB_NAME, default_workspace_dir, unlock_workspace

AGENCY_ID = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")


def run_checks(workspace_dir: Path | None, *, device_checks=None) -> list[DeviceCheck]:
    root = Path(workspace_dir) if workspace_dir else default_workspace_dir()
    checks = [_writable(root)]
    if not (root / DB_NAME).exists():
        checks.append(DeviceCheck("workspace", str(root), False,
                                  "no database yet: run 'counter-app demo' or open the app once"))
        return checks
    try:
        data_keys, db_key = unlock_workspace(root)
    except CounterError as exc:
        checks.append(DeviceCheck("encryption", "workspace key", False, exc.message))
        return checks
    checks.append(_encryption(root, data_keys))
    checks.append(_integrity(root / DB_NAME, db_key))
    try:
        from counter_app.core import CounterCore
        from counter_app.workspace import open_workspace

        core = CounterCore(open_workspace(root, create=False))
    except CounterError as exc:
        checks.append(DeviceCheck("database", "migrations", False, exc.message))
        return checks
    head = migrate.head_revision()
    current = migrate.current_revision(core.workspace.db.engine)
    checks.append(DeviceCheck("database", "migrations", current == head, f"schema {current}, newest {head}"))
    with core.workspace.db.read() as session:
        broken = verify_chain(session)
    checks.append(DeviceCheck("audit", "event chain", not broken,
                              "intact" if not broken else f"events {broken[:5]} were altered"))
    from counter_app.accounts.audit import verify_account_chain

    with core.workspace.db.read() as session:
        broken_accounts = verify_account_chain(session)
    checks.append(DeviceCheck("audit", "account log", not broken_accounts,
                              "intact" if not broken_accounts else f"events {broken_accounts[:5]} were altered"))
    from counter_app.view_audit import verify_view_chain

    with core.workspace.db.read() as session:
        broken_views = verify_view_chain(session)
    checks.append(DeviceCheck("audit", "view log", not broken_views,
                              "intact" if not broken_views else f"events {broken_views[:5]} were altered"))
    damaged = core.workspace.files.verify()
    checks.append(DeviceCheck("files", "file store", not damaged,
                              "all files match their hashes" if not damaged else f"damaged: {damaged[:3]}"))
    count = len(core.procedures())
    checks.append(DeviceCheck("catalog", "procedures", count > 0,
                              f"{count} procedures" if count else "empty: run 'counter-app catalog import FILE'"))
    office = core.settings().office
    checks.append(DeviceCheck("settings", "agency id", bool(AGENCY_ID.match(office.agency_id)),
                              f"{office.agency_id} ({office.agency_name})"))
    if device_checks is not None:
        checks.extend(device_checks(core))
    checks.append(DeviceCheck("sync", "provincial server", True, "not configured: this counter works offline"))
    core.workspace.close()
    return checks


def _writable(root: Path) -> DeviceCheck:
    try:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=root, prefix=".doctor-"):
            pass
        free = _free_mb(root)
        ok = free > 200
        return DeviceCheck("workspace", str(root), ok,
                           f"writable, {free} MB free" + ("" if ok else ": free some disk space"))
    except OSError as exc:
        return DeviceCheck("workspace", str(root), False, f"cannot write ({exc.strerror}): check permissions")


def _free_mb(root: Path) -> int:
    return shutil.disk_usage(root).free // (1024 * 1024)


def _encryption(root: Path, data_keys) -> DeviceCheck:
    from counter_app.security.rotation import status

    if data_keys is None:
        return DeviceCheck("encryption", "at rest", True, "not encrypted ('counter-app encryption enable' turns it on)")
    state = status(root)
    if state.complete:
        return DeviceCheck("encryption", "at rest", True, f"database and {state.files_total} files encrypted "
                                                           f"(key in the {state.protector})")
    return DeviceCheck("encryption", "at rest", False,
                       f"unfinished ({state.pending or 'plain parts left'}): run 'counter-app encryption "
                       f"{'rotate --data-key' if state.pending == 'rotate' else 'enable'}' again")


def _integrity(db_path: Path, key: bytes | None = None) -> DeviceCheck:
    try:
        connection = connect_raw(db_path, key)
        try:
            result = connection.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            connection.close()
    except database_errors() as exc:
        return DeviceCheck("database", "integrity", False, f"cannot read the database: {exc}")
    return DeviceCheck("database", "integrity", result == "ok",
                       "ok" if result == "ok" else f"damaged ({result}): restore a backup")
