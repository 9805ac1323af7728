"""The ticket picture: printer width, Vietnamese glyphs present, a QR that reads; the simulated printer."""
from __future__ import annotations

import io
from datetime import datetime

import pytest
import zxingcpp
from fontTools.ttLib import TTFont
from PIL import Image

from counter_app.errors import PaperOut
from counter_app.queue import TicketPrint
from counter_app.resources import resource_path
from devices.printers.ticket_image import BOLD, REGULAR, render_ticket, ticket_png
from devices.printers.ticket_job import TicketSender
from devices.simulated_printer import SimulatedPrinter
from tests.queue_support import clock, queue_ws  # noqa: F401 (fixtures)

TICKET = TicketPrint(
    office_unit="Trung tâm Phục vụ hành chính công", office_name="UBND phường Hoa Lư",
    service_name="Lao động, người có công và xã hội", number="D012", priority_name="Phụ nữ mang thai",
    issued_at=datetime(2026, 12, 1, 8, 5), waiting_ahead=7, estimated_wait_minutes=35,
    lookup_text="QMC1|000.00.31.H41|abcdEFGH", ticket_id=12)


@pytest.mark.parametrize("width", [384, 576])
def test_ticket_is_one_bit_at_the_paper_width_with_a_readable_qr(width):
    image = render_ticket(TICKET, width)
    assert image.mode == "1" and image.width == width
    assert width < image.height < 3 * width  # a ticket, not a banner
    assert [r.text for r in zxingcpp.read_barcodes(image.convert("L"))] == [TICKET.lookup_text]
    without = render_ticket(TICKET, width, include_qr=False)
    assert without.height < image.height and zxingcpp.read_barcodes(without.convert("L")) == []


def test_every_vietnamese_letter_on_a_ticket_has_a_glyph_in_the_bundled_fonts():
    texts = [TICKET.office_unit.upper(), TICKET.office_name, TICKET.service_name, "SỐ THỨ TỰ CỦA BẠN",
             "ƯU TIÊN", "Trước bạn còn người chờ", "Thời gian chờ dự kiến: khoảng phút", "Giờ lấy số",
             "Quét mã để xem lượt của bạn", "Xin vui lòng chờ đến khi được gọi số",
             "ăâđêôơư ĂÂĐÊÔƠƯ àảãáạ ằẳẵắặ ầẩẫấậ ềểễếệ ồổỗốộ ờởỡớợ ừửữứự ỳỷỹýỵ"]
    for name in (BOLD, REGULAR):
        cmap = TTFont(resource_path("fonts", name)).getBestCmap()
        missing = {ch for text in texts for ch in text if not ch.isspace() and ord(ch) not in cmap}
        assert missing == set(), f"{name} lacks {sorted(missing)}"


def test_long_names_wrap_inside_the_paper():
    long = TicketPrint(**{**TICKET.__dict__, "service_name": "Chứng thực bản sao từ bản chính, chữ ký, hợp đồng, "
                                                            "giao dịch liên quan đến tài sản là động sản"})
    short = render_ticket(TICKET, 384)
    wrapped = render_ticket(long, 384)
    assert wrapped.width == 384 and wrapped.height > short.height
    # Nothing is cut at the edges: the outermost columns stay white.
    assert wrapped.crop((0, 0, 4, wrapped.height)).getextrema() == (255, 255)
    assert wrapped.crop((380, 0, 384, wrapped.height)).getextrema() == (255, 255)


def test_simulated_printer_keeps_the_ticket_as_a_png(tmp_path, queue_ws):
    core = queue_ws
    printer = SimulatedPrinter(tmp_path / "printed", width_dots=384)
    ticket, error = core.queue.issue_and_print("HT", TicketSender(printer), priority="elderly")
    assert error is None
    [png] = (tmp_path / "printed").glob("*.png")
    image = Image.open(png)
    assert image.width == 384
    assert [r.text for r in zxingcpp.read_barcodes(image.convert("L"))] == \
           [core.queue.ticket_print(ticket.id).lookup_text]
    printer.paper = False
    _again, error = core.queue.issue_and_print("HT", TicketSender(printer))
    assert isinstance(error, PaperOut)
    assert Image.open(io.BytesIO(ticket_png(TICKET, 384))).size == render_ticket(TICKET, 384).size
