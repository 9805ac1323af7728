"""The visible stamp: Vietnamese text in an embedded, subset OpenType font.

pyHanko's default stamp font is a PDF base-14 font with no Vietnamese glyphs; the
GlyphAccumulator (HarfBuzz shaping + fontTools subsetting) embeds only the glyphs
used, with a ToUnicode map so the text can be searched and extracted.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.stamp import TextStampStyle

from counter_app.ports import SignatureSpec
from counter_app.resources import resource_path

# 24-hour local time, as officers write it on paper: "hh:mm dd/mm/yyyy".
TIME_FORMAT = "%H:%M %d/%m/%Y"
FONT_FILE = ("fonts", "NotoSerif-Regular.ttf")

# Latin + Vietnamese (precomposed and combining marks), punctuation, the đồng sign.
VIETNAMESE = [*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x300, 0x370), *range(0x1E00, 0x1F00),
              *range(0x2000, 0x2070), 0x20AB]

# (label, SignatureSpec attribute or stamp parameter); empty values drop their line.
LINES = (("Ký bởi", "signer"), ("Chức vụ", "role"), ("Cơ quan", "agency"), ("Thời gian ký", "ts"))


@lru_cache(maxsize=1)
def vietnamese_font() -> bytes:
    """Noto Serif cut down to Latin/Vietnamese, once per process.

    Why: the full font carries layout tables for many scripts; fontTools decompiles
    them for every signature's glyph subset (≈ 0.35 s each). The reduced font keeps all
    glyphs and OpenType features Vietnamese needs and subsets in a few milliseconds.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(resource_path(*FONT_FILE)))
    options = subset.Options()
    options.layout_features = ["ccmp", "locl", "mark", "mkmk"]  # no kerning: its tables cost most
    options.name_IDs = ["*"]
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=VIETNAMESE)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class VietnameseFontFactory(GlyphAccumulatorFactory):
    """pyHanko's OpenType font engine fed from the reduced font in memory (no file handle left open)."""

    def create_font_engine(self, writer, obj_stream=None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(writer=writer, font_handle=io.BytesIO(vietnamese_font()), font_size=self.font_size,
                                obj_stream=obj_stream)


@lru_cache(maxsize=8)
def stamp_style(lines: tuple[str, ...], font_size: int = 9) -> TextStampStyle:
    """Cached per set of lines: building the font factory is cheap, the template is fixed."""
    template = "\n".join(f"{label}: %({key})s" for label, key in LINES if key in lines)
    font = VietnameseFontFactory(str(resource_path(*FONT_FILE)), font_size=font_size)
    return TextStampStyle(
        stamp_text=template,
        text_box_style=TextBoxStyle(font=font, font_size=font_size, leading=font_size + 3),
        timestamp_format=TIME_FORMAT,
        background=None,
        border_width=1,
    )


def stamp_params(spec: SignatureSpec, certificate_name: str) -> tuple[tuple[str, ...], dict[str, str]]:
    """The lines to show and their values; the time (``ts``) is filled in by pyHanko."""
    values = {"signer": spec.signer_name or certificate_name, "role": spec.role, "agency": spec.agency}
    shown = tuple(key for _, key in LINES if key == "ts" or values.get(key))
    return shown, {k: v for k, v in values.items() if k in shown}
