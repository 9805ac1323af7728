"""The office queue: service groups, numbered tickets, priority, counters and their actions."""
from counter_app.queue.config import ServiceSpec
from counter_app.queue.estimate import WaitEstimate
from counter_app.queue.policy import PriorityClass, QueuePolicy
from counter_app.queue.service import QueueService
from counter_app.queue.views import (
    CounterView,
    Outcome,
    QueueStatus,
    ServiceView,
    TicketPrint,
    TicketState,
    TicketView,
)

__all__ = ["QueueService", "ServiceSpec", "WaitEstimate", "PriorityClass", "QueuePolicy", "CounterView", "Outcome",
           "QueueStatus", "ServiceView", "TicketPrint", "TicketState", "TicketView"]
