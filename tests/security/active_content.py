"""Active content as a browser would find it: scripts, event handlers, script URLs.

Pages are parsed with Lexbor (selectolax), an HTML5 parser that builds the tree a browser
builds, so markup that a browser would turn into a live element is caught however it is
spelt. Feeds are read the way feedparser, a typical reader, reads them: whatever it takes
for HTML is parsed as HTML.
"""

import json
import re
from pathlib import Path

import feedparser
from lxml import etree
from selectolax.lexbor import LexborHTMLParser

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "xss_payloads.txt").read_text().splitlines()
    if line and not line.startswith("# ")
]

# Elements that run code, load a document or restyle the page, whatever their attributes;
# and elements whose content a browser may parse other than this parser does (<noscript>
# with scripting on, <template> when cloned: the "mutation XSS" tricks). We serve none.
ACTIVE_ELEMENTS = {
    "applet", "base", "embed", "frame", "frameset", "iframe", "isindex", "object", "portal",
    "style", "noscript", "noembed", "plaintext", "template", "xmp",
}  # fmt: skip
URL_ATTRIBUTES = {
    "action", "background", "cite", "codebase", "data", "dynsrc", "formaction", "href",
    "from", "icon", "longdesc", "lowsrc", "manifest", "ping", "poster", "src", "srcset", "to",
    "values", "xlink:href",
}  # fmt: skip
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
JSON_SCRIPT_TYPES = {"application/ld+json", "application/json"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f]")
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?")
_ACTIVE_CSS = re.compile(r"expression|javascript|vbscript|binding|behavior|url\s*\(|@import", re.I)


def _unsafe_url(value):
    # Browsers drop control characters and white space anywhere in a URL's scheme.
    scheme = _SCHEME.match(_INVISIBLE.sub("", value or "").lower())
    return bool(scheme) and scheme.group(1) not in SAFE_SCHEMES


def _active_css(value):
    decoded = _CSS_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), value or "")
    return bool(_ACTIVE_CSS.search(decoded))


def active_content(html, *, own_scripts=("/static/", "/admin/jsi18n/", "/ar/admin/jsi18n/")):
    """Descriptions of every piece of active content in `html`; [] when it is inert.

    Allowed: JSON blocks that parse as JSON, and scripts loaded from our own static files
    and the admin's translation catalogue.
    """
    findings = []
    tree = LexborHTMLParser(html.decode() if isinstance(html, bytes) else html)
    for node in tree.root.traverse(include_text=False) if tree.root else []:
        tag = node.tag
        attributes = node.attributes
        where = f"<{tag}>"
        if tag == "script":
            kind = (attributes.get("type") or "").lower()
            if kind in JSON_SCRIPT_TYPES:
                try:
                    json.loads(node.text(deep=True))
                except ValueError:
                    findings.append(f"{where}: a JSON block that does not parse")
            elif kind == "importmap":  # JSON naming where modules load from: ours only
                try:
                    targets = json.loads(node.text(deep=True)).get("imports", {}).values()
                except (ValueError, AttributeError):
                    targets = ["(does not parse)"]
                if not all(str(target).startswith(own_scripts) for target in targets):
                    findings.append(f"{where}: an import map leading elsewhere")
            elif not (attributes.get("src") or "").startswith(own_scripts):
                findings.append(f"{where}: a script")
        elif tag in ACTIVE_ELEMENTS:
            findings.append(f"{where}: an active element")
        elif tag == "meta" and attributes.get("http-equiv"):
            findings.append(f"{where}: http-equiv")
        for name, value in attributes.items():
            name = name.lower()
            if name.startswith("on"):
                findings.append(f"{where}: event handler {name}")
            elif name in URL_ATTRIBUTES and _unsafe_url(value):
                findings.append(f"{where}: {name}={value!r}")
            elif name == "srcdoc":
                findings.append(f"{where}: srcdoc")
            elif name == "style" and _active_css(value):
                findings.append(f"{where}: style={value!r}")
    return findings


def feed_active_content(content):
    """Active content in a feed, as a reader would show it: every HTML part of every entry."""
    feed = feedparser.parse(content, sanitize_html=False, resolve_relative_uris=False)
    assert not feed.bozo, feed.get("bozo_exception")
    findings = []
    for key in ("title_detail", "subtitle_detail"):
        detail = feed.feed.get(key)
        if detail and "html" in detail.get("type", ""):
            findings += [f"channel {key}: {f}" for f in active_content(detail["value"])]
    for entry in feed.entries:
        for key in ("title_detail", "summary_detail", *[f"content[{i}]" for i in range(3)]):
            detail = _detail(entry, key)
            if detail and "html" in detail.get("type", ""):
                findings += [f"{key}: {f}" for f in active_content(detail["value"])]
        if _unsafe_url(entry.get("link")):
            findings.append(f"link: {entry.get('link')!r}")
    return findings


def _detail(entry, key):
    if key.startswith("content["):
        index = int(key[8:-1])
        contents = entry.get("content") or []
        return contents[index] if index < len(contents) else None
    return entry.get(key)


SITEMAP_ELEMENTS = {
    "{http://www.sitemaps.org/schemas/sitemap/0.9}" + name
    for name in ("urlset", "url", "loc", "lastmod", "sitemapindex", "sitemap")
} | {"{http://www.w3.org/1999/xhtml}link"}


def sitemap_active_content(content):
    """Anything in a sitemap other than its own elements, or a location that is not http(s)."""
    root = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True))
    findings = []
    for element in root.iter():
        if element.tag not in SITEMAP_ELEMENTS:
            findings.append(f"element {element.tag}")
        for value in (element.get("href"), element.text if element.tag.endswith("loc") else None):
            if value and not value.startswith(("http://", "https://")):
                findings.append(f"address {value!r}")
    return findings
