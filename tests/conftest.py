"""Fixtures: sites built from the fixture data and from the real data."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import FIXTURE_DATA, Project, make_project


@pytest.fixture
def fixture_project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "project", FIXTURE_DATA)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The fixture-data site, built once for the read-only tests."""
    project = make_project(tmp_path_factory.mktemp("fixture-site"), FIXTURE_DATA)
    project.build_ok()
    return project


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The real site, built once."""
    project = make_project(tmp_path_factory.mktemp("real-site"), None)
    project.build_ok()
    return project
