"""PKCS#11 return codes and token flags → the core's typed errors.

PKCS#11 never says how many PIN tries are left: a token only raises flags
(CKF_USER_PIN_COUNT_LOW after a wrong entry, CKF_USER_PIN_FINAL_TRY when one try is
left, CKF_USER_PIN_LOCKED when locked). We read them from C_GetTokenInfo after a
failed login, and before a login so a locked token is never tried again.
"""
from __future__ import annotations

import pkcs11
from pkcs11 import TokenFlag

from counter_app.errors import CounterError, SigningFailed, TokenLocked, TokenNotFound, WrongPin

# Errors a module returns when the device went away under an open session.
# SoftHSM answers a removed token directory with CKR_OBJECT_HANDLE_INVALID /
# CKR_GENERAL_ERROR; USB tokens answer with DEVICE_REMOVED / TOKEN_NOT_PRESENT.
DEVICE_GONE = (
    pkcs11.exceptions.DeviceRemoved, pkcs11.exceptions.TokenNotPresent,
    pkcs11.exceptions.TokenNotRecognised, pkcs11.exceptions.DeviceError,
    pkcs11.exceptions.SessionClosed, pkcs11.exceptions.SessionHandleInvalid,
    pkcs11.exceptions.ObjectHandleInvalid, pkcs11.exceptions.KeyHandleInvalid,
    pkcs11.exceptions.GeneralError, pkcs11.exceptions.SlotIDInvalid,
)


def pin_state(flags: int) -> str:
    """"ok", "count_low", "final_try" or "locked": what the UI shows beside the PIN box."""
    flags = TokenFlag(flags)
    if flags & TokenFlag.USER_PIN_LOCKED:
        return "locked"
    if flags & TokenFlag.USER_PIN_FINAL_TRY:
        return "final_try"
    if flags & TokenFlag.USER_PIN_COUNT_LOW:
        return "count_low"
    return "ok"


def locked_error(label: str) -> TokenLocked:
    return TokenLocked(
        f"The token {label!r} is locked after too many wrong PINs: unlock it with the CA's "
        "token manager (PUK / SO PIN) or ask the CA.", token=label)


def refuse_if_locked(label: str, flags: int) -> None:
    if pin_state(flags) == "locked":
        raise locked_error(label)


def login_error(exc: pkcs11.PKCS11Error, label: str, flags_after: int | None) -> CounterError:
    """Translate a failed C_Login, using the flags read right after it."""
    if isinstance(exc, pkcs11.exceptions.PinLocked):
        return locked_error(label)
    state = pin_state(flags_after) if flags_after is not None else "ok"
    if state == "locked":
        return locked_error(label)
    if isinstance(exc, (pkcs11.exceptions.PinIncorrect, pkcs11.exceptions.PinInvalid,
                        pkcs11.exceptions.PinLenRange)):
        tries_left = 1 if state == "final_try" else None
        hint = {"final_try": " Only ONE try is left before the token locks.",
                "count_low": " The token counts wrong entries: be careful."}.get(state, "")
        return WrongPin(f"Wrong PIN for the token {label!r}.{hint}", token=label,
                        tries_left=tries_left, pin_state=state)
    return device_error(exc, label)


def device_error(exc: BaseException, label: str = "") -> CounterError:
    if isinstance(exc, DEVICE_GONE):
        return TokenNotFound(f"The token {label!r} was removed or stopped answering: plug it in "
                             "again, then resume.", token=label, pkcs11_error=type(exc).__name__)
    return SigningFailed(f"The token {label!r} refused to sign ({type(exc).__name__}): check that "
                         "its software is up to date.", token=label, pkcs11_error=type(exc).__name__)


def pkcs11_cause(exc: BaseException) -> pkcs11.PKCS11Error | None:
    """pyHanko sometimes wraps module errors (SigningError …): find the PKCS#11 one."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, pkcs11.PKCS11Error):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None
