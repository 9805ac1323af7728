"""Roles and what each may do: the one table the core checks every guarded action against."""
from __future__ import annotations

from enum import Enum


class Role(str, Enum):
    OFFICER = "officer"  # counter officer (cán bộ một cửa)
    LEADER = "leader"  # office leader: approves, signs results, sees statistics
    ADMIN = "admin"  # office administrator: devices, catalogue, calendar, users


class Permission(str, Enum):
    RECEIVE = "receive"  # receive dossiers, attach scans
    HANDLE_DOSSIER = "handle_dossier"  # move a dossier on (transfer, return result, supplement…)
    QUEUE_COUNTER = "queue_counter"  # call, serve, finish tickets at a counter
    PRINT = "print"  # forms and the register
    APPROVE = "approve"  # result ready, stop processing
    SIGN_RESULT = "sign_result"
    VIEW_STATISTICS = "view_statistics"
    IMPORT_CATALOG = "import_catalog"
    IMPORT_CALENDAR = "import_calendar"
    SAVE_SETTINGS = "save_settings"  # office, counter and device settings
    MANAGE_QUEUE = "manage_queue"  # queue services, counters, policy
    MANAGE_USERS = "manage_users"


_COUNTER_WORK = frozenset({Permission.RECEIVE, Permission.HANDLE_DOSSIER, Permission.QUEUE_COUNTER,
                           Permission.PRINT})

# Leaders and admins can also work at the counter ("officer and up"); approving and
# administering are kept apart, an account needing both holds both roles.
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OFFICER: _COUNTER_WORK,
    Role.LEADER: _COUNTER_WORK | {Permission.APPROVE, Permission.SIGN_RESULT, Permission.VIEW_STATISTICS},
    Role.ADMIN: _COUNTER_WORK | {Permission.IMPORT_CATALOG, Permission.IMPORT_CALENDAR, Permission.SAVE_SETTINGS,
                                 Permission.MANAGE_QUEUE, Permission.MANAGE_USERS},
}


def permissions_of(roles) -> frozenset[Permission]:
    granted: set[Permission] = set()
    for role in roles:
        try:
            granted |= ROLE_PERMISSIONS[Role(role)]
        except ValueError:
            continue  # a role a newer province system knows and this app does not: grants nothing
    return frozenset(granted)


def parse_roles(values) -> tuple[str, ...]:
    """Known role names, deduplicated in table order; raises ValueError naming an unknown one."""
    wanted = {str(v).strip().lower() for v in values if str(v).strip()}
    unknown = wanted - {r.value for r in Role}
    if unknown:
        raise ValueError(f"Unknown role(s) {', '.join(sorted(unknown))}; known: "
                         f"{', '.join(r.value for r in Role)}.")
    return tuple(r.value for r in Role if r.value in wanted)
