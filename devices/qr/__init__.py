"""QR decoding from images: zxing-cpp with preprocessing fallbacks, and a simulated twin."""
