"""docker-compose.yml as an operator relies on it: every long-running service is health
checked and keeps its data in a named volume, the processes start after the release job, and
only the site is published. (bin/check-deploy validates the file itself.)"""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
LONG_RUNNING = ("web", "worker", "beat", "postgres", "redis", "elasticsearch")


def test_every_long_running_service_has_a_health_check():
    for name in LONG_RUNNING:
        check = SERVICES[name].get("healthcheck", {})
        assert check.get("test"), name


def test_the_site_is_checked_at_healthz():
    assert "http://127.0.0.1:8000/healthz" in SERVICES["web"]["healthcheck"]["test"]


def test_web_worker_and_beat_start_after_the_release_job_succeeded():
    assert SERVICES["setup"]["command"] == ["/app/bin/release"]
    assert SERVICES["setup"]["restart"] == "no"
    for name in ("web", "worker", "beat"):
        depends = SERVICES[name]["depends_on"]
        assert depends["setup"] == {"condition": "service_completed_successfully"}, name
        assert depends["postgres"] == {"condition": "service_healthy"}, name


def test_the_release_job_seeds_the_demo_only_when_asked():
    assert SERVICES["setup"]["environment"]["SEED_DEMO"] == "${SEED_DEMO:-false}"
    release = (ROOT / "bin" / "release").read_text()
    assert "seed_demo" in release and "search_index --rebuild" in release


def test_stored_data_lives_in_named_volumes():
    named = set(COMPOSE["volumes"])
    for name in ("postgres", "redis", "elasticsearch", "beat", "backup", "web"):
        for volume in SERVICES[name].get("volumes", []):
            source = volume.split(":", 1)[0]
            assert source in named, (name, volume)


def test_only_the_site_is_published():
    published = {name for name, service in SERVICES.items() if service.get("ports")}
    assert published == {"web"}


def test_backups_run_only_when_asked():
    assert SERVICES["backup"]["profiles"] == ["backup"]
    assert SERVICES["backup"]["command"] == ["/app/bin/backup"]


def _strings(node) -> list[str]:
    if isinstance(node, dict):
        return [text for value in node.values() for text in _strings(value)]
    if isinstance(node, list):
        return [text for value in node for text in _strings(value)]
    return [node] if isinstance(node, str) else []


def test_every_required_setting_is_given_in_the_example_env_file():
    required = {
        name for text in _strings(COMPOSE) for name in re.findall(r"\$\{([A-Z0-9_]+):\?", text)
    }
    example = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    }
    assert required and required <= example, required - example
