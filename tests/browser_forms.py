"""Reading a form out of a page as a browser would submit it."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.data = form_id, False, {}
        self.select = self.textarea = None
        self.multiple = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or ("name" not in attrs and tag != "option"):
            return
        if tag == "input" and attrs.get("type") not in ("submit", "button", "file"):
            checkable = attrs.get("type") in ("checkbox", "radio")
            if checkable and "checked" not in attrs:
                return
            self.data[attrs["name"]] = attrs.get("value", "on" if checkable else "")
        elif tag == "select":
            self.select = attrs["name"]
            self.multiple = "multiple" in attrs
            if self.multiple:  # sent as one value per selected option, or not at all
                self.data.setdefault(self.select, [])
            else:
                self.data.setdefault(self.select, "")
        elif tag == "option" and self.select and "selected" in attrs:
            if self.multiple:
                self.data[self.select].append(attrs.get("value", ""))
            else:
                self.data[self.select] = attrs.get("value", "")
        elif tag == "textarea":
            self.textarea = attrs["name"]
            self.data[self.textarea] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea] += (
                data.removeprefix("\n") if not self.data[self.textarea] else data
            )


def form_data(response, form_id):
    """The fields the form `form_id` on the page would submit, by name."""
    return form_fields(response.content.decode(), form_id)


def form_fields(html, form_id):
    """The fields the form `form_id` in `html` would submit, by name."""
    reader = _FormReader(form_id)
    reader.feed(html)
    return reader.data
