"""Forms issued from real dossiers: the right form for the outcome, kept with the dossier."""
from __future__ import annotations

import hashlib
import io
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest, MissingComponent
from counter_app.dossiers.lifecycle import Action
from counter_app.errors import InvalidInput


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def receive(core, **changes):
    base = dict(procedure_code="1.004227", received_at=datetime(2026, 11, 25, 9, 5),
                applicant=ApplicantInput(name="Nguyễn Văn An", phone="0912345678",
                                         address="Thôn Đông, phường Hoa Lư"))
    base.update(changes)
    return core.receive(IntakeRequest(**base))


def test_receipt_form_01_is_rendered_and_kept_with_the_dossier(core):
    code = receive(core).code
    pdf = core.issue_form(code, "01")
    text = pdf_text(pdf)
    assert "Nguyễn Văn An" in text and code in text
    assert "09/12/2026" in text  # the appointment date
    assert "Hợp đồng chuyển nhượng" in text
    documents = core.dossier(code).documents
    assert [d.kind for d in documents] == ["form_01"]
    assert documents[0].sha256 == hashlib.sha256(pdf).hexdigest()
    assert core.document_bytes(documents[0].sha256) == pdf


def test_form_02_lists_all_missing_items_with_reasons(core):
    code = receive(core, missing=(MissingComponent("TP2", "Bản gốc bị mất"), MissingComponent("TP3"))).code
    text = pdf_text(core.issue_form(code, "02"))
    assert "Giấy chứng nhận quyền sử dụng đất" in text and "Bản gốc bị mất" in text
    assert "Hợp đồng chuyển nhượng" in text


def test_form_03_carries_the_refusal_reason(core):
    code = receive(core, refusal_reason="Không thuộc thẩm quyền của UBND cấp xã").code
    assert "Không thuộc thẩm quyền của UBND cấp xã" in pdf_text(core.issue_form(code, "03"))


def test_form_that_does_not_fit_the_dossier_is_refused(core):
    code = receive(core).code
    with pytest.raises(InvalidInput, match="not refused"):
        core.issue_form(code, "03")
    with pytest.raises(InvalidInput, match="nothing missing"):
        core.issue_form(code, "02")
    with pytest.raises(InvalidInput, match="Unknown form"):
        core.issue_form(code, "09")
    assert core.dossier(code).documents == ()


def test_register_lists_the_period_with_returns(core):
    first = receive(core).code
    second = receive(core, received_at=datetime(2026, 11, 26, 10, 0),
                     applicant=ApplicantInput(name="Lê Thị Hạnh")).code
    core.dossiers.apply(first, Action.TRANSFER, transferred_to="Công chức Địa chính")
    core.dossiers.apply(first, Action.RESULT_READY)
    core.dossiers.apply(first, Action.RETURN_RESULT, receiver_name="Nguyễn Văn An")
    text = pdf_text(core.render_register(date(2026, 11, 1), date(2026, 11, 25)))
    assert first in text and second not in text
    assert "Công chức Địa chính" in text
    assert second in pdf_text(core.render_register(date(2026, 11, 26), date(2026, 11, 26)))
