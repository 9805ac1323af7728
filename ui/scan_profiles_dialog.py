"""Tools › Scan profiles…: add, change and delete the named scan settings per document type.

Keyboard first: the list has focus, Enter or Alt+N goes to the form, Alt+S saves, Del
deletes. Every change is saved to the workspace settings at once on the core worker
(the core validates it again: unique names, 75-1200 dpi), and the list is read back.
"""
from __future__ import annotations

from dataclasses import replace

from counter_app.capture.profiles import (
    DEFAULT_PROFILES,
    PAGE_SIZES,
    check_component_defaults,
    find_profile,
    page_size_name,
    profile_from_dict,
    profile_to_dict,
    scan_profiles,
)
from counter_app.ports import ScanMode, ScanProfile, ScanSource
from ui.messages import describe
from ui.qt import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QKeySequence,
    QLineEdit,
    QListWidget,
    QPushButton,
    QShortcut,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.widgets import Banner, buddy_label, label, primary_button


class ScanProfilesDialog(QDialog):
    def __init__(self, core, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.runner = core, runner
        self.profiles: list[ScanProfile] = []
        self.defaults: dict[str, str] = {}  # paper name → profile name
        self.setWindowTitle(self.tr("Scan profiles"))
        self.resize(820, 480)
        self._build()
        self.reload()

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Scan profiles"), "title"))
        layout.addWidget(label(self.tr("Named scan settings per kind of paper. The scan dialog offers them; a "
                                       "paper listed under \"Default for papers\" is scanned with its profile "
                                       "unless another is chosen."), "muted", wrap=True))
        self.banner = Banner()
        layout.addWidget(self.banner)
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setMinimumWidth(300)
        left.addWidget(buddy_label(self.tr("&Profiles:"), self.list))
        left.addWidget(self.list, 1)
        body.addLayout(left, 2)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.source_box = QComboBox()
        for source, text in ((ScanSource.FLATBED, self.tr("Glass (one page)")),
                             (ScanSource.ADF, self.tr("Feeder, one side")),
                             (ScanSource.DUPLEX, self.tr("Feeder, both sides"))):
            self.source_box.addItem(text, source.value)
        self.resolution_box = QSpinBox()
        self.resolution_box.setRange(75, 1200)
        self.resolution_box.setSingleStep(25)
        self.resolution_box.setSuffix(" dpi")
        self.mode_box = QComboBox()
        for mode, text in ((ScanMode.GRAY, self.tr("Grey")), (ScanMode.LINEART, self.tr("Black and white")),
                           (ScanMode.COLOR, self.tr("Colour"))):
            self.mode_box.addItem(text, mode.value)
        self.size_box = QComboBox()
        for name in PAGE_SIZES:
            self.size_box.addItem(name, name)
        self.max_pages_box = QSpinBox()
        self.max_pages_box.setRange(0, 500)
        self.max_pages_box.setSpecialValueText(self.tr("until the feeder is empty"))
        self.papers_edit = QLineEdit()
        self.papers_edit.setPlaceholderText(self.tr("paper names, separated by ;"))
        for text, widget in ((self.tr("&Name:"), self.name_edit), (self.tr("S&ource:"), self.source_box),
                             (self.tr("&Resolution:"), self.resolution_box), (self.tr("&Colour:"), self.mode_box),
                             (self.tr("Pa&ge size:"), self.size_box), (self.tr("&Max pages:"), self.max_pages_box),
                             (self.tr("Default for pap&ers:"), self.papers_edit)):
            form.addRow(buddy_label(text, widget), widget)
        body.addLayout(form, 3)
        layout.addLayout(body, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Ne&w"))
        self.save_button = primary_button(self.tr("&Save"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.restore_button = QPushButton(self.tr("Restore &built-in profiles"))
        self.close_button = QPushButton(self.tr("C&lose"))
        for button in (self.new_button, self.save_button, self.delete_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.save_button.setAutoDefault(False)  # Enter in the list opens the form, it does not save
        self.list.currentRowChanged.connect(self._show_row)
        self.list.itemActivated.connect(lambda _item: self.name_edit.setFocus())
        self.new_button.clicked.connect(self.new_profile)
        self.save_button.clicked.connect(self.save_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.restore_button.clicked.connect(self.restore_defaults)
        self.close_button.clicked.connect(self.accept)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current)

    # -- data ---------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        def load():
            devices = self.core.settings().devices
            profiles = scan_profiles(devices.scan_profiles)
            # A default may name its profile by a command-line short name: show the real one.
            return profiles, {paper: find_profile(profiles, name).name
                              for paper, name in devices.scan_profile_defaults.items()}

        self.runner.submit(load, on_result=lambda result: self._show(*result, select=select),
                           on_error=self._error, owner=self)

    def _show(self, profiles: list[ScanProfile], defaults: dict, *, select: str | None = None) -> None:
        self.profiles, self.defaults = list(profiles), dict(defaults)
        self.list.blockSignals(True)
        self.list.clear()
        for profile in self.profiles:
            self.list.addItem(f"{profile.name} · {profile.resolution} dpi · {page_size_name(profile)}")
        self.list.blockSignals(False)
        names = [p.name for p in self.profiles]
        self.list.setCurrentRow(names.index(select) if select in names else 0 if names else -1)
        self._show_row(self.list.currentRow())

    def _show_row(self, row: int) -> None:
        profile = self.profiles[row] if 0 <= row < len(self.profiles) else ScanProfile("")
        self.name_edit.setText(profile.name)
        self.source_box.setCurrentIndex(self.source_box.findData(profile.source.value))
        self.resolution_box.setValue(profile.resolution)
        self.mode_box.setCurrentIndex(self.mode_box.findData(profile.mode.value))
        self.size_box.setCurrentIndex(max(self.size_box.findData(page_size_name(profile)), 0))
        self.max_pages_box.setValue(profile.max_pages)
        self.papers_edit.setText("; ".join(p for p, name in self.defaults.items() if name == profile.name))

    def form_profile(self) -> ScanProfile:
        """The profile as typed in the form (InvalidInput if it is not valid)."""
        return profile_from_dict({"name": self.name_edit.text(), "source": self.source_box.currentData(),
                                  "resolution": self.resolution_box.value(), "mode": self.mode_box.currentData(),
                                  "page_size": self.size_box.currentData(),
                                  "max_pages": self.max_pages_box.value()})

    # -- actions ------------------------------------------------------------------------

    def new_profile(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self._show_row(-1)
        self.name_edit.setFocus()

    def save_current(self) -> None:
        try:
            profile = self.form_profile()
        except Exception as exc:  # noqa: BLE001 - InvalidInput, shown like the core's errors
            return self._error(exc)
        row = self.list.currentRow()
        profiles = list(self.profiles)
        old_name = profiles[row].name if 0 <= row < len(profiles) else None
        if old_name is None:
            profiles.append(profile)
        else:
            profiles[row] = profile
        papers = [p.strip() for p in self.papers_edit.text().split(";") if p.strip()]
        defaults = {paper: name for paper, name in self.defaults.items() if name not in (old_name, profile.name)}
        defaults.update({paper: profile.name for paper in papers})
        self._store(profiles, defaults, profile.name, self.tr("Profile \"{name}\" saved.").format(name=profile.name))

    def delete_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.profiles):
            return
        name = self.profiles[row].name
        profiles = [p for i, p in enumerate(self.profiles) if i != row]
        defaults = {paper: n for paper, n in self.defaults.items() if n != name}
        message = self.tr("Profile \"{name}\" deleted.").format(name=name)
        if not profiles:
            message = self.tr("The last profile was deleted: the built-in profiles are back.")
        self._store(profiles, defaults, None, message)

    def restore_defaults(self) -> None:
        names = {p.name for p in DEFAULT_PROFILES}
        kept = [p for p in self.profiles if p.name not in names]
        self._store([*DEFAULT_PROFILES, *kept], self.defaults, None,
                    self.tr("The built-in profiles were restored; your own profiles are kept."))

    def _store(self, profiles: list[ScanProfile], defaults: dict, select: str | None, done: str) -> None:
        core = self.core

        def save():
            checked = scan_profiles([profile_to_dict(p) for p in profiles]) if profiles else []
            check_component_defaults(checked or list(DEFAULT_PROFILES), defaults)
            settings = core.settings()
            devices = replace(settings.devices, scan_profiles=[profile_to_dict(p) for p in checked],
                              scan_profile_defaults=dict(defaults))
            core.save_settings(replace(settings, devices=devices))

        def saved(_result) -> None:
            self.banner.show_message("ok", done)
            self.reload(select)
            self.list.setFocus()

        self.runner.submit(save, on_result=saved, on_error=self._error, owner=self)

    def _error(self, exc: BaseException) -> None:
        self.banner.show_error(describe(exc))
