"""Characters XML 1.0 cannot carry, kept out of stored text and of every feed and file we
write: C0 controls but tab, newline and carriage return, lone surrogates, U+FFFE and
U+FFFF. Word processors paste two of them: a line break as a vertical tab and a page break
as a form feed, which become spaces; the rest are dropped."""

import re

_SPACES = str.maketrans({"\x0b": " ", "\x0c": " "})
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def writable(text):
    """`text` as XML can carry it."""
    return UNWRITABLE.sub("", text.translate(_SPACES))
