"""Redirects from old addresses, in every language (a path carries its language prefix).

Django's contrib.redirects would need contrib.sites, which makes feeds and sitemaps build
their absolute addresses from a configured domain instead of the request's host.
"""

from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MAX_PATH = 1000


def normal_path(path):
    """A path as a request for it arrives: percent-escapes decoded ("/%65" is "/e"), no
    fragment (a browser never sends it). A redirect stores its paths so, and so meets them."""
    return unquote(path.split("#", 1)[0])


def path_only(address):
    """The path of an address that may carry a query ("/search/?q=x": "/search/")."""
    return address.split("?", 1)[0]


class RedirectQuerySet(models.QuerySet):
    def record_move(self, old_path, new_path):
        """Lead `old_path` to `new_path` permanently (after a page moved)."""
        old_path, new_path = normal_path(old_path), normal_path(new_path)
        if old_path == path_only(new_path):
            return
        with transaction.atomic():
            self.filter(old_path=new_path).delete()  # the page lives there again
            self.update_or_create(old_path=old_path, defaults={"new_path": new_path})


class Redirect(models.Model):
    """A permanent (301) redirect, answered only where no page answers (see middleware).

    Saving one keeps the table one hop deep: whatever led to its old address now leads to
    its end, it leads past other redirects to their end, and one that would lead back to
    itself is not kept.
    """

    old_path = models.CharField(
        _("old address"),
        max_length=MAX_PATH,
        unique=True,
        help_text=_("A path on this site, e.g. /policy-analysis/view/old-title"),
    )
    new_path = models.CharField(
        _("new address"),
        max_length=MAX_PATH,
        help_text=_("A path on this site, e.g. /policy-analysis/new-title"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RedirectQuerySet.as_manager()

    class Meta:
        ordering = ["old_path"]
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"

    def save(self, *args, **kwargs):
        self.old_path, self.new_path = normal_path(self.old_path), normal_path(self.new_path)
        end = self.end()
        if end is None:  # it would lead back round to itself: not kept
            if self.pk:
                Redirect.objects.filter(pk=self.pk).delete()
            return
        with transaction.atomic():
            others = Redirect.objects.exclude(old_path=self.old_path)
            others.filter(new_path=self.old_path).update(new_path=end)
            self.new_path = end
            super().save(*args, **kwargs)

    def end(self):
        """Where this redirect leads once the others it meets are followed, or None when
        they lead back round to its own old address (a loop; an address's query does not
        count: it is not matched)."""
        old = normal_path(self.old_path)
        others = Redirect.objects.exclude(old_path=old)
        end, seen = normal_path(self.new_path), {old}
        while path_only(end) not in seen and (
            onward := others.filter(old_path=path_only(end)).first()
        ):
            seen.add(path_only(end))
            end = onward.new_path
        return None if path_only(end) in seen else end

    def clean(self):
        errors = {
            field: problem
            for field in ("old_path", "new_path")
            if (problem := path_problem(getattr(self, field)))
        }
        if not errors and "?" in self.old_path:
            errors["old_path"] = gettext(
                "An old address is met by its path alone: leave out its query (after “?”)."
            )
        elif not errors and normal_path(self.old_path) == path_only(normal_path(self.new_path)):
            errors["new_path"] = gettext("A redirect must lead somewhere else.")
        elif not errors and self.end() is None:
            errors["new_path"] = gettext(
                "“%(path)s” leads back to “%(old)s” through other redirects: this one would "
                "make a loop, which no browser can follow."
            ) % {"path": self.new_path, "old": self.old_path}
        if errors:
            raise ValidationError(errors)


def path_problem(path):
    """Why `path` cannot be a redirect's address, or None."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return gettext("“%(path)s” is not a path on this site (it must start with one “/”).") % {
            "path": (path or "")[:80]
        }
    if len(path) > MAX_PATH or any(char.isspace() or char == "\x00" for char in path):
        return gettext("“%(path)s” is not a usable address.") % {"path": path[:80]}
    return None
