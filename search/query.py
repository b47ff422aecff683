"""What a reader typed, as search terms: whatever they type is words, never syntax."""

from dataclasses import dataclass, field

from .text import stems, words

MAX_TERMS = 12
MAX_WORD_LENGTH = 60


@dataclass(frozen=True)
class SearchQuery:
    """The words to find in `language`, each with the other spellings that also count for
    it (an expert's name spelled another way); every word must be found."""

    text: str
    language: str
    terms: tuple = ()
    alternatives: dict = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def parse(cls, text, language):
        text = (text or "").replace("\x00", "")
        found = []
        for word in words(text, language):
            if len(word) <= MAX_WORD_LENGTH and word not in found:
                found.append(word)
        return cls(text=text, language=language, terms=tuple(found[:MAX_TERMS]))

    def __bool__(self):
        return bool(self.terms)

    def with_alternatives(self, alternatives):
        """This query, where a word in `alternatives` ({word: [other spellings]}) may also
        be found as any of its other spellings."""
        return SearchQuery(self.text, self.language, self.terms, alternatives)

    def groups(self):
        """[[a word and its other spellings], …]: one of each group must be found."""
        return [[term, *self.alternatives.get(term, [])] for term in self.terms]

    def stems(self):
        """Every stem the query looks for, its other spellings' too (for highlighting)."""
        return {
            stem for group in self.groups() for word in group for stem in stems(word, self.language)
        }
