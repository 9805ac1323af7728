"""Which waiting ticket a counter calls next: pure rules, no storage.

Priority tickets come before ordinary ones (lower class rank first, then arrival);
after ``fairness_cap`` priority calls in a row at a counter, one ordinary ticket is
called if any waits. Within a kind, the counter's profile decides: ``in_order`` takes
its services strictly in the listed order, ``oldest`` takes the longest-waiting
ticket across them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

IN_ORDER = "in_order"
OLDEST = "oldest"
MODES = (IN_ORDER, OLDEST)


@dataclass(frozen=True)
class Candidate:
    ticket_id: int
    service_id: int
    priority_rank: int  # 0 = ordinary ticket
    queued_at: datetime

    @property
    def is_priority(self) -> bool:
        return self.priority_rank > 0


@dataclass(frozen=True)
class Profile:
    service_ids: tuple[int, ...]  # in the counter's order
    mode: str = IN_ORDER

    def key(self, candidate: Candidate) -> tuple:
        place = 0
        if self.mode == IN_ORDER:
            ids = self.service_ids
            place = ids.index(candidate.service_id) if candidate.service_id in ids else len(ids)
        return place, candidate.queued_at, candidate.ticket_id


def pick_next(candidates: list[Candidate], profile: Profile, *, streak: int, fairness_cap: int) -> Candidate | None:
    priority = [c for c in candidates if c.is_priority]
    ordinary = [c for c in candidates if not c.is_priority]
    cap_reached = fairness_cap > 0 and streak >= fairness_cap
    if ordinary and (not priority or cap_reached):
        return min(ordinary, key=profile.key)
    if priority:
        return min(priority, key=lambda c: (c.priority_rank, *profile.key(c)))
    return None


def next_streak(streak: int, chosen: Candidate) -> int:
    return streak + 1 if chosen.is_priority else 0


def arrival_key(candidate: Candidate) -> tuple:
    """Order within one service: priority classes by rank, then everyone by arrival."""
    rank = candidate.priority_rank if candidate.is_priority else 1_000_000
    return rank, candidate.queued_at, candidate.ticket_id


def count_ahead(candidates: list[Candidate], ticket: Candidate) -> int:
    """Waiting tickets of the same service that will be called before ``ticket``."""
    mine = arrival_key(ticket)
    return sum(1 for c in candidates
               if c.ticket_id != ticket.ticket_id and c.service_id == ticket.service_id and arrival_key(c) < mine)
