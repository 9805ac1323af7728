"""Typed errors of the core.

Each carries a stable ``code`` that the UI maps to a translated, Vietnamese message
telling the officer what to do next, and an English ``message`` for the CLI and logs.
"""
from __future__ import annotations


class CounterError(Exception):
    code = "error"

    def __init__(self, message: str, **details):
        super().__init__(message)
        self.message = message
        self.details = details


class InvalidInput(CounterError):
    code = "invalid_input"


class InvalidDate(InvalidInput):
    code = "invalid_date"


class UnknownProcedure(CounterError):
    code = "unknown_procedure"


class UnknownDossier(CounterError):
    code = "unknown_dossier"


class CatalogFormatError(InvalidInput):
    code = "catalog_format"


class DuplicateImport(CounterError):
    code = "duplicate_import"


class ForbiddenTransition(CounterError):
    code = "forbidden_transition"


class WorkspaceError(CounterError):
    code = "workspace"


class WorkspaceReadOnly(WorkspaceError):
    code = "workspace_read_only"


class DiskFull(WorkspaceError):
    code = "disk_full"


class CodeSpaceExhausted(CounterError):
    code = "code_space_exhausted"


class DeviceError(CounterError):
    code = "device"


class PrinterOffline(DeviceError):
    code = "printer_offline"


class PaperOut(DeviceError):
    code = "paper_out"


class UnknownFormTemplate(InvalidInput):
    code = "unknown_form_template"


class InvalidFormTemplate(InvalidInput):
    """A shipped template file is unreadable or malformed (fix the file, not the data)."""

    code = "invalid_form_template"


class CalendarFormatError(InvalidInput):
    code = "calendar_format"
