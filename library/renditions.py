"""The sizes an image is served in, made once when it is saved (easy-thumbnails), cropped
around its focal point, each in WebP and in JPEG (PNG where it has transparency).

What a page needs to show them is stored on the image (`Image.renditions`), so that
showing a picture takes no query and no look at the storage.
"""

from easy_thumbnails.files import get_thumbnailer

# shape: (width/height ratio, widths to make); widths wider than the original are skipped.
# "natural" keeps the original's own ratio, uncropped: figures in a brief's body.
SHAPES = {
    "wide": (16 / 9, [480, 800, 1200, 1600]),
    "square": (1, [160, 320, 640]),
    "natural": (None, [480, 800, 1200, 1600]),
}


def make_renditions(image):
    """{shape: {"width", "height", "webp": [[name, width], …], "fallback": [...]}} for
    `image`, generating what is missing."""
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
                if extension:
                    thumbnailer.thumbnail_extension = extension
                thumbnail = thumbnailer.get_thumbnail(options)
                entry[kind].append([thumbnail.name, width])
            entry["width"], entry["height"] = width, height
        made[shape] = entry
    return made
