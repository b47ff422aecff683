"""Settings for Briefing Room, read from the environment (see .env.example).

Defaults are for development on SQLite; production sets SECRET_KEY, ALLOWED_HOSTS,
DATABASE_URL and CACHE_URL (or REDIS_URL) and leaves DEBUG off.
"""

import logging
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import process_link
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

# The "django-insecure-" prefix makes `manage.py check --deploy` flag a forgotten key.
SECRET_KEY = env("SECRET_KEY", default="django-insecure-development-only-key")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "config.apps.LoginLockoutsConfig",  # axes
    "csp",
    "django_tasks",
    "config.apps.BackgroundTasksConfig",  # django_tasks_db
    "reversion",
    "django_prose_editor",
    "adminsortable2",
    "easy_thumbnails",
    "languages",
    "publishing",
    "addresses",
    "editorial",
    "search",
    "library",
    "taxonomy",
    "experts",
    "briefs",
    "website",
    "caching",
    "translations",
    "devtools",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "website.request_log.RequestLogMiddleware",
    "website.replicas.ReplicaReadsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "website.middleware.ContentSecurityPolicyMiddleware",
    # Answers conditional requests (304) for what the page cache serves, and for the rest.
    "django.middleware.http.ConditionalGetMiddleware",
    # Outside the session and the language: a cached page needs neither.
    "caching.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "website.middleware.RejectNullCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so that it answers only where no page did: old addresses of moved pages.
    "addresses.middleware.RedirectFallbackMiddleware",
    "axes.middleware.AxesMiddleware",
]

# The load test (make loadtest) adds a plain view to compare with: config.loadtest_urls.
ROOT_URLCONF = env("ROOT_URLCONF", default="config.urls")
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Connections are kept between requests, and checked before each is reused.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several editors at once: readers never wait for a writer (WAL), a writer waits its
    # turn rather than failing with "database is locked" (timeout), and a transaction takes
    # the write lock when it begins, so it cannot deadlock upgrading a read (IMMEDIATE).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": env.int("SQLITE_BUSY_TIMEOUT", default=20),
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # The tests use a file too: an in-memory database has neither WAL nor real locking.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Server-side binding lets psycopg prepare the queries a page repeats, which saves
    # PostgreSQL planning them on every request. Turn it off behind a transaction-pooling
    # PgBouncer.
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = env.bool(
        "DATABASE_SERVER_SIDE_BINDING", default=True
    )
    # Or a pool of connections per process (psycopg's), instead of one kept connection.
    if pool_size := env.int("DATABASE_POOL_MAX_SIZE", default=0):
        DATABASES["default"]["OPTIONS"]["pool"] = {"min_size": 1, "max_size": pool_size}
        DATABASES["default"]["CONN_MAX_AGE"] = 0
# Read replicas: anonymous readers' requests read from one of them (website.replicas).
DATABASE_REPLICAS = []
for _number, _url in enumerate(env.list("DATABASE_REPLICA_URLS", default=[]), start=1):
    DATABASES[f"replica_{_number}"] = {
        **env.db_url_config(_url),
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": DATABASES["default"].get("OPTIONS", {}),
    }
    DATABASE_REPLICAS.append(f"replica_{_number}")
DATABASE_ROUTERS = ["website.replicas.ReplicaRouter"]
# How long after a public change every read goes to the primary, while replicas catch up.
DATABASE_REPLICA_LAG_SECONDS = env.int("DATABASE_REPLICA_LAG_SECONDS", default=10)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_cache_url = env("CACHE_URL", default=None) or env("REDIS_URL", default=None)
CACHES = {
    "default": env.cache_url_config(_cache_url)
    if _cache_url
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}

# The public page cache (caching.page_cache): how long a page is kept at most (it is
# forgotten at once when public content changes), and what a CDN is told: s-maxage, and
# how long it may serve a page stale while it fetches it again.
# On by default where every process shares the cache: with Redis, or under runserver's
# one process; several processes with a cache each would serve each other's stale pages.
PAGE_CACHE = env.bool("PAGE_CACHE", default=bool(_cache_url) or DEBUG)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=24 * 60 * 60)
PAGE_CACHE_CDN_SECONDS = env.int("PAGE_CACHE_CDN_SECONDS", default=60)
PAGE_CACHE_STALE_SECONDS = env.int("PAGE_CACHE_STALE_SECONDS", default=30)
# Background tasks (django-tasks): at once in the request by default; in production the
# database backend, run by `manage.py db_worker`, so that CDN purges wait and retry.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend")
    }
}
# Purging a CDN when public content changes (caching.cdn): "ban" (Varnish-style proxies,
# at CDN_PURGE_URL, for CDN_PURGE_HOSTS), "cloudflare" or "cloudfront"; empty: off.
CDN_PURGE = env("CDN_PURGE", default="")
CDN_PURGE_URL = env("CDN_PURGE_URL", default="")
CDN_PURGE_HOSTS = env.list(
    "CDN_PURGE_HOSTS", default=[host for host in ALLOWED_HOSTS if "*" not in host]
)
CDN_PURGE_BATCH_SECONDS = env.int("CDN_PURGE_BATCH_SECONDS", default=5)
CDN_PURGE_ATTEMPTS = env.int("CDN_PURGE_ATTEMPTS", default=5)
CDN_PURGE_TIMEOUT = env.int("CDN_PURGE_TIMEOUT", default=10)
CLOUDFLARE_API_URL = env("CLOUDFLARE_API_URL", default="https://api.cloudflare.com/client/v4")
CLOUDFLARE_ZONE_ID = env("CLOUDFLARE_ZONE_ID", default="")
CLOUDFLARE_API_TOKEN = env("CLOUDFLARE_API_TOKEN", default="")
CLOUDFRONT_DISTRIBUTION_ID = env("CLOUDFRONT_DISTRIBUTION_ID", default="")
CLOUDFRONT_ENDPOINT_URL = env("CLOUDFRONT_ENDPOINT_URL", default="")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the default and unprefixed; the others live under /ar/, /fa/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ar", _("Arabic")), ("fa", _("Persian"))]
# What each language is (languages.registry): a language in LANGUAGES needs an entry here
# (system check languages.E001). Digits: "western" (2015), "arabic-indic" (٢٠١٥) or
# "persian" (۲۰۱۵), as the house style wants them on that language's pages. Date style:
# "gregorian", "arabic-months" or "solar-hijri" (languages.registry.DATE_STYLES).
LANGUAGE_REGISTRY = {
    "en": {
        "name_local": "English",
        "bidi": False,
        "script": "latin",
        "search_configuration": "english",
        "stemmer": "english",
        "normaliser": "plain",
        "slug": "english",
        "og_locale": "en_US",
        "digits": "western",
        "date_style": "gregorian",
    },
    "ar": {
        "name_local": "العربية",
        "bidi": True,
        "script": "arabic",
        "search_configuration": "arabic",
        "stemmer": "arabic",
        "normaliser": "arabic",
        "slug": "arabic-script",
        "og_locale": "ar_AR",
        "digits": env.str("ARABIC_DIGITS", default="western"),
        "date_style": "arabic-months",
    },
    "fa": {
        "name_local": "فارسی",
        "bidi": True,
        "script": "arabic",
        # PostgreSQL has no Persian stemmer: words are matched whole, as normalised.
        "search_configuration": "simple",
        "stemmer": None,
        "normaliser": "persian",
        "slug": "arabic-script",
        "og_locale": "fa_IR",
        "digits": env.str("PERSIAN_DIGITS", default="persian"),
        "date_style": env.str("PERSIAN_DATE_STYLE", default="solar-hijri"),
    },
}
LANGUAGES_BIDI = [code for code, entry in LANGUAGE_REGISTRY.items() if entry["bidi"]]
# The Arabic month names of the house style (ARABIC_MONTH_NAMES, below) come first, so
# that the dates Django formats itself (the admin's) are written as the site's are.
LOCALE_PATHS = [BASE_DIR / "locale" / "months" / env.str("ARABIC_MONTH_NAMES", default="both")]
LOCALE_PATHS.append(BASE_DIR / "locale")
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("TIME_ZONE", default="UTC")

# An Arabic page shows Arabic or nothing: never the English text as a fallback.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ()}
# The admin's language tabs need jQuery UI; serve our copy rather than a CDN's.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# Topics and regions know nothing of briefs, yet their pages live in the briefs
# app's /policy-analysis/<slug> space, which the project wires up here.
ABSOLUTE_URL_OVERRIDES = {
    "taxonomy.topic": lambda topic: reverse("briefs:detail", kwargs={"slug": topic.slug}),
    "taxonomy.region": lambda region: reverse("briefs:detail", kwargs={"slug": region.slug}),
}

# Rich text: the editor's link dialog finds these models' pages (editorial.views); our
# Link replaces the editor's own, with the same allow-list.
RICH_TEXT_LINK_TARGETS = ["briefs.Brief", "experts.Expert"]
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("editorial/link-targets.js")],
        "extensions": {"Link": process_link},
    }
]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
# whitenoise serves what collectstatic wrote: hashed names, compressed, cached for a year.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_BACKEND",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
MEDIA_URL = env("MEDIA_URL", default="/media/")
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Uploads (images, their renditions, PDFs) in S3-compatible object storage when S3_BUCKET
# is set (django-storages), shared by every app server; local files otherwise. Pictures
# are read straight from the bucket (or the CDN in front of it, S3_CUSTOM_DOMAIN); PDFs
# only through the site, which serves a brief's documents while the brief is public.
if S3_BUCKET := env("S3_BUCKET", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env("S3_ENDPOINT_URL", default=None),
            "region_name": env("S3_REGION", default=None),
            "access_key": env("S3_ACCESS_KEY_ID", default=None),
            "secret_key": env("S3_SECRET_ACCESS_KEY", default=None),
            "custom_domain": env("S3_CUSTOM_DOMAIN", default=None),
            "querystring_auth": False,  # plain, cacheable addresses for pictures
            "file_overwrite": False,
            # Every stored name is new (renditions' names carry their options).
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    _options = STORAGES["default"]["OPTIONS"]
    MEDIA_ORIGINS = [
        f"https://{_options['custom_domain']}"
        if _options["custom_domain"]
        else _options["endpoint_url"] or f"https://{S3_BUCKET}.s3.amazonaws.com"
    ]
else:
    MEDIA_ORIGINS = []

# HTTPS: on whenever DEBUG is off, so that `check --deploy` has nothing to say; each part
# can be turned off from the environment (docs/deploy.md says when that makes sense).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers ask over plain HTTP
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
# The header alone enrols nothing: a site is preloaded only once submitted to hstspreload.org.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
# Behind a TLS-terminating proxy that sets it (and strips it from clients' requests):
# SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO,https
if _proxy_ssl_header := env.tuple("SECURE_PROXY_SSL_HEADER", default=()):
    SECURE_PROXY_SSL_HEADER = _proxy_ssl_header
# How many proxies stand in front of the app and append to X-Forwarded-For (0: none, the
# client is REMOTE_ADDR). The login throttle counts failures per address from it.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Content-Security-Policy (django-csp): scripts, styles and fonts from our own origin only,
# no inline script anywhere public. The admin adds what its editors need
# (website.middleware.ContentSecurityPolicyMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS, *env.list("CSP_IMAGE_ORIGINS", default=[])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "report-uri": ["/csp-report"],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture",
        "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment", "usb",
    ]
}  # fmt: skip

# Failed admin logins (django-axes): after AXES_FAILURE_LIMIT failures from one address
# within AXES_COOLOFF_MINUTES, whatever the user names tried, it is locked out for that
# long. A successful login does not start the count again (a valid login of one's own
# between guesses at another's would). Editors see and lift lockouts in the admin (Axes ›
# Access attempts). The address is the one the trusted proxies vouch for (website.proxies).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = False
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "website.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "website.proxies.client_address"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]


def _as_one_line_warning(record):
    """A request for a host we do not serve is routine noise from scanners: one line, no
    traceback."""
    record.exc_info = record.exc_text = None
    record.levelno, record.levelname = logging.WARNING, "WARNING"
    return True


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "one_line_warning": {
            "()": "django.utils.log.CallbackFilter",
            "callback": _as_one_line_warning,
        },
        "escape_control_characters": {"()": "website.logs.EscapeControlCharacters"},
    },
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env("LOG_FORMAT", default="text"),
            "filters": ["escape_control_characters"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.security.DisallowedHost": {"filters": ["one_line_warning"]},
        # One line per request comes from website.requests; these would repeat it.
        "django.server": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
    },
}
BRIEFS_PER_PAGE = env.int("BRIEFS_PER_PAGE", default=20)
# Search ranks this many of the newest matches by relevance (briefs.search), and shows
# this many results, each with a passage, per page.
SEARCH_RANKED_MATCHES = env.int("SEARCH_RANKED_MATCHES", default=200)
SEARCH_RESULTS_PER_PAGE = env.int("SEARCH_RESULTS_PER_PAGE", default=10)
# The admin's brief search, and its lists filtered by state, count up to this many
# ("more than 1,000").
ADMIN_SEARCH_COUNT_CAP = env.int("ADMIN_SEARCH_COUNT_CAP", default=1000)
# Arabic dates' house style (editorial.dates): month names "both" ("تشرين الثاني/نوفمبر",
# as the modelled site), "levantine" ("تشرين الثاني") or "gregorian" ("نوفمبر"); digits:
# LANGUAGE_REGISTRY above.
ARABIC_MONTH_NAMES = env.str("ARABIC_MONTH_NAMES", default="both")
RAIL_SIZE = env.int("RAIL_SIZE", default=3)
# How long a shared preview link to an unpublished brief stays valid, in days.
PREVIEW_LINK_DAYS = env.int("PREVIEW_LINK_DAYS", default=7)
# The largest XLIFF file an import accepts, in bytes.
XLIFF_IMPORT_MAX_BYTES = env.int("XLIFF_IMPORT_MAX_BYTES", default=20 * 1024 * 1024)
# A zip of XLIFF files: at most so many files, and so many bytes once unpacked in all.
XLIFF_IMPORT_MAX_FILES = env.int("XLIFF_IMPORT_MAX_FILES", default=5000)
XLIFF_IMPORT_MAX_TOTAL_BYTES = env.int("XLIFF_IMPORT_MAX_TOTAL_BYTES", default=1024**3)
# The most units and source words in one XLIFF file of an export for an agency.
XLIFF_FILE_MAX_UNITS = env.int("XLIFF_FILE_MAX_UNITS", default=1000)
XLIFF_FILE_MAX_WORDS = env.int("XLIFF_FILE_MAX_WORDS", default=20000)
# An export of more objects than this is prepared in the background, not streamed.
XLIFF_STREAM_MAX_OBJECTS = env.int("XLIFF_STREAM_MAX_OBJECTS", default=200)
