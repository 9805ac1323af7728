"""Document camera: page detection, straightening, deskew, clean-up, auto-capture, the OpenCV
adapter on real video files, and QR reading from camera frames (simulated feed, real OpenCV)."""
from __future__ import annotations

import http.server
import io
import math
import threading

import cv2
import numpy as np
import pytest
from PIL import Image

from counter_app.capture import pages_to_pdf
from counter_app.errors import (
    CameraDisconnected,
    CameraError,
    CameraNotFound,
    QrNotCccd,
    QrUnreadable,
    ScanCancelled,
)
from counter_app.idcard import parse_cccd
from counter_app.ports import Camera, CancelToken, Scanner, ScanMode, ScanProfile, ScanSource
from devices.camera import page_detect
from devices.camera.opencv_camera import OpenCvCamera, parse_source
from devices.camera.pipeline import PageCapture, Shot
from devices.camera.scanner import CameraScanner
from devices.camera.simulated import SimulatedCamera, Timeline
from devices.camera.stillness import StillnessDetector
from devices.qr.zxing_reader import ZxingQrReader
from devices.scanners.simulated import render_page


def still_frames(camera: SimulatedCamera, visits: int):
    t = camera.timeline
    for visit in range(visits):
        for step in range(t.moving, t.moving + t.still, 3):
            yield visit * t.period + step


# -- detection ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_page_corners_match_the_ground_truth(seed):
    camera = SimulatedCamera(seed=seed, pages=3)
    for index in still_frames(camera, 3):
        found = page_detect.find_page(camera.frame(index))
        assert found is not None, f"no page in frame {index}"
        assert page_detect.corner_error(found, camera.truth(index)) < 0.01, index


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_noisy_jpeg_frames_are_found_too(seed):
    camera = SimulatedCamera(seed=seed, noise=10)  # a cheap webcam in a dim office
    index = camera.timeline.moving + 4
    encoded = cv2.imencode(".jpg", camera.frame(index), [cv2.IMWRITE_JPEG_QUALITY, 60])[1]
    found = page_detect.find_page(cv2.imdecode(encoded, cv2.IMREAD_COLOR))
    assert found is not None and page_detect.corner_error(found, camera.truth(index)) < 0.01


def test_late_moving_frames_are_found_too():
    camera = SimulatedCamera(seed=7)
    index = camera.timeline.moving - 1  # the page is nearly down, still sliding
    found = page_detect.find_page(camera.frame(index))
    assert found is not None and page_detect.corner_error(found, camera.truth(index)) < 0.03


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_empty_desk_has_no_page(seed):
    camera = SimulatedCamera(seed=seed)
    gap = camera.timeline.moving + camera.timeline.still
    assert camera.truth(gap) is None
    assert page_detect.find_page(camera.frame(gap)) is None


def test_plain_images_have_no_page():
    assert page_detect.find_page(np.full((720, 1280, 3), 128, np.uint8)) is None
    noise = np.random.default_rng(0).integers(0, 255, (720, 1280), dtype=np.uint8)
    assert page_detect.find_page(noise) is None


@pytest.mark.parametrize("degrees", [0, 10, 44, 45, 46, 80, 135, 200, 300])
def test_corners_are_ordered_whatever_the_rotation(degrees):
    theta = math.radians(degrees)
    rectangle = [(-100, -140), (100, -140), (100, 140), (-100, 140)]
    cos, sin = math.cos(theta), math.sin(theta)
    points = np.array([(500 + x * cos - y * sin, 400 + x * sin + y * cos) for x, y in rectangle], dtype=np.float32)
    shuffled = points[[2, 0, 3, 1]]
    ordered = page_detect.order_corners(shuffled)
    assert int(np.argmin(ordered.sum(axis=1))) == 0  # starts at the top-left-most corner
    # Clockwise on screen: the signed area (shoelace, y down) is positive.
    x, y = ordered[:, 0], ordered[:, 1]
    assert 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) > 0
    assert {tuple(p) for p in ordered.round(3)} == {tuple(p) for p in points.round(3)}


# -- straightening, deskew, clean-up -------------------------------------------------------


def test_warped_page_has_the_a4_aspect():
    camera = SimulatedCamera(seed=3)
    index = camera.timeline.moving + 2
    frame = camera.frame(index)
    page = page_detect.warp_page(frame, page_detect.find_page(frame))
    h, w = page.shape[:2]
    assert h > w and abs(h / w - math.sqrt(2)) < 0.01


def test_a_non_a4_quad_keeps_its_own_aspect():
    square = np.array([[100, 100], [400, 110], [395, 400], [105, 395]], dtype=np.float32)
    w, h = page_detect.page_size(square)
    assert abs(h / w - 1.0) < 0.05
    landscape = np.array([[100, 100], [700, 100], [700, 400], [100, 400]], dtype=np.float32)
    w, h = page_detect.page_size(landscape)
    assert w > h


@pytest.mark.parametrize("angle", [-4.3, -1.5, 0.8, 2.0, 3.7])
def test_deskew_recovers_a_known_small_angle(angle):
    page = render_page(1, dpi=100)
    tilted = np.asarray(page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=246))
    assert abs(page_detect.estimate_skew(tilted) - angle) <= 0.2
    level, removed = page_detect.deskew(tilted)
    assert abs(removed - angle) <= 0.2
    assert abs(page_detect.estimate_skew(level)) <= 0.2


def test_deskew_leaves_blank_and_level_pages_alone():
    blank = np.full((1100, 800), 240, np.uint8)
    assert page_detect.estimate_skew(blank) == 0.0
    level = np.asarray(render_page(2, dpi=100))
    image, removed = page_detect.deskew(level)
    assert removed == 0.0 and image is level


def test_clean_contrast_whitens_uneven_paper_and_keeps_the_ink():
    page = np.asarray(render_page(1, dpi=100), dtype=np.float32)
    h, w = page.shape
    shade = np.linspace(0.55, 1.0, w, dtype=np.float32)[None, :]  # a lamp on the right
    dim = (page * shade).astype(np.uint8)
    clean = page_detect.clean_contrast(dim)
    ink = np.asarray(render_page(1, dpi=100)) < 120
    paper = ~cv2.dilate(ink.astype(np.uint8), np.ones((9, 9), np.uint8)).astype(bool)
    left, right = paper[:, : w // 4], paper[:, -w // 4:]
    assert np.median(clean[:, : w // 4][left]) >= 245  # the dim side is white too
    assert np.median(clean[:, -w // 4:][right]) >= 245
    assert np.median(dim[:, : w // 4][left]) < 150  # (it was grey before)
    assert np.percentile(clean[ink], 50) < 90  # text still dark


def test_a_rendered_shot_is_a_grey_page_with_its_dpi_and_turns():
    camera = SimulatedCamera(seed=2)
    frame = camera.frame(camera.timeline.moving + 3)
    shot = Shot(frame, page_detect.find_page(frame))
    page = shot.render()
    assert page.mode == "L" and page.height > page.width
    assert page.info["dpi"][0] == page_detect.dpi_of(np.asarray(page))
    assert np.median(np.asarray(page)) == 255  # clean paper
    shot.rotation = 1
    turned = shot.render()
    assert turned.size == (page.height, page.width)
    pdf = pages_to_pdf([page, turned])  # what the page workflow does with them
    assert pdf.pages == 2


def test_without_a_page_the_whole_frame_is_taken():
    frame = SimulatedCamera(seed=1).frame(23)
    shot = Shot(frame, None)
    assert shot.render(clean=False).size == (1279, 719)


# -- auto-capture ---------------------------------------------------------------------------


def test_auto_capture_takes_each_still_page_exactly_once():
    camera = SimulatedCamera(seed=4, pages=3)
    capture = PageCapture()
    taken = []
    for index in range(camera.timeline.period * 4):
        result = capture.process(camera.read())
        if result.shot is not None:
            taken.append(index)
            assert camera.phase(index)[0] == "still"
            truth = camera.truth(index)
            assert page_detect.corner_error(result.shot.corners, truth) < 0.02
    assert [camera.page_number(i) for i in taken] == [1, 2, 3, 1]
    assert [i // camera.timeline.period for i in taken] == [0, 1, 2, 3]


def test_the_same_page_moved_and_settled_again_is_not_taken_twice():
    camera = SimulatedCamera(seed=5)
    t = camera.timeline
    still = list(range(t.moving, t.moving + t.still))
    nudge = [t.moving - 2, t.moving - 1]  # a hand shifts the page a little (it stays in view)
    assert all(page_detect.find_page(camera.frame(index)) is not None for index in nudge)
    gap = t.moving + t.still
    detector = StillnessDetector()
    fired = []
    for step, index in enumerate(still + nudge + still + [gap] + still):
        frame = camera.frame(index)
        if detector.update(frame, page_detect.find_page(frame)):
            fired.append(step)
    first, second = len(still), len(still) + len(nudge) + len(still) + 1
    assert len(fired) == 2
    assert fired[0] < first  # the first time it lay still
    assert fired[1] >= second  # after it was taken away and laid down again: re-armed


def test_auto_capture_off_takes_nothing():
    camera = SimulatedCamera(seed=4)
    capture = PageCapture(auto=False)
    assert all(capture.process(camera.read()).shot is None for _ in range(camera.timeline.period * 2))


def test_a_shaking_page_is_never_taken():
    camera = SimulatedCamera(seed=6, timeline=Timeline(moving=30, still=0, gap=0))
    capture = PageCapture()
    assert all(capture.process(camera.read()).shot is None for _ in range(30))


# -- the simulated camera ---------------------------------------------------------------------


def test_the_simulated_camera_is_deterministic_and_a_camera():
    first, second = SimulatedCamera(seed=9), SimulatedCamera(seed=9)
    assert isinstance(first, Camera)
    assert np.array_equal(first.read(), second.read())
    assert first.read().shape == (720, 1280, 3)
    assert not np.array_equal(SimulatedCamera(seed=10).frame(10), SimulatedCamera(seed=9).frame(10))


def test_the_simulated_camera_faults_are_typed():
    absent = SimulatedCamera(present=False)
    with pytest.raises(CameraNotFound):
        absent.open()
    unplugged = SimulatedCamera(fail_after=2)
    unplugged.read(), unplugged.read()
    with pytest.raises(CameraDisconnected):
        unplugged.read()


# -- OpenCV adapter on real video files ---------------------------------------------------------


def write_video(path, camera: SimulatedCamera, frames: int, size=(1280, 720)) -> list[np.ndarray]:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10.0, size)
    assert writer.isOpened()
    written = []
    for _ in range(frames):
        frame = camera.read()
        writer.write(frame)
        written.append(frame)
    writer.release()
    return written


def test_the_opencv_camera_reads_every_frame_of_a_video(tmp_path):
    path = tmp_path / "desk.avi"
    source = SimulatedCamera(seed=3)
    written = write_video(path, source, source.timeline.period + 5)
    camera = OpenCvCamera(str(path), timeout=5.0)
    assert isinstance(camera, Camera)
    camera.open()
    try:
        assert camera.status().ready
        capture = PageCapture()
        frames, shots = [], []
        for _ in written:
            frame = camera.read()
            frames.append(frame)
            result = capture.process(frame)
            if result.shot is not None:
                shots.append(len(frames) - 1)
        assert len(frames) == len(written)
        assert frames[0].shape == (720, 1280, 3)
        # MJPEG is lossy, but the frames are the ones written, in order.
        assert all(float(np.mean(cv2.absdiff(a, b))) < 4 for a, b in zip(frames, written))
        assert len(shots) == 1 and source.phase(shots[0])[0] == "still"
        with pytest.raises(CameraDisconnected) as ended:
            camera.read()
        assert ended.value.details["frames"] == len(written)
    finally:
        camera.close()
    assert not camera.status().ready


def test_a_missing_camera_is_a_typed_error(tmp_path):
    with pytest.raises(CameraNotFound) as missing:
        OpenCvCamera(str(tmp_path / "no-such-camera.avi"), timeout=1.0).open()
    assert missing.value.code == "camera_not_found"
    with pytest.raises(CameraNotFound):
        OpenCvCamera(63, timeout=1.0).open()  # no /dev/video63 here


def test_a_damaged_video_is_a_typed_error(tmp_path):
    path = tmp_path / "broken.avi"
    path.write_bytes(b"RIFF\x00\x00\x00\x00AVI LIST" + bytes(range(256)) * 20)
    camera = OpenCvCamera(str(path), timeout=2.0)
    with pytest.raises(CameraError):
        camera.open()
        camera.read()
    camera.close()


def test_camera_sources_parse():
    assert parse_source("0") == 0 and parse_source(2) == 2
    assert parse_source("http://127.0.0.1:8080/video") == "http://127.0.0.1:8080/video"


# -- CCCD QR from the camera -------------------------------------------------------------------


def test_a_cccd_qr_is_read_from_a_simulated_camera_frame():
    camera = SimulatedCamera(scene="card", seed=4)
    data = parse_cccd(ZxingQrReader(budget_ms=40).decode(camera.read()))
    assert data.id_number == "001099012345" and data.full_name == "Nguyễn Văn An"


def test_a_page_frame_has_no_qr_and_a_foreign_qr_is_not_a_card():
    with pytest.raises(QrUnreadable):
        ZxingQrReader(budget_ms=40).decode(SimulatedCamera(seed=1).frame(12))
    foreign = SimulatedCamera(scene="card", card_text="https://dichvucong.gov.vn/p/home")
    with pytest.raises(QrNotCccd):
        parse_cccd(ZxingQrReader().decode(foreign.read()))


# -- a phone's MJPEG stream over loopback HTTP (the URL form of the OpenCV adapter) ------------------


class MjpegPhone:
    """A phone camera app on 127.0.0.1: serves ``frames`` as multipart JPEG, then hangs up, or
    (``stall``) keeps the connection open sending nothing until ``release`` is set."""

    def __init__(self, frames: list[np.ndarray], *, stall: bool = False):
        self.jpegs = [cv2.imencode(".jpg", frame)[1].tobytes() for frame in frames]
        self.stall, self.release = stall, threading.Event()
        phone = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "multipart/x-mixed-replace; boundary=frame")
                self.end_headers()
                for jpeg in phone.jpegs:
                    self.wfile.write(b"--frame\r\nContent-Type: image/jpeg\r\nContent-Length: %d\r\n\r\n"
                                     % len(jpeg) + jpeg + b"\r\n")
                self.wfile.flush()
                if phone.stall:
                    phone.release.wait(30)  # bounded: the test releases it long before

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/video"

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)


def test_a_phone_stream_that_hangs_up_keeps_its_frames_and_says_so():
    source = SimulatedCamera(seed=3, size=(640, 360))
    phone = MjpegPhone([source.read() for _ in range(8)])
    camera = OpenCvCamera(phone.url, timeout=5.0, drop_frames=False)
    try:
        camera.open()
        frames = [camera.read() for _ in range(8)]
        assert all(frame.shape == (360, 640, 3) for frame in frames)
        with pytest.raises(CameraDisconnected):
            camera.read()
    finally:
        camera.close()
        phone.stop()


def test_a_stalled_stream_times_out_with_a_typed_error():
    source = SimulatedCamera(seed=3, size=(640, 360))
    phone = MjpegPhone([source.read() for _ in range(3)], stall=True)
    camera = OpenCvCamera(phone.url, timeout=1.5)  # live: drops old frames, wants a new one
    try:
        camera.open()
        camera.read()
        with pytest.raises(CameraDisconnected) as stalled:
            for _ in range(4):  # the frames already sent, then nothing more
                camera.read()
        assert "No picture" in stalled.value.message
    finally:
        phone.release.set()  # the phone hangs up, so the reader thread can end
        camera.close()
        phone.stop()


# -- the camera as a Scanner (headless auto-capture) --------------------------------------------------


def test_the_camera_scanner_returns_each_still_page_as_png():
    scanner = CameraScanner(camera_factory=lambda _device: SimulatedCamera(seed=2, pages=3), max_frames=200)
    assert isinstance(scanner, Scanner)
    seen = []
    pages = scanner.scan("camera:sim", ScanProfile("camera", ScanSource.ADF, 200, ScanMode.GRAY, max_pages=3),
                        progress=lambda number, page: seen.append(number))
    assert len(pages) == 3 and seen == [1, 2, 3]
    image = Image.open(io.BytesIO(pages[0].image))
    assert image.mode == "L" and image.height > image.width and pages[0].dpi > 30
    assert pages_to_pdf(pages).pages == 3


def test_the_camera_scanner_keeps_pages_when_the_camera_goes_away(tmp_path):
    profile = ScanProfile("camera", ScanSource.ADF, 200, ScanMode.GRAY, max_pages=5)
    scanner = CameraScanner(camera_factory=lambda _device: SimulatedCamera(seed=2, fail_after=30))
    with pytest.raises(CameraDisconnected) as gone:
        scanner.scan("camera:sim", profile)
    assert len(gone.value.details["pages"]) == 1
    token = CancelToken()
    token.cancel()
    with pytest.raises(ScanCancelled):
        CameraScanner(camera_factory=lambda _d: SimulatedCamera()).scan("camera:sim", profile, cancel=token)
    with pytest.raises(CameraNotFound):
        CameraScanner().scan(f"camera:{tmp_path / 'none.avi'}", profile)
