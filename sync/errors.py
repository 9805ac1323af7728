"""Typed sync errors: what went wrong between this counter and the province.

Subclasses of the core's ``CounterError`` (stable ``code``, English ``message``,
``details``), so the CLI and the UI report them like any other error; the UI holds a
translated message for each code.
"""
from __future__ import annotations

from counter_app.errors import CounterError


class SyncError(CounterError):
    code = "sync"


class NotConfigured(SyncError):
    code = "sync_not_configured"


class Offline(SyncError):
    """No answer: no network, server down, connection cut or timed out. Retry later."""

    code = "sync_offline"


class ServerFailed(SyncError):
    """The server answered 5xx: its fault, retry later."""

    code = "sync_server_error"


class ServerRejected(SyncError):
    """The server answered 4xx: retrying the same request will not help; ``reason`` says why."""

    code = "server_rejected"


class CredentialRefused(ServerRejected):
    """Unknown or revoked workstation token: the province must enrol this counter again."""

    code = "sync_credential"


class BadAnswer(ServerFailed):
    """The server answered, but not in the API's shape (not JSON, wrong fields, results for ops
    never sent...): nothing was marked delivered, the feed cursor did not move; retry later."""

    code = "sync_bad_answer"
