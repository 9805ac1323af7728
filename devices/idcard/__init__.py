"""Citizen ID card chip readers: PC/SC (pyscard) and a simulated twin; an emulated test card."""
