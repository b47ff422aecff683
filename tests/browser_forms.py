"""Reading a form out of a page as a browser would submit it (HTML's "constructing the
entry list"): disabled controls and unchecked boxes are left out, a single select with
nothing selected sends its first option, an option without a value sends its text, and a
textarea's line breaks go out as CRLF."""

from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

_NOT_SENT = {"submit", "button", "image", "reset", "file"}


def form_data(response, form_id):
    """The fields the form `form_id` on the page would submit, by name."""
    return form_fields(response.content.decode(), form_id)


def form_fields(html, form_id):
    """The fields the form `form_id` in `html` would submit, by name; a field sent more
    than once (a multiple select) is a list."""
    return entries(_form(html, form_id))


def _form(html, form_id):
    form = LexborHTMLParser(html).css_first(f"form#{form_id}")
    if form is None:
        raise LookupError(f"No form #{form_id} in the page")
    return form


def entries(form):
    """What `form` (a selectolax node) submits, by name, without a pressed button."""
    data = {}
    for control in form.css("input, select, textarea"):
        attrs = control.attributes
        name = attrs.get("name")
        if not name or "disabled" in attrs or _in_disabled_fieldset(control):
            continue
        if control.tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in _NOT_SENT:
                continue
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    _add(data, name, attrs.get("value") or "on")
                continue
            data[name] = attrs.get("value") or ""
        elif control.tag == "textarea":
            text = control.text(deep=True)
            data[name] = text.removeprefix("\n").replace("\r\n", "\n").replace("\n", "\r\n")
        else:
            _add_select(data, name, control, "multiple" in attrs)
    return data


def _add_select(data, name, select, multiple):
    options = [option for option in select.css("option") if "disabled" not in option.attributes]
    chosen = [option for option in options if "selected" in option.attributes]
    if multiple:
        data[name] = [_option_value(option) for option in chosen]
    elif chosen:
        data[name] = _option_value(chosen[-1])
    elif options:
        data[name] = _option_value(options[0])


def _option_value(option):
    value = option.attributes.get("value")
    return value if value is not None else " ".join(option.text(deep=True).split())


def _add(data, name, value):
    """A name checked more than once (a list of boxes) is sent once per box."""
    if name not in data:
        data[name] = value
    elif isinstance(data[name], list):
        data[name].append(value)
    else:
        data[name] = [data[name], value]


def _in_disabled_fieldset(control):
    node = control.parent
    while node is not None and node.tag != "form":
        if node.tag == "fieldset" and "disabled" in node.attributes:
            return True
        node = node.parent
    return False


def submit_buttons(html, form_id):
    """The named submit buttons of the form `form_id` that submit it to its own action
    (not elsewhere, through `formaction`), in page order: [(name, value)]."""
    buttons = []
    for button in _form(html, form_id).css("input, button"):
        attrs = button.attributes
        kind = (attrs.get("type") or ("submit" if button.tag == "button" else "text")).lower()
        if kind != "submit" or "disabled" in attrs or "formaction" in attrs:
            continue
        if attrs.get("name"):
            buttons.append((attrs["name"], attrs.get("value") or ""))
    return buttons


def form_action(html, form_id, page_url):
    """Where the form `form_id` of the page at `page_url` is sent."""
    return urljoin(page_url, _form(html, form_id).attributes.get("action") or page_url)
