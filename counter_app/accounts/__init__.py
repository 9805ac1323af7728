"""Officer accounts that work offline: Argon2id passwords, roles checked in the core,
lock-out after wrong passwords, a hash-chained account event log, and the province's
account and revocation records (``apply_province_accounts``)."""
from counter_app.accounts.province import ProvinceApplyReport, apply_province_accounts
from counter_app.accounts.roles import ROLE_PERMISSIONS, Permission, Role, permissions_of
from counter_app.accounts.service import AccountService, OfficerView, Principal

__all__ = ["AccountService", "OfficerView", "Permission", "Principal", "ProvinceApplyReport", "ROLE_PERMISSIONS",
           "Role", "apply_province_accounts", "permissions_of"]
