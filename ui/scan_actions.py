""""Scan papers…" on the dossier detail: opens the scan dialog for the paper chosen in the
detail's papers table, and shows the dossier again once a component's PDF is kept.

``install`` adds the button under the papers table, so wiring it is one call from the
window's builder (no change to the detail screen itself).
"""
from __future__ import annotations

from ui.qt import QCoreApplication, QHBoxLayout, QPushButton
from ui.scan_dialog import ScanDialog
from ui.scan_profile_picker import follow_paper_defaults


class ScanActions:
    def __init__(self, detail, runner, device_runner, options: dict):
        """``options``: ScanDialog keywords (scanners, page_sources, separator_decoder, profiles)."""
        self.detail, self._runner, self._device_runner = detail, runner, device_runner
        self._options = dict(options)
        self.dialog: ScanDialog | None = None
        self.button: QPushButton | None = None

    @classmethod
    def install(cls, detail, runner, device_runner, **options) -> "ScanActions":
        actions = cls(detail, runner, device_runner, options)
        card_layout = detail.components.parentWidget().layout()  # the "Papers" card
        row = QHBoxLayout()
        actions.button = QPushButton(QCoreApplication.translate("ScanActions", "Sc&an papers…"))
        actions.button.setToolTip(QCoreApplication.translate(
            "ScanActions", "Scan, photograph or import the pages of the chosen paper."))
        actions.button.clicked.connect(lambda: actions.open())
        row.addWidget(actions.button)
        row.addStretch(1)
        card_layout.insertLayout(card_layout.indexOf(detail.components) + 1, row)
        detail.scanning = actions
        return actions

    def open(self, component_code: str | None = None) -> ScanDialog | None:
        view = self.detail.view
        if view is None or not view.components:
            return None
        if component_code is None:
            row = self.detail.components.currentRow()
            component_code = view.components[row if 0 <= row < len(view.components) else 0].code
        dialog = self.dialog = ScanDialog(self.detail._core, self._runner, self._device_runner, view, component_code,
                                          parent=self.detail, **self._options)
        follow_paper_defaults(dialog, lambda core=self.detail._core: core.settings().devices.scan_profile_defaults,
                              self._runner)
        dialog.saved.connect(lambda _code, _document: self.detail.reload())
        dialog.finished.connect(lambda _result: self.detail.window().activateWindow())  # keys back to the screen
        dialog.open()
        dialog.strip.setFocus()
        return dialog
