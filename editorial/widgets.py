from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class PlainSelect(forms.Select):
    """A <select> written out in Python. Django makes a dict of each option and renders it
    through two templates; a public filter offering hundreds of experts, regions and
    topics spent most of its page's time there. Options carry no attributes of their
    own, and no groups."""

    @property
    def choices(self):
        return self._choices

    @choices.setter
    def choices(self, value):
        # (value, label) pairs as given: Django's widget would check each one for groups.
        self._choices = value

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = "".join(
            f'<option value="{escape(str(choice))}"{" selected" if str(choice) in chosen else ""}>'
            f"{escape(str(label))}</option>"
            for choice, label in self.choices
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            mark_safe(options),
        )
