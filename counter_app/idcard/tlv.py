"""BER-TLV as the LDS files use it (ICAO 9303 part 10): tags of 1–3 bytes, definite lengths."""
from __future__ import annotations

from counter_app.errors import ChipDataInvalid


def read_tlv(data: bytes, offset: int = 0) -> tuple[int, bytes, int]:
    """(tag, value, offset after) of the TLV at ``offset``; ChipDataInvalid if it is cut short."""
    try:
        tag = data[offset]
        offset += 1
        if tag & 0x1F == 0x1F:
            while True:
                tag = (tag << 8) | data[offset]
                offset += 1
                if not data[offset - 1] & 0x80:
                    break
        length = data[offset]
        offset += 1
        if length & 0x80:
            count = length & 0x7F
            if count == 0 or count > 3:
                raise ChipDataInvalid("Chip data has an unsupported length field.", offset=offset)
            length = int.from_bytes(data[offset:offset + count], "big")
            offset += count
    except IndexError:
        raise ChipDataInvalid("Chip data is cut short.", offset=offset) from None
    end = offset + length
    if end > len(data):
        raise ChipDataInvalid("Chip data is cut short.", offset=offset, needed=end, have=len(data))
    return tag, data[offset:end], end


def parse_all(data: bytes) -> list[tuple[int, bytes]]:
    items, offset = [], 0
    while offset < len(data):
        if data[offset] in (0x00, 0xFF):  # padding between objects
            offset += 1
            continue
        tag, value, offset = read_tlv(data, offset)
        items.append((tag, value))
    return items


def unwrap(data: bytes, expected_tag: int) -> bytes:
    tag, value, _ = read_tlv(data)
    if tag != expected_tag:
        raise ChipDataInvalid(f"Expected tag {expected_tag:X}, found {tag:X}.", tag=tag)
    return value


# No LDS file nests deeper than a handful of levels; a card that does is broken or hostile
# (and unbounded recursion would end in RecursionError, not a typed error).
MAX_DEPTH = 32


def check_depth(depth: int) -> None:
    if depth > MAX_DEPTH:
        raise ChipDataInvalid("Chip data is nested too deeply.", depth=depth)


def find(data: bytes, wanted: int, _depth: int = 0) -> bytes | None:
    """Depth-first search for the first object with this tag among constructed objects."""
    check_depth(_depth)
    for tag, value in parse_all(data):
        if tag == wanted:
            return value
        if _constructed(tag):
            try:
                inner = find(value, wanted, _depth + 1)
            except ChipDataInvalid:
                inner = None
            if inner is not None:
                return inner
    return None


def _constructed(tag: int) -> bool:
    first = tag
    while first > 0xFF:
        first >>= 8
    return bool(first & 0x20)


def encode_length(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    raw = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def encode(tag: int, value: bytes) -> bytes:
    return tag.to_bytes((tag.bit_length() + 7) // 8 or 1, "big") + encode_length(len(value)) + value
