"""The sizes an image is served in, made once when it is saved (easy-thumbnails), cropped
around its focal point, each in WebP and in JPEG (PNG where it has transparency).

What a page needs to show them is stored on the image (`Image.renditions`), so that
showing a picture takes no query and no look at the storage.
"""

import math

from easy_thumbnails.files import get_thumbnailer
from PIL import Image as PILImage

# shape: (width/height ratio, widths to make); widths wider than the original are skipped.
# "natural" keeps the original's own ratio, uncropped: figures in a brief's body.
SHAPES = {
    "wide": (16 / 9, [480, 800, 1200, 1600]),
    "square": (1, [160, 320, 640]),
    "natural": (None, [480, 800, 1200, 1600]),
}


def make_renditions(image):
    """{shape: {"width", "height", "webp": [[name, width], …], "fallback": [...]}} for
    `image`, generating what is missing.

    The original is decoded once and shrunk to what the largest rendition needs; each
    rendition is cut from that copy (decoding a 40-megapixel original for each of the 22
    renditions took 10 to 14 s on two cores)."""
    source = _shrunk_source(image)
    made = {}
    for shape, (ratio, widths) in SHAPES.items():
        ratio = ratio or image.width / image.height
        largest = min(image.width, int(image.height * ratio))
        chosen = [width for width in widths if width <= largest] or [largest]
        if len(chosen) < len(widths) and largest > chosen[-1] * 1.25:
            chosen.append(largest)  # a small original: its own size too, not only smaller
        entry = {"webp": [], "fallback": []}
        for width in chosen:
            height = round(width / ratio)
            options = {
                "size": (width, height),
                "crop": True,
                "target": (image.focal_x, image.focal_y),
                "quality": 82,
            }
            for kind, extension in (("webp", "webp"), ("fallback", None)):
                thumbnailer = get_thumbnailer(image.file)
                thumbnailer.source_generators = [lambda _file, **options: source.copy()]
                if extension:
                    thumbnailer.thumbnail_extension = extension
                thumbnail = thumbnailer.get_thumbnail(options)
                entry[kind].append([thumbnail.name, width])
            entry["width"], entry["height"] = width, height
        made[shape] = entry
    return made


def _shrunk_source(image):
    """The original's pixels, decoded once, scaled down as far as every shape's largest
    rendition allows (they are never scaled up), turned upright as uploads store them."""
    with image.file.open("rb"), PILImage.open(image.file) as original:
        width, height = original.size
        needed = []
        for ratio, widths in SHAPES.values():
            cropped = min(width, height * ratio) if ratio else width
            needed.append(min(1, max(widths) / cropped))
        scale = max(needed)
        if scale >= 1:
            return original.copy()
        size = (math.ceil(width * scale) + 1, math.ceil(height * scale) + 1)
        original.draft("RGB", size)  # a JPEG decodes straight to about that size
        return original.resize(size, PILImage.Resampling.LANCZOS, reducing_gap=3.0)
