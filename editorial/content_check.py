"""Accessibility faults in what editors write, found before readers meet them.

Each check takes one field's text in one language and returns messages: rich text is read
for its headings, links, images and tables; any text for its script (Latin-only words in
an Arabic field, and the reverse); a summary for paragraphs too long to take in. A model
says which of its fields get which check (see briefs.content_check).
"""

import re
from html.parser import HTMLParser

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from languages import registry

from .diff import BREAK, plain_blocks, plain_words

# Link text that says nothing out of context, once lower-cased and stripped of punctuation.
VAGUE_LINK_TEXT = {
    "here", "click here", "click", "read more", "more", "this", "link", "this link",
    "learn more", "details",
    "هنا", "اضغط هنا", "انقر هنا", "اضغط", "انقر", "المزيد", "اقرأ المزيد", "للمزيد",
    "هذا الرابط", "الرابط", "رابط",
}  # fmt: skip
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_PUNCTUATION = re.compile(r"[\s.,:;!?؟،؛…»«\"'()\[\]>-]+")
_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
LONG_PARAGRAPH_WORDS = 80  # in a summary


def rich_text_faults(html):
    """Faults in rich text as readers get it: headings, links, images, tables."""
    reader = _Reader()
    reader.feed(html or "")
    reader.close()
    return reader.faults


def linked_paths(html):
    """The paths on this site that rich text links to ("/ar/policy-analysis/…"), in order."""
    reader = _LinkReader()
    reader.feed(html or "")
    reader.close()
    return reader.paths


class _LinkReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paths = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") or "" if tag == "a" else ""
        if href.startswith("/") and not href.startswith("//"):
            self.paths.append(href.split("#")[0].split("?")[0])


def script_faults(text, language):
    """Text written only in another script than the language's (its registry entry's):
    an Arabic field holding only Latin letters (a pasted English paragraph), or an English
    one holding only Arabic letters."""
    words = plain_words(text)
    latin, arabic = bool(_LATIN.search(words)), bool(_ARABIC.search(words))
    name = registry.get(language).name
    if registry.get(language).script == "arabic" and latin and not arabic:
        return [
            _("Latin text in the %(language)s version: is this the translation?")
            % {"language": name}
        ]
    if registry.get(language).script == "latin" and arabic and not latin:
        return [_("Arabic-script text in the %(language)s version.") % {"language": name}]
    return []


def long_paragraph_faults(text, most=LONG_PARAGRAPH_WORDS):
    faults = []
    for number, paragraph in enumerate(plain_blocks(text).split(BREAK), start=1):
        count = len(paragraph.split())
        if count > most:
            faults.append(
                ngettext(
                    "Paragraph %(number)d has %(count)d word; a summary reads best, and is "
                    "read aloud best, in paragraphs of %(most)d words or fewer.",
                    "Paragraph %(number)d has %(count)d words; a summary reads best, and is "
                    "read aloud best, in paragraphs of %(most)d words or fewer.",
                    count,
                )
                % {"number": number, "count": count, "most": most}
            )
    return faults


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.faults, self.level = [], 1  # the page's title is its h1
        self.heading, self.heading_text = None, []
        self.link, self.link_text, self.link_images = None, [], False
        self.tables = []  # for each open table, whether it has a header cell
        self.images = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            level = int(tag[1])
            if level == 1:
                self.faults.append(
                    _("A second main heading (h1): the title is the page's; start at h2.")
                )
            elif level > self.level + 1:
                self.faults.append(
                    _("Heading level skipped: h%(before)d is followed by h%(after)d.")
                    % {"before": self.level, "after": level}
                )
            self.level, self.heading, self.heading_text = level, tag, []
        elif tag == "a":
            self.link, self.link_text, self.link_images = attributes.get("href", ""), [], False
        elif tag == "img":
            self.images += 1
            alt = (attributes.get("alt") or "").strip()
            if not alt and attributes.get("role") != "presentation":
                self.faults.append(
                    _("Image %(number)d has no alt text: describe it in the image library.")
                    % {"number": self.images}
                )
            if self.link is not None and alt:
                self.link_images = True
            if self.heading and alt:
                self.heading_text.append(alt)
        elif tag == "table":
            self.tables.append(False)
        elif tag == "th" and self.tables:
            self.tables[-1] = True

    def handle_endtag(self, tag):
        if tag == self.heading:
            if not "".join(self.heading_text).strip():
                self.faults.append(_("An empty heading (%(tag)s).") % {"tag": tag})
            self.heading = None
        elif tag == "a" and self.link is not None:
            self._check_link(" ".join("".join(self.link_text).split()))
            self.link = None
        elif tag == "table" and self.tables and not self.tables.pop():
            self.faults.append(_("A table without a header row: mark its first row as headers."))

    def handle_data(self, data):
        if self.heading:
            self.heading_text.append(data)
        if self.link is not None:
            self.link_text.append(data)

    def _check_link(self, text):
        if not text and not self.link_images:
            self.faults.append(_("A link without text, to %(url)s.") % {"url": self.link})
        elif _PUNCTUATION.sub(" ", text).strip().lower() in VAGUE_LINK_TEXT:
            self.faults.append(
                _("The link “%(text)s” does not say where it leads; name the page instead.")
                % {"text": text}
            )
        elif _BARE_URL.fullmatch(text):
            self.faults.append(
                _("A bare web address as link text: %(text)s; name the page instead.")
                % {"text": text}
            )
