"""National portal export (DongBoHoSoMC shape) from the real server's database."""
from __future__ import annotations

import json
import pytest

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest, MissingComponent
from counter_app.dossiers.lifecycle import Status
from counter_app.errors import InvalidInput
from sync.national_export import SERVICE, national_date, status_code
from sync.testing.counters import RECEIVED_AT, make_worker, receive
from sync.testing.fixtures import server  # noqa: F401 (fixture)
from tests.conftest import make_core


def export(server, tmp_path, *extra: str) -> list[dict]:
    out = tmp_path / f"export{len(list(tmp_path.glob('export*.json')))}.json"
    done = server.admin("export-national", "--out", str(out), *extra)
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def test_every_status_maps_to_its_national_code_and_nothing_else_does():
    assert {s: status_code(int(s)) for s in Status} == {
        Status.REGISTERED: 1, Status.RECEIVED: 2, Status.REFUSED: 3, Status.PROCESSING: 4,
        Status.SUPPLEMENT_REQUESTED: 5, Status.FINANCIAL_OBLIGATION: 6, Status.WITHDRAWN: 7,
        Status.STOPPED: 8, Status.PROCESSED: 9, Status.RETURNED: 10}
    for bad in (0, 11, -1):
        with pytest.raises(InvalidInput):
            status_code(bad)
    assert national_date("2026-11-25T09:05:07") == "20261125090507"
    assert national_date(None) == ""


def test_export_maps_every_field_and_says_isupdating_after_the_first_send(tmp_path, server):
    core = make_core(tmp_path / "ws")
    birth = receive(core, "Nguyễn Văn An", with_form=True)
    land = core.receive(IntakeRequest("1.004227", ApplicantInput(name="Công ty TNHH Hoa Lư", kind="organisation",
                                                                 id_number="027001234567"),
                                      received_at=RECEIVED_AT, missing=(MissingComponent("TP3", "Chưa có hợp đồng"),))).code
    core.dossiers.apply(birth, "transfer", transferred_to="Phòng Tư pháp")
    assert make_worker(core, server.url).run_once().ok

    [first] = export(server, tmp_path)
    assert (first["service"], first["isUpdating"]) == (SERVICE, False) == ("DongBoHoSoMC", False)
    records = {r["MaHoSo"]: r for r in first["data"]}
    assert set(records) == {birth, land}
    view = core.dossier(birth)
    form = next(d for d in view.documents if d.kind.startswith("form_"))
    assert records[birth] == {
        "MaHoSo": birth, "SoBienNhan": birth, "MaTTHC": "1.001193", "TenTTHC": "Đăng ký khai sinh",
        "MaLinhVuc": "Hộ tịch", "ChuHoSo": "Nguyễn Văn An", "LoaiDoiTuong": 1, "MaDoiTuong": "001099012345",
        "NgayTiepNhan": "20261125090000", "NgayHenTra": view.due_at.strftime("%Y%m%d%H%M%S"),
        "TrangThaiHoSo": 4, "HinhThuc": 1, "DonViXuLy": "Phòng Tư pháp",
        "TaiLieuNop": [
            {"MaThanhPhanHoSo": c.code, "TenTaiLieu": c.name, "LoaiBan": c.copy_kind, "SoLuong": c.count}
            for c in view.components if c.received] + [
            {"TenTepDinhKem": form.filename, "MaTepDinhKem": form.sha256, "DungLuong": form.size,
             "LoaiTaiLieu": form.kind}],
        "DanhSachGiayToKetQua": [],
    }
    assert len(records[birth]["TaiLieuNop"]) == 4  # three components received, one form
    land_record = records[land]
    assert (land_record["LoaiDoiTuong"], land_record["MaDoiTuong"], land_record["ChuHoSo"]) == (
        2, "027001234567", "Công ty TNHH Hoa Lư")
    assert land_record["TrangThaiHoSo"] == 5  # incomplete: supplement requested
    assert land_record["NgayHenTra"] == ""  # no appointment for an incomplete dossier
    assert land_record["DonViXuLy"] == "000.00.31.H41"  # not transferred: the receiving agency
    assert [t["MaThanhPhanHoSo"] for t in land_record["TaiLieuNop"]] == ["TP1", "TP2"]

    assert export(server, tmp_path) == []  # nothing changed since: nothing to send
    assert server.admin("set-status", birth, "9").returncode == 0
    [update] = export(server, tmp_path)
    assert update["isUpdating"] is True
    assert [(r["MaHoSo"], r["TrangThaiHoSo"]) for r in update["data"]] == [(birth, 9)]
    # --since re-sends everything changed since then, as updates; --dry-run records nothing.
    [again] = export(server, tmp_path, "--since", "2000-01-01", "--dry-run")
    assert again["isUpdating"] is True and {r["MaHoSo"] for r in again["data"]} == {birth, land}
    core.workspace.close()


def test_bad_since_is_a_clear_error(tmp_path, server):
    done = server.admin("export-national", "--out", str(tmp_path / "x.json"), "--since", "hôm qua")
    assert done.returncode != 0 and "--since" in done.stderr
    assert not (tmp_path / "x.json").exists()
    assert export(server, tmp_path) == []  # the server had no dossier, and the failed call broke nothing
