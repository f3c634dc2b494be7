"""Test isolation: no developer configuration, archive or git identity decides a result."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# ``archive`` (a fresh copy of the sample archive) and ``pristine_sample``, used by the
# fault, bad-input and leak suites; a closer conftest's fixture of the same name wins.
pytest_plugins = ["tests.faults.kit"]

settings.register_profile(
    "ci", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=20, deadline=None)
settings.register_profile(
    "deep", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    gitconfig = home / ".gitconfig"
    gitconfig.write_text("")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(gitconfig))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("MINUTEBOOK_CONFIG", str(home / "config" / "minutebook" / "config.toml"))
    monkeypatch.setenv("MINUTEBOOK_ARCHIVE", str(home / "archive"))
    monkeypatch.setenv("MINUTEBOOK_CLERK_NAME", "Test Clerk")
    monkeypatch.setenv("MINUTEBOOK_CLERK_EMAIL", "clerk@example.org")
    for var in ("EDITOR", "VISUAL", "MINUTEBOOK_TODAY"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def project_root() -> Path:
    return Path(__file__).resolve().parent.parent


@pytest.fixture
def seeds_dir(project_root: Path) -> Path:
    path = project_root.parent / "shared" / "seeds"
    if not path.is_dir():
        pytest.skip("the seed documents (../shared/seeds) are not beside this checkout")
    return path
