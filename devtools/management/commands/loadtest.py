"""`make loadtest`: readers against gunicorn, the page cache on and off, beside a plain
Django view returning 40 KB under the same server; measured with wrk. Not a test.

Requests go to a mix of pages in both languages (articles, listings, topic, region and
expert pages, feeds) of the archive that `seed_bulk` grows. Each server is started with
the environment production would give it (DEBUG off, Redis for the cache, kept database
connections), on 127.0.0.1, and stopped afterwards.
"""

import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from briefs.models import Brief
from experts.models import Expert

from .bench import public_slugs

WRK_SCRIPT = """
paths = {%s}
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
"""


class Command(BaseCommand):
    help = "Load-test the public pages, cached and uncached, against a plain Django view."

    def add_arguments(self, parser):
        parser.add_argument("--briefs", type=int, default=100_000)
        parser.add_argument("--connections", type=int, default=100)
        parser.add_argument("--duration", type=int, default=20, help="seconds per run")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--port", type=int, default=8099)
        parser.add_argument("--output", default="bench-results/loadtest.json")

    def handle(self, *args, briefs, connections, duration, workers, port, output, **options):
        if not shutil.which("wrk"):
            raise CommandError("wrk is not installed (apt-get install wrk).")
        redis_url = os.environ.get("REDIS_URL")
        if not redis_url:
            raise CommandError("Set REDIS_URL: the page cache is measured as deployed.")
        call_command("seed_bulk", briefs=briefs, stdout=self.stdout)
        paths = self._mix()
        workdir = Path(tempfile.mkdtemp(prefix="loadtest-"))
        script = workdir / "mix.lua"
        script.write_text(WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths))
        environment = {
            **os.environ,
            "DEBUG": "false",
            "SECRET_KEY": "loadtest-" + "k" * 50,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "ROOT_URLCONF": "config.loadtest_urls",
            "STATIC_ROOT": str(workdir / "static"),
            "REDIS_URL": redis_url,
            "CONN_MAX_AGE": "600",
        }
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            env=environment,
            check=True,
        )
        base = f"http://127.0.0.1:{port}"
        runs = {}
        for label, page_cache in [("cached", "true"), ("uncached", "false")]:
            with _gunicorn({**environment, "PAGE_CACHE": page_cache}, port, workers):
                if page_cache == "true":
                    for path in paths:  # every page once, as readers would have
                        urllib.request.urlopen(base + path).read()
                    runs["plain Django view, 40 KB"] = _wrk(
                        base + "/loadtest/plain", connections, duration
                    )
                runs[f"pages, {label}"] = _wrk(base, connections, duration, script)
        plain = runs["plain Django view, 40 KB"]["requests_per_second"]
        for run in runs.values():
            run["of_plain_view"] = round(run["requests_per_second"] / plain, 2)
        result = {
            "date": datetime.now(UTC).strftime("%Y-%m-%d"),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}",
            "database": f"{connection.vendor}, {Brief.objects.count():,} briefs",
            "gunicorn_workers": workers,
            "connections": connections,
            "seconds_per_run": duration,
            "pages_in_mix": len(paths),
            "runs": runs,
        }
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(result, indent=2))
        self._print(result)
        shutil.rmtree(workdir, ignore_errors=True)

    def _mix(self):
        """A few hundred public pages: what readers ask for, in both languages."""
        rng = random.Random(7)
        english, arabic, _persian, topics, regions = public_slugs(3000)
        experts = list(Expert.objects.in_directory().values_list("slug", flat=True))
        paths = [f"/policy-analysis/{slug}" for slug in rng.sample(english, 200)]
        paths += [f"/ar/policy-analysis/{slug}" for slug in rng.sample(arabic, 100)]
        paths += [
            f"{prefix}/policy-analysis/?page={n}" for prefix in ("", "/ar") for n in (1, 2, 3)
        ]
        paths += [f"/policy-analysis/{slug}" for slug in rng.sample(topics, 15)]
        paths += [f"/policy-analysis/{slug}" for slug in rng.sample(regions, 15)]
        paths += [f"/experts/{slug}" for slug in rng.sample(experts, 20)]
        paths += ["/", "/ar/", "/policy-analysis/feed/", "/ar/policy-analysis/feed/"]
        return paths

    def _print(self, result):
        self.stdout.write(
            f"\n{result['database']}; {result['connections']} connections, "
            f"{result['gunicorn_workers']} gunicorn workers, {result['machine']}"
        )
        self.stdout.write(
            f"{'':<28}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'× plain':>9}"
        )
        for name, run in result["runs"].items():
            self.stdout.write(
                f"{name:<28}{run['requests_per_second']:>9.0f}{run['p50_ms']:>9.1f}"
                f"{run['p99_ms']:>9.1f}{run['errors']:>8}{run['of_plain_view']:>9.2f}"
            )


class _gunicorn:
    def __init__(self, environment, port, workers):
        self.command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
        ]
        self.environment, self.port = environment, port

    def __enter__(self):
        self.process = subprocess.Popen(
            self.command,
            env=self.environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz").read()
                return self
            except OSError:
                time.sleep(0.2)
        self.process.kill()
        raise CommandError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def _wrk(url, connections, duration, script=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    return {
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50_ms": _latency(output, "50%"),
        "p99_ms": _latency(output, "99%"),
        "requests": int(re.search(r"(\d+) requests in", output)[1]),
        "errors": _errors(output),
    }


def _latency(output, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def _errors(output):
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return (int(non_2xx[1]) if non_2xx else 0) + (sum(map(int, socket.groups())) if socket else 0)
