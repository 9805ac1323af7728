"""Permission checks at the core's facade: one ``require`` callable, and a thin proxy that
guards chosen methods of a service the facade hands out (``core.dossiers``, ``core.queue``)
without the services themselves knowing about accounts."""
from __future__ import annotations

from typing import Any, Callable

from counter_app.accounts.roles import Permission

Rule = Permission | Callable[..., Permission | None]


class GuardedService:
    """Passes everything through to ``target``; methods named in ``rules`` first call
    ``require(permission)``. A rule may be a function of the call's arguments."""

    def __init__(self, target: Any, rules: dict[str, Rule], require: Callable[[Permission], None]):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_rules", rules)
        object.__setattr__(self, "_require", require)

    @property
    def unguarded(self) -> Any:
        return self._target

    def __getattr__(self, name: str):
        value = getattr(self._target, name)
        rule = self._rules.get(name)
        if rule is None or not callable(value):
            return value

        def guarded(*args, **kwargs):
            permission = rule if isinstance(rule, Permission) else rule(*args, **kwargs)
            if permission is not None:
                self._require(permission)
            return value(*args, **kwargs)

        guarded.__name__ = name
        guarded.__doc__ = getattr(value, "__doc__", None)
        return guarded

    def __setattr__(self, name: str, value) -> None:
        setattr(self._target, name, value)
