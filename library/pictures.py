"""A library image on a page: a <picture> of one of its renditions."""

from django.core.files.storage import default_storage
from django.utils.html import format_html


def picture(image, shape="wide", sizes="100vw", loading="lazy"):
    """<picture> of `image` in `shape`: WebP with a JPEG (or PNG) fallback, srcset and
    sizes, and a width and height so that nothing moves as it loads. Alt text in the
    page's language."""
    rendition = (image.renditions or {}).get(shape) if image else None
    if not rendition:
        return ""

    def srcset(kind):
        return ", ".join(f"{default_storage.url(name)} {width}w" for name, width in rendition[kind])

    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" '
        'loading="{}" decoding="async"></picture>',
        srcset("webp"),
        sizes,
        default_storage.url(rendition["fallback"][-1][0]),
        srcset("fallback"),
        sizes,
        rendition["width"],
        rendition["height"],
        image.alt or "",
        loading,
    )


def picture_url(image, shape="wide"):
    """The largest fallback rendition's address (for og:image and structured data)."""
    rendition = (image.renditions or {}).get(shape) if image else None
    return default_storage.url(rendition["fallback"][-1][0]) if rendition else ""
