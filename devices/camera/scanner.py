"""The document camera behind the ``Scanner`` port: headless auto-capture (CLI, page workflow).

``scan("camera:0")`` watches the camera and returns each page that lay still, as PNG pages
with their effective dpi, until the profile's page count (flatbed: 1) is reached or
``max_frames`` went by. Devices: ``camera:0`` (index), ``camera:http://…`` or
``camera:/path/video.avi`` (OpenCV), ``camera:sim`` (the simulated desk). Faults keep the
pages already taken: ``details["pages"]`` of ScanCancelled or CameraDisconnected.
"""
from __future__ import annotations

import io
from typing import Callable

from counter_app.errors import CameraDisconnected, ScanCancelled, ScannerNotFound
from counter_app.ports import CancelToken, ScannedPage, ScannerInfo, ScanProfile, ScanSource
from devices.camera.pipeline import PageCapture


def open_camera(device: str):
    """The Camera for a ``camera:…`` device id."""
    if not device.startswith("camera:"):
        raise ScannerNotFound(f"{device!r} is not a camera; use camera:0, camera:URL or camera:sim.")
    source = device.split(":", 1)[1] or "0"
    if source == "sim":
        from devices.camera.simulated import SimulatedCamera

        return SimulatedCamera()
    from devices.camera.opencv_camera import OpenCvCamera

    return OpenCvCamera(source)


class CameraScanner:
    name = "camera"

    def __init__(self, *, max_frames: int = 600, camera_factory: Callable[[str], object] = open_camera):
        """``max_frames``: give up waiting for pages after this many frames (about a minute live)."""
        self.max_frames, self.camera_factory = max_frames, camera_factory

    def devices(self) -> list[ScannerInfo]:
        return [ScannerInfo("camera:0", "", "Document camera", "camera"),
                ScannerInfo("camera:sim", "Quầy Một Cửa", "Simulated document camera", "virtual")]

    def scan(self, device: str, profile: ScanProfile, *, progress=None,
             cancel: CancelToken | None = None) -> list[ScannedPage]:
        wanted = 1 if profile.source is ScanSource.FLATBED else (profile.max_pages or 0)
        camera = self.camera_factory(device)
        camera.open()  # CameraNotFound goes to the caller as it is: it says what to do
        capture = PageCapture()
        pages: list[ScannedPage] = []
        try:
            for _ in range(self.max_frames):
                if cancel and cancel.cancelled:
                    raise ScanCancelled("Capture was cancelled.", pages=pages)
                try:
                    frame = camera.read()
                except CameraDisconnected as exc:
                    raise CameraDisconnected(exc.message, pages=pages) from exc
                shot = capture.process(frame).shot
                if shot is None:
                    continue
                image = shot.render()
                buffer = io.BytesIO()
                image.save(buffer, "PNG", dpi=image.info["dpi"])
                page = ScannedPage(buffer.getvalue(), image.info["dpi"][0])
                pages.append(page)
                if progress:
                    progress(len(pages), page)
                if wanted and len(pages) >= wanted:
                    break
        finally:
            camera.close()
        return pages
