"""Signing devices: PKCS#11 tokens and smartcards, PAdES with pyHanko, and a software twin.

Nothing here is imported by ``counter_app``; the composition root wires it in.
"""
