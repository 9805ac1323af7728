"""Named scan profiles per document type: settings, per-paper defaults, and ``counter-app scan --profile``."""
from __future__ import annotations

import io
import json
from datetime import datetime

import pypdf
import pytest

from counter_app import cli
from counter_app.capture.profiles import (
    DEFAULT_PROFILES,
    find_profile,
    page_size_name,
    profile_for_component,
    profile_from_dict,
    profile_to_dict,
    scan_profiles,
)
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.errors import InvalidInput, UnknownScanProfile
from counter_app.ports import ScanMode, ScanProfile, ScanSource
from counter_app.settings import set_value
from devices.capture_cli import capture_commands
from ui.messages import MESSAGES

HOUSEHOLD = ScanProfile("Sổ hộ khẩu màu", ScanSource.FLATBED, 300, ScanMode.COLOR, (148.0, 210.0))


def run(argv, capsys):
    code = cli.main(argv, extra=capture_commands())
    out = capsys.readouterr()
    return code, out.out, out.err


def test_profiles_are_found_by_name_without_accents_or_by_short_name():
    profiles = list(DEFAULT_PROFILES)
    assert find_profile(profiles, "Giấy tờ hai mặt").source is ScanSource.DUPLEX
    assert find_profile(profiles, "giay to  A4 den trang").mode is ScanMode.LINEART
    assert find_profile(profiles, "photo").name == "Ảnh/thẻ màu"
    # A short name follows the settings when they redefine the profile it names.
    redefined = [ScanProfile("Giấy tờ A4 thang xám", ScanSource.FLATBED, 150, ScanMode.GRAY)]
    assert find_profile(redefined, "document").resolution == 150
    assert find_profile([HOUSEHOLD], "document") == DEFAULT_PROFILES[1]  # removed from settings: built-in
    with pytest.raises(UnknownScanProfile) as caught:
        find_profile([HOUSEHOLD], "Ảnh thẻ")
    assert caught.value.details["available"] == ["Sổ hộ khẩu màu"] and "Sổ hộ khẩu màu" in caught.value.message


def test_page_sizes_by_name_and_round_trip():
    a5 = profile_from_dict({"name": "Giấy A5", "page_size": "A5", "source": "adf"})
    assert a5.page_size_mm == (148.0, 210.0) and page_size_name(a5) == "A5"
    assert page_size_name(profile_from_dict({"name": "Thư", "page_size": "Letter"})) == "Letter"
    assert page_size_name(HOUSEHOLD) == "A5"
    odd = ScanProfile("Biên lai", page_size_mm=(80.0, 120.0))
    assert page_size_name(odd) == "80×120 mm"
    assert profile_from_dict(profile_to_dict(odd)) == odd
    with pytest.raises(InvalidInput):
        profile_from_dict({"name": "x", "page_size": "B9"})


def test_paper_defaults_and_network_scanners_are_validated_settings(core):
    settings = core.settings()
    settings.devices.scan_profiles = [profile_to_dict(p) for p in (*DEFAULT_PROFILES, HOUSEHOLD)]
    settings.devices.scan_profile_defaults = {"Giấy chứng sinh": "Sổ hộ khẩu màu"}
    settings.devices.escl_scanners = ["escl://192.168.1.20:80"]
    core.save_settings(settings)
    devices = core.settings().devices
    profiles = scan_profiles(devices.scan_profiles)
    assert profile_for_component(profiles, devices.scan_profile_defaults, "giấy chứng  sinh") == HOUSEHOLD
    assert profile_for_component(profiles, devices.scan_profile_defaults, "Tờ khai") is None
    with pytest.raises(UnknownScanProfile):
        set_value(core.settings(), "devices.scan_profile_defaults", '{"Giấy chứng sinh": "Không có"}')
    with pytest.raises(InvalidInput):
        set_value(core.settings(), "devices.scan_profile_defaults", '["not", "a", "map"]')
    with pytest.raises(InvalidInput):
        set_value(core.settings(), "devices.escl_scanners", '["http://192.168.1.20"]')


def test_cli_lists_profiles_and_scans_with_the_papers_default(core, tmp_path, capsys):
    settings = core.settings()
    settings.devices.scan_profiles = [profile_to_dict(p) for p in (*DEFAULT_PROFILES, HOUSEHOLD)]
    settings.devices.scan_profile_defaults = {"Giấy chứng sinh": "Sổ hộ khẩu màu"}
    core.save_settings(settings)
    view = core.receive(IntakeRequest(procedure_code="1.001193", received_at=datetime(2026, 11, 25, 9, 0),
                                      applicant=ApplicantInput(name="Nguyễn Văn An")))
    core.workspace.close()
    workspace = ["--workspace", str(core.workspace.root)]
    code, out, err = run(["scan", "profiles", "--json", *workspace], capsys)
    assert code == 0, err
    rows = {row["name"]: row for row in json.loads(out)}
    assert rows["Sổ hộ khẩu màu"]["default_for"] == ["Giấy chứng sinh"]
    assert rows["Sổ hộ khẩu màu"]["page_size"] == "A5" and rows["Giấy tờ hai mặt"]["alias"] == "duplex"
    code, out, _ = run(["scan", "profiles", *workspace], capsys)
    assert "Sổ hộ khẩu màu: flatbed, color, 300 dpi, A5 (default for: Giấy chứng sinh)" in out
    # TP2 is "Giấy chứng sinh": scanned in colour from the glass without naming a profile.
    code, out, err = run(["scan", "--device", "sim:", "--dossier", view.code, "--component", "TP2", "--json",
                          *workspace], capsys)
    assert code == 0, err
    assert json.loads(out)["profile"] == "Sổ hộ khẩu màu" and json.loads(out)["pages"] == 1
    out_pdf = tmp_path / "bw.pdf"
    code, out, err = run(["scan", "--device", "sim:", "--profile", "giay to a4 den trang", "--pages", "2",
                          "--out", str(out_pdf), "--json", *workspace], capsys)
    assert code == 0, err
    assert json.loads(out)["profile"] == "Giấy tờ A4 đen trắng"
    assert len(pypdf.PdfReader(io.BytesIO(out_pdf.read_bytes())).pages) == 2
    code, _, err = run(["scan", "--device", "sim:", "--profile", "Ảnh hộ chiếu", "--out", str(out_pdf),
                        "--json", *workspace], capsys)
    error = json.loads(err)
    assert code == 1 and error["error"] == "scan_profile_unknown" and "Sổ hộ khẩu màu" in error["message"]
    code, _, err = run(["scan", "--out", str(out_pdf), *workspace], capsys)
    assert code == 1 and "--device" in err


def test_cli_scans_from_the_simulated_document_camera(tmp_path, capsys):
    out_pdf = tmp_path / "camera.pdf"
    code, out, err = run(["scan", "--device", "camera:sim", "--profile", "single", "--out", str(out_pdf),
                          "--json", "--workspace", str(tmp_path / "none")], capsys)
    assert code == 0, err
    assert json.loads(out)["pages"] == 1
    assert len(pypdf.PdfReader(io.BytesIO(out_pdf.read_bytes())).pages) == 1


def test_new_error_codes_have_messages_for_the_officer():
    for code in ("scanner_busy", "scanner_disconnected", "scan_feeder_empty", "scan_profile_unknown",
                 "qr_reader", "qr_reader_not_found"):
        assert code in MESSAGES


# -- the editor dialog and the scan dialog (offscreen Qt) ----------------------------------


def _dialog(qtbot, core):
    from ui import i18n
    from ui.scan_profiles_dialog import ScanProfilesDialog
    from ui.workers import TaskRunner

    i18n.install("en")
    runner = TaskRunner(synchronous=True)
    dialog = ScanProfilesDialog(core, runner)
    dialog._test_runner = runner
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    from ui.qt import QApplication

    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_profiles_editor_adds_changes_and_deletes_by_keyboard(qtbot, core):
    from ui.qt import QApplication, Qt

    dialog = _dialog(qtbot, core)
    assert dialog.list.count() == len(DEFAULT_PROFILES)
    qtbot.keyClick(dialog, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # Ne&w (an animated click)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name_edit, timeout=5000)
    assert dialog.name_edit.text() == "" and dialog.list.currentRow() == -1
    dialog.name_edit.insert("Sổ hộ khẩu màu")  # QTest types Latin-1 only: Vietnamese goes in as text
    dialog.source_box.setCurrentIndex(dialog.source_box.findData("flatbed"))
    dialog.resolution_box.setValue(300)
    dialog.mode_box.setCurrentIndex(dialog.mode_box.findData("color"))
    dialog.size_box.setCurrentIndex(dialog.size_box.findData("A5"))
    dialog.papers_edit.insert("Giấy chứng sinh; Sổ hộ khẩu")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Save
    qtbot.waitUntil(lambda: dialog.banner.kind == "ok", timeout=5000)
    devices = core.settings().devices
    assert scan_profiles(devices.scan_profiles)[-1] == HOUSEHOLD
    assert devices.scan_profile_defaults == {"Giấy chứng sinh": "Sổ hộ khẩu màu", "Sổ hộ khẩu": "Sổ hộ khẩu màu"}
    assert dialog.banner.kind == "ok" and dialog.list.currentItem().text().startswith("Sổ hộ khẩu màu")
    # A second profile with a name already taken is refused, and nothing is saved.
    dialog.new_profile()
    dialog.name_edit.insert("Ảnh/thẻ màu")
    dialog.save_current()
    assert dialog.banner.kind == "error" and len(core.settings().devices.scan_profiles) == 6
    # Rename the selected profile: its papers follow it.
    dialog.list.setCurrentRow(5)
    dialog.name_edit.setText("Sổ hộ khẩu")
    dialog.save_current()
    assert set(core.settings().devices.scan_profile_defaults.values()) == {"Sổ hộ khẩu"}
    dialog.list.setFocus()
    dialog.list.setCurrentRow(5)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Delete)
    devices = core.settings().devices
    assert len(devices.scan_profiles) == 5 and devices.scan_profile_defaults == {}
    for _ in range(5):
        dialog.list.setCurrentRow(0)
        dialog.delete_current()
    assert dialog.list.count() == len(DEFAULT_PROFILES)  # none left: the built-in ones are back


def test_scan_dialog_scans_from_escl_with_the_papers_default_profile(qtbot, core):
    from devices.scanners.escl_test_server import EsclTestServer
    from devices.scanners.wiring import gui_scanning
    from ui import i18n
    from ui.scan_dialog import ScanDialog
    from ui.scan_profile_picker import follow_paper_defaults
    from ui.workers import TaskRunner

    i18n.install("en")
    dossier = core.receive(IntakeRequest(procedure_code="1.001193", received_at=datetime(2026, 11, 25, 9, 0),
                                         applicant=ApplicantInput(name="Nguyễn Văn An")))
    with EsclTestServer(pages=2) as server:
        options = gui_scanning(simulated=False, escl_devices=[server.uri])
        scanners = {"escl": options["scanners"]["escl"]}
        runners = TaskRunner(synchronous=True), TaskRunner(synchronous=True)
        dialog = ScanDialog(core, *runners, dossier, "TP1", scanners=scanners)
        dialog._test_runners = runners
        qtbot.addWidget(dialog)
        settings = core.settings()
        settings.devices.scan_profile_defaults = {"Giấy chứng sinh": "Giấy tờ hai mặt",
                                                  "Tờ khai đăng ký khai sinh": "Giấy tờ A4 thang xám"}
        core.save_settings(settings)
        follow_paper_defaults(dialog, lambda: core.settings().devices.scan_profile_defaults, runners[0])
        assert dialog.current_profile.name == "Giấy tờ A4 thang xám"
        assert [d.device for d in dialog.devices] == [server.uri]
        dialog.select_component("TP2")  # the birth certificate: both sides
        assert dialog.current_profile.name == "Giấy tờ hai mặt"
        dialog.scan()
        assert len(dialog.pages("TP2")) == 4  # two sheets, both sides, page by page into the strip
        assert next(iter(server.jobs.values())).settings["duplex"] is True
        dialog.select_component("TP3")  # no default: the officer's choice stays
        assert dialog.current_profile.name == "Giấy tờ hai mặt"
        dialog.select_component("TP2")
        dialog.save()
    assert any(d.filename == f"TP2_{dossier.code}_4p.pdf" for d in core.dossier(dossier.code).documents)
