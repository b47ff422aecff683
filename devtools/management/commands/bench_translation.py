"""Measure exports and imports for translation agencies: `make bench-translation`.

For each archive size it grows the archive with seed_bulk, then runs, each as a process
of its own so that its peak memory is its own: an export of every pending translation,
an export of a 5,000-field batch, and the import of that batch translated. Not a test:
it prints a table and writes it as JSON.
"""

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from translations.models import TranslationExport

NS = "urn:oasis:names:tc:xliff:document:1.2"
BATCH = 5000


class Command(BaseCommand):
    help = "Benchmark XLIFF export and import: time and peak memory, at each archive size."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="100000,500000")
        parser.add_argument("--output", default="bench-results/bench-translation.json")

    def handle(self, *args, sizes, output, **options):
        results = {
            "database": f"{connection.vendor} {connection.cursor().connection.info.server_version}"
            if connection.vendor == "postgresql"
            else connection.vendor,
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}",
            "date": datetime.now(UTC).strftime("%Y-%m-%d"),
            "sizes": {},
        }
        with tempfile.TemporaryDirectory() as work:
            work = Path(work)
            for size in [int(size) for size in sizes.split(",")]:
                call_command("seed_bulk", briefs=size, stdout=self.stdout)
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        cursor.execute("VACUUM ANALYZE")
                results["sizes"][size] = self._measure(work)
                self._print(size, results["sizes"][size])
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(results, indent=2, ensure_ascii=False))
        self.stdout.write(f"Written to {path}")

    def _measure(self, work):
        TranslationExport.objects.all().delete()  # everything pending is sent afresh
        measured = {"export all pending": _run("export_xliff", work / "all.zip")}
        measured["export all pending"].update(_described(work / "all.zip"))
        TranslationExport.objects.all().delete()
        batch = work / "batch.zip"
        measured[f"export {BATCH:,} fields"] = _run("export_xliff", batch, f"--limit={BATCH}")
        measured[f"export {BATCH:,} fields"].update(_described(batch))
        _translate(batch, work / "back.zip")
        measured[f"import {BATCH:,} fields"] = _run("import_xliff", work / "back.zip")
        return measured

    def _print(self, size, measured):
        self.stdout.write(f"\n{size:,} briefs")
        self.stdout.write(f"  {'':28} {'seconds':>8} {'peak MB':>8} {'fields':>9} {'MB file':>8}")
        for name, row in measured.items():
            self.stdout.write(
                f"  {name:28} {row['seconds']:8.1f} {row['peak_mb']:8.0f} "
                f"{row.get('units', ''):>9} {row.get('file_mb', ''):>8}"
            )


def _run(command, *args):
    """Run a management command in a process of its own: its time and peak memory.

    The peak is the process's own high-water mark (VmHWM), read while it runs: the
    rusage a parent gets back counts the parent's own size at the fork as well."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "manage.py", command, *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    peak_kb = 0
    while process.poll() is None:
        peak_kb = max(peak_kb, _high_water_kb(process.pid))
        time.sleep(0.05)
    if process.returncode != 0:
        raise RuntimeError(f"{command} {args} failed")
    return {"seconds": round(time.perf_counter() - started, 1), "peak_mb": round(peak_kb / 1024)}


def _high_water_kb(pid):
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # it has just ended
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _described(path):
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    return {
        "units": manifest["total"]["units"],
        "files": len(manifest["files"]),
        "source_words": manifest["total"]["source_words"],
        "file_mb": round(path.stat().st_size / 1e6, 1),
    }


def _translate(exported, returned):
    """The batch as an agency sends it back: every target filled in Arabic."""
    with zipfile.ZipFile(exported) as source, zipfile.ZipFile(returned, "w") as target:
        for name in source.namelist():
            if not name.endswith(".xlf"):
                continue
            root = ElementTree.fromstring(source.read(name))
            for unit in root.iter(f"{{{NS}}}trans-unit"):
                unit.find(f"{{{NS}}}target").text = "ترجمة عربية للنص"
            target.writestr(name, ElementTree.tostring(root, encoding="utf-8"))
