"""The citizen ID card (CCCD): what its QR code says, and what its chip holds."""
from counter_app.idcard.cccd_qr import CccdData, parse_cccd, repair_text

__all__ = ["CccdData", "parse_cccd", "repair_text"]
