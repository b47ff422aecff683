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


# Text of Django and the apps above that they mark for translation but whose Arabic is
# missing or wrong (Django's says "added" for "changed"); named here so that
# `make messages` keeps our Arabic for them in locale/ar, which comes first.
THIRD_PARTY_TEXT = (
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
    gettext_noop("Locked Out"),
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop(
        "Choose a date from the list below to revert to a previous version of this object."
    ),
    gettext_noop("Choose a date from the list below to recover a deleted version of an object."),
)
