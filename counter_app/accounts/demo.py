"""Demo accounts, one per role, with passwords documented in the README (demo only)."""
from __future__ import annotations

DEMO_ACCOUNTS = (
    # username, full name, roles, password
    ("admin", "Lê Văn Quản", ("admin",), "demo-admin"),
    ("leader", "Phạm Thị Lan", ("leader",), "demo-leader"),
    ("officer", "Trần Thị Mai", ("officer",), "demo-officer"),
)


def create_demo_accounts(core) -> list[str]:
    """Create the demo accounts in a workspace still in set-up mode (call after the demo
    data is in: creating the first account ends set-up mode). Returns the user names."""
    created = []
    for username, name, roles, password in DEMO_ACCOUNTS:
        core.accounts.create(username, name, password, list(roles), actor="demo")
        created.append(username)
    return created
