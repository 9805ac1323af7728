"""Reading the citizen ID card's chip from the intake form.

The officer types (or checks, when a QR scan pre-filled them) the three things BAC
needs — ID number, birth date, expiry date — and presses Enter. The read runs on a
device worker; the dialog then shows the face, the data read and whether it is
authentic (passive authentication). "Use these details" hands back a ``CccdData``,
the same shape the QR path gives, so the form fills the same way.
"""
from __future__ import annotations

import re

from counter_app.errors import CounterError, InvalidInput
from counter_app.idcard import CccdData
from counter_app.idcard.chip import ChipRecord, bac_prefill
from counter_app.idcard.mrz import BacKey
from counter_app.idcard.sod import Chain
from ui.messages import describe
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPixmap,
    QProgressBar,
    Qt,
    QVBoxLayout,
)
from ui.widgets import Banner, buddy_label, label, set_invalid
from ui.workers import TaskRunner

_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def to_yymmdd(text: str) -> str:
    """Accept YYMMDD as printed in the MRZ, or dd/mm/yyyy as printed on the card's face."""
    text = text.strip()
    match = _DMY.match(text)
    if match:
        day, month, year = match.groups()
        return f"{int(year) % 100:02d}{int(month):02d}{int(day):02d}"
    return text.replace(" ", "")


class ChipDialog(QDialog):
    def __init__(self, reader, parent=None, *, runner: TaskRunner | None = None, card: CccdData | None = None):
        super().__init__(parent)
        self.reader = reader
        self.runner = runner or TaskRunner(self)
        self.record: ChipRecord | None = None
        self.reading = False
        self.setWindowTitle(self.tr("Read the ID card chip"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Put the ID card on the reader. Check the three details below against "
                                       "the card, then press Enter."), wrap=True))
        form = QFormLayout()
        self.doc_number = QLineEdit()
        self.doc_number.setPlaceholderText(self.tr("12-digit ID number"))
        self.birth = QLineEdit()
        self.birth.setPlaceholderText(self.tr("dd/mm/yyyy or YYMMDD"))
        self.expiry = QLineEdit()
        self.expiry.setPlaceholderText(self.tr("dd/mm/yyyy or YYMMDD (\"Có giá trị đến\")"))
        for text, widget in ((self.tr("&ID number:"), self.doc_number), (self.tr("&Birth date:"), self.birth),
                             (self.tr("E&xpiry date:"), self.expiry)):
            form.addRow(buddy_label(text, widget), widget)
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: a chip read takes a few seconds
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.banner = Banner()
        layout.addWidget(self.banner)
        result = QHBoxLayout()
        self.face = QLabel()
        self.face.setFixedSize(120, 150)
        self.face.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.face.setAccessibleName(self.tr("Face photo from the chip"))
        self.face.hide()
        result.addWidget(self.face)
        self.details = label("", wrap=True, selectable=True)
        result.addWidget(self.details, 1)
        layout.addLayout(result)
        self.buttons = QDialogButtonBox()
        self.read_button = self.buttons.addButton(self.tr("&Read chip"), QDialogButtonBox.ButtonRole.ActionRole)
        self.use_button = self.buttons.addButton(self.tr("&Use these details"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.use_button.setEnabled(False)
        self.read_button.setDefault(True)
        self.read_button.clicked.connect(self.read)
        self.use_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        # Enter reads (the default button); after a good read "Use these details" becomes the default.
        if card is not None:
            self.prefill(card)
        self.doc_number.setFocus()

    def prefill(self, card: CccdData) -> None:
        """What a scanned QR gives: the ID and birth date; the expiry is only suggested."""
        _doc, birth, expiry = bac_prefill(card)
        self.doc_number.setText(card.id_number)
        self.birth.setText(f"{card.birth_date:%d/%m/%Y}" if card.birth_date else "")
        if expiry:
            self.expiry.setText(f"{expiry[4:6]}/{expiry[2:4]}/20{expiry[0:2]}")
            self.banner.show_message("info", self.tr("Filled in from the QR code. The expiry date is worked out "
                                                     "from the birth and issue dates: check it on the card."))
        (self.expiry if not expiry else self.doc_number).setFocus()

    def key(self) -> BacKey:
        fields = {"doc_number": self.doc_number, "birth": self.birth, "expiry": self.expiry}
        for widget in fields.values():
            set_invalid(widget, False)
        try:
            return BacKey.from_input(self.doc_number.text(), to_yymmdd(self.birth.text()),
                                     to_yymmdd(self.expiry.text()))
        except InvalidInput as error:
            widget = fields.get(error.details.get("field", ""), self.doc_number)
            set_invalid(widget, True)
            widget.setFocus()
            raise

    def read(self) -> None:
        if self.reading:
            return
        try:
            key = self.key()
        except InvalidInput as error:
            self.banner.show_message("error", self._input_problem(error))
            return
        self.reading = True
        self.record = None
        self.use_button.setEnabled(False)
        self.read_button.setDefault(True)
        self.read_button.setEnabled(False)
        self.progress.show()
        self.banner.show_message("info", self.tr("Reading the chip… keep the card still on the reader."))
        self.runner.submit(lambda: self.reader.read(key), on_result=self._read_done, on_error=self._read_failed,
                           on_finished=self._finished, owner=self)

    def _input_problem(self, error: InvalidInput) -> str:
        return {
            "doc_number": self.tr("Type the 12-digit ID number printed on the card."),
            "birth": self.tr("Type the birth date as on the card, for example 01/01/1990."),
            "expiry": self.tr("Type the expiry date (\"Có giá trị đến\") as on the card, for example 01/01/2040."),
        }.get(error.details.get("field", ""), describe(error).full())

    def _finished(self) -> None:
        self.reading = False
        self.progress.hide()
        self.read_button.setEnabled(True)

    def _read_failed(self, error: BaseException) -> None:
        self.details.clear()
        self.face.hide()
        if not isinstance(error, CounterError):
            error = CounterError(str(error) or type(error).__name__)
        self.banner.show_error(describe(error))
        self.doc_number.setFocus()

    def _read_done(self, record: ChipRecord) -> None:
        self.record = record
        self._show_face(record)
        self._show_details(record)
        pa = record.authentication
        if pa.ok:
            chain = (self.tr("The issuing authority's certificate was checked too.") if pa.chain is Chain.VALID
                     else self.tr("The issuing authority's certificate was not checked (no CSCA certificate is "
                                  "configured)."))
            self.banner.show_message("ok", self.tr("Authentic: the data read matches the chip's signature.") + " "
                                     + chain)
            self.use_button.setEnabled(True)
            self.use_button.setDefault(True)
            self.use_button.setFocus()
        else:
            self.banner.show_message("error", self.tr("Not authentic: the chip's data does not match its "
                                                      "signature. Do not use it; type the details from the card.")
                                     + "\n(" + "; ".join(pa.problems) + ")")

    def _show_face(self, record: ChipRecord) -> None:
        pixmap = QPixmap()
        if record.face is not None and pixmap.loadFromData(record.face.data):
            self.face.setPixmap(pixmap.scaled(self.face.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
        else:  # e.g. JPEG 2000 without Qt's image plugin
            self.face.setText(self.tr("(photo cannot be shown)") if record.face else self.tr("(no photo)"))
        self.face.show()

    def _show_details(self, record: ChipRecord) -> None:
        card, p = record.to_cccd(), record.personal
        rows = [
            (self.tr("Full name"), card.full_name), (self.tr("ID number"), card.id_number),
            (self.tr("Birth date"), f"{card.birth_date:%d/%m/%Y}" if card.birth_date else ""),
            (self.tr("Sex"), card.sex), (self.tr("Ethnicity"), p.ethnicity), (self.tr("Religion"), p.religion),
            (self.tr("Home town"), p.home_town), (self.tr("Residence"), p.residence),
            (self.tr("Father"), p.father), (self.tr("Mother"), p.mother), (self.tr("Old ID number"), p.old_id),
            (self.tr("Issued"), p.issue_date), (self.tr("Valid until"), p.expiry_date),
        ]
        self.details.setText("\n".join(f"{name}: {value}" for name, value in rows if value))

    def card(self) -> CccdData | None:
        """The details to fill the form with (after "Use these details")."""
        return self.record.to_cccd() if self.record is not None and self.record.authentication.ok else None

    def reject(self) -> None:
        if self.reading:
            return  # the reader is busy; the read ends in a few seconds either way
        super().reject()


def open_chip_dialog(parent, reader, runner: TaskRunner, on_card, *, card: CccdData | None = None) -> ChipDialog:
    """Open the dialog window-modally (no nested event loop); ``on_card(CccdData)`` runs on
    "Use these details". The dialog deletes itself when closed."""
    dialog = ChipDialog(reader, parent, runner=runner, card=card)

    def finished(result: int) -> None:
        chosen = dialog.card()
        if result == QDialog.DialogCode.Accepted and chosen is not None:
            on_card(chosen)
        dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()
    # Showing lets the button box make its (still disabled) accept button the default:
    # until a card is read, Enter must read.
    dialog.read_button.setDefault(True)
    return dialog
