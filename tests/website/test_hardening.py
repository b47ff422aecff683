"""Hardened by default: with DEBUG off the deployment checks have nothing to say; every page
carries a Content-Security-Policy and a Permissions-Policy; failed admin logins are
throttled per user name and address, behind a proxy too."""

import base64
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from selectolax.lexbor import LexborHTMLParser

from tests.factories import make_brief, make_expert
from translations.roles import EDITORS

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k7#N2v!q9Lr$8Tz@4Wm&1Xp^6Yc*3Hs%0Jd+5Fg=Bn~Qe-Ru_Vi",
    "ALLOWED_HOSTS": "analysis.example.org",
}


def run_manage(*args, **env):
    """manage.py in a fresh process, with only `env` set of the site's own variables."""
    clean = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "SYSTEMROOT")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DATABASE_URL": "sqlite:////tmp/unused.sqlite3", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_only_debug_off_a_key_and_the_hosts():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


PRINT_SETTINGS = (
    "from django.conf import settings as s; print(repr((s.SECURE_SSL_REDIRECT, "
    "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SESSION_COOKIE_SECURE, "
    "s.CSRF_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER, s.CSRF_TRUSTED_ORIGINS, "
    "s.TRUSTED_PROXY_COUNT)))"
)


def test_https_settings_are_on_by_default_and_adjustable_from_the_environment():
    default = run_manage("shell", "-c", PRINT_SETTINGS, **PRODUCTION)
    assert default.stdout.strip().splitlines()[-1] == repr(
        (True, 31_536_000, True, True, True, None, [], 0)
    )
    behind_proxy = run_manage(
        "shell",
        "-c",
        PRINT_SETTINGS,
        **PRODUCTION,
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https",
        CSRF_TRUSTED_ORIGINS="https://analysis.example.org",
        TRUSTED_PROXY_COUNT="1",
        SECURE_HSTS_SECONDS="3600",
    )
    assert behind_proxy.stdout.strip().splitlines()[-1] == repr(
        (
            True,
            3600,
            True,
            True,
            True,
            ("HTTP_X_FORWARDED_PROTO", "https"),
            ["https://analysis.example.org"],
            1,
        )
    )


@pytest.mark.django_db
def test_plain_http_is_sent_to_https_which_is_remembered(client, settings):
    make_brief("Gas Deals", authors=[make_expert()])
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = settings.SECURE_HSTS_PRELOAD = True
    redirected = client.get("/policy-analysis/gas-deals")
    assert redirected.status_code == 301
    assert redirected["Location"] == "https://testserver/policy-analysis/gas-deals"
    served = client.get("/policy-analysis/gas-deals", secure=True)
    assert served.status_code == 200
    assert served["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def inline_scripts(response):
    html = LexborHTMLParser(response.content)
    return [s for s in html.css("script") if "src" not in s.attributes]


@pytest.mark.django_db
def test_public_pages_allow_no_inline_script(client):
    brief = make_brief("Gas Deals", authors=[make_expert()], arabic=True)
    for url in ["/", "/policy-analysis/", brief.url_in("en"), brief.url_in("ar"), "/experts/"]:
        response = client.get(url)
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
        assert "geolocation=()" in response["Permissions-Policy"]
        # Structured data is a data block, not a script the browser runs.
        types = {script.attributes.get("type") for script in inline_scripts(response)}
        assert types <= {"application/ld+json"}, url


@pytest.mark.django_db
def test_the_admin_allows_the_editors_import_map_by_its_hash_and_no_other_script(editor_client):
    for url in ["/admin/briefs/brief/add/", "/ar/admin/experts/expert/add/"]:
        response = editor_client.get(url)
        policy = directives(response)
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
        [import_map] = inline_scripts(response)
        assert import_map.attributes["type"] == "importmap"
        digest = hashlib.sha256(import_map.text(deep=True).encode()).digest()
        assert policy["script-src"] == ["'self'", f"'sha256-{base64.b64encode(digest).decode()}'"]


REPORT = {
    "csp-report": {
        "document-uri": "https://analysis.example.org/policy-analysis/gas-deals",
        "violated-directive": "script-src-elem",
        "blocked-uri": "inline",
    }
}


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (json.dumps(REPORT), 204),
        ("{not json", 400),
        (json.dumps(["a list"]), 400),
        (json.dumps({"csp-report": "text"}), 400),
        (json.dumps({"csp-report": {"blocked-uri": "x" * 20_000}}), 413),
    ],
)
def test_the_browsers_csp_reports_are_logged_one_line_each(client, caplog, body, status):
    response = client.post("/csp-report", body, content_type="application/csp-report")
    assert response.status_code == status
    logged = [r.getMessage() for r in caplog.records if r.name == "website.csp"]
    if status == 204:
        assert logged == [
            "Content-Security-Policy blocked inline on "
            "https://analysis.example.org/policy-analysis/gas-deals (script-src-elem)"
        ]
    else:
        assert logged == []
    assert client.get("/csp-report").status_code == 405


def log_in(client, password, address="203.0.113.5", prefix="", **headers):
    return client.post(
        f"{prefix}/admin/login/?next=/admin/",
        {"username": "editor", "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", password="right", is_staff=True)


@pytest.mark.django_db
def test_ten_failed_logins_lock_out_that_address(client, editor, settings):
    for _attempt in range(9):
        assert log_in(client, "wrong").status_code == 200  # the form again, with its error
    assert log_in(client, "wrong").status_code == 429  # the tenth
    locked = log_in(client, "right")  # even the right password, from there
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert "blocked for 15 minutes after 10 failed attempts" in locked.content.decode()
    arabic = log_in(client, "right", prefix="/ar")
    assert arabic.status_code == 429
    page = LexborHTMLParser(arabic.content)
    assert page.css_first("html").attributes["dir"] == "rtl"
    assert "محاولات" in page.css_first("h1").text()
    # Another address is not locked out.
    assert log_in(client, "right", address="198.51.100.7").status_code == 302


@pytest.mark.django_db
def test_an_editor_sees_a_lockout_in_the_admin_and_lifts_it(client, editor, member):
    for _attempt in range(10):
        log_in(client, "wrong")
    assert log_in(client, "right").status_code == 429
    member("chief", EDITORS)
    listed = client.get("/admin/axes/accessattempt/")
    assert listed.status_code == 200 and "203.0.113.5" in listed.content.decode()
    attempt = AccessAttempt.objects.get(username="editor")
    confirm = client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert confirm.status_code == 302
    client.logout()
    assert log_in(client, "right").status_code == 302
