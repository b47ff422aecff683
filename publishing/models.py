from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .signals import announce


class PublishingRecord(models.Model):
    """Who changed what the public may see of an object, how, and when."""

    class Action(models.TextChoices):
        SAVE_DRAFT = "draft", _("saved as draft")
        SEND_TO_REVIEW = "review", _("sent to review")
        PUBLISH = "publish", _("published")
        SCHEDULE = "schedule", _("scheduled")
        WITHDRAW = "withdraw", _("withdrawn")
        APPROVE = "approve", _("approved")
        EDIT = "edit", _("edited while public")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    language = models.CharField(_("language"), max_length=10, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    # Why, where the step asks (a withdrawal's reason).
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("publishing record")
        verbose_name_plural = _("publishing records")
        indexes = [models.Index(fields=["content_type", "object_id", "-at"])]

    def __str__(self):
        return f"{self.get_action_display()} — {self.at:%Y-%m-%d %H:%M}"


class PublicContentModel(models.Model):
    """Mixin for models whose rows the public sees: each save, and each delete however it
    is made, announces public_content_changed when `changes_public_content()` says the row
    is, or was, shown to the public. Inside a transaction, the announcement waits for the
    commit.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.changes_public_content():
            announce([self])

    def changes_public_content(self):
        """Whether this row's change changes what the public sees (by default, always)."""
        return True

    def save_translation(self, user, language):
        """Save text a translator brought in `language` from outside the admin (an XLIFF
        file). By default a plain save; a model whose language versions wait for approval
        overrides it to send them through its publishing path."""
        self.save()


def announce_deleted(sender, instance, **kwargs):
    """post_delete receiver for every PublicContentModel (see PublishingConfig.ready)."""
    if instance.changes_public_content():
        announce([instance])
