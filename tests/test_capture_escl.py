"""The eSCL (AirScan) adapter against a real loopback eSCL server over real sockets.

The server serves pages scanned by SANE's ``test`` backend (through the project's SANE
adapter) or the simulated scanner's rendered forms; faults (busy, jam, vanishing
scanner) are the server's, the client is the real adapter.
"""
from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from counter_app import cli
from counter_app.capture import pages_to_pdf
from counter_app.errors import (
    InvalidInput,
    ScanCancelled,
    ScanFeederEmpty,
    ScannerBusy,
    ScannerDisconnected,
    ScannerError,
    ScannerJammed,
    ScannerNotFound,
)
from counter_app.ports import CancelToken, Scanner, ScanMode, ScanProfile, ScanSource
from devices.capture_cli import capture_commands
from devices.scanners.escl import EsclScanner, base_url
from devices.scanners.escl_test_server import EsclTestServer
from devices.scanners.escl_xml import parse_capabilities, parse_status, plan_job

FEEDER = ScanProfile("feeder", ScanSource.ADF, 100, ScanMode.GRAY)
GLASS = ScanProfile("glass", ScanSource.FLATBED, 100, ScanMode.GRAY)


def fast(**options) -> EsclScanner:
    """The real adapter with short waits, so retries do not slow the suite."""
    options.setdefault("backoff", 0.01)
    options.setdefault("backoff_max", 0.05)
    return EsclScanner(connect_timeout=2.0, read_timeout=10.0, **options)


@pytest.fixture
def server():
    with EsclTestServer(pages=3) as running:
        yield running


@pytest.fixture
def sane_pages(tmp_path, monkeypatch):
    """Three real pages from SANE's ``test`` backend (private SANE_CONFIG_DIR, /etc untouched)."""
    config = tmp_path / "sane.d"
    config.mkdir()
    (config / "dll.conf").write_text("test\n")
    system = Path("/etc/sane.d/test.conf")
    if system.exists():
        shutil.copy(system, config / "test.conf")
    else:
        (config / "test.conf").write_text("number_of_devices 2\n")
    monkeypatch.setenv("SANE_CONFIG_DIR", str(config))
    import sane

    from devices.scanners.sane_scanner import SaneScanner

    sane.exit()
    try:
        scanned = SaneScanner({"test_picture": "Grid"}).scan(
            "test:0", ScanProfile(source=ScanSource.ADF, resolution=75, max_pages=3))
    finally:
        sane.exit()
    return [Image.open(io.BytesIO(page.image)) for page in scanned]


def test_capabilities_of_the_server_and_of_a_vendor_document(server):
    scanner = fast(devices=[server.uri])
    assert isinstance(scanner, Scanner)
    caps = scanner.capabilities(server.uri)
    assert caps.make_and_model == "Quầy Một Cửa eSCL test scanner" and caps.duplex
    assert caps.platen.resolutions == (75, 100, 150, 200, 300, 600)
    assert caps.adf.color_modes == ("BlackAndWhite1", "Grayscale8", "RGB24")
    assert caps.adf.formats == ("image/jpeg", "application/pdf")
    assert [d.model for d in scanner.devices()] == ["Quầy Một Cửa eSCL test scanner"]
    # Another vendor's shape: other prefixes, a resolution range, no feeder.
    vendor = b"""<?xml version="1.0"?>
    <s:ScannerCapabilities xmlns:s="http://schemas.hp.com/imaging/escl/2011/05/03"
        xmlns:p="http://www.pwg.org/schemas/2010/12/sm"><p:Version>2.1</p:Version>
      <p:MakeAndModel>Brand X 100</p:MakeAndModel>
      <s:Platen><s:PlatenInputCaps><s:MaxWidth>2480</s:MaxWidth><s:MaxHeight>3508</s:MaxHeight>
        <s:SettingProfiles><s:SettingProfile><s:ColorModes><s:ColorMode>RGB24</s:ColorMode>
        <s:ColorMode>Grayscale8</s:ColorMode></s:ColorModes>
        <s:DocumentFormats><p:DocumentFormat>application/pdf</p:DocumentFormat></s:DocumentFormats>
        <s:SupportedResolutions><s:ResolutionRange><s:XResolutionRange><s:Min>100</s:Min><s:Max>300</s:Max>
        <s:Step>50</s:Step></s:XResolutionRange></s:ResolutionRange></s:SupportedResolutions>
        </s:SettingProfile></s:SettingProfiles></s:PlatenInputCaps></s:Platen></s:ScannerCapabilities>"""
    caps = parse_capabilities(vendor)
    assert caps.adf is None and not caps.duplex and caps.platen.resolutions == (100, 150, 200, 250, 300)
    plan = plan_job(caps, ScanProfile("bw", ScanSource.FLATBED, 240, ScanMode.LINEART))
    assert (plan.source, plan.color_mode, plan.threshold, plan.resolution, plan.format) == \
        ("Platen", "Grayscale8", True, 250, "application/pdf")
    assert plan.width == 2480  # A4 width clamped to the glass
    with pytest.raises(ScannerError, match="no document feeder"):
        plan_job(caps, FEEDER)
    with pytest.raises(ScannerError, match="not valid eSCL"):
        parse_capabilities(b"<html><body>router login")
    status = parse_status(server.status_xml())
    assert status.state == "Idle" and status.adf_state == "ScannerAdfLoaded" and not status.jammed


def test_device_addresses():
    assert base_url("escl://10.0.0.5:8080") == "http://10.0.0.5:8080/eSCL/"
    assert base_url("escls://[::1]:443/scan/") == "https://[::1]:443/scan/"
    for bad in ("http://10.0.0.5", "escl://", "escl://host:port"):
        with pytest.raises(InvalidInput):
            base_url(bad)
    with pytest.raises(InvalidInput):
        EsclScanner(["escl//typo"])


def test_feeder_of_real_sane_pages_arrives_page_by_page_into_one_pdf(sane_pages):
    with EsclTestServer(pages=3, page_source=sane_pages) as server:
        seen = []
        pages = fast().scan(server.uri, FEEDER, progress=lambda number, page: seen.append(number))
        job = next(iter(server.jobs.values()))
    assert seen == [1, 2, 3] and len(pages) == 3
    assert all(page.mime == "image/jpeg" and page.dpi == 100 for page in pages)
    first = Image.open(io.BytesIO(pages[0].image))
    assert first.mode == "L" and first.size == sane_pages[0].size  # SANE's grid, sent on as scanned
    assert job.settings["source"] == "Feeder" and job.state == "Completed" and not server.deleted
    pdf = pages_to_pdf(pages)
    assert len(pypdf.PdfReader(io.BytesIO(pdf.pdf)).pages) == 3


def test_grey_colour_and_black_and_white(server):
    scanner = fast()
    colour = scanner.scan(server.uri, ScanProfile("c", ScanSource.FLATBED, 75, ScanMode.COLOR))
    grey = scanner.scan(server.uri, ScanProfile("g", ScanSource.FLATBED, 75, ScanMode.GRAY))
    assert Image.open(io.BytesIO(colour[0].image)).mode == "RGB"
    assert Image.open(io.BytesIO(grey[0].image)).mode == "L"
    assert [job.settings["color_mode"] for job in server.jobs.values()] == ["RGB24", "Grayscale8"]
    # A scanner without a black-and-white mode: scanned grey, made 1-bit here.
    with EsclTestServer(color_modes=("Grayscale8", "RGB24")) as plain:
        bw = scanner.scan(plain.uri, ScanProfile("bw", ScanSource.FLATBED, 75, ScanMode.LINEART))
        assert next(iter(plain.jobs.values())).settings["color_mode"] == "Grayscale8"
    assert Image.open(io.BytesIO(bw[0].image)).mode == "1"


def test_duplex_gives_both_sides_and_pdf_pages_are_split(server):
    pages = fast().scan(server.uri, ScanProfile("d", ScanSource.DUPLEX, 75, ScanMode.GRAY, max_pages=0))
    assert len(pages) == 6  # three sheets, two sides each
    assert next(iter(server.jobs.values())).settings["duplex"] is True
    with EsclTestServer(pages=2, formats=("application/pdf",), duplex=False) as pdf_only:
        pages = fast().scan(pdf_only.uri, ScanProfile("d", ScanSource.DUPLEX, 75, ScanMode.GRAY))
        assert next(iter(pdf_only.jobs.values())).settings["duplex"] is False  # no duplex: one side
    assert len(pages) == 2 and all(page.mime == "image/png" for page in pages)


def test_max_pages_stops_the_feeder_and_ends_the_job(server):
    pages = fast().scan(server.uri, ScanProfile("two", ScanSource.ADF, 75, ScanMode.GRAY, max_pages=2))
    assert len(pages) == 2 and server.deleted == list(server.jobs)


def test_cancel_after_the_first_page_keeps_it_and_deletes_the_job(server):
    token = CancelToken()
    with pytest.raises(ScanCancelled) as caught:
        fast().scan(server.uri, FEEDER, progress=lambda number, _page: token.cancel(), cancel=token)
    assert len(caught.value.details["pages"]) == 1
    assert server.deleted == list(server.jobs)
    assert next(iter(server.jobs.values())).state == "Canceled"


def test_jam_keeps_the_pages_received(server):
    server.load(5)
    server.jam_after = 2
    with pytest.raises(ScannerJammed) as caught:
        fast().scan(server.uri, FEEDER)
    kept = caught.value.details["pages"]
    assert len(kept) == 2 and all(Image.open(io.BytesIO(p.image)).size for p in kept)
    # The jam is still there: the next scan says so before it starts a job.
    with pytest.raises(ScannerJammed):
        fast().scan(server.uri, FEEDER)
    assert len(server.jobs) == 1


def test_busy_scanner_is_retried_then_given_up():
    with EsclTestServer(pages=2, busy_first=2, retry_after=1) as server:
        pages = fast().scan(server.uri, FEEDER)
        assert len(pages) == 2 and server.busy_answers == 2
    with EsclTestServer(pages=2, busy_first=100) as server:
        with pytest.raises(ScannerBusy) as caught:
            fast(busy_tries=3).scan(server.uri, FEEDER)
        assert server.busy_answers == 3 and caught.value.details["pages"] == []
    with EsclTestServer(pages=2, slow_pages=2) as server:  # each page "not ready" twice first
        assert len(fast().scan(server.uri, FEEDER)) == 2


def test_cancel_while_waiting_for_a_busy_scanner():
    token = CancelToken()
    token.cancel()
    with EsclTestServer(pages=2, busy_first=5) as server:
        with pytest.raises(ScanCancelled):
            fast(backoff=5.0, backoff_max=5.0).scan(server.uri, FEEDER, cancel=token)
        assert server.busy_answers == 1 and not server.jobs


def test_scanner_vanishing_mid_batch_keeps_the_pages():
    server = EsclTestServer(pages=5, vanish_after=2).start()
    try:
        with pytest.raises(ScannerDisconnected) as caught:
            fast().scan(server.uri, FEEDER)
    finally:
        server.stop()
    assert len(caught.value.details["pages"]) == 2


def test_damaged_page_and_server_error_keep_the_pages_before_them():
    with EsclTestServer(pages=4, damaged_after=1) as server:
        with pytest.raises(ScannerError, match="Page 2 from the scanner is damaged") as caught:
            fast().scan(server.uri, FEEDER)
        assert len(caught.value.details["pages"]) == 1 and server.deleted == list(server.jobs)
    with EsclTestServer(pages=4, error_after=2) as server:
        with pytest.raises(ScannerError, match="stopped the job after 2 page.*ServiceOffLine") as caught:
            fast().scan(server.uri, FEEDER)
        assert type(caught.value) is ScannerError and len(caught.value.details["pages"]) == 2


def test_scanner_not_there_empty_feeder_and_not_escl(server):
    with EsclTestServer() as gone:
        uri = gone.uri
    with pytest.raises(ScannerNotFound):
        fast().scan(uri, GLASS)
    assert fast(devices=[uri]).devices()[0].model == "eSCL network scanner"  # listed, not answering
    server.load(0)
    with pytest.raises(ScanFeederEmpty):
        fast().scan(server.uri, FEEDER)
    assert fast().scan(server.uri, GLASS)  # the glass still works
    with pytest.raises(ScannerNotFound):
        fast().scan(server.uri.replace("/eSCL", "/nothing"), GLASS)


def test_cli_scan_from_an_escl_scanner(server, tmp_path, capsys):
    out_pdf, home = tmp_path / "x.pdf", ["--workspace", str(tmp_path / "no-workspace")]
    code = cli.main(["scan", "--device", server.uri, "--out", str(out_pdf), "--json", *home],
                    extra=capture_commands())
    captured = capsys.readouterr()
    assert code == 0, captured.err
    data = json.loads(captured.out)
    assert data["pages"] == 3 and data["out"] == str(out_pdf)
    assert len(pypdf.PdfReader(io.BytesIO(out_pdf.read_bytes())).pages) == 3
    server.jam_after = 1
    server.load(3)
    code = cli.main(["scan", "--device", server.uri, "--out", str(out_pdf), "--json", *home],
                    extra=capture_commands())
    captured = capsys.readouterr()
    error = json.loads(captured.err)
    assert code == 1 and error["error"] == "scan_paper_jam" and "x-partial.pdf" in error["message"]
    assert len(pypdf.PdfReader(tmp_path / "x-partial.pdf").pages) == 1  # the page before the jam
    assert not (tmp_path / "no-workspace").exists()


DISCOVERY = """
import json
from counter_app.ports import ScanProfile, ScanSource
from devices.scanners.escl import EsclScanner
from devices.scanners.escl_discovery import Advertisement, discover
from devices.scanners.escl_test_server import EsclTestServer

LOOPBACK = ["127.0.0.1"]
with EsclTestServer(pages=2, make_and_model="Brand X 100") as server:
    port = server.port
    ad = Advertisement(port, model="Brand X 100", uuid="5a1c-0001", addresses=LOOPBACK, interfaces=LOOPBACK)
    try:
        found = discover(3.0, interfaces=LOOPBACK)
        scanner = EsclScanner([server.uri], discover=3.0, discover_interfaces=LOOPBACK)
        listed = scanner.devices()
        pages = scanner.scan(found[0].id, ScanProfile(source=ScanSource.ADF, resolution=75))
    finally:
        ad.close()
print(json.dumps({"found": [[i.id, i.model] for i in found], "listed": [i.id for i in listed],
                  "pages": len(pages), "port": port}))
"""


def test_scanners_are_found_by_mdns_in_a_private_netns():
    """Real zeroconf on the loopback of a network namespace of its own (nothing leaves the machine)."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    setup = "ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo"
    run = subprocess.run(["unshare", "--net", "sh", "-c", f'{setup} && exec "$0" -c "$1"', sys.executable,
                          DISCOVERY], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                         capture_output=True, text=True, timeout=90)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    uri = f"escl://127.0.0.1:{result['port']}/eSCL"
    assert result["found"] == [[uri, "Brand X 100"]]
    assert result["listed"] == [uri]  # configured and announced: listed once
    assert result["pages"] == 2
