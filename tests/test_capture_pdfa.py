"""PDF/A-2b finishing of component PDFs, checked structurally.

No PDF/A validator runs here (veraPDF needs Java): these tests check what ISO 19005-2
level B asks of a scanned document, one property at a time, and that poppler still
renders the file.
"""
from __future__ import annotations

import io
import subprocess
from datetime import datetime, timedelta, timezone
from xml.etree import ElementTree

import pikepdf
import pytest
from PIL import Image, ImageCms

from counter_app.capture import OutputMode, pages_to_pdf
from counter_app.capture.pdfa import PRODUCER, make_pdfa, save_pdf
from counter_app.ports import ScanProfile, ScanSource
from devices.scanners.simulated import SimulatedScanner

CREATED = datetime(2026, 11, 25, 9, 30, tzinfo=timezone(timedelta(hours=7)))
CODE, COMPONENT = "000.00.31.H41-261125-0001", "TP1"
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
      "dc": "http://purl.org/dc/elements/1.1/", "xmp": "http://ns.adobe.com/xap/1.0/",
      "pdf": "http://ns.adobe.com/pdf/1.3/"}


@pytest.fixture(scope="module")
def sim_pages():
    return SimulatedScanner(pages=2).scan("sim:0", ScanProfile(source=ScanSource.ADF, resolution=200))


def make(pages, **options):
    return pages_to_pdf(pages, dossier_code=CODE, component_code=COMPONENT, created=CREATED, recognizer=None,
                        **options)


def xmp_value(root, path: str) -> str:
    node = root.find(f".//{path}", NS)
    assert node is not None, path
    text = node.text if node.text and node.text.strip() else "".join(node.itertext())
    return text.strip()


def test_xmp_identifies_pdfa_2b_and_agrees_with_the_info_dictionary(sim_pages):
    result = make(sim_pages)
    with pikepdf.open(io.BytesIO(result.pdf)) as pdf:
        stream = pdf.Root.Metadata
        assert stream.Type == "/Metadata" and stream.Subtype == "/XML"
        assert "/Filter" not in stream  # kept plain text, readable by any archive tool
        raw = stream.read_bytes()
        info = {str(k): str(v) for k, v in pdf.docinfo.items()}
    assert raw.startswith(b"<?xpacket begin=") and b"bytes=" not in raw.split(b"?>")[0]
    root = ElementTree.fromstring(raw.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])
    assert xmp_value(root, "pdfaid:part") == "2" and xmp_value(root, "pdfaid:conformance") == "B"
    title = xmp_value(root, "dc:title")
    assert title == f"{CODE} {COMPONENT}" == info["/Title"]
    assert xmp_value(root, "pdf:Producer") == PRODUCER == info["/Producer"]
    assert xmp_value(root, "xmp:CreatorTool") == PRODUCER == info["/Creator"]
    keywords = xmp_value(root, "pdf:Keywords")
    assert keywords == info["/Keywords"] and f"dossier={CODE}" in keywords and "component=TP1" in keywords
    created = datetime.fromisoformat(xmp_value(root, "xmp:CreateDate"))
    assert created == CREATED
    assert info["/CreationDate"].startswith("D:20261125093000+07'00")
    assert xmp_value(root, "xmp:ModifyDate") == xmp_value(root, "xmp:CreateDate")
    assert set(info) <= {"/Title", "/Producer", "/Creator", "/Keywords", "/CreationDate", "/ModDate"}


def test_output_intent_carries_a_matching_srgb_profile(sim_pages):
    with pikepdf.open(io.BytesIO(make(sim_pages).pdf)) as pdf:
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1
        intent = intents[0]
        assert intent.Type == "/OutputIntent" and intent.S == "/GTS_PDFA1"
        assert str(intent.OutputConditionIdentifier)
        profile = intent.DestOutputProfile
        icc = profile.read_bytes()
        n = int(profile.N)
    assert icc[36:40] == b"acsp" and icc[16:20] == b"RGB " and icc[12:16] in (b"mntr", b"prtr")
    assert n == 3  # the number of components of an RGB profile
    assert int(icc[8]) <= 4  # ICC v4 at most (PDF 1.7)
    ImageCms.ImageCmsProfile(io.BytesIO(icc))  # LittleCMS parses it back


@pytest.mark.parametrize("mode", list(OutputMode))
def test_every_mode_has_id_header_and_allowed_image_colour_spaces(sim_pages, mode):
    result = make(sim_pages, mode=mode)
    data = result.pdf
    assert data[:7] == b"%PDF-1." and data[7:8] in b"4567"
    second = data.split(b"\n")[1]
    assert second.startswith(b"%") and sum(byte >= 128 for byte in second[1:5]) == 4  # binary comment
    assert b"65536 f" not in data  # Pillow's out-of-range free-list generation is gone
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert pdf.check_pdf_syntax() == []  # qpdf finds nothing wrong with the structure
        ids = pdf.trailer.ID
        assert len(ids) == 2 and len(bytes(ids[0])) == 16
        assert "/Encrypt" not in pdf.trailer and not pdf.is_encrypted
        assert len(pdf.pages) == result.pages == 2
        spaces = set()
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
                spaces.add(str(obj.ColorSpace))
                assert "/Interpolate" not in obj and "/SMask" not in obj
        for page in pdf.pages:
            assert "/Group" not in page.obj and "/AA" not in page.obj  # no transparency, no actions
    expected = {OutputMode.GRAY: {"/DeviceGray"}, OutputMode.BLACK_WHITE: {"/DeviceGray"},
                OutputMode.COLOR: {"/DeviceRGB"}}[mode]
    assert spaces == expected  # device spaces that the sRGB output intent gives a meaning


def test_poppler_still_reads_and_renders_it(sim_pages, tmp_path):
    path = tmp_path / "tp1.pdf"
    path.write_bytes(make(sim_pages).pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, timeout=60, check=True).stdout
    assert "Pages:           2" in info and "Encrypted:       no" in info and "Metadata Stream: yes" in info
    subprocess.run(["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-gray", "-png", str(path), str(tmp_path / "p")],
                   capture_output=True, timeout=60, check=True)
    with Image.open(next(tmp_path.glob("p*.png"))) as page:
        assert page.size[0] == pytest.approx(210 / 25.4 * 50, abs=2)
        assert page.convert("L").getextrema()[0] < 80  # the page's text is drawn, not an empty page


def test_same_pages_and_time_give_the_same_bytes(sim_pages):
    # The /ID is derived from the content: one scan saved twice has one file-store hash.
    assert make(sim_pages).pdf == make(sim_pages).pdf
    later = pages_to_pdf(sim_pages, dossier_code=CODE, component_code=COMPONENT, recognizer=None,
                         created=CREATED + timedelta(minutes=1))
    assert later.pdf != make(sim_pages).pdf


def test_a4_grey_page_still_fits_the_budget(sim_pages):
    result = make(sim_pages)
    assert len(result.pdf) <= 150_000 * result.pages


def test_active_content_and_foreign_info_are_removed():
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    script = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)")))
    pdf.Root.OpenAction = script
    pdf.Root.AA = pikepdf.Dictionary(WC=script)
    pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=pikepdf.Array(["x", script])))
    pdf.pages[0].obj.AA = pikepdf.Dictionary(O=script)
    image = pdf.make_stream(b"\x00" * 4, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=2,
                            Height=2, ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8, Interpolate=True)
    pdf.pages[0].Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    pdf.docinfo["/Author"] = "someone else"
    make_pdfa(pdf, title="T", keywords="", created=CREATED)
    with pikepdf.open(io.BytesIO(save_pdf(pdf))) as saved:
        assert "/OpenAction" not in saved.Root and "/AA" not in saved.Root
        assert "/JavaScript" not in saved.Root.Names and "/AA" not in saved.pages[0].obj
        assert "/Interpolate" not in saved.pages[0].Resources.XObject.Im0
        assert "/Author" not in saved.docinfo and str(saved.docinfo.Title) == "T"
        assert "/Keywords" not in saved.docinfo
