"""PDF/A-2b finishing of a component PDF (ISO 19005-2, level B: the pages look the same forever).

Pillow writes the pages; pikepdf then adds what PDF/A asks of a scanned document:
XMP metadata with the PDF/A identification (part 2, conformance B), the document
information dictionary kept equal to the XMP, an sRGB output intent (so DeviceGray and
DeviceRGB images have a defined colour meaning), a trailer /ID, a binary header comment,
no encryption, no JavaScript or actions, no interpolated images. Re-saving with qpdf also
rewrites Pillow's cross-reference table (its free-list head has generation 65536, one
more than the format allows).

There is no PDF/A validator here (veraPDF needs Java): tests/test_capture_pdfa.py checks
these properties structurally, and poppler still renders the result.
"""
from __future__ import annotations

import io
from datetime import datetime, timezone
from functools import lru_cache

import pikepdf
from PIL import ImageCms

PRODUCER = "Quầy Một Cửa"
PDFA_PART = "2"
PDFA_CONFORMANCE = "B"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
# Dictionary keys PDF/A forbids or that could run something when the file opens.
_FORBIDDEN_CATALOG_KEYS = ("/AA", "/OpenAction", "/Perms", "/Requirements")
_FORBIDDEN_PAGE_KEYS = ("/AA", "/PresSteps")


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """An sRGB ICC profile made by LittleCMS (through Pillow): no profile file to ship."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def make_pdfa(pdf: pikepdf.Pdf, *, title: str, keywords: str, created: datetime | None = None) -> None:
    """Turn the open ``pdf`` into PDF/A-2b in place; ``save_pdf`` writes it."""
    created = created or datetime.now(timezone.utc).astimezone()
    if created.tzinfo is None:
        created = created.astimezone()  # naive = this computer's local time, written with its offset
    _remove_active_content(pdf)
    _add_output_intent(pdf)
    _write_metadata(pdf, title=title, keywords=keywords, created=created)


def save_pdf(pdf: pikepdf.Pdf) -> bytes:
    """Compact and reproducible: compressed streams and object streams; the /ID is derived
    from the content, so the same pages and metadata give the same bytes (and file-store hash)."""
    buffer = io.BytesIO()
    pdf.save(buffer, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
             deterministic_id=True)
    return buffer.getvalue()


def _remove_active_content(pdf: pikepdf.Pdf) -> None:
    root = pdf.Root
    for key in _FORBIDDEN_CATALOG_KEYS:
        if key in root:
            del root[key]
    names = root.get("/Names")
    if names is not None and "/JavaScript" in names:
        del names["/JavaScript"]
    for page in pdf.pages:
        for key in _FORBIDDEN_PAGE_KEYS:
            if key in page.obj:
                del page.obj[key]
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image" and "/Interpolate" in obj:
            del obj["/Interpolate"]  # PDF/A: interpolation must not be requested


def _add_output_intent(pdf: pikepdf.Pdf) -> None:
    profile = pdf.make_stream(srgb_profile())
    profile["/N"] = 3  # RGB: must match the profile's colour space
    intent = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFA1,
        OutputConditionIdentifier=pikepdf.String(OUTPUT_CONDITION), Info=pikepdf.String(OUTPUT_CONDITION),
        RegistryName=pikepdf.String("http://www.color.org"), DestOutputProfile=profile))
    pdf.Root.OutputIntents = pikepdf.Array([intent])


def _write_metadata(pdf: pikepdf.Pdf, *, title: str, keywords: str, created: datetime) -> None:
    # Pillow's /Info (its own dates, title) is dropped; the XMP below refills it, so the two agree.
    for key in list(pdf.docinfo.keys()):
        del pdf.docinfo[key]
    stamp = created.isoformat(timespec="seconds")
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
        meta["pdfaid:part"] = PDFA_PART
        meta["pdfaid:conformance"] = PDFA_CONFORMANCE
        if title:
            meta["dc:title"] = title
        meta["dc:format"] = "application/pdf"
        meta["pdf:Producer"] = PRODUCER
        meta["xmp:CreatorTool"] = PRODUCER
        if keywords:
            meta["pdf:Keywords"] = keywords
        meta["xmp:CreateDate"] = stamp
        meta["xmp:ModifyDate"] = stamp
        meta["xmp:MetadataDate"] = stamp
