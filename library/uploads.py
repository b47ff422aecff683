"""What an uploaded image must be: a JPEG, PNG or WebP that Pillow decodes whole, no
larger than the limits; stored re-encoded, turned upright, with no metadata."""

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
# WebP, which every picture is also served in, holds at most this many pixels a side; and
# no page needs a picture longer than this many times its width, or the reverse.
MAX_SIDE = 16383
MAX_ASPECT = 20
# What is stored: at most this many pixels a side, twice the widest rendition (1600) for
# high-density screens. No page shows more, and a 40-megapixel original made every later
# step (its re-encoding, its renditions) cost seconds more.
STORED_SIDE = 3200
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def checked_image(upload):
    """A clean copy of the uploaded image `upload`, as a ContentFile, or ValidationError.

    Decoding, not the name or the declared type, decides what a file is: SVG, HTML or a
    script renamed as an image does not decode; a truncated file does not load; a
    decompression bomb is refused before it is decoded; a polyglot keeps only its pixels.
    """
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; images of up to %(limit)s can be uploaded.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)},
            code="too_large",
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as picture:
                kind = picture.format
                if kind not in FORMATS:
                    raise ValidationError(_not_an_image(), code="format")
                if picture.width * picture.height > MAX_PIXELS:
                    raise ValidationError(
                        ngettext(
                            "The image is %(megapixels)d megapixel; up to 40 can be uploaded.",
                            "The image is %(megapixels)d megapixels; up to 40 can be uploaded.",
                            megapixels := picture.width * picture.height // 1_000_000,
                        )
                        % {"megapixels": megapixels},
                        code="too_many_pixels",
                    )
                _check_shape(*picture.size)
                picture.draft(picture.mode, (STORED_SIDE, STORED_SIDE))  # a JPEG decodes smaller
                picture.load()
                upright = ImageOps.exif_transpose(picture)
                upright.thumbnail((STORED_SIDE, STORED_SIDE), Image.Resampling.LANCZOS, 3.0)
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_not_an_image(), code="format") from None
    except (OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("The image could not be read whole: the file may be damaged or cut short."),
            code="damaged",
        ) from None
    return ContentFile(_encoded(upright, kind), name=_name(upload.name, kind))


def _check_shape(width, height):
    if max(width, height) > MAX_SIDE:
        raise ValidationError(
            _("The image is %(width)s × %(height)s pixels; its sides can be up to %(limit)s.")
            % {"width": width, "height": height, "limit": MAX_SIDE},
            code="too_long",
        )
    if max(width, height) > MAX_ASPECT * min(width, height):
        raise ValidationError(
            _(
                "The image is %(width)s × %(height)s pixels: one side is more than %(ratio)s "
                "times the other, which no page can show. Crop it first."
            )
            % {"width": width, "height": height, "ratio": MAX_ASPECT},
            code="too_narrow",
        )


def _encoded(picture, kind):
    """The pixels alone: no EXIF (so no GPS), no ICC profile or comments carried over."""
    if kind == "JPEG" and picture.mode not in ("RGB", "L"):
        picture = picture.convert("RGB")
    buffer = io.BytesIO()
    # WebP's method 2 of 0-6: a fifth of the default's time for a noisy picture, a few
    # per cent larger.
    options = {"JPEG": {"quality": 90, "optimize": True}, "WEBP": {"quality": 90, "method": 2}}
    picture.save(buffer, format=kind, **options.get(kind, {}))
    return buffer.getvalue()


def _name(original, kind):
    stem = (original or "image").rsplit("/", 1)[-1].rsplit(".", 1)[0][:80] or "image"
    return f"{stem}.{FORMATS[kind]}"


def _not_an_image():
    return _("Upload a JPEG, PNG or WebP image; this file is not one.")
