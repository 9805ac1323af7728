"""Which database objects the models describe (the FTS5 index is managed by hand)."""

UNMODELLED_PREFIX = "dossier_search"


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    return not (type_ == "table" and name.startswith(UNMODELLED_PREFIX))
