"""Fixtures of the website tests: one test archive, and a site built from it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.website.sitekit import make_archive, open_service
from workflow.site.builder import BuildResult, build_site
from workflow.site.source import ArchiveSource


@pytest.fixture(scope="session")
def pristine_site_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_archive(tmp_path_factory.mktemp("site-archive") / "archive")


@pytest.fixture
def site_archive(pristine_site_archive: Path, tmp_path: Path) -> Path:
    """A copy of the test archive this test may change."""
    copy = tmp_path / "archive"
    shutil.copytree(pristine_site_archive, copy)
    return copy


def build(archive: Path, out: Path, **options: object) -> BuildResult:
    with open_service(archive) as svc:
        return build_site(ArchiveSource(svc), out, **options)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def built_site(pristine_site_archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the test archive (read-only: tests that change it build their own)."""
    out = tmp_path_factory.mktemp("site") / "public"
    build(pristine_site_archive, out)
    return out
