"""DG2: the holder's face image inside the ISO 19794-5 biometric template (JPEG or JPEG 2000)."""
from __future__ import annotations

from dataclasses import dataclass

from counter_app.errors import ChipDataInvalid
from counter_app.idcard import tlv

DG2_TAG = 0x75
_BIOMETRIC_DATA = (0x5F2E, 0x7F2E)
# Image start markers: JPEG SOI, JP2 file signature box, raw JPEG 2000 codestream.
_MAGIC = ((b"\xff\xd8\xff", "image/jpeg"), (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "image/jp2"),
          (b"\xff\x4f\xff\x51", "image/jp2"))


@dataclass(frozen=True)
class FaceImage:
    data: bytes
    mime: str

    @property
    def extension(self) -> str:
        return ".jpg" if self.mime == "image/jpeg" else ".jp2"


def extract_face(dg2: bytes) -> FaceImage:
    body = tlv.unwrap(dg2, DG2_TAG)
    block = None
    for tag in _BIOMETRIC_DATA:
        block = tlv.find(body, tag)
        if block is not None:
            break
    if block is None:
        raise ChipDataInvalid("DG2 holds no biometric data block.")
    # The block starts with the ISO 19794-5 headers (variable length): find the image itself.
    found = [(block.find(magic), mime) for magic, mime in _MAGIC if block.find(magic) >= 0]
    if not found:
        raise ChipDataInvalid("DG2 holds no JPEG or JPEG 2000 face image.")
    start, mime = min(found)
    return FaceImage(block[start:], mime)


def encode_dg2(image: bytes, *, width: int = 0, height: int = 0) -> bytes:
    """A minimal DG2 around one image (test card and demo): 7F61 / 7F60 / A1 + 5F2E."""
    # ISO 19794-5 facial record header (14 bytes) + facial information (20) + image info (12).
    record_length = 14 + 20 + 12 + len(image)
    header = b"FAC\x00" + b"010\x00" + record_length.to_bytes(4, "big") + (1).to_bytes(2, "big")
    info = (20 + 12 + len(image)).to_bytes(4, "big") + b"\x00\x00" + b"\x00" * 14
    image_info = bytes([1, 1]) + width.to_bytes(2, "big") + height.to_bytes(2, "big") + b"\x01\x00" + b"\x00" * 4
    bdb = tlv.encode(0x5F2E, header + info + image_info + image)
    header_template = tlv.encode(0xA1, tlv.encode(0x80, b"\x01\x01") + tlv.encode(0x87, b"\x01\x01"))
    group = tlv.encode(0x7F60, header_template + bdb)
    return tlv.encode(DG2_TAG, tlv.encode(0x7F61, tlv.encode(0x02, b"\x01") + group))
