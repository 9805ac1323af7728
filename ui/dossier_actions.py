"""The steps an officer can take on a saved dossier, and the dialog that confirms each one.

Only the actions the core allows for the current status are offered (``allowed_actions``),
less the intake ones (receiving needs the checklist of the intake wizard). Each asks for
what the record needs: the processing unit for a transfer, the receiver's name when the
result is returned, a reason to refuse, stop or withdraw.
"""
from __future__ import annotations

from dataclasses import dataclass

from counter_app.documents import FORM_FOR_ACTION
from counter_app.dossiers.lifecycle import Action, Status, next_status, transferred_by
from counter_app.dossiers.views import DossierView
from ui.labels import status_name
from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, Signal
from ui.widgets import buddy_label, label, set_invalid

INTAKE_ONLY = frozenset({"register", "receive", "receive_incomplete"})
# The usual next step from each status: shown as the primary button, first.
MAIN_STEPS = frozenset({"transfer", "supplement_received", "financial_done", "result_ready", "return_result"})
# Steps that end the dossier: offered last, so neither Tab nor Shift+Tab reaches them first.
ENDING_STEPS = frozenset({"refuse", "stop", "withdraw"})


@dataclass(frozen=True)
class ActionSpec:
    button: str  # English source text, translated in context "DossierActions"
    keys: str  # its shortcut on the dossier screen, the same in every status
    field: str | None = None  # keyword of ``DossierService.apply`` the answer goes to
    prompt: str = ""
    required: bool = False


ACTIONS: dict[str, ActionSpec] = {
    "transfer": ActionSpec(
        QT_TRANSLATE_NOOP("DossierActions", "Transfer for processing…"), "Ctrl+Shift+C", "transferred_to",
        QT_TRANSLATE_NOOP("DossierActions", "&Processing unit receiving the dossier:"), True),
    "start_processing": ActionSpec(
        QT_TRANSLATE_NOOP("DossierActions", "Start processing here…"), "Ctrl+Shift+X", "note",
        QT_TRANSLATE_NOOP("DossierActions", "&Note (optional):")),
    "supplement_received": ActionSpec(
        QT_TRANSLATE_NOOP("DossierActions", "Supplement received…"), "Ctrl+Shift+B", "note",
        QT_TRANSLATE_NOOP("DossierActions", "&What was handed in (optional):")),
    "request_supplement": ActionSpec(
        QT_TRANSLATE_NOOP("DossierActions", "Request a supplement…"), "Ctrl+Shift+Y", "note",
        QT_TRANSLATE_NOOP("DossierActions", "&What must be supplemented, and why:"), True),
    "request_financial": ActionSpec(
        QT_TRANSLATE_NOOP("DossierActions", "Request financial obligation…"), "Ctrl+Shift+N", "note",
        QT_TRANSLATE_NOOP("DossierActions", "&Amount and how to pay:"), True),
    "financial_done": ActionSpec(
        QT_TRANSLATE_NOOP("DossierActions", "Financial obligation fulfilled…"), "Ctrl+Shift+H", "note",
        QT_TRANSLATE_NOOP("DossierActions", "&Note (optional):")),
    "result_ready": ActionSpec(
        QT_TRANSLATE_NOOP("DossierActions", "Result ready…"), "Ctrl+Shift+K", "note",
        QT_TRANSLATE_NOOP("DossierActions", "&Note (optional):")),
    "return_result": ActionSpec(
        QT_TRANSLATE_NOOP("DossierActions", "Return the result…"), "Ctrl+Shift+T", "receiver_name",
        QT_TRANSLATE_NOOP("DossierActions", "&Name of the person receiving the result:"), True),
    "refuse": ActionSpec(
        QT_TRANSLATE_NOOP("DossierActions", "Refuse…"), "Ctrl+Shift+O", "note",
        QT_TRANSLATE_NOOP("DossierActions", "&Reason for refusal:"), True),
    "stop": ActionSpec(
        QT_TRANSLATE_NOOP("DossierActions", "Stop processing…"), "Ctrl+Shift+D", "note",
        QT_TRANSLATE_NOOP("DossierActions", "&Reason for stopping:"), True),
    "withdraw": ActionSpec(
        QT_TRANSLATE_NOOP("DossierActions", "Withdraw at the citizen's request…"), "Ctrl+Shift+R", "note",
        QT_TRANSLATE_NOOP("DossierActions", "&Reason given by the citizen:"), True),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("DossierActions", text)


def possible_actions(view: DossierView) -> list[str]:
    """The steps the rules allow now, main step first and the ending steps last."""
    steps = [a for a in view.allowed_actions if a not in INTAKE_ONLY and a in ACTIONS]
    return sorted(steps, key=lambda a: 0 if a in MAIN_STEPS else 2 if a in ENDING_STEPS else 1)


def offered_actions(view: DossierView, may=lambda _action: True) -> list[str]:
    """The possible steps the officer's role ``may`` take."""
    return [a for a in possible_actions(view) if may(a)]


def button_text(action: str) -> str:
    spec = ACTIONS[action]
    return f"{_t(spec.button)} ({spec.keys})"


def step_name(action: str) -> str:
    return _t(ACTIONS[action].button).rstrip("…")


def intake_form_id(view: DossierView) -> str | None:
    """The form the dossier's intake called for (01, 02 or 03)."""
    if not view.events:
        return None
    action = view.events[0].action
    return FORM_FOR_ACTION.get(Action(action)) if action in {a.value for a in Action} else None


def current_form_id(view: DossierView) -> str | None:
    """The intake form that applies now: a correction of the papers may have turned a receipt
    (01) into a request to supplement (02), or the other way round."""
    form = intake_form_id(view)
    for event in view.events:
        if event.action == Action.CORRECT.value and "complete" in event.payload and form in ("01", "02"):
            form = "01" if event.payload["complete"] else "02"
    return form


def form_outdated(view: DossierView, form_id: str) -> bool:
    """No copy of the form yet, or the newest copy was made before the last correction."""
    made = [d.created_at for d in view.documents if d.kind == f"form_{form_id}"]
    corrected = [e.at for e in view.events if e.action == Action.CORRECT.value]
    return not made or bool(corrected) and max(made) < max(corrected)


def target_status(view: DossierView, action: str) -> int:
    transferred = transferred_by(e.action for e in view.events)
    return int(next_status(Status(view.status), Action(action), was_transferred=transferred))


class ActionDialog(QDialog):
    """Confirm one action; asks for its text and will not accept an empty required answer."""

    confirmed = Signal(str, dict)  # action, keyword arguments for ``dossiers.apply``

    def __init__(self, view: DossierView, action: str, parent=None):
        super().__init__(parent)
        self.action = action
        self.spec = ACTIONS[action]
        self.setWindowTitle(step_name(action))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        change = self.tr("Dossier {code}: {old} → {new}").format(
            code=view.code, old=status_name(view.status), new=status_name(target_status(view, action)))
        layout.addWidget(label(change, "heading", wrap=True))
        layout.addWidget(label(view.applicant_name + " · " + view.procedure_name, "muted", wrap=True))
        self.answer = QLineEdit()
        layout.addWidget(buddy_label(_t(self.spec.prompt), self.answer))
        layout.addWidget(self.answer)
        self.error = label("", "field-error", wrap=True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("&Confirm"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.answer.setFocus()

    def accept(self) -> None:
        text = self.answer.text().strip()
        if self.spec.required and not text:
            self.error.setText(self.tr("This cannot be empty: it goes into the dossier's record."))
            self.error.show()
            set_invalid(self.answer, True)
            self.answer.setFocus()
            return
        super().accept()
        self.confirmed.emit(self.action, {self.spec.field: text} if text else {})
