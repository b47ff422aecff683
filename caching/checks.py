from django.conf import settings
from django.core.checks import Error, register

from .cdn import ADAPTERS

NEEDED = {
    "ban": ["CDN_PURGE_URL", "CDN_PURGE_HOSTS"],
    "cloudflare": ["CLOUDFLARE_ZONE_ID", "CLOUDFLARE_API_TOKEN"],
    "cloudfront": ["CLOUDFRONT_DISTRIBUTION_ID"],
}


@register()
def cdn_purge_configured(app_configs, **kwargs):
    """A CDN purge that names an unknown adapter, or lacks what it needs, would fail at
    the first change; say so at start-up."""
    if not settings.CDN_PURGE:
        return []
    if settings.CDN_PURGE not in ADAPTERS:
        return [
            Error(
                f"CDN_PURGE={settings.CDN_PURGE!r} is not one of {', '.join(ADAPTERS)}.",
                id="caching.E001",
            )
        ]
    missing = [name for name in NEEDED[settings.CDN_PURGE] if not getattr(settings, name)]
    return [
        Error(f"CDN_PURGE={settings.CDN_PURGE} needs {name}.", id="caching.E002")
        for name in missing
    ]
