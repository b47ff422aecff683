"""The admin of django-axes' failed-login records, with our guard against query strings
that do not parse (a date drill-down to the year 99999999999999999999 is bad input, not a
server error), as every other changelist has."""

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin

from editorial.admin import QueryStringInputAdmin

admin.site.unregister([AccessAttempt, AccessLog, AccessFailureLog])


@admin.register(AccessAttempt)
class AccessAttemptAdmin(QueryStringInputAdmin, axes_admin.AccessAttemptAdmin):
    pass


@admin.register(AccessLog)
class AccessLogAdmin(QueryStringInputAdmin, axes_admin.AccessLogAdmin):
    pass


@admin.register(AccessFailureLog)
class AccessFailureLogAdmin(QueryStringInputAdmin, axes_admin.AccessFailureLogAdmin):
    pass
