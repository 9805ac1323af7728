"""BAC and ISO 7816-4 secure messaging with 3DES (ICAO 9303 part 11 §4.3, §9.8).

Shared by the PC/SC reader (terminal side) and the emulated test card (chip side), so
each side's half is checked by the other's in the tests, and both by the ICAO worked
example.
"""
from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers import Cipher, modes

from counter_app.errors import ChipDataInvalid
from counter_app.idcard import tlv
from counter_app.idcard.mrz import KEY_ENC, KEY_MAC, derive_key

_ZERO_IV = bytes(8)


def _3des(key: bytes) -> TripleDES:
    # Two-key 3DES written as K1 K2 K1 (cryptography deprecates 16-byte keys).
    return TripleDES(key[:16] + key[:8] if len(key) == 16 else key * 3 if len(key) == 8 else key)


def encrypt(key: bytes, data: bytes) -> bytes:
    enc = Cipher(_3des(key), modes.CBC(_ZERO_IV)).encryptor()
    return enc.update(data) + enc.finalize()


def decrypt(key: bytes, data: bytes) -> bytes:
    dec = Cipher(_3des(key), modes.CBC(_ZERO_IV)).decryptor()
    return dec.update(data) + dec.finalize()


def pad(data: bytes) -> bytes:
    """ISO/IEC 9797-1 padding method 2."""
    data += b"\x80"
    return data + bytes(-len(data) % 8)


def unpad(data: bytes) -> bytes:
    stripped = data.rstrip(b"\x00")
    if not stripped.endswith(b"\x80"):
        raise ChipDataInvalid("Secure messaging padding is wrong.")
    return stripped[:-1]


def retail_mac(key: bytes, data: bytes) -> bytes:
    """ISO/IEC 9797-1 MAC algorithm 3 (DES CBC with K1, last block 3DES), padding method 2."""
    k1, k2 = key[:8], key[8:16]
    padded = pad(data)
    chained = _ZERO_IV
    if len(padded) > 8:
        single = Cipher(_3des(k1), modes.CBC(_ZERO_IV)).encryptor()
        chained = (single.update(padded[:-8]) + single.finalize())[-8:]
    # The last block goes through full 3DES (K1 encrypt, K2 decrypt, K1 encrypt).
    last = bytes(a ^ b for a, b in zip(padded[-8:], chained))
    final = Cipher(_3des(k1 + k2), modes.ECB()).encryptor()
    return final.update(last) + final.finalize()


def session_keys(k_ifd: bytes, k_icc: bytes) -> tuple[bytes, bytes]:
    seed = bytes(a ^ b for a, b in zip(k_ifd, k_icc))
    return derive_key(seed, KEY_ENC), derive_key(seed, KEY_MAC)


@dataclass
class SecureChannel:
    ks_enc: bytes
    ks_mac: bytes
    ssc: int  # 8-byte send sequence counter, incremented before every command and response

    @classmethod
    def after_bac(cls, rnd_icc: bytes, rnd_ifd: bytes, k_icc: bytes, k_ifd: bytes) -> "SecureChannel":
        ks_enc, ks_mac = session_keys(k_ifd, k_icc)
        return cls(ks_enc, ks_mac, int.from_bytes(rnd_icc[-4:] + rnd_ifd[-4:], "big"))

    def _next(self) -> bytes:
        self.ssc = (self.ssc + 1) % (1 << 64)
        return self.ssc.to_bytes(8, "big")

    # --- terminal side ---

    def protect_command(self, cla: int, ins: int, p1: int, p2: int, data: bytes = b"", le: int | None = None) -> bytes:
        header = bytes([cla | 0x0C, ins, p1, p2])
        body = b""
        if data:
            body += tlv.encode(0x87, b"\x01" + encrypt(self.ks_enc, pad(data)))
        if le is not None:
            body += tlv.encode(0x97, bytes([le & 0xFF]))
        mac = retail_mac(self.ks_mac, self._next() + pad(header) + body)
        body += tlv.encode(0x8E, mac)
        return header + bytes([len(body)]) + body + b"\x00"

    def unprotect_response(self, payload: bytes) -> tuple[bytes, int]:
        """(plain data, status word) of an SM response body; ChipDataInvalid on a bad MAC."""
        objects = dict(tlv.parse_all(payload)) if payload else {}
        mac = objects.get(0x8E)
        if mac is None or 0x99 not in objects:
            raise ChipDataInvalid("The chip's answer lacks its secure messaging checksum.")
        covered = b""
        for tag in (0x87, 0x99):
            if tag in objects:
                covered += tlv.encode(tag, objects[tag])
        if retail_mac(self.ks_mac, self._next() + covered) != mac:
            raise ChipDataInvalid("The chip's answer failed its secure messaging checksum.")
        cryptogram = objects.get(0x87, b"")
        # Padding indicator 01, then whole 3DES blocks; anything else would fail inside decrypt().
        if 0x87 in objects and (cryptogram[:1] != b"\x01" or (len(cryptogram) - 1) % 8):
            raise ChipDataInvalid("The chip's encrypted answer is malformed.")
        data = unpad(decrypt(self.ks_enc, cryptogram[1:])) if 0x87 in objects else b""
        return data, int.from_bytes(objects[0x99], "big")

    # --- chip side (the emulated test card) ---

    def unprotect_command(self, apdu: bytes) -> tuple[bytes, bytes, int | None]:
        """(header, plain data, Le) of a protected command; ValueError when its MAC is wrong."""
        header, lc = apdu[:4], apdu[4] if len(apdu) > 5 else 0
        objects = dict(tlv.parse_all(apdu[5:5 + lc])) if lc else {}
        covered = b"".join(tlv.encode(t, objects[t]) for t in (0x87, 0x97) if t in objects)
        if objects.get(0x8E) != retail_mac(self.ks_mac, self._next() + pad(header) + covered):
            raise ValueError("bad command MAC")
        data = unpad(decrypt(self.ks_enc, objects[0x87][1:])) if 0x87 in objects else b""
        le = objects[0x97][0] if 0x97 in objects else None
        return header, data, (256 if le == 0 else le)

    def protect_response(self, data: bytes, sw: int) -> bytes:
        body = tlv.encode(0x87, b"\x01" + encrypt(self.ks_enc, pad(data))) if data else b""
        body += tlv.encode(0x99, sw.to_bytes(2, "big"))
        body += tlv.encode(0x8E, retail_mac(self.ks_mac, self._next() + body))
        return body + b"\x90\x00"
