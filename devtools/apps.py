from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Development tools: the synthetic archive (seed_bulk), the benchmarks (bench,
    bench_translation) and the load test. Commands only; the site never imports it."""

    name = "devtools"
    verbose_name = "Development tools"
