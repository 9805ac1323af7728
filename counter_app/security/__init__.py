"""Encryption at rest: workspace keys, encrypted files, enabling and rotating encryption."""
