"""What an uploaded PDF must be: a PDF by its signature and its structure, within the size
limit."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_BYTES = 50 * 1024 * 1024


def check_pdf(upload):
    """Raise ValidationError unless `upload` is a whole PDF of at most MAX_BYTES.

    A PDF starts with its version (%PDF-1.x or 2.0) and ends with a cross-reference
    pointer (startxref) and %%EOF; a file cut short, or another kind of file named .pdf,
    has not both."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; documents of up to %(limit)s can be uploaded.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(max(0, upload.size - 2048))
    tail = upload.read()
    upload.seek(0)
    if not head.startswith((b"%PDF-1.", b"%PDF-2.")):
        raise ValidationError(_("Upload a PDF document; this file is not one."), code="format")
    if b"startxref" not in tail or b"%%EOF" not in tail:
        raise ValidationError(
            _("The PDF could not be read whole: the file may be damaged or cut short."),
            code="damaged",
        )
