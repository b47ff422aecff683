"""Rich text in XLIFF 1.2 as inline codes, so that an agency's tool shows tags as tags.

Each element of a rich-text source becomes `<g id="3" ctype="x-html-p">…</g>`, or
`<x id="4" ctype="image"/>` when it holds nothing (a picture, a line break), numbered in
document order. What each code stands for (the tag with its attributes) is not in the
file: a translation coming back is rebuilt with the tags of the current source, which the
unit's fingerprint proves is the one exported. A file can move, nest and drop the codes,
but it cannot bring a tag, an attribute or an address of its own.
"""

from dataclasses import dataclass, field
from html import escape as html_escape
from html.parser import HTMLParser
from xml.sax.saxutils import escape as xml_escape

from django.utils.translation import gettext as _

VOID = frozenset({"br", "hr", "img", "wbr"})
# XLIFF 1.2's own names where it has one (the strict schema allows these or "x-…").
CTYPES = {
    "a": "link",
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underlined",
    "img": "image",
    "br": "lb",
}
# Elements a tool may wrap around text in a target without meaning a tag of the source.
TRANSPARENT = frozenset({"mrk"})


class InlineCodeError(ValueError):
    pass


@dataclass
class Coded:
    xliff: str  # the XLIFF fragment, ready to be written inside <source> or <target>
    tags: dict = field(default_factory=dict)  # id -> (tag name, start tag as written)

    @property
    def shape(self):
        """The tags in order: two texts with the same shape number their codes alike."""
        return [tag for tag, _start in self.tags.values()]


class _Encoder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.tags, self.open = [], {}, []

    def handle_starttag(self, tag, attrs, empty=False):
        code = str(len(self.tags) + 1)
        self.tags[code] = (tag, self.get_starttag_text())
        ctype = CTYPES.get(tag, f"x-html-{tag}")
        if empty or tag in VOID:
            self.parts.append(f'<x id="{code}" ctype="{ctype}"/>')
        else:
            self.parts.append(f'<g id="{code}" ctype="{ctype}">')
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs, empty=True)

    def handle_endtag(self, tag):
        if tag in self.open:  # stored rich text is balanced; a stray end tag is dropped
            while self.open:
                self.parts.append("</g>")
                if self.open.pop() == tag:
                    break

    def handle_data(self, data):
        self.parts.append(xml_escape(data))


def encode(html):
    """`html` (stored rich text) as XLIFF inline codes, with what each code stands for."""
    encoder = _Encoder()
    encoder.feed(html)
    encoder.close()
    encoder.parts.extend("</g>" for _tag in encoder.open)
    return Coded("".join(encoder.parts), encoder.tags)


def decode(element, source_html):
    """The HTML of a `<target>` element read from a file, its codes replaced by the tags
    they stand for in `source_html`. Raises InlineCodeError for a code the source does not
    have, or one used twice."""
    tags = encode(source_html).tags
    parts, used = [], set()

    def walk(parent):
        if parent.text:
            parts.append(html_escape(parent.text, quote=False))
        for child in parent:
            kind = child.tag.rpartition("}")[2]
            code = child.get("id", "")
            if kind in TRANSPARENT:
                walk(child)
            elif kind not in ("g", "x"):
                raise InlineCodeError(
                    _("an inline code of a kind the export did not write: <%(kind)s>")
                    % {"kind": kind}
                )
            elif code not in tags or (kind == "x") != (tags[code][0] in VOID):
                raise InlineCodeError(
                    _("an inline code the source text does not have: %(code)s")
                    % {"code": f"<{kind} id={code!r}>"}
                )
            elif code in used:
                raise InlineCodeError(
                    _("an inline code used twice: %(code)s") % {"code": f"<{kind} id={code!r}>"}
                )
            else:
                used.add(code)
                tag, start = tags[code]
                parts.append(start)
                if kind == "g":
                    walk(child)
                    parts.append(f"</{tag}>")
            if child.tail:
                parts.append(html_escape(child.tail, quote=False))

    walk(element)
    return "".join(parts)
