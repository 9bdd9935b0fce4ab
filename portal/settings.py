"""Settings for the committee papers portal, all read from the environment.

Nothing here raises on a bad value: problems are collected in ``CONFIGURATION_PROBLEMS``
and reported by the system checks in ``portal.checks``, so ``manage.py check`` tells an
operator exactly what to fix.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from portal.env import EnvError, cache_settings, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
CONFIGURATION_PROBLEMS: list[str] = []


def _read(reader, name, default):
    try:
        return reader(name, default)
    except EnvError as exc:
        CONFIGURATION_PROBLEMS.append(str(exc))
        return default


DEBUG = _read(env_bool, "DEBUG", False)
SECRET_KEY = _read(env_str, "SECRET_KEY", "")
SECRET_KEY_FROM_ENVIRONMENT = bool(SECRET_KEY)
if not SECRET_KEY:
    # Only good enough for a developer's laptop; portal.checks refuses it when DEBUG is off.
    SECRET_KEY = "insecure-development-key-set-SECRET_KEY-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

DATA_DIR = Path(_read(env_str, "DATA_DIR", str(BASE_DIR / "data")))
DEFAULT_DATABASE_URL = f"sqlite:///{DATA_DIR / 'portal.sqlite3'}"
DATABASE_URL = _read(env_str, "DATABASE_URL", "") or DEFAULT_DATABASE_URL
if DATABASE_URL == DEFAULT_DATABASE_URL:
    # The embedded default: make its folder so a newcomer needs nothing set up.
    try:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        CONFIGURATION_PROBLEMS.append(f"DATA_DIR {DATA_DIR} cannot be created ({exc})")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
except ValueError as exc:
    CONFIGURATION_PROBLEMS.append(f"DATABASE_URL is not a database URL the portal knows ({exc})")
    DATABASES = {"default": dj_database_url.parse(DEFAULT_DATABASE_URL)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DATABASES["default"]["TEST"] = {"NAME": _read(env_str, "TEST_DATABASE_NAME", "") or None}

TIME_ZONE = _read(env_str, "TIME_ZONE", "Europe/London")
USE_TZ = True
LANGUAGE_CODE = "en-gb"
USE_I18N = False

PORTAL_ORGANISATION = _read(env_str, "PORTAL_ORGANISATION", "Example Council")
PORTAL_BASE_URL = _read(env_str, "PORTAL_BASE_URL", "http://127.0.0.1:8000")

# Ingest limits: a paper over either limit is refused with a clear reason.
INGEST_MAX_BYTES = _read(env_int, "INGEST_MAX_MB", 200) * 1024 * 1024
INGEST_MAX_PAGES = _read(env_int, "INGEST_MAX_PAGES", 5000)
INGEST_TIMEOUT_SECONDS = _read(env_int, "INGEST_TIMEOUT_SECONDS", 600)
INGEST_OCR = _read(env_bool, "INGEST_OCR", True)
INGEST_MAX_MEMORY_MB = _read(env_int, "INGEST_MAX_MEMORY_MB", 3072)
SAMPLE_PAPERS_DIR = BASE_DIR / "tests" / "fixtures" / "papers"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",  # its widget templates, for the project's own form templates
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "portal.apps.PortalConfig",
    "meetings",
    "documents",
    "staff",
    "councillors",
    "decisions",
    "alerts",
    "pagecache",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Early, so that it marks the final response, error pages included.
    "portal.security.StaffNoStoreMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag from the body's hash and 304 Not Modified, for pages served from the cache too.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Before the session is read: anonymous visitors' pages, kept under the content version.
    "pagecache.middleware.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# The public page cache (pagecache/): anonymous visitors' pages are kept under the content
# version, which every write to public content moves in its own transaction. Redis when
# CACHE_URL (or REDIS_URL) names one; otherwise files under DATA_DIR, which need nothing else.
CACHE_URL = _read(env_str, "CACHE_URL", "") or _read(env_str, "REDIS_URL", "")
CACHES = {"default": cache_settings(CACHE_URL, DATA_DIR / "cache", CONFIGURATION_PROBLEMS)}
PUBLIC_CACHE_ENABLED = _read(env_bool, "PUBLIC_CACHE", True)
PUBLIC_CACHE_ALIAS = "default"
PUBLIC_CACHE_SECONDS = _read(env_int, "PUBLIC_CACHE_SECONDS", 24 * 60 * 60)
# Search results are kept briefly: the queries are many and each is asked rarely.
PUBLIC_CACHE_SHORT_PATHS = ["/search/", "/api/search"]
PUBLIC_CACHE_SHORT_SECONDS = _read(env_int, "PUBLIC_CACHE_SEARCH_SECONDS", 300)
# Not worth a lookup: /robots.txt is a fixed template that touches no database.
PUBLIC_CACHE_SKIP_PATHS = ["/robots.txt"]
# Models of the portal's apps whose writes never change what the public sees.
PUBLIC_CACHE_QUIET_MODELS = [
    "staff.IngestJob",
    "staff.AuditEntry",
    # Email alerts: no public page shows them (subscribing, sending, rate-limit counts).
    *(
        f"alerts.{name}"
        for name in ("Subscriber", "Subscription", "Publication", "Message", "Alert", "Attempt")
    ),
]

# The demo (DEBUG on) shows the portal's own 404 and 500 pages, not Django's debug pages.
if DEBUG and _read(env_bool, "PORTAL_OWN_ERROR_PAGES", False):
    MIDDLEWARE.insert(1, "portal.errors.OwnErrorPagesMiddleware")

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
ASGI_APPLICATION = "portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
        },
    },
]

# Widgets may use the project's templates (the day, month and year boxes of a date input).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

STATIC_URL = "/static/"
STATIC_ROOT = Path(_read(env_str, "STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(_read(env_str, "MEDIA_ROOT", str(DATA_DIR / "papers")))

# Stored papers go through Django's storage API. Set S3_BUCKET to keep them in an
# S3-compatible object store (django-storages) instead of MEDIA_ROOT, for several app servers.
S3_BUCKET = _read(env_str, "S3_BUCKET", "")
if S3_BUCKET:
    PAPERS_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": _read(env_str, "S3_ENDPOINT_URL", "") or None,
            "region_name": _read(env_str, "S3_REGION", "") or None,
            "access_key": _read(env_str, "S3_ACCESS_KEY_ID", "") or None,
            "secret_key": _read(env_str, "S3_SECRET_ACCESS_KEY", "") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    PAPERS_STORAGE = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(MEDIA_ROOT), "base_url": MEDIA_URL},
    }
STORAGES = {
    "default": PAPERS_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# HTTPS and response headers. `manage.py check --deploy` passes with DEBUG off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if not DEBUG else None
SECURE_SSL_REDIRECT = _read(env_bool, "SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = 0 if DEBUG else _read(env_int, "SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG  # covers only hosts under the portal's own name
# Preloading is a commitment for the whole registrable domain (hstspreload.org asks projects
# not to turn it on by default), so it is the operator's choice; see SILENCED_SYSTEM_CHECKS.
SECURE_HSTS_PRELOAD = not DEBUG and _read(env_bool, "SECURE_HSTS_PRELOAD", False)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # the staff PDF view alone allows same-origin framing

# Django's Content Security Policy: no inline script or style, nothing from another origin.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF],  # the staff review pages show the PDF beside the text
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],  # 'self' on views marked @framed_by_portal
}
# Browser features the portal never uses (django-permissions-policy): none may be used. Only
# features Chromium knows ("bluetooth" is not one: it logged a warning on every page).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Cookies: HTTPS-only when DEBUG is off, never readable by scripts, a staff session lasts a
# working day.
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = _read(env_int, "SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = _read(env_bool, "SESSION_EXPIRE_AT_BROWSER_CLOSE", False)
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# Sign-in rate limiting (django-axes): after AXES_FAILURE_LIMIT failed sign-ins for one
# username from one address, that pair is locked out for AXES_COOLOFF_MINUTES.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = _read(env_int, "AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=_read(env_int, "AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.security.lockout_response"  # registration/locked_out.html
AXES_CLIENT_IP_CALLABLE = "portal.security.client_ip"
AXES_VERBOSE = False  # no start-up banner on every command; lockouts are still logged
# How many reverse proxies that append to X-Forwarded-For stand in front of the app. 0 (the
# default) ignores the header: a client could otherwise choose its own address.
TRUSTED_PROXY_COUNT = _read(env_int, "TRUSTED_PROXY_COUNT", 0)

SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": _read(env_str, "LOG_LEVEL", "INFO")},
    "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# The open-data API (portal/api/): read-only, anonymous, paginated, OpenAPI at /api/schema.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "portal.api.pagination.StandardPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Committee papers open data API",
    "DESCRIPTION": "Everything public about the council's committees, meetings, agenda items, "
    "papers (with their pages' text), decisions and people. Exempt (Schedule 12A) content is "
    "never included: an exempt item shows only its number, title and paragraph.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {
        "DocumentKindEnum": "documents.models.Document.Kind",
        "PersonKindEnum": "meetings.models.Person.Kind",
        "MeetingStatusEnum": "meetings.models.Meeting.Status",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "portal.api.schema.withheld_items_need_only_public_fields",
        "portal.api.schema.document_error_responses",
    ],
    # Swagger UI is served from this site (drf-spectacular-sidecar), never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
}

# Staff workflow (the staff app): sign-in, uploads read in the background by the database
# task worker (`manage.py db_worker`, its own process), the audit log.
INSTALLED_APPS += ["django_tasks_db"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "staff:dashboard"
LOGOUT_REDIRECT_URL = "home"
# Uploads wait here (random names, outside MEDIA_ROOT) until the worker reads them; the web
# and worker processes must share it.
STAFF_UPLOAD_DIR = Path(_read(env_str, "STAFF_UPLOAD_DIR", str(DATA_DIR / "incoming")))
# A worker reading an upload records a heartbeat; an upload whose worker has been silent for
# STAFF_WORKER_STALE_SECONDS is queued again by the next worker.
STAFF_WORKER_HEARTBEAT_SECONDS = _read(env_int, "STAFF_WORKER_HEARTBEAT_SECONDS", 15)
STAFF_WORKER_STALE_SECONDS = _read(env_int, "STAFF_WORKER_STALE_SECONDS", 120)
STAFF_INGEST_ISOLATE = True  # read uploads in a child process with time and memory limits
AGENDA_NOTICE_CLEAR_WORKING_DAYS = 5

# Email (alerts and staff password reset), from EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER,
# EMAIL_HOST_PASSWORD (or EMAIL_HOST_PASSWORD_FILE), EMAIL_USE_TLS, EMAIL_USE_SSL and
# DEFAULT_FROM_EMAIL. With EMAIL_HOST set, mail goes to that SMTP server (plain SMTP unless
# a TLS option is on); without it, emails are written to the console (the demo), so nothing
# is sent by accident.
EMAIL_CONFIGURED = bool(_read(env_str, "EMAIL_HOST", ""))
if EMAIL_CONFIGURED:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _read(env_str, "EMAIL_HOST", ""),
                "port": _read(env_int, "EMAIL_PORT", 25),
                "username": _read(env_str, "EMAIL_HOST_USER", ""),
                "password": _read(env_str, "EMAIL_HOST_PASSWORD", ""),
                "use_tls": _read(env_bool, "EMAIL_USE_TLS", False),
                "use_ssl": _read(env_bool, "EMAIL_USE_SSL", False),
                "timeout": _read(env_int, "EMAIL_TIMEOUT", 30),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = _read(env_str, "DEFAULT_FROM_EMAIL", "") or "alerts@localhost"
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Alerts: the confirmation link's life, when daily digests go, how long an email claimed by a
# worker that stopped waits before another sends it, and the subscription rate limits.
ALERTS_CONFIRM_DAYS = _read(env_int, "ALERTS_CONFIRM_DAYS", 7)
ALERTS_DIGEST_HOUR = _read(env_int, "ALERTS_DIGEST_HOUR", 7)
ALERTS_CLAIM_STALE_SECONDS = _read(env_int, "ALERTS_CLAIM_STALE_SECONDS", 300)
ALERTS_SUBSCRIBE_PER_ADDRESS_HOUR = _read(env_int, "ALERTS_SUBSCRIBE_PER_ADDRESS_HOUR", 5)
ALERTS_SUBSCRIBE_PER_CLIENT_HOUR = _read(env_int, "ALERTS_SUBSCRIBE_PER_CLIENT_HOUR", 20)
PASSWORD_RESET_PER_HOUR = _read(env_int, "PASSWORD_RESET_PER_HOUR", AXES_FAILURE_LIMIT)
PASSWORD_RESET_TIMEOUT = 60 * 60
