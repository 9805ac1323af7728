"""Officer accounts through the core API: passwords, lock-out, set-up mode, the role
matrix of every guarded action, province records, the account audit chain."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from counter_app.accounts import apply_province_accounts
from counter_app.accounts.audit import verify_account_chain
from counter_app.accounts.passwords import hash_password
from counter_app.core import CounterCore
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.errors import (
    AccountLocked,
    AccountRevoked,
    InvalidInput,
    LoginFailed,
    LoginRequired,
    PermissionDenied,
)
from counter_app.resources import resource_path
from counter_app.signing.jobs import SigningJobs
from counter_app.storage.models import AccountEvent, Officer
from counter_app.workspace import open_workspace
from tests.conftest import NOW, SAMPLE_PROCEDURES, make_core

PASSWORDS = {"admin": "admin-pass-1", "leader": "leader-pass-1", "officer": "officer-pass-1"}
NAMES = {"admin": "Lê Văn Quản", "leader": "Phạm Thị Lan", "officer": "Trần Thị Mai"}


def add_role_accounts(core: CounterCore) -> None:
    for role, password in PASSWORDS.items():
        core.accounts.create(role, NAMES[role], password, [role])


class Clock:
    def __init__(self, now: datetime = NOW):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def request(name: str = "Nguyễn Văn An") -> IntakeRequest:
    return IntakeRequest("1.004227", ApplicantInput(name=name, id_number="037099012345"),
                         received_at=datetime(2026, 11, 25, 9, 0))


# -- passwords ---------------------------------------------------------------------------


def test_passwords_are_stored_as_argon2id_hashes(tmp_path):
    core = make_core(tmp_path / "ws")
    core.accounts.create("mai", "Trần Thị Mai", "a-good-password", ["officer"])
    with core.workspace.db.read() as session:
        stored = session.scalar(select(Officer.password_hash).where(Officer.username == "mai"))
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert "a-good-password" not in stored
    assert stored != hash_password("a-good-password")  # salted


def test_short_password_unknown_role_and_bad_user_name_are_refused(tmp_path):
    core = make_core(tmp_path / "ws")
    with pytest.raises(InvalidInput, match="at least 8"):
        core.accounts.create("mai", "Mai", "short", ["officer"])
    with pytest.raises(InvalidInput, match="Unknown role"):
        core.accounts.create("mai", "Mai", "long-enough", ["chief"])
    with pytest.raises(InvalidInput, match="not valid"):
        core.accounts.create("Mai Tran", "Mai", "long-enough", ["officer"])
    assert core.accounts.list() == [] and core.setup_mode()  # nothing written


# -- login -------------------------------------------------------------------------------


@pytest.fixture
def accounts_core(tmp_path):
    clock = Clock()
    core = make_core(tmp_path / "ws", clock=clock)
    add_role_accounts(core)
    core.clock_control = clock
    yield core
    core.workspace.close()


def test_login_ok_sets_the_principal_and_signs_the_work(accounts_core):
    principal = accounts_core.login("  Officer ", PASSWORDS["officer"])
    assert principal.username == "officer" and principal.roles == ("officer",)
    view = accounts_core.receive(request())
    assert view.events[-1].officer == "Trần Thị Mai"


def test_wrong_password_and_unknown_user_fail_alike(accounts_core):
    with pytest.raises(LoginFailed) as wrong:
        accounts_core.login("officer", "not-the-password")
    with pytest.raises(LoginFailed) as unknown:
        accounts_core.login("nobody", "not-the-password")
    assert type(wrong.value) is type(unknown.value) is LoginFailed
    assert wrong.value.message == unknown.value.message
    assert accounts_core.principal is None
    with pytest.raises(LoginRequired):
        accounts_core.receive(request())


def test_lock_out_after_wrong_passwords_then_cool_down(accounts_core):
    core = accounts_core
    tries = []
    for _ in range(4):
        with pytest.raises(LoginFailed) as failed:
            core.login("officer", "wrong-password")
        assert type(failed.value) is LoginFailed
        tries.append(failed.value.details["tries_left"])
    assert tries == [None, None, 2, 1]  # the warning comes near the end
    with pytest.raises(AccountLocked):
        core.login("officer", "wrong-password")
    with pytest.raises(AccountLocked) as locked:
        core.login("officer", PASSWORDS["officer"])  # even the right password waits
    assert locked.value.details["until"] == NOW + timedelta(minutes=5)
    # The lock-out is stored: another process (a new core) sees it too.
    other = CounterCore(open_workspace(core.workspace.root), clock=core.clock)
    with pytest.raises(AccountLocked):
        other.login("officer", PASSWORDS["officer"])
    core.clock_control.now = NOW + timedelta(minutes=5, seconds=1)
    assert core.login("officer", PASSWORDS["officer"]).username == "officer"
    # Other accounts were never affected.
    assert other.login("leader", PASSWORDS["leader"]).username == "leader"


def test_revoked_account_cannot_log_in_and_its_session_ends(accounts_core):
    core = accounts_core
    core.login("officer", PASSWORDS["officer"])
    core.accounts.revoke("officer", actor="admin")
    with pytest.raises(AccountRevoked):
        core.receive(request())  # already logged in: refused at the next action
    assert core.principal is None
    with pytest.raises(AccountRevoked):
        core.login("officer", PASSWORDS["officer"])
    with pytest.raises(LoginFailed):
        core.login("officer", "wrong-password")  # a revoked account does not confirm a wrong guess


def test_lock_and_switch_officer(accounts_core):
    core = accounts_core
    core.login("officer", PASSWORDS["officer"])
    core.lock()
    assert core.locked
    with pytest.raises(LoginRequired):
        core.receive(request())
    core.login("leader", PASSWORDS["leader"])  # another officer takes the counter
    assert not core.locked and core.principal.username == "leader"
    assert core.receive(request()).events[-1].officer == "Phạm Thị Lan"
    core.logout()
    with pytest.raises(LoginRequired):
        core.statistics(date(2026, 11, 1), date(2026, 11, 30))


# -- set-up mode -------------------------------------------------------------------------


def test_a_workspace_without_accounts_works_as_before(tmp_path):
    core = make_core(tmp_path / "ws")
    assert core.setup_mode() and core.principal is None
    view = core.receive(request())
    assert view.events[-1].officer == "Trần Thị Mai"  # the settings' officer name, as before
    core.save_settings(core.settings())
    assert core.statistics(date(2026, 11, 1), date(2026, 11, 30)) == {2: 1}


def test_set_up_mode_ends_for_good(tmp_path):
    core = make_core(tmp_path / "ws")
    admin = core.create_first_admin("quantri", "Lê Văn Quản", "admin-pass-1")
    assert admin.roles == ("admin",) and core.principal == admin and not core.setup_mode()
    with pytest.raises(PermissionDenied):
        core.create_first_admin("other", "Someone", "other-pass-1")
    # Even with every account gone, a fresh start does not reopen set-up mode.
    with core.workspace.db.write() as session:
        session.execute(update(Officer).values(revoked=True))
        session.query(Officer).delete()
    reopened = CounterCore(open_workspace(core.workspace.root), clock=core.clock)
    assert not reopened.setup_mode()
    with pytest.raises(LoginRequired):
        reopened.import_procedures(SAMPLE_PROCEDURES, source="t", allow_unchanged=True)


# -- the role matrix ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def matrix_core(tmp_path_factory):
    core = make_core(tmp_path_factory.mktemp("matrix") / "ws")
    add_role_accounts(core)
    yield core
    core.workspace.close()


def _new_dossier(core, *, transferred: bool = False) -> str:
    services = core.dossiers.unguarded  # set-up data, not what is being checked
    code = services.receive(request()).code
    if transferred:
        services.apply(code, "transfer", transferred_to="Tư pháp")
    return code


def _sign(kind: str):
    def sign(core):
        code = _new_dossier(core)
        return SigningJobs(core).record(code, kind, b"%PDF-1.7\n%test\n", filename=f"{kind}.pdf", signer="Lan",
                                        signed_at=NOW)
    return sign


ACTIONS = {
    "receive": lambda core: core.receive(request()),
    "transfer": lambda core: core.dossiers.apply(_new_dossier(core), "transfer", transferred_to="Tư pháp"),
    "print_form": lambda core: core.issue_form(_new_dossier(core), "01", keep=False),
    "print_register": lambda core: core.render_register(date(2026, 11, 1), date(2026, 11, 30)),
    "queue_counter": lambda core: (core.queue.open_session(5), core.queue.close_session(5)),
    "approve_result": lambda core: core.dossiers.apply(_new_dossier(core, transferred=True), "result_ready"),
    "sign_receipt": _sign("form_01"),  # the receiving officer signs the intake papers
    "sign_result": _sign("result"),
    "statistics": lambda core: core.statistics(date(2026, 11, 1), date(2026, 11, 30)),
    "import_catalog": lambda core: core.import_procedures(SAMPLE_PROCEDURES, source="t", allow_unchanged=True),
    "import_calendar": lambda core: core.import_calendar(resource_path("calendar", "2026.json")),
    "save_settings": lambda core: core.save_settings(core.settings()),
    "queue_set_up": lambda core: core.queue.save_policy(core.queue.policy()),
    "manage_users": lambda core: core.officers(),
}

# The issue's table, written out here (not read from the code): who may do what.
ALLOWED = {
    "officer": {"receive", "transfer", "print_form", "print_register", "queue_counter", "sign_receipt"},
    "leader": {"receive", "transfer", "print_form", "print_register", "queue_counter", "sign_receipt",
               "approve_result", "sign_result", "statistics"},
    "admin": {"receive", "transfer", "print_form", "print_register", "queue_counter", "sign_receipt",
              "import_catalog", "import_calendar", "save_settings", "queue_set_up", "manage_users"},
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_role_matrix(matrix_core, role, action):
    core = matrix_core
    core.login(role, PASSWORDS[role])
    try:
        if action in ALLOWED[role]:
            ACTIONS[action](core)
        else:
            with pytest.raises(PermissionDenied) as denied:
                ACTIONS[action](core)
            assert type(denied.value) is PermissionDenied and denied.value.details["permission"]
    finally:
        core.logout()


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_nothing_guarded_runs_without_login(matrix_core, action):
    with pytest.raises(LoginRequired):
        ACTIONS[action](matrix_core)


def test_denied_actions_change_nothing(accounts_core):
    core = accounts_core
    core.login("officer", PASSWORDS["officer"])
    changed = core.settings()
    changed.office.agency_name = "Changed"
    with pytest.raises(PermissionDenied):
        core.save_settings(changed)
    reopened = CounterCore(open_workspace(core.workspace.root), clock=core.clock)
    assert reopened.settings().office.agency_name == "UBND phường Hoa Lư"


def test_reading_stays_open_without_login(matrix_core):
    assert matrix_core.find_procedures("khai sinh")
    assert matrix_core.queue.status() is not None


# -- province records --------------------------------------------------------------------


def test_province_accounts_and_revocations(accounts_core):
    core = accounts_core
    record = {"username": "hoa.nt", "version": 1, "display_name": "Nguyễn Thị Hoa", "roles": ["officer"],
              "password_hash": hash_password("province-pass-1")}
    with core.workspace.db.write() as session:
        report = apply_province_accounts(session, [record], now=NOW)
    assert report.created == ("hoa.nt",)
    assert core.login("hoa.nt", "province-pass-1").display_name == "Nguyễn Thị Hoa"
    # The province revokes her and an older replay of her record arrives after: still revoked.
    with core.workspace.db.write() as session:
        revoked = apply_province_accounts(session, [{"username": "hoa.nt", "version": 2, "revoked": True}], now=NOW)
        stale = apply_province_accounts(session, [record], now=NOW)
    assert revoked.revoked == ("hoa.nt",) and stale.skipped == ("hoa.nt",)
    with pytest.raises(AccountRevoked):
        core.receive(request())
    with pytest.raises(AccountRevoked):
        core.login("hoa.nt", "province-pass-1")
    # A revocation of a local account works the same way.
    with core.workspace.db.write() as session:
        apply_province_accounts(session, [{"username": "officer", "version": 1, "revoked": True}], now=NOW)
    with pytest.raises(AccountRevoked):
        core.login("officer", PASSWORDS["officer"])


@pytest.mark.parametrize("bad", [
    {"username": "x1", "version": 1, "display_name": "X", "roles": ["officer"], "password_hash": "plain-text"},
    {"username": "x1", "version": 0, "revoked": True},
    {"username": "x1", "version": 1, "display_name": "X", "roles": ["king"],
     "password_hash": "$argon2id$v=19$m=1,t=1,p=1$a$b"},
    {"username": "x1", "version": 1, "roles": ["officer"]},
    "not a record",
])
def test_bad_province_records_apply_nothing(accounts_core, bad):
    good = {"username": "good.one", "version": 1, "display_name": "Good", "roles": ["officer"],
            "password_hash": hash_password("good-pass-1")}
    with pytest.raises(InvalidInput):
        with accounts_core.workspace.db.write() as session:
            apply_province_accounts(session, [good, bad], now=NOW)
    assert "good.one" not in {v.username for v in accounts_core.accounts.list()}


def test_province_accounts_end_set_up_mode(tmp_path):
    core = make_core(tmp_path / "ws")
    with core.workspace.db.write() as session:
        apply_province_accounts(session, [{"username": "lan", "version": 3, "display_name": "Lan",
                                           "roles": ["leader"], "password_hash": hash_password("leader-pass-1")}])
    assert not core.setup_mode()


# -- audit -------------------------------------------------------------------------------


def test_account_events_are_chained_and_tampering_shows(accounts_core):
    core = accounts_core
    core.login("admin", PASSWORDS["admin"])
    with pytest.raises(LoginFailed):
        core.login("officer", "wrong-password")
    core.login("admin", PASSWORDS["admin"])
    core.set_officer_roles("officer", ["officer", "leader"])
    core.lock()
    with core.workspace.db.read() as session:
        kinds = [(e.kind, e.username) for e in session.scalars(select(AccountEvent).order_by(AccountEvent.id))]
        assert verify_account_chain(session) == []
    assert kinds[:3] == [("created", "admin"), ("created", "leader"), ("created", "officer")]
    assert kinds[3:] == [("login", "admin"), ("login_failed", "officer"), ("login", "admin"),
                         ("roles_changed", "officer"), ("screen_locked", "admin")]
    with core.workspace.db.write() as session:
        event = session.scalar(select(AccountEvent).where(AccountEvent.kind == "roles_changed"))
        event.detail = {"from": ["officer"], "to": ["admin"]}
    with core.workspace.db.read() as session:
        assert verify_account_chain(session) == [event.id]


def test_demo_accounts_log_in_with_their_documented_passwords(tmp_path):
    from counter_app.accounts.demo import DEMO_ACCOUNTS, create_demo_accounts

    core = make_core(tmp_path / "ws")
    assert create_demo_accounts(core) == ["admin", "leader", "officer"]
    assert not core.setup_mode()
    for username, name, roles, password in DEMO_ACCOUNTS:
        principal = core.login(username, password)
        assert (principal.display_name, principal.roles) == (name, roles)
