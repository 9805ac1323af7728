"""One-stop forms (Mẫu 01-03) and the register (Sổ theo dõi hồ sơ) as PDF.

Pure Python: contexts in, PDF bytes out. Texts and layout choices live in
versioned templates under ``resources/forms``.
"""
__all__ = ["available_templates", "render_form", "render_register"]

_LAZY = {"render_form": "counter_app.forms.pdf", "render_register": "counter_app.forms.pdf",
         "available_templates": "counter_app.forms.templates"}


def __getattr__(name: str):
    # fpdf2 and its fonts load only when a form is rendered, not at every start.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
