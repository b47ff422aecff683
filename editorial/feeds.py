"""Feed generators every content type's feeds use: no stored text can make a feed fail.

Django refuses to write a feed holding a character XML cannot carry
(UnserializableContentError), so one pasted vertical tab in a title took down every feed
listing it; these write the text as XML can carry it (editorial.characters)."""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from .characters import writable


def _writable(value):
    if isinstance(value, str):
        return writable(value)
    if isinstance(value, list | tuple):
        return type(value)(_writable(item) for item in value)
    return value


class WritableTextFeed:
    """Feed generator mixin: the feed's and each item's text made writable."""

    def __init__(self, *args, **kwargs):
        super().__init__(*map(_writable, args), **{k: _writable(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*map(_writable, args), **{k: _writable(v) for k, v in kwargs.items()})


class RssFeed(WritableTextFeed, Rss201rev2Feed):
    pass


class AtomFeed(WritableTextFeed, Atom1Feed):
    pass
