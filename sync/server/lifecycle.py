"""The province's side of the dossier lifecycle, reusing the core's transition rules."""
from __future__ import annotations

from counter_app.dossiers.lifecycle import TRANSFERRING, TRANSITIONS, Action, Status, next_status
from counter_app.errors import ForbiddenTransition

TRANSFER_ACTIONS = {action.value for action in TRANSFERRING}  # for SQL filters on stored action values
# When two actions reach the same status, the province means the processing one.
PREFERRED = [Action.START_PROCESSING, Action.FINANCIAL_DONE, Action.SUPPLEMENT_RECEIVED]


def action_to(current: int | None, target: int, *, transferred: bool) -> Action:
    """The lifecycle action that moves a dossier from ``current`` to ``target``."""
    status = Status(current) if current else None
    wanted = Status(target)
    # A correction never stands for a province's status change.
    ordered = PREFERRED + [a for a in TRANSITIONS if a not in PREFERRED and a is not Action.CORRECT]
    for action in ordered:
        try:
            if next_status(status, action, was_transferred=transferred) == wanted:
                return action
        except ForbiddenTransition:
            continue
    shown = "new" if status is None else f"{int(status)} ({status.name})"
    raise ForbiddenTransition(f"No action leads a dossier from status {shown} to {int(wanted)} ({wanted.name}).")


def check_step(previous: int | None, action: str, status: int, *, transferred: bool,
               complete: bool | None = None) -> str | None:
    """Why the counter's claimed step is impossible, or None when it follows the rules.
    ``complete``: what a correction of the papers says of the dossier's completeness."""
    try:
        act = Action(action)
        claimed = Status(status)
    except ValueError as exc:
        return str(exc)
    try:
        expected = next_status(Status(previous) if previous else None, act, was_transferred=transferred,
                               complete=complete if isinstance(complete, bool) else None)
    except ForbiddenTransition as exc:
        return exc.message
    if expected != claimed:
        return f"Action '{action}' leads to status {int(expected)}, not {int(claimed)}."
    return None
