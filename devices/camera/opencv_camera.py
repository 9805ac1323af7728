"""``Camera`` adapter over ``cv2.VideoCapture``: a USB document camera, a webcam, a phone's
video stream (``http://…``, ``rtsp://…``) or a video file.

A reader thread owns the capture and keeps reading, so a slow consumer always gets the
newest picture rather than one from seconds ago (live sources drop old frames). A video
file is read frame by frame without dropping, which makes it a faithful test source.
``read`` waits at most ``timeout`` seconds; no frame by then, or the stream ended or
broke, raises CameraDisconnected. The capture is released on ``close``.
"""
from __future__ import annotations

import threading
from pathlib import Path

import cv2
import numpy as np

from counter_app.errors import CameraDisconnected, CameraNotFound
from counter_app.ports import DeviceState, DeviceStatus


def parse_source(source: int | str) -> int | str:
    """"0", 0 → device index 0; anything else is a path or URL."""
    if isinstance(source, str) and source.strip().isdigit():
        return int(source)
    return source


class OpenCvCamera:
    name = "opencv"

    def __init__(self, source: int | str = 0, *, resolution: tuple[int, int] | None = (1280, 720),
                 timeout: float = 3.0, drop_frames: bool | None = None):
        self.source = parse_source(source)
        self.resolution, self.timeout = resolution, timeout
        is_file = isinstance(self.source, str) and Path(self.source).is_file()
        self.drop_frames = (not is_file) if drop_frames is None else drop_frames
        self._lock = threading.Condition()
        self._frame: np.ndarray | None = None
        self._error: str | None = None
        self._stop = False
        self._thread: threading.Thread | None = None
        self.frames_read = 0

    def status(self) -> DeviceStatus:
        if self._thread is not None and self._thread.is_alive():
            return DeviceStatus(DeviceState.READY, str(self.source))
        if self._error:
            return DeviceStatus(DeviceState.OFFLINE, self._error)
        return DeviceStatus(DeviceState.UNKNOWN, str(self.source))

    def open(self) -> None:
        if self._thread is not None:
            return
        capture = cv2.VideoCapture(self.source)
        if not capture.isOpened():
            capture.release()
            raise CameraNotFound(f"No camera at {self.source!r} (not connected, in use, or not a video).",
                                 source=str(self.source))
        if self.resolution and not isinstance(self.source, str):
            # A request: the driver picks the nearest mode it has (reported in ``actual_resolution``).
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.resolution[0])
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.resolution[1])
        self.actual_resolution = (int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)),
                                  int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)))
        self._stop, self._error, self._frame = False, None, None
        self._thread = threading.Thread(target=self._run, args=(capture,), name="camera-reader", daemon=True)
        self._thread.start()

    def _run(self, capture) -> None:  # reader thread: the only one touching ``capture``
        try:
            while True:
                ok, frame = capture.read()
                with self._lock:
                    if self._stop:
                        return
                    if not ok or frame is None:
                        self._error = "The camera stopped sending pictures (unplugged, or the stream ended)."
                        self._lock.notify_all()
                        return
                    if not self.drop_frames:
                        # A file: wait until the previous frame was taken, so none is skipped.
                        while self._frame is not None and not self._stop:
                            self._lock.wait(0.5)
                        if self._stop:
                            return
                    self._frame = frame
                    self._lock.notify_all()
        finally:
            capture.release()

    def read(self) -> np.ndarray:
        if self._thread is None:
            self.open()
        with self._lock:
            if not self._lock.wait_for(lambda: self._frame is not None or self._error is not None,
                                       timeout=self.timeout):
                raise CameraDisconnected(f"No picture from the camera for {self.timeout:g} s.",
                                         source=str(self.source))
            if self._frame is None:
                raise CameraDisconnected(self._error or "The camera stopped.", source=str(self.source),
                                         frames=self.frames_read)
            frame, self._frame = self._frame, None
            self.frames_read += 1
            self._lock.notify_all()
            return frame

    def close(self) -> None:
        thread = self._thread
        if thread is None:
            return
        with self._lock:
            self._stop = True
            self._lock.notify_all()
        thread.join(timeout=self.timeout + 2)
        self._thread = None
