"""Pages of lists too long to count in full."""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class UncountedPaginator(Paginator):
    """Pages of a list too long to count on every request (every public brief of a
    500,000-brief archive, all of a region's): each page reads its rows and one more, to
    know whether another page follows. Pages say "Page 3", never "of 25,000"."""

    counted = False
    # Further than any archive reaches: a larger number is a page past the end, asked
    # for before the database is (an offset that large overflows it).
    last_possible_page = 1_000_000

    def validate_number(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(_("That page number is not an integer")) from error
        if number < 1:
            raise EmptyPage(_("That page number is less than 1"))
        if number > self.last_possible_page:
            raise EmptyPage(_("That page contains no results"))
        return number

    def page(self, number):
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        rows = list(self.object_list[start : start + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage(_("That page contains no results"))
        return UncountedPage(rows[: self.per_page], number, self, more=len(rows) > self.per_page)


class UncountedPage(Page):
    def __init__(self, object_list, number, paginator, *, more):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self):
        return self.more

    def has_previous(self):
        return self.number > 1


class CappedCountPaginator(Paginator):
    """Pages of a search counted up to `cap` matches: a common word finds most of a large
    archive, and counting every match cost the admin's search nearly all of its time.
    Past the cap the pages stop and `capped` says that more matched, so that the list
    can say "more than" and ask for more words or a filter."""

    def __init__(self, object_list, per_page, *, cap, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def _matches(self):
        return self.object_list[: self.cap + 1].count()

    @property
    def count(self):
        return min(self._matches, self.cap)

    @property
    def capped(self):
        return self._matches > self.cap
