"""The schema check is skipped only for data that passed it and has not changed since."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest
from sites import FIXTURE_DATA, LANGUAGES, ROOT

from cglu_site.data import site_data as dataset
from cglu_site.data.check_cache import ValidatedData
from cglu_site.data.validation import DataValidationError


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = Path(shutil.copytree(FIXTURE_DATA, tmp_path / "data"))
    shutil.copytree(ROOT / "data" / "schemas", folder / "schemas")
    return folder


def _checks(monkeypatch) -> list[int]:
    """Counts the schema checks that run."""
    calls: list[int] = []
    original = dataset.validate_documents

    def counting(*args):
        calls.append(1)
        return original(*args)

    monkeypatch.setattr(dataset, "validate_documents", counting)
    return calls


def test_unchanged_data_is_not_checked_twice(data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    validated = ValidatedData(tmp_path / "cache")
    checks = _checks(monkeypatch)
    first = dataset.load_site_data(data_dir, LANGUAGES, validated=validated)
    second = dataset.load_site_data(data_dir, LANGUAGES, validated=validated)
    assert len(checks) == 1
    assert first.files == second.files
    dataset.load_site_data(data_dir, LANGUAGES)  # without a memo (the `check` command): always
    assert len(checks) == 2


@pytest.mark.parametrize(
    "change",
    ["data file", "schema file", "new data file", "languages"],
)
def test_any_change_is_checked_again(data_dir: Path, tmp_path: Path, monkeypatch, change: str) -> None:
    validated = ValidatedData(tmp_path / "cache")
    dataset.load_site_data(data_dir, LANGUAGES, validated=validated)
    checks = _checks(monkeypatch)
    languages = LANGUAGES
    if change == "data file":
        members = data_dir / "members.yml"
        members.write_text(members.read_text(encoding="utf-8").replace("since: 2004", "since: soon"))
    elif change == "schema file":
        schema = data_dir / "schemas" / "members.schema.json"
        schema.write_text(schema.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    elif change == "new data file":
        (data_dir / "extra.yml").write_text("extra: 1\n", encoding="utf-8")
    else:
        languages = LANGUAGES[:2]
    if change in ("data file", "new data file"):
        with pytest.raises(DataValidationError) as error:
            dataset.load_site_data(data_dir, languages, validated=validated)
        assert "members.yml" in str(error.value) or "extra.yml" in str(error.value)
    else:
        with pytest.raises(DataValidationError) if change == "languages" else contextlib.nullcontext():
            dataset.load_site_data(data_dir, languages, validated=validated)
    assert len(checks) == 1
