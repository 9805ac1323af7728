"""Signature bookkeeping of the core: which signed PDFs still need B-T/B-LT completion."""
from counter_app.signing.jobs import JobView, SigningJobs

__all__ = ["JobView", "SigningJobs"]
