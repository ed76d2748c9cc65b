"""The schema check is skipped only for data files that passed it and have not changed since,
nor has anything they depend on (schemas, languages, the ids they may refer to)."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest
from sites import FIXTURE_DATA, LANGUAGES, ROOT

from cglu_site.cache import Cache
from cglu_site.data import site_data as dataset
from cglu_site.data.check_cache import ValidatedData
from cglu_site.data.validation import DataValidationError


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = Path(shutil.copytree(FIXTURE_DATA, tmp_path / "data"))
    shutil.copytree(ROOT / "data" / "schemas", folder / "schemas")
    return folder


def _checks(monkeypatch) -> list[set[str] | None]:
    """The schema checks that run: the files each checked (None: all)."""
    calls: list[set[str] | None] = []
    original = dataset.validate_documents

    def counting(documents, schemas, only=None):
        calls.append(None if only is None else set(only))
        return original(documents, schemas, only)

    monkeypatch.setattr(dataset, "validate_documents", counting)
    return calls


def test_unchanged_data_is_not_checked_twice(data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    validated = ValidatedData(Cache(tmp_path / "cache"))
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
    validated = ValidatedData(Cache(tmp_path / "cache"))
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


def test_an_edit_of_one_file_checks_that_file_only(data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    validated = ValidatedData(Cache(tmp_path / "cache"))
    dataset.load_site_data(data_dir, LANGUAGES, validated=validated)
    checks = _checks(monkeypatch)
    members = data_dir / "members.yml"
    members.write_text(members.read_text(encoding="utf-8").replace("since: 2004", "since: 2005"))
    dataset.load_site_data(data_dir, LANGUAGES, validated=validated)
    assert checks == [{"members"}]


def test_a_removed_id_checks_the_files_that_may_refer_to_it(data_dir: Path, tmp_path: Path) -> None:
    """A file that did not change still names an id another file no longer has."""
    validated = ValidatedData(Cache(tmp_path / "cache"))
    dataset.load_site_data(data_dir, LANGUAGES, validated=validated)
    sources = data_dir / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("- id: article", "- id: renamed"))
    with pytest.raises(DataValidationError) as error:
        dataset.load_site_data(data_dir, LANGUAGES, validated=validated)
    unchanged = {e.file for e in error.value.errors} - {"data/sources.yml"}
    assert unchanged, str(error.value)
    assert all("'article'" in e.message for e in error.value.errors if e.file in unchanged), str(error.value)
