"""The national export (DongBoHoSoMC) served over HTTP by the reference server: same records
as the CLI export, paged by a cursor, and only for a caller with a credential."""
from __future__ import annotations

import json

import pytest
import requests

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest, MissingComponent
from sync.national_export import SERVICE
from sync.testing.counters import RECEIVED_AT, fast_client, make_worker, receive
from sync.testing.server_process import ServerProcess
from tests.conftest import make_core

PATH = "/api/v1/export/dong-bo-ho-so"
EXPORT_KEY = "khoa-xuat-du-lieu-cua-tinh"


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request, tmp_path, monkeypatch):
    monkeypatch.setenv("COUNTER_APP_EXPORT_KEY", EXPORT_KEY)  # the server process inherits it
    url = request.getfixturevalue("pg_cluster").new_database() if request.param == "postgresql" else None
    process = ServerProcess(tmp_path / "province", db_url=url).start()
    yield process
    process.stop()


def token_of(server, agency: str = "000.00.31.H41", slot: int = 1) -> tuple[str, int]:
    answer = fast_client(server.url).register(name="Máy xuất", agency_id=agency, slot=slot)
    return answer["token"], answer["workstation_id"]


def page(server, token: str | None, since: int = 0, limit: int = 100, cursor: int | None = None) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    params = {"since": since, "limit": limit, **({"cursor": cursor} if cursor is not None else {})}
    return requests.get(f"{server.url}{PATH}", params=params, headers=headers, timeout=15)


def read_all(server, token: str, since: int = 0, limit: int = 1) -> tuple[list[dict], int, int]:
    """One sweep from ``since``, page by page; returns (bodies, where it ended, pages read)."""
    bodies, pages, cursor = [], 0, since
    while True:
        answer = page(server, token, since, limit, cursor)
        assert answer.status_code == 200, answer.text
        data = answer.json()
        pages += 1
        assert data["next_cursor"] >= cursor and data["since"] == since
        bodies += data["bodies"]
        cursor = data["next_cursor"]
        if not data["more"]:
            return bodies, cursor, pages


def records(bodies: list[dict], updating: bool) -> dict[str, dict]:
    found = {}
    for body in bodies:
        assert body["service"] == SERVICE
        if body["isUpdating"] is updating:
            found |= {r["MaHoSo"]: r for r in body["data"]}
    return found


def cli_export(server, tmp_path) -> list[dict]:
    out = tmp_path / f"cli{len(list(tmp_path.glob('cli*.json')))}.json"
    done = server.admin("export-national", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def synced_counter(tmp_path, server):
    core = make_core(tmp_path / "ws")
    birth = receive(core, "Nguyễn Văn An", with_form=True)
    company = ApplicantInput(name="Công ty TNHH Hoa Lư", kind="organisation", id_number="027001234567")
    land = core.receive(IntakeRequest("1.004227", company, received_at=RECEIVED_AT,
                                      missing=(MissingComponent("TP3", "Chưa có hợp đồng"),))).code
    third = receive(core, "Lê Thị Bình")
    core.dossiers.apply(birth, "transfer", transferred_to="Phòng Tư pháp")
    assert make_worker(core, server.url).run_once().ok
    return core, birth, land, third


def test_http_export_pages_hold_the_cli_records_and_then_only_what_changed(tmp_path, server):
    core, birth, land, third = synced_counter(tmp_path, server)
    token, _ = token_of(server)
    bodies, cursor, pages = read_all(server, token, limit=1)
    assert pages == 3  # one dossier per page, the last page says there is no more
    assert records(bodies, updating=True) == {}
    served = records(bodies, updating=False)
    [cli] = cli_export(server, tmp_path)  # the CLI's first export: every dossier is new
    assert cli["isUpdating"] is False
    assert served == {r["MaHoSo"]: r for r in cli["data"]}
    assert set(served) == {birth, land, third}
    assert served[birth]["TrangThaiHoSo"] == 4 and served[land]["TrangThaiHoSo"] == 5

    # Reading is read-only and repeatable; from the last cursor nothing is left.
    assert records(read_all(server, token, limit=2)[0], updating=False) == served
    assert records(read_all(server, token, limit=50)[0], updating=False) == served
    assert page(server, token, cursor).json() == {"bodies": [], "since": cursor, "next_cursor": cursor, "more": False}

    # The province moves one dossier on: from the cursor, just that one, as an update.
    assert server.admin("set-status", birth, "9").returncode == 0
    later, newer_cursor, _ = read_all(server, token, cursor)
    assert newer_cursor > cursor
    assert records(later, updating=False) == {}
    [update] = cli_export(server, tmp_path)
    assert update["isUpdating"] is True
    assert records(later, updating=True) == {r["MaHoSo"]: r for r in update["data"]}
    assert [(r["MaHoSo"], r["TrangThaiHoSo"]) for r in update["data"]] == [(birth, 9)]
    # From 0 every dossier is new again, with its current status.
    assert records(read_all(server, token)[0], updating=False)[birth]["TrangThaiHoSo"] == 9
    core.workspace.close()


def test_the_export_needs_a_credential_and_a_workstation_sees_only_its_office(tmp_path, server):
    core, birth, land, third = synced_counter(tmp_path, server)
    refused = page(server, None)
    assert refused.status_code == 401 and refused.json()["detail"]["code"] == "unauthenticated"
    assert page(server, "not-a-token").status_code == 401
    # Another office's workstation sees none of these dossiers; the province's key sees them all.
    other, _ = token_of(server, agency="000.00.32.H41", slot=1)
    assert page(server, other).json() == {"bodies": [], "since": 0, "next_cursor": 0, "more": False}
    everything = records(read_all(server, EXPORT_KEY, limit=10)[0], updating=False)
    assert set(everything) == {birth, land, third}
    # A revoked workstation is refused with the reason.
    token, workstation_id = token_of(server, slot=2)
    assert page(server, token).status_code == 200
    assert server.admin("revoke", str(workstation_id)).returncode == 0
    revoked = page(server, token)
    assert revoked.status_code == 403 and revoked.json()["detail"]["code"] == "revoked"
    # Bad paging parameters are refused, not guessed.
    assert page(server, EXPORT_KEY, limit=0).status_code == 422
    assert page(server, EXPORT_KEY, cursor=-1).status_code == 422
    assert page(server, EXPORT_KEY, since=-1).status_code == 422
    core.workspace.close()


def test_the_export_is_in_the_openapi_document(server):
    document = requests.get(f"{server.url}/openapi.json", timeout=10).json()
    operation = document["paths"][PATH]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"since", "cursor", "limit"}
    assert "401" in operation["responses"]
