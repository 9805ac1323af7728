"""Calling order (priority, fairness cap, work profiles) and every counter action, allowed or not."""
from __future__ import annotations

from dataclasses import replace

import pytest

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.errors import ForbiddenQueueAction, InvalidInput, UnknownDossier, UnknownTicket
from counter_app.queue import PriorityClass, QueuePolicy, ServiceSpec
from tests.queue_support import clock, queue_ws  # noqa: F401 (fixtures)


@pytest.fixture
def core(queue_ws):
    queue_ws.queue.open_session(1, "Trần Thị Mai")
    return queue_ws


def issue(core, clock, *specs):
    """Issue tickets one minute apart: ``"HT"`` or ``("HT", "elderly")``."""
    out = []
    for spec in specs:
        service, priority = (spec, "") if isinstance(spec, str) else spec
        out.append(core.queue.issue(service, priority).number)
        clock.advance(1)
    return out


def serve_all(core, counter=1):
    called = []
    while (ticket := core.queue.call_next(counter)) is not None:
        called.append(ticket.number)
        core.queue.finish(counter)
    return called


def test_priority_tickets_are_called_before_earlier_ordinary_ones(core, clock):
    issue(core, clock, "HT", "HT", ("HT", "elderly"), ("HT", "pregnant"))
    assert serve_all(core) == ["A003", "A004", "A001", "A002"]


def test_fairness_cap_calls_one_ordinary_ticket_after_k_priority_calls(core, clock):
    core.queue.save_policy(replace(core.queue.policy(), fairness_cap=2))
    issue(core, clock, "HT", "HT", *[("HT", "disabled")] * 5)
    # A003..A007 are priority: two of them, then ordinary A001, two more, then A002, then the last.
    assert serve_all(core) == ["A003", "A004", "A001", "A005", "A006", "A002", "A007"]


def test_a_zero_cap_lets_priority_always_go_first(core, clock):
    core.queue.save_policy(replace(core.queue.policy(), fairness_cap=0))
    issue(core, clock, "HT", *[("HT", "merit")] * 4)
    assert serve_all(core) == ["A002", "A003", "A004", "A005", "A001"]


def test_priority_class_rank_orders_priority_tickets(core, clock):
    classes = (PriorityClass("appointment", "Khách đặt lịch hẹn", rank=1),
               PriorityClass("elderly", "Người cao tuổi", rank=2))
    core.queue.save_policy(QueuePolicy(priority_classes=classes))
    assert core.queue.policy().priority_classes == classes
    issue(core, clock, ("HT", "elderly"), ("HT", "appointment"))
    assert serve_all(core) == ["A002", "A001"]


def test_work_profile_takes_its_services_in_order_or_oldest_first(core, clock):
    issue(core, clock, "DD", "HT", "CT", "HT")
    core.queue.configure_counter(1, services=("HT", "DD"), mode="in_order")
    assert [core.queue.call_next(1).number, core.queue.finish(1).number] == ["A001", "A001"]
    assert core.queue.call_next(1).number == "A002"
    core.queue.finish(1)
    core.queue.configure_counter(1, mode="oldest")
    issue(core, clock, "HT")
    assert serve_all(core) == ["B001", "A003"]  # C001 is not this counter's service
    assert core.queue.status().services[2].waiting == 1


def test_call_a_specific_ticket_and_recall_it(core, clock):
    issue(core, clock, "HT", "HT", "HT")
    called = core.queue.call_ticket(1, "A003")
    assert (called.number, called.state, called.counter, called.call_count) == ("A003", "called", 1, 1)
    assert core.queue.recall(1).call_count == 2
    served = core.queue.finish(1)
    assert served.outcome == "served" and served.served_at == served.called_at
    assert core.queue.call_next(1).number == "A001"


def test_no_show_recycles_once_then_closes(core, clock):
    issue(core, clock, "HT", "HT")
    assert core.queue.call_next(1).number == "A001"
    recycled = core.queue.no_show(1)
    assert (recycled.state, recycled.recycle_count, recycled.counter) == ("waiting", 1, None)
    assert core.queue.call_next(1).number == "A002"  # A001 went to the back of the line
    core.queue.finish(1)
    assert core.queue.call_next(1).number == "A001"
    closed = core.queue.no_show(1)  # policy allows one recycle
    assert (closed.state, closed.outcome) == ("finished", "no_show")
    assert core.queue.call_next(1) is None


def test_park_and_resume(core, clock):
    issue(core, clock, "HT", "HT")
    core.queue.call_next(1)
    core.queue.start(1)
    parked = core.queue.park(1)
    assert parked.state == "parked" and parked.counter == 1
    assert core.queue.call_next(1).number == "A002"  # the counter serves someone else meanwhile
    with pytest.raises(ForbiddenQueueAction):
        core.queue.resume(1)  # still busy with A002
    core.queue.finish(1)
    resumed = core.queue.resume(1)
    assert (resumed.number, resumed.state) == ("A001", "serving")
    assert core.queue.status().counters[0].parked == ()


def test_transfer_to_another_service_keeps_the_number_and_the_place(core, clock):
    issue(core, clock, "HT", "DD", "DD")
    core.queue.call_next(1)  # A001
    moved = core.queue.transfer(1, service="DD")
    assert (moved.number, moved.service_code, moved.state, moved.previous_id) == ("A001", "DD", "waiting", 1)
    assert core.queue.ticket(1).outcome == "transferred"
    core.queue.configure_counter(1, services=("DD",))
    assert serve_all(core) == ["A001", "B001", "B002"]  # waited since 08:00, before B001 (08:01)


def test_transfer_to_a_counter_is_called_only_there(core, clock):
    core.queue.open_session(2, "Lê Văn Nam")
    issue(core, clock, "HT", "HT")
    core.queue.call_next(1)
    core.queue.transfer(1, to_counter=2)
    assert core.queue.call_next(1).number == "A002"  # counter 1 cannot take A001 back
    core.queue.finish(1)
    assert core.queue.call_next(1) is None
    taken = core.queue.call_next(2)
    assert (taken.number, taken.counter, taken.officer) == ("A001", 2, "Lê Văn Nam")


def test_walk_in_is_served_and_counted_without_a_number(core, clock):
    walk_in = core.queue.walk_in(1, "CT", "elderly")
    assert (walk_in.walk_in, walk_in.number, walk_in.state, walk_in.priority_name) == \
           (True, "", "serving", "Người cao tuổi")
    assert core.queue.finish(1).outcome == "served"
    assert core.queue.issue("CT").number == "C001"  # no number was used up


def test_finish_links_the_dossiers_received(core, clock):
    issue(core, clock, "HT")
    core.queue.call_next(1)
    dossier = core.receive(IntakeRequest(procedure_code="1.001193",
                                         applicant=ApplicantInput(name="Nguyễn Văn An", id_number="037099012345")))
    served = core.queue.finish(1, dossier_codes=(dossier.code,))
    assert served.dossier_codes == (dossier.code,)
    with pytest.raises(UnknownDossier):
        core.queue.link_dossiers(served.id, ("000.00.31.H41-261201-9999",))
    assert core.queue.ticket(served.id).dossier_codes == (dossier.code,)  # nothing half-linked


def test_forbidden_counter_actions_change_nothing(core, clock):
    issue(core, clock, "HT", "HT")
    with pytest.raises(ForbiddenQueueAction):
        core.queue.call_next(3)  # no open session at counter 3
    with pytest.raises(ForbiddenQueueAction):
        core.queue.finish(1)  # nothing called
    with pytest.raises(ForbiddenQueueAction):
        core.queue.open_session(1, "Someone Else")  # one session per counter
    core.queue.call_next(1)
    with pytest.raises(ForbiddenQueueAction):
        core.queue.call_next(1)  # finish or park the current one first
    with pytest.raises(ForbiddenQueueAction):
        core.queue.close_session(1)
    with pytest.raises(ForbiddenQueueAction):
        core.queue.transfer(1, service="HT")  # same service, same counter
    with pytest.raises(InvalidInput):
        core.queue.finish(1, outcome="transferred")
    core.queue.start(1)
    with pytest.raises(ForbiddenQueueAction):
        core.queue.no_show(1)  # the citizen is at the counter
    with pytest.raises(ForbiddenQueueAction):
        core.queue.recall(1)
    with pytest.raises(ForbiddenQueueAction):
        core.queue.call_ticket(1, "A002")
    with pytest.raises(InvalidInput):
        core.queue.issue("HT", "vip")  # not a configured class
    current = core.queue.status().counters[0].current
    assert (current.number, current.state) == ("A001", "serving")
    assert core.queue.ticket("A002").state == "waiting"
    core.queue.finish(1)
    core.queue.close_session(1)
    with pytest.raises(ForbiddenQueueAction):
        core.queue.call_next(1)
    core.queue.define_service(ServiceSpec("CT", "C", "Chứng thực", active=False))
    with pytest.raises(ForbiddenQueueAction):
        core.queue.issue("CT")
    with pytest.raises(UnknownTicket):
        core.queue.ticket("Z999")


def test_waiting_ahead_and_estimate_follow_recent_service_times(core, clock):
    issue(core, clock, "HT", "HT", "HT")
    assert core.queue.estimate("A003").ahead == 2
    assert core.queue.estimate("A003").minutes == 20  # 2 × the service's default 10 min
    for minutes in (4, 6, 30):  # median 6: one long visit does not skew it
        core.queue.call_next(1)
        clock.advance(minutes)
        core.queue.finish(1)
    issue(core, clock, "HT", ("HT", "elderly"), "HT")
    assert core.queue.estimate("A006").ahead == 2  # A004 and the elderly A005
    assert core.queue.estimate("A005").ahead == 0
    assert core.queue.estimate("A006").minutes == 12
    core.queue.open_session(2, "Lê Văn Nam")
    assert core.queue.estimate("A006").minutes == 6  # two counters share the line
    printed = core.queue.ticket_print("A006")
    assert (printed.waiting_ahead, printed.estimated_wait_minutes, printed.number) == (2, 6, "A006")


def test_the_ticket_qr_is_the_plain_number_until_the_office_publishes_a_status_page(core, clock):
    issue(core, clock, "HT")
    printed = core.queue.ticket_print("A001")
    assert (printed.lookup_text, printed.lookup_is_link) == ("A001", False)  # nothing pretends to be a page
    assert core.queue.lookup("A001").number == "A001"  # the counter still finds it from the QR


def test_qr_link_to_the_status_page_follows_the_ticket_through_transfers(core, clock):
    policy = core.queue.policy()
    core.queue.save_policy(replace(policy, status_page_url="https://motcua.example.gov.vn/luot?ve={token}"))
    issue(core, clock, "HT")
    printed = core.queue.ticket_print("A001")
    qr = printed.lookup_text
    assert printed.lookup_is_link and qr.startswith("https://motcua.example.gov.vn/luot?ve=")
    assert "{token}" not in qr and len(qr) >= len("https://motcua.example.gov.vn/luot?ve=") + 8
    core.queue.call_next(1)
    core.queue.transfer(1, service="DD")
    found = core.queue.lookup(qr)
    assert (found.number, found.service_code, found.state) == ("A001", "DD", "waiting")
    assert core.queue.ticket_print(found.id).lookup_text == qr  # a reprint shows the same QR
    assert core.queue.lookup("QMC1|000.00.31.H41|" + qr.rsplit("=", 1)[1]).number == "A001"  # tickets printed before
    with pytest.raises(UnknownTicket):
        core.queue.lookup("https://motcua.example.gov.vn/luot?ve=forged")


@pytest.mark.parametrize("url", ["motcua.example.gov.vn/luot", "https://motcua.example.gov.vn/luot",
                                 "https://x/{token}/{number}", "https://x/?a= {token}", "ftp://x/{token}"])
def test_a_status_page_address_that_cannot_work_is_refused(core, url):
    before = core.queue.policy()
    with pytest.raises(InvalidInput, match="token"):
        core.queue.save_policy(replace(before, status_page_url=url))
    assert core.queue.policy() == before


def test_procedures_map_to_services_by_code_field_or_catch_all(core):
    assert core.queue.service_for_procedure("1.001193").code == "HT"  # field Hộ tịch
    assert core.queue.service_for_procedure("1.004227").code == "DD"  # field Đất đai
    assert core.queue.service_for_procedure("9.999999").code == "KHAC"
    core.queue.define_service(ServiceSpec("CT", "C", "Chứng thực", procedure_codes=("1.004227",), position=0))
    assert core.queue.service_for_procedure("1.004227").code == "CT"


def test_service_and_policy_settings_are_validated(core):
    with pytest.raises(InvalidInput):
        core.queue.define_service(ServiceSpec("NEW", "A", "Trùng chữ A"))
    with pytest.raises(InvalidInput):
        core.queue.define_service(ServiceSpec("NEW", "7", "Số không phải chữ"))
    with pytest.raises(InvalidInput):
        core.queue.save_policy(replace(core.queue.policy(), fairness_cap=-1))
    with pytest.raises(InvalidInput):
        core.queue.configure_counter(1, mode="random")
    added = core.queue.define_service(ServiceSpec("TP", "f", "Tư pháp", default_minutes=15))
    assert (added.prefix, added.code) == ("F", "TP")
    assert core.queue.services()[-1].name == "Tư pháp"
