"""Token insertion and removal with the real SoftHSM2 module: a token is "plugged in" by
initialising a new one in the test token store and "pulled out" by deleting its folder.
The dossier screen shows the token state; a removed token forgets the cached PIN."""
from __future__ import annotations

import shutil
import subprocess
from datetime import datetime

import pytest

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from devices.signing.pkcs11_tokens import Pkcs11Module
from devices.signing.token_watcher import TokenWatcher
from tests.softhsm import OFFICER, SO_PIN, hsm  # noqa: F401  (fixture)
from ui.application import create_main_window
from ui.qt import QCoreApplication

SPARE = "CAM-VAO"


@pytest.fixture
def spare(hsm):  # noqa: F811
    """Plug in / pull out a spare token; whatever happens, it is gone after the test."""

    class Spare:
        def plug_in(self):
            subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", SPARE, "--pin", "999999",
                            "--so-pin", SO_PIN], env=hsm.env(), check=True, capture_output=True, timeout=60)

        def pull_out(self):
            shutil.rmtree(hsm.token_dir(SPARE))

    yield Spare()
    try:
        shutil.rmtree(hsm.token_dir(SPARE))
    except LookupError:
        pass
    Pkcs11Module(hsm.module).rescan()


def test_first_poll_lists_the_tokens_then_insertion_and_removal_are_reported(hsm, spare):  # noqa: F811
    watcher = TokenWatcher(hsm.module)
    seen = []
    watcher.on_event = seen.append

    first, = watcher.poll()
    assert first.kind == "present" and set(first.present) == set(hsm.tokens)
    assert watcher.poll() == []  # nothing changed

    spare.plug_in()
    inserted, = watcher.poll()
    assert (inserted.kind, inserted.label) == ("inserted", SPARE) and SPARE in inserted.present

    spare.pull_out()
    removed, = watcher.poll()
    assert (removed.kind, removed.label, removed.serial) == ("removed", SPARE, inserted.serial)
    assert SPARE not in removed.present and seen == [first, inserted, removed]


def test_removal_is_seen_while_a_signing_session_holds_the_module(hsm, spare):  # noqa: F811
    module = Pkcs11Module(hsm.module)
    spare.plug_in()
    watcher = TokenWatcher(hsm.module)
    watcher.poll()
    assert SPARE in watcher.present.values()
    session = module.login(module.find_key(bytes.fromhex("01")).token, OFFICER.pin)  # no re-initialisation now
    try:
        spare.pull_out()
        removed, = watcher.poll()
    finally:
        module.logout(session)
    assert (removed.kind, removed.label) == ("removed", SPARE) and OFFICER.label in removed.present


def test_a_missing_module_is_a_typed_error_not_a_crash(tmp_path):
    from counter_app.errors import TokenNotFound

    with pytest.raises(TokenNotFound):
        TokenWatcher(str(tmp_path / "no-such-module.so")).poll()


@pytest.fixture
def detail(core, qtbot):
    code = core.receive(IntakeRequest(procedure_code="1.004227", received_at=datetime(2026, 11, 25, 9, 5),
                                      applicant=ApplicantInput(name="Nguyễn Văn An", phone="0912345678"))).code
    core.issue_form(code, "01")
    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)
    window.show()
    window.open_dossier(code)
    return window.detail


def test_screen_shows_the_token_and_a_pulled_token_forgets_the_cached_pin(hsm, spare, detail, qtbot):  # noqa: F811
    from devices.signing.pkcs11_signer import TokenSigner

    watcher = TokenWatcher(hsm.module, interval=0.05)
    detail.set_signing(TokenSigner(hsm.module, "01"), lambda path: [], pin_minutes=5, token_watcher=watcher)
    detail.signing.pins.put(OFFICER.pin)  # typed for an earlier document
    tr = QCoreApplication.translate
    spare.plug_in()
    watcher.start()
    try:
        qtbot.waitUntil(lambda: detail.token_state.isVisible() and SPARE in detail.token_state.text(),
                        timeout=30_000)
        assert detail.signing.pins.get() == OFFICER.pin
        spare.pull_out()
        removed = tr("SigningActions", "Signing token removed: {label}. Plug it in again to sign.").format(label=SPARE)
        qtbot.waitUntil(lambda: detail.token_state.text() == removed, timeout=30_000)
    finally:
        watcher.stop()
    assert detail.signing.pins.get() is None


def test_forget_pin_clears_the_cache_as_the_idle_lock_asks(hsm, detail):  # noqa: F811
    from devices.signing.pkcs11_signer import TokenSigner

    detail.set_signing(TokenSigner(hsm.module, "01"), lambda path: [], pin_minutes=5)
    detail.signing.pins.put(OFFICER.pin)
    assert detail.signing.pins.get() == OFFICER.pin

    detail.signing.forget_pin()

    assert detail.signing.pins.get() is None
