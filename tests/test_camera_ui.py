"""The document camera dialog and the QR-from-camera dialog with pytest-qt (offscreen), fed by
the simulated camera: stepped and synchronous for determinism, plus one live run on threads."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from counter_app.errors import CameraDisconnected, CameraNotFound
from devices.camera.simulated import SimulatedCamera
from ui.camera_dialog import CameraDialog, CameraQrDialog
from ui.messages import describe, text_for
from ui.qt import QApplication, QDialog, Qt
from ui.workers import TaskRunner


def stepped(qtbot, camera, **options) -> CameraDialog:
    dialog = CameraDialog(camera, runner=TaskRunner(synchronous=True), live=False, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # the letter shortcuts need the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def run(dialog, frames: int) -> None:
    for _ in range(frames):
        dialog.step()


def test_pages_are_captured_turned_recropped_deleted_and_returned(qtbot):
    camera = SimulatedCamera(seed=2, pages=3)
    dialog = stepped(qtbot, camera)
    period = camera.timeline.period
    run(dialog, 2 * period)
    assert len(dialog.captured) == 2 and dialog.thumbs.count() == 2  # one per page laid down
    assert all(page.shot.auto for page in dialog.captured)

    run(dialog, camera.timeline.moving + 2)  # third page in view: Space takes it at once
    assert dialog.view.corners is not None  # the page outline is drawn on the preview
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    assert len(dialog.captured) == 3 and not dialog.captured[2].shot.auto
    assert dialog.thumbs.currentRow() == 2

    portrait = dialog.captured[2].image.size
    qtbot.keyClick(dialog, Qt.Key.Key_R)  # turn the selected page a quarter
    assert dialog.captured[2].image.size == (portrait[1], portrait[0])

    qtbot.keyClick(dialog, Qt.Key.Key_E)  # move corner 3 (bottom-right) up and left by keyboard
    assert dialog.editing and dialog.editor.hasFocus()
    before = dialog.editor.corners.copy()
    qtbot.keyClick(dialog.editor, Qt.Key.Key_3)
    for _ in range(20):
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Up)
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Left)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    moved = dialog.editor.corners
    assert np.allclose(moved[[0, 1, 3]], before[[0, 1, 3]])
    assert moved[2][0] < before[2][0] - 100 and moved[2][1] < before[2][1] - 100
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)
    assert not dialog.editing
    assert np.allclose(dialog.captured[2].shot.corners, moved)
    cropped = dialog.captured[2].image
    assert cropped.width < portrait[1] and cropped.height < portrait[0]  # smaller, still turned

    dialog.thumbs.setCurrentRow(0)
    qtbot.keyClick(dialog, Qt.Key.Key_Delete)
    assert len(dialog.captured) == 2 and dialog.thumbs.item(0).text() == "Page 1"

    with qtbot.waitSignal(dialog.pages_ready, timeout=5000) as delivered:
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    pages = delivered.args[0]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(pages) == 2 and all(isinstance(page, Image.Image) and page.mode == "L" for page in pages)
    assert pages[1] is cropped and all(page.info["dpi"][0] > 30 for page in pages)
    assert dialog.pages() == pages


def test_escape_in_the_corner_editor_goes_back_without_losing_pages(qtbot):
    camera = SimulatedCamera(seed=3)
    dialog = stepped(qtbot, camera)
    run(dialog, camera.timeline.period)
    assert len(dialog.captured) == 1
    corners = dialog.captured[0].shot.corners.copy()
    qtbot.keyClick(dialog, Qt.Key.Key_E)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Escape)
    assert not dialog.editing and dialog.isVisible()
    assert np.allclose(dialog.captured[0].shot.corners, corners)  # not applied


def test_corners_can_be_dragged_with_the_mouse(qtbot):
    camera = SimulatedCamera(seed=3)
    dialog = stepped(qtbot, camera)
    run(dialog, camera.timeline.period)
    dialog.edit_selected()
    editor = dialog.editor
    start = editor.corners[0]
    handle = editor.to_widget(float(start[0]), float(start[1])).toPoint()
    qtbot.mousePress(editor, Qt.MouseButton.LeftButton, pos=handle)
    target = handle + type(handle)(40, 30)
    qtbot.mouseMove(editor, target)
    qtbot.mouseRelease(editor, Qt.MouseButton.LeftButton, pos=target)
    x, y = editor.to_image(type(editor.to_widget(0, 0))(target))
    assert np.allclose(editor.corners[0], (x, y), atol=1.5)


def test_a_toggles_auto_capture(qtbot):
    camera = SimulatedCamera(seed=4)
    dialog = stepped(qtbot, camera)
    qtbot.keyClick(dialog, Qt.Key.Key_A)
    assert not dialog.auto_box.isChecked()
    run(dialog, camera.timeline.period * 2)
    assert dialog.captured == []
    qtbot.keyClick(dialog, Qt.Key.Key_A)
    run(dialog, camera.timeline.period)
    assert len(dialog.captured) == 1


def test_an_unplugged_camera_keeps_the_pages_already_taken(qtbot):
    camera = SimulatedCamera(seed=2, fail_after=30)
    dialog = stepped(qtbot, camera)
    run(dialog, 35)
    assert len(dialog.captured) == 1
    assert dialog.stopped and dialog.banner.isVisible()
    assert text_for("camera_disconnected") in dialog.banner.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Space)  # no stale frame is taken after the fault
    assert len(dialog.captured) == 1 and not dialog.capture_button.isEnabled()
    with qtbot.waitSignal(dialog.pages_ready, timeout=5000) as delivered:
        dialog.done_capturing()
    assert len(delivered.args[0]) == 1


def test_no_camera_says_so(qtbot):
    dialog = stepped(qtbot, SimulatedCamera(present=False))
    assert dialog.banner.isVisible() and text_for("camera_not_found") in dialog.banner.text()
    run(dialog, 3)  # nothing happens, nothing breaks
    assert dialog.captured == []


def test_camera_errors_have_their_own_messages():
    for error, code in ((CameraNotFound("x"), "camera_not_found"), (CameraDisconnected("x"), "camera_disconnected")):
        assert describe(error).text == text_for(code) != text_for("error")


def test_the_live_dialog_captures_on_worker_threads(qtbot):
    camera = SimulatedCamera(seed=5)
    dialog = CameraDialog(camera)  # its own device runner and frame timer
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: len(dialog.captured) == 1, timeout=60000)
    assert dialog.captured[0].image is not None
    dialog.reject()
    assert dialog.stopped


# -- CCCD QR from the camera ---------------------------------------------------------------------


def qr_dialog(qtbot, camera) -> CameraQrDialog:
    dialog = CameraQrDialog(camera, runner=TaskRunner(synchronous=True), live=False)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_id_card_is_read_from_the_camera(qtbot):
    dialog = qr_dialog(qtbot, SimulatedCamera(scene="card", seed=3))
    cards, texts = [], []
    dialog.card_read.connect(cards.append)
    dialog.text_read.connect(texts.append)
    dialog.step()
    assert len(cards) == 1 and len(texts) == 1
    card, text = cards[0], texts[0]
    assert text.split("|")[2] == "Nguyễn Văn An"  # what the intake wizard's fill_from_card takes
    assert card.id_number == "001099012345" and card.full_name == "Nguyễn Văn An"
    assert dialog.card is card and dialog.result() == QDialog.DialogCode.Accepted


def test_a_foreign_qr_is_refused_and_the_camera_keeps_looking(qtbot):
    dialog = qr_dialog(qtbot, SimulatedCamera(scene="card", card_text="https://dichvucong.gov.vn/"))
    dialog.step()
    assert dialog.card is None and dialog.isVisible()
    assert text_for("qr_not_cccd") in dialog.banner.text()
    dialog.step()
    assert not dialog.stopped


@pytest.mark.parametrize("frames", [3])
def test_no_qr_in_view_reads_nothing(qtbot, frames):
    dialog = qr_dialog(qtbot, SimulatedCamera(seed=1))
    run(dialog, frames)
    assert dialog.card is None and not dialog.banner.isVisible() and dialog.isVisible()
