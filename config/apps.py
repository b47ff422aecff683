"""Third-party apps named in the admin's languages: neither names itself translatably
("AXES", "TASKS DATABASE BACKEND" in the Arabic admin). Named in INSTALLED_APPS, as Django
documents for configuring an app."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from django_tasks_db.apps import TasksAppConfig


class LoginLockoutsConfig(AxesAppConfig):
    verbose_name = _("Login attempts and lockouts")


class BackgroundTasksConfig(TasksAppConfig):
    verbose_name = _("Background tasks")


# Model names django-tasks-db marks for translation but ships no Arabic for; named here so
# that `make messages` keeps them in locale/ar.
THIRD_PARTY_NAMES = (gettext_noop("Task Result"), gettext_noop("Task Results"))
