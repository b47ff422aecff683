"""Log lines that a request cannot forge: what a request brings (a path, a header, a CSP
report's fields) goes into a log line with its control characters escaped, so that a
newline in it cannot start a line of its own ("ERROR django.request …")."""

import logging
import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def escaped(text):
    """`text` with each control character written as its escape: "\\n", "\\x1b"."""
    return _CONTROL.sub(lambda found: repr(found.group())[1:-1], text)


class EscapeControlCharacters(logging.Filter):
    """Handler filter: the message and its arguments escaped before they are formatted
    (tracebacks, which are the server's own, keep their lines)."""

    def filter(self, record):
        if isinstance(record.msg, str):
            record.msg = escaped(record.msg)
        if isinstance(record.args, dict):
            record.args = {key: _escaped_value(value) for key, value in record.args.items()}
        elif record.args:
            record.args = tuple(_escaped_value(value) for value in record.args)
        return True


def _escaped_value(value):
    return escaped(value) if isinstance(value, str) else value
