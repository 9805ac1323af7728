"""The verification view: each signature of a PDF in plain words, and its completion state.

It shows what the verifier (``devices.signing.verify.verify_pdf`` through the composition
root) found offline: who signed, the time the signer's computer claimed and whether a
trusted timestamp proves it, integrity, the certificate chain, and revocation (checked from
the data inside the PDF, or "not checked (offline)").
"""
from __future__ import annotations

from ui.labels import fmt_datetime, signature_level_name
from ui.qt import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem,
                   QVBoxLayout, Signal)
from ui.widgets import label


class SignatureView(QDialog):
    complete_requested = Signal()

    def __init__(self, filename: str, reports, job=None, parent=None, *, can_complete: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signatures of {file}").format(file=filename))
        self.resize(760, 500)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.summary(reports), "heading", wrap=True))
        self.completion_label = label(self.completion(job) if job is not None else "", wrap=True)
        self.completion_label.setVisible(job is not None)
        layout.addWidget(self.completion_label)
        headers = [self.tr("Result"), self.tr("Signer"), self.tr("Signed at (signer's computer)"),
                   self.tr("Trusted time"), self.tr("Integrity"), self.tr("Certificate chain"),
                   self.tr("Revocation"), self.tr("Level")]
        self.rows = [self.row(r) for r in reports]
        # One column per signature, one line per question: reads top-down like a form.
        self.table = QTableWidget(len(headers), len(self.rows))
        self.table.setVerticalHeaderLabels(headers)
        self.table.setHorizontalHeaderLabels([self.tr("Signature {n}").format(n=n + 1)
                                              for n in range(len(self.rows))])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        level_row = len(headers) - 1
        for c, values in enumerate(self.rows):
            for r, value in enumerate(values):
                item = QTableWidgetItem(value)
                if r == level_row:
                    item.setToolTip(signature_level_name(value))
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        # The level codes (B-B, B-LT…) are the standard's words: say beside the table what they mean.
        levels = dict.fromkeys(r.level for r in reports)
        self.levels_label = label("\n".join(signature_level_name(level) for level in levels), "muted", wrap=True)
        self.levels_label.setVisible(bool(levels))
        layout.addWidget(self.levels_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.complete_button = buttons.addButton(self.tr("Add timestamp now"), QDialogButtonBox.ButtonRole.ActionRole)
        self.complete_button.setVisible(can_complete)
        self.complete_button.clicked.connect(self.complete_requested.emit)
        layout.addWidget(buttons)

    def summary(self, reports) -> str:
        if not reports:
            return self.tr("This PDF has no digital signature.")
        bad = sum(1 for r in reports if not r.ok)
        if bad:
            return self.tr("{bad} of {count} signature(s) are NOT valid: see below.").format(bad=bad,
                                                                                        count=len(reports))
        return self.tr("All {count} signature(s) are valid.").format(count=len(reports))

    def row(self, r) -> tuple[str, ...]:
        revocation = {"good": self.tr("not revoked (checked)"), "revoked": self.tr("REVOKED"),
                      }.get(r.revocation, self.tr("not checked (offline)"))
        chain = (self.tr("trusted, up to {root}").format(root=_cn(r.chain[-1])) if r.trusted and r.chain
                 else self.tr("NOT trusted (not issued by a configured root CA)"))
        return (
            self.tr("Valid") if r.ok else self.tr("NOT valid"),
            r.signer,
            fmt_datetime(_local(r.claimed_time)) or "—",
            fmt_datetime(_local(r.trusted_time)) if r.trusted_time else self.tr("not proven (no timestamp yet)"),
            self.tr("intact") if r.intact and r.valid else self.tr("CHANGED after signing"),
            chain,
            revocation,
            r.level,
        )

    def completion(self, job) -> str:
        state = {"pending": self.tr("waiting for the network"), "done": self.tr("completed"),
                 "failed": self.tr("failed")}.get(job.state, self.tr("unknown"))
        text = self.tr("Completion (timestamp and revocation data): {state}, now {level}, target {target}.").format(
            state=state, level=job.level, target=job.target_level)
        if job.last_error:
            text += " " + self.tr("Last problem: {error}").format(error=job.last_error)
        meanings = dict.fromkeys((job.level, job.target_level))
        return "\n".join([text, *(signature_level_name(level) for level in meanings)])


def _cn(subject: str) -> str:
    for part in subject.split(","):
        if part.strip().startswith("Common Name:"):
            return part.split(":", 1)[1].strip()
    return subject


def _local(value):
    return value.astimezone().replace(tzinfo=None) if value is not None and value.tzinfo else value
