"""One-stop forms (Mẫu 01-03) and the register (Sổ theo dõi hồ sơ) as PDF.

Pure Python: contexts in, PDF bytes out. Texts and layout choices live in
versioned templates under ``resources/forms``.
"""
from counter_app.forms.pdf import render_form, render_register
from counter_app.forms.templates import available_templates

__all__ = ["available_templates", "render_form", "render_register"]
