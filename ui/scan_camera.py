"""The document camera as a page source of the scan dialog.

Opens the camera dialog (``ui.camera_dialog.CameraDialog``) over the scan dialog; the pages
it hands over when the officer is done go into the component being scanned, like pages
from a scanner (same review, same PDF).
"""
from __future__ import annotations

from typing import Callable


def camera_page_source(make_camera: Callable[[], object], runner=None, **camera_options) -> Callable:
    """``make_camera``: builds the camera adapter (devices.camera); ``runner``: a device
    TaskRunner (default: the scan dialog's). Returns ``ScanDialog``'s ``page_sources["camera"]``."""

    def open_camera(scan_dialog):
        from ui.camera_dialog import CameraDialog

        dialog = CameraDialog(make_camera(), runner=runner or scan_dialog.device_runner, parent=scan_dialog,
                              **camera_options)
        dialog.pages_ready.connect(lambda pages: scan_dialog.add_pages(pages, source="camera"))
        scan_dialog.camera_dialog = dialog
        dialog.open()
        return None  # the pages come later, through pages_ready

    return open_camera
