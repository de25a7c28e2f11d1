"""tiendo settings: one file, everything from the environment through strict parsers.

A bad value exits with one clear line (Vietnamese, then English) instead of a traceback.
"""

import os
import secrets
import sys
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from tiendo.lib import clock

BASE_DIR = Path(__file__).resolve().parent


def _die(name: str, value: str, expected: str) -> None:
    sys.stderr.write(
        f"tiendo: biến môi trường {name}={value!r} không hợp lệ: cần {expected}. "
        f"(invalid {name}: expected {expected})\n"
    )
    raise SystemExit(2)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    low = raw.strip().lower()
    if low in {"1", "true", "yes", "on"}:
        return True
    if low in {"0", "false", "no", "off"}:
        return False
    _die(name, raw, "1/0, true/false, yes/no")
    return default


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        _die(name, raw, "một số nguyên (an integer)")
    return default


def env_url(name: str, schemes: set[str]) -> str | None:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return None
    parts = urlsplit(raw)
    if parts.scheme not in schemes or (parts.scheme != "sqlite" and not parts.hostname):
        _die(name, raw, "một URL dạng " + " hoặc ".join(sorted(f"{s}://…" for s in schemes)))
    return raw


TIENDO_HOME = Path(os.environ.get("TIENDO_HOME") or (Path.cwd() / "var")).resolve()


def _secret_key() -> str:
    key = os.environ.get("TIENDO_SECRET_KEY")
    if key:
        return key
    path = TIENDO_HOME / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        TIENDO_HOME.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        path.write_text(key)
        path.chmod(0o600)
        return key


SECRET_KEY = _secret_key()


def _audit_key() -> str:
    """The key of the audit chain's HMAC: env TIENDO_AUDIT_KEY, else TIENDO_HOME/audit_key
    (created on first start, mode 600). It lives outside the database and outside backups, so
    someone holding only the database cannot forge entries. Keep a copy with the secret key."""
    key = os.environ.get("TIENDO_AUDIT_KEY")
    if key:
        return key
    path = TIENDO_HOME / "audit_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        TIENDO_HOME.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        path.write_text(key)
        path.chmod(0o600)
        return key


TIENDO_AUDIT_KEY = _audit_key()
# The newest chain head, written outside the database by the worker and `tiendo audit
# checkpoint`; `tiendo audit verify` checks the chain still holds it.
TIENDO_AUDIT_CHECKPOINT = Path(os.environ.get("TIENDO_AUDIT_CHECKPOINT")
                               or TIENDO_HOME / "audit_checkpoint")
DEBUG = env_bool("TIENDO_DEBUG", False)
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("TIENDO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("TIENDO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "tiendo.shared",
    "tiendo.orgs",
    "tiendo.units",
    "tiendo.programmes",
    "tiendo.indicators",
    "tiendo.tasks",
    "tiendo.audit",
    "tiendo.web",
    "tiendo.demo",
    "tiendo.api",
    "tiendo.reminders",
    "tiendo.reports",
    "tiendo.extraction",
    "tiendo.scoring",
    "tiendo.outlook",
    "tiendo.people",
    "tiendo.transfer",
    "tiendo.planning",
    "tiendo.worker",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tiendo.web.middleware.ChosenLanguageMiddleware",  # vi unless EN was chosen (web)
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "tiendo.urls"
WSGI_APPLICATION = "tiendo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
            "builtins": ["tiendo.web.templatetags.vn"],
        },
    }
]

DATABASE_URL = env_url("DATABASE_URL", {"postgres", "postgresql", "pgsql", "sqlite"})
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)
    if DATABASE_URL
    else {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(TIENDO_HOME / "tiendo.sqlite3"),
        "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE",
                    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"},
        # The test database is a file too, not SQLite's in-memory default: with an in-memory
        # database the live server's request threads and the test share one connection, and two
        # threads inside one sqlite3 connection can deadlock (a page whose panels load in
        # parallel hung the browser tests). A file gives each thread its own connection.
        "TEST": {"NAME": str(TIENDO_HOME / "test-tiendo.sqlite3")},
    }
}
# A PostgreSQL read replica for read-only pages and exports (tiendo/dbrouter.py).
REPLICA_URL = env_url("TIENDO_REPLICA_URL", {"postgres", "postgresql", "pgsql"})
if REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(REPLICA_URL, conn_max_age=60)
    DATABASE_ROUTERS = ["tiendo.dbrouter.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = clock.TIME_ZONE
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = TIENDO_HOME / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = TIENDO_HOME / "uploads"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # hashed names (cached for a year by WhiteNoise) and br/gzip copies, made by collectstatic
    # (`tiendo serve` runs it when a static file changed)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Production serves the collected files only; finders (uncompressed, 60 s cache) while debugging.
WHITENOISE_USE_FINDERS = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
TIENDO_UPLOAD_MAX_BYTES = env_int("TIENDO_UPLOAD_MAX_MB", 20) * 1024 * 1024
# Reading an uploaded report: a child process with these limits (tiendo/extraction/reading.py)
TIENDO_READ_SECONDS = env_int("TIENDO_READ_SECONDS", 120)
TIENDO_READ_MEMORY_MB = env_int("TIENDO_READ_MEMORY_MB", 1024)

SESSION_COOKIE_AGE = env_int("TIENDO_SESSION_HOURS", 12) * 3600
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

_email_url = env_url("TIENDO_EMAIL_URL", {"smtp", "smtps", "submission", "console"})
DEFAULT_FROM_EMAIL = os.environ.get("TIENDO_EMAIL_FROM", "tiendo <tiendo@localhost>")
if _email_url and not _email_url.startswith("console"):
    _e = urlsplit(_email_url)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _e.hostname
    EMAIL_PORT = _e.port or (465 if _e.scheme == "smtps" else 25)
    EMAIL_HOST_USER = _e.username or ""
    EMAIL_HOST_PASSWORD = _e.password or ""
    EMAIL_USE_SSL = _e.scheme == "smtps"
    EMAIL_USE_TLS = _e.scheme == "submission"
    EMAIL_TIMEOUT = 20
elif _email_url:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    # No mail server configured: messages are kept as files, one per message, to read.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = TIENDO_HOME / "mail"

TIENDO_API_RATE_PER_MINUTE = env_int("TIENDO_API_RATE_PER_MINUTE", 120)  # per API token
TIENDO_SITE_URL = os.environ.get("TIENDO_SITE_URL", "http://127.0.0.1:8000")
TIENDO_DEMO_PASSWORD = os.environ.get("TIENDO_DEMO_PASSWORD") or None
# PAdES signature of issued reports (reports/signing.py): a PKCS#12 file and its password
TIENDO_SIGNING_P12 = os.environ.get("TIENDO_SIGNING_P12") or None
TIENDO_SIGNING_P12_PASSWORD = os.environ.get("TIENDO_SIGNING_P12_PASSWORD") or None

# Configurable domain rules (docs/domain.md §Configurable rules): defaults an office may change.
_exceed = os.environ.get("TIENDO_EXCEED_MARGIN", "").strip()
if _exceed and not __import__("re").fullmatch(r"0(\.\d+)?", _exceed):
    _die("TIENDO_EXCEED_MARGIN", _exceed, "một tỷ lệ từ 0 đến dưới 1, ví dụ 0.05 (a share)")
TIENDO_RULES = {
    # vượt: beats the plan by more than this share of plan ("0.05"); empty (the default):
    # no vượt from the numbers, only where the issuing body stated it (indicators/rules.py)
    "exceed_margin": _exceed,
    "about_tolerance": "0.02",        # "khoảng": ±2% of the value
    "extension_counts_on_time": True,  # done within an approved extension counts as on time
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("TIENDO_LOG_LEVEL", "WARNING")},
}

# --- security (docs/security.md) ---
# Login throttling (django-axes), optional TOTP (django-otp, mandatory for leaders and
# administrators when the security policy in the admin says so), CSP (django-csp 4), and
# production hardening switched on by TIENDO_HTTPS=1. See docs/security.md.
from csp.constants import NONE, SELF  # noqa: E402

INSTALLED_APPS += ["axes", "django_otp", "django_otp.plugins.otp_totp", "tiendo.security"]
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
                  "csp.middleware.CSPMiddleware")
_auth_mw = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware")
MIDDLEWARE[_auth_mw + 1:_auth_mw + 1] = [
    "django_otp.middleware.OTPMiddleware",
    "tiendo.security.middleware.RequireTwoFactorMiddleware",
]
if REPLICA_URL:
    MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
                      "tiendo.dbrouter.ReplicaMiddleware")
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # axes wants to be last
AUTHENTICATION_BACKENDS = [
    "tiendo.security.backends.AxesLoginThrottle",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("TIENDO_LOGIN_FAILURES", 5)
AXES_COOLOFF_TIME = env_int("TIENDO_LOGIN_LOCKOUT_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "security/lockout.html"
# The address the lockout counts: the n-th X-Forwarded-For entry from the right behind n
# proxies, REMOTE_ADDR with none (tiendo/security/client_ip.py).
TIENDO_PROXY_COUNT = env_int("TIENDO_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "tiendo.security.client_ip.client_ip"
OTP_TOTP_ISSUER = "tiendo"

SESSION_COOKIE_SAMESITE = "Lax"
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("TIENDO_SESSION_BROWSER_CLOSE", False)
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

TIENDO_HTTPS = env_bool("TIENDO_HTTPS", False)
if TIENDO_HTTPS:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("TIENDO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("TIENDO_HSTS_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("TIENDO_HSTS_PRELOAD", True)
if env_bool("TIENDO_BEHIND_PROXY", False):
    # Only behind a proxy that sets X-Forwarded-Proto itself (nginx, Caddy…).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# --- end security ---

if "pytest" in sys.modules or os.environ.get("TIENDO_TESTING"):
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
