"""The scan dialog picks each paper's default profile (settings ``devices.scan_profile_defaults``).

Attached from outside (``follow_paper_defaults(dialog, defaults)``) so the scan dialog
itself stays as it is: when the officer moves to another paper, or when the profiles
arrive from the core worker, the profile combo switches to that paper's profile. A
profile the officer chose by hand stays until the paper changes.
"""
from __future__ import annotations

from counter_app.capture.profiles import profile_for_component
from counter_app.errors import UnknownScanProfile


class PaperDefaults:
    def __init__(self, dialog, defaults: dict):
        self.dialog, self.defaults = dialog, dict(defaults)
        dialog.component.currentIndexChanged.connect(lambda _index: self.apply())
        dialog.profile.model().rowsInserted.connect(self._profiles_added)
        self.apply()

    def _profiles_added(self, *_args) -> None:
        if self.dialog.profile.count() == len(self.dialog.profiles):  # the whole list is in
            self.apply()

    def apply(self) -> str | None:
        """Select the current paper's default profile; returns its name (None: the paper has none)."""
        dialog = self.dialog
        code = dialog.current_code
        name = next((c.name for c in dialog.dossier.components if c.code == code), "")
        if not name or not dialog.profiles or dialog.profile.count() != len(dialog.profiles):
            return None
        try:
            profile = profile_for_component(dialog.profiles, self.defaults, name)
        except UnknownScanProfile:
            return None  # the default names a profile this dialog was not given: keep the choice
        if profile is None or profile not in dialog.profiles:
            return None
        dialog.profile.setCurrentIndex(dialog.profiles.index(profile))
        return profile.name


    def set_defaults(self, defaults: dict) -> None:
        self.defaults = dict(defaults or {})
        self.apply()


def follow_paper_defaults(dialog, defaults, runner=None) -> PaperDefaults:
    """``defaults``: paper name → profile name, or a callable returning it (e.g. reading the
    settings) that runs on ``runner`` (the core worker) so the UI thread never waits on the DB."""
    picker = PaperDefaults(dialog, {} if callable(defaults) else defaults)
    dialog._paper_defaults = picker  # lives as long as the dialog
    if callable(defaults):
        runner.submit(defaults, on_result=picker.set_defaults, owner=dialog)
    return picker
