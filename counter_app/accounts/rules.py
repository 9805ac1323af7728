"""Which methods of the services the core hands out (``core.dossiers``, ``core.queue``)
need which permission. Methods not named here stay open: reading a dossier, the queue's
status and the ticket kiosk (citizens take tickets without anyone logged in)."""
from __future__ import annotations

from counter_app.accounts.roles import Permission

_APPROVALS = {"result_ready", "stop"}  # the office leader's decisions on a dossier


def lifecycle_permission(action) -> Permission:
    """What a lifecycle step (``Action`` or its value) needs: screens offer only what is allowed."""
    value = getattr(action, "value", action)
    return Permission.APPROVE if value in _APPROVALS else Permission.HANDLE_DOSSIER


def _lifecycle(code=None, action=None, *args, **kwargs) -> Permission:
    return lifecycle_permission(action)


DOSSIER_RULES = {
    "receive": Permission.RECEIVE,
    "correct": Permission.RECEIVE,  # fixing what was typed or ticked at intake is the receiving officer's
    "apply": _lifecycle,
}

_COUNTER_ACTIONS = ("open_session", "close_session", "call_next", "recall", "call_ticket", "start", "no_show",
                    "park", "resume", "transfer", "walk_in", "finish", "link_dossiers")
_QUEUE_SET_UP = ("save_policy", "define_service", "configure_counter", "set_notice")

QUEUE_RULES = {
    **{name: Permission.QUEUE_COUNTER for name in _COUNTER_ACTIONS},
    **{name: Permission.MANAGE_QUEUE for name in _QUEUE_SET_UP},
    "statistics": Permission.VIEW_STATISTICS,
}
