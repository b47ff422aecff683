"""Words and repetitions in source text, counted as translation agencies quote them.

Agencies' tools split the source into segments (sentences, each paragraph, heading or
list item on its own) and charge a segment met before in the same job at a discount: a
*repetition*. The count here does the same, so an institute can ask for a quote before
sending a batch. A job is one file of an export: repetitions are counted within a file,
which keeps the memory the count needs bounded by the file's size, not the archive's.
"""

import hashlib
import re

from editorial.diff import BREAK, plain_blocks

# A sentence ends at . ! ? or the Arabic question mark, followed by a space.
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


def segments(text):
    """The segments of a source text: sentences of its paragraphs, without markup."""
    for block in plain_blocks(text).split(BREAK):
        yield from (sentence for sentence in _SENTENCE_END.split(block) if sentence)


def word_count(text):
    return sum(len(segment.split()) for segment in segments(text))


class WordCount:
    """Running totals for one job: words, and the words of segments already seen."""

    def __init__(self):
        self.words = self.repeated_words = self.segments = self.repeated_segments = 0
        self._seen = set()

    def add(self, text):
        """Count `text`'s segments into the totals; its number of words."""
        words = 0
        for segment in segments(text):
            count = len(segment.split())
            key = hashlib.blake2b(" ".join(segment.split()).encode(), digest_size=8).digest()
            if key in self._seen:
                self.repeated_words += count
                self.repeated_segments += 1
            else:
                self._seen.add(key)
            self.segments += 1
            words += count
        self.words += words
        return words

    @property
    def new_words(self):
        return self.words - self.repeated_words

    def as_dict(self):
        return {
            "source_words": self.words,
            "new_words": self.new_words,
            "repeated_words": self.repeated_words,
            "segments": self.segments,
            "repeated_segments": self.repeated_segments,
        }
