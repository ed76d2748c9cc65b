"""The contributors' path: the checks they run, the editor's schemas, CI, the lock, edit links."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import runpy
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from sites import FIXTURE_DATA, LANGUAGES, ROOT, Project, make_project

from cglu_site.pages.writer import is_generated

PRE_COMMIT = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
HOOKS = {hook["id"]: hook for repo in PRE_COMMIT["repos"] for hook in repo["hooks"]}
VENV_BIN = Path(sys.executable).parent


def hook_command(hook_id: str) -> list[str]:
    """A hook's command line, run by this Python (pre-commit runs .venv's `python`)."""
    command = shlex.split(HOOKS[hook_id]["entry"]) + HOOKS[hook_id].get("args", [])
    if command[0] == "python":
        return [sys.executable, *command[1:]]
    return [shutil.which(command[0], path=str(VENV_BIN)) or command[0], *command[1:]]


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300, check=False)


# --------------------------------------------------------------------------- data validation


def test_the_data_hook_is_the_site_validator() -> None:
    assert hook_command("cglu-data")[1:] == ["-m", "cglu_site", "check"]
    assert HOOKS["cglu-data"]["pass_filenames"] is False
    for path in ["data/news.yml", "data/schemas/news.schema.json", "cglu_site/strings/fr.yml", "mkdocs.yml"]:
        assert re.search(HOOKS["cglu-data"]["files"], path), path


def test_every_data_file_validates_against_its_schema() -> None:
    stems = {path.stem for path in (ROOT / "data").glob("*.yml")}
    schemas = {
        path.name.removesuffix(".schema.json") for path in (ROOT / "data" / "schemas").glob("*.schema.json")
    }
    assert stems == schemas - {"common"}
    result = run(hook_command("cglu-data"), ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "data/ is valid in" in result.stdout


@pytest.mark.parametrize(
    ("data_file", "old", "new", "message"),
    [
        (  # a text in some languages only is allowed (test_untranslated.py); in none, not
            "commissions.yml",
            "name: {fr: Commission Culture, en: Committee on Culture, es: Comisión de Cultura}",
            "name: {}",
            r"data/commissions\.yml:8: commission 'culture': 'name' has no text in any language",
        ),
        (
            "events.yml",
            "start: 2022-10-10",
            "start: 2022-13-10",
            r"data/events\.yml:\d+: event 'congress-2022': 'start' should be a date",
        ),
        (
            "news.yml",
            "sources: [",
            "sourcs: [",
            r"data/news\.yml:\d+: news item '[^']+': unknown field 'sourcs' \(did you mean 'sources'\?\)",
        ),
    ],
    ids=["no-language", "bad-date", "misspelt-field"],
)
def test_a_broken_copy_fails_with_file_line_and_field(
    tmp_path: Path, data_file: str, old: str, new: str, message: str
) -> None:
    project = make_project(tmp_path / "project", FIXTURE_DATA)
    project.edit(data_file, old, new)
    result = run(hook_command("cglu-data"), project.root)
    assert result.returncode == 1
    assert re.search(message, result.stderr), result.stderr


def test_a_yaml_syntax_error_is_caught_by_both_hooks(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", FIXTURE_DATA)
    project.edit("news.yml", "sources: [", "sources: [[")
    result = run(hook_command("cglu-data"), project.root)
    assert result.returncode == 1
    assert re.search(r"data/news\.yml:\d+: not valid YAML", result.stderr), result.stderr
    syntax = run([*hook_command("check-yaml"), str(project.data / "news.yml")], project.root)
    assert syntax.returncode == 1


# --------------------------------------------------------------------------- the other hooks


def test_every_hook_is_local_and_its_tool_is_installed() -> None:
    """`pre-commit run` needs no download: every hook runs a tool of this environment."""
    assert [repo["repo"] for repo in PRE_COMMIT["repos"]] == ["local"]
    for hook_id, hook in HOOKS.items():
        assert hook["language"] == "system", hook_id
        program = shlex.split(hook["entry"])[0]
        assert program == "python" or shutil.which(program, path=str(VENV_BIN)), (
            f"{hook_id}: {program} is not installed"
        )


def test_the_spell_check_knows_both_languages_and_flags_typos(tmp_path: Path) -> None:
    (tmp_path / "page.fr.md").write_text(
        "# Titre\n\nLes commisions de la ville se réunissent.\n", encoding="utf-8"
    )
    (tmp_path / "page.en.md").write_text("# Title\n\nThe organisation's comittee meets.\n", encoding="utf-8")
    (tmp_path / "good.fr.md").write_text(
        "# Titre\n\nLes commissions de la ville se réunissent.\n", encoding="utf-8"
    )
    command = hook_command("spelling")
    result = run(
        [*command, *(str(tmp_path / name) for name in ("page.fr.md", "page.en.md", "good.fr.md"))], ROOT
    )
    assert result.returncode == 1
    assert re.search(
        r"page\.fr\.md:3: fr: unknown word 'commisions' \(did you mean 'commissions'\?\)", result.stdout
    )
    assert re.search(r"page\.en\.md:3: en: unknown word 'comittee'", result.stdout)
    assert "organisation" not in result.stdout  # British spelling: the dictionary is en-GB
    assert "good.fr.md" not in result.stdout
    assert ".spelling/fr.txt" in result.stdout


def test_the_spell_check_reads_per_language_texts_of_data(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", FIXTURE_DATA)
    project.edit("commissions.yml", "en: Committee on Culture,", "en: Committee on Culture and heritagge,")
    result = run([*hook_command("spelling"), str(project.data / "commissions.yml")], ROOT)
    assert result.returncode == 1
    assert re.search(r"commissions\.yml:\d+: en: unknown word 'heritagge'", result.stdout), result.stdout


# --------------------------------------------------------------------------- editor


def test_vscode_maps_every_data_file_to_its_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = {schema.removeprefix("./"): target for schema, target in settings["yaml.schemas"].items()}
    expected = {
        f"data/schemas/{path.stem}.schema.json": f"data/{path.name}"
        for path in sorted((ROOT / "data").glob("*.yml"))
    }
    assert mapping == expected
    assert all((ROOT / schema).exists() for schema in mapping)


def _has_description(schema: dict, document: dict, schemas: dict[str, dict]) -> bool:
    if "description" in schema:
        return True
    if "$ref" in schema:
        name, _, pointer = schema["$ref"].partition("#")
        target = schemas[name] if name else document
        node = target
        for part in filter(None, pointer.split("/")):
            node = node[part]
        return _has_description(node, target, schemas)
    return False


def test_every_field_of_every_schema_has_a_description() -> None:
    """The editor shows it on hover: every field says what it is, in English."""
    schemas = {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in (ROOT / "data" / "schemas").glob("*.schema.json")
    }
    missing = []

    def walk(node: object, document: dict, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                if not _has_description(value, document, schemas):
                    missing.append(f"{where} -> {key}")
            for key, value in node.items():
                walk(value, document, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, document, f"{where}/{index}")

    for name, schema in schemas.items():
        assert schema.get("description"), name
        walk(schema, schema, name)
    assert missing == []


# --------------------------------------------------------------------------- CI

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")


def test_workflows_parse_and_pin_every_action_to_a_commit() -> None:
    assert WORKFLOWS
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        workflow = yaml.safe_load(text)
        assert workflow["jobs"], path.name
        uses = [
            step["uses"]
            for job in workflow["jobs"].values()
            for step in job.get("steps", [])
            if "uses" in step
        ]
        uses += [job["uses"] for job in workflow["jobs"].values() if "uses" in job]
        for action in uses:
            if action.startswith("./"):
                continue  # an action of this repository
            assert PINNED.match(action), f"{path.name}: {action} is not pinned to a full commit SHA"
            line = next(line for line in text.splitlines() if action in line)
            assert re.search(r"#\s*v\d+(\.\d+)*", line), (
                f"{path.name}: {action} lacks its release in a comment"
            )


def test_workflows_ask_for_the_least_permissions() -> None:
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert workflow.get("permissions") == {"contents": "read"}, f"{path.name}: top-level permissions"
        for name, job in workflow["jobs"].items():
            permissions = job.get("permissions", {})
            assert permissions != "write-all", name
            writes = {scope for scope, level in permissions.items() if level == "write"}
            assert writes <= {"pages", "id-token"}, f"{path.name}: job {name} writes {writes}"
            if writes:
                assert job.get("environment", {}).get("name") == "github-pages", name


def test_the_site_workflow_tests_pull_requests_and_deploys_main_with_the_pages_actions() -> None:
    text = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    check = "\n".join(step.get("run", "") for step in workflow["jobs"]["check"]["steps"])
    for command in ("task.py lint", "task.py build", "task.py test"):
        assert command in check
    for action in ("actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"):
        assert action in text
    assert "cache-dependency-path: requirements.txt" in text


def test_ci_tests_every_supported_python_and_deploys_with_the_locked_one() -> None:
    """The check job runs on 3.11, 3.12 and 3.13; the lowest is requires-python's and the one
    the lock is compiled for (universal), and the Pages build uses it."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    versions = workflow["jobs"]["check"]["strategy"]["matrix"]["python"]
    assert versions == ["3.11", "3.12", "3.13"]
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "requires-python"
    ]
    assert requires == f">={versions[0]}"
    task = (ROOT / "scripts" / "task.py").read_text(encoding="utf-8")
    assert f"--universal --python-version {versions[0]}" in task
    for job in ("check", "build-pages"):
        [setup] = [step for step in workflow["jobs"][job]["steps"] if "setup-python" in step.get("uses", "")]
        wanted = "${{ matrix.python }}" if job == "check" else versions[0]
        assert setup["with"]["python-version"] == wanted, job


def test_issue_templates_parse() -> None:
    templates = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    names = {path.stem for path in templates}
    assert {"content-correction", "translation-request", "translation-correction", "config"} <= names
    for path in templates:
        form = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.stem != "config":
            assert form["name"] and form["description"] and form["body"], path.name


# --------------------------------------------------------------------------- reproducible installs


def _requirement_names(requirements: list[str]) -> set[str]:
    return {
        re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        for requirement in requirements
    }


def test_the_lock_pins_every_dependency_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = _requirement_names(project["dependencies"])
    for extra in ("test", "dev"):
        wanted |= _requirement_names(project["optional-dependencies"][extra])
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert "python3 scripts/task.py lock" in text.splitlines()[1]
    entries = re.findall(
        r"^([A-Za-z0-9_.-]+)==(\S+)((?:\s*;[^\\\n]*)?) \\\n((?:\s+--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)",
        text,
        re.M,
    )
    pinned = {name.lower().replace("_", "-") for name, *_ in entries}
    assert wanted <= pinned, (
        f"not in requirements.txt: {sorted(wanted - pinned)}; run python3 scripts/task.py lock"
    )
    requirement_lines = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    assert len(requirement_lines) == len(entries), "every requirement has an exact version and hashes"


# --------------------------------------------------------------------------- the task entry point


def test_dependabot_keeps_the_lock_and_the_actions_current() -> None:
    """Dependabot reads only requirements files named *.txt or *.in (a `requirements.lock`
    would be skipped without a word), and reads any such file whose lines look like package
    names: the spelling word lists are left out."""
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    entries = {entry["package-ecosystem"]: entry for entry in config["updates"]}
    assert set(entries) == {"github-actions", "pip"}
    task = runpy.run_path(str(ROOT / "scripts" / "task.py"))
    lock = task["LOCK"]
    assert lock.parent == ROOT / entries["pip"]["directory"].strip("/")
    assert lock.suffix == ".txt" and "requirements" in lock.name, lock.name
    assert ".spelling/**" in entries["pip"].get("exclude-paths", [])
    capped = {
        name for name, *_ in re.findall(r'"([\w.-]+)[^"]*<(\d+)', (ROOT / "pyproject.toml").read_text())
    }
    ignored = {rule["dependency-name"] for rule in entries["pip"].get("ignore", [])}
    assert capped <= ignored, (
        f"pyproject.toml caps {sorted(capped - ignored)}: Dependabot would widen the cap"
    )


def test_every_task_has_a_line_in_the_docstring() -> None:
    namespace = runpy.run_path(str(ROOT / "scripts" / "task.py"), run_name="task")
    documented = set(re.findall(r"python3 scripts/task\.py (\w+)\s", namespace["__doc__"]))
    assert documented == set(namespace["COMMANDS"])
    assert {"serve", "build", "check", "status", "test", "lint", "bench", "lock"} <= documented


# --------------------------------------------------------------------------- edit links

REPO_URL = "https://github.com/cglu-uclg/cglu-site"


def edit_links(site: Path) -> dict[str, str]:
    """Site page -> the repository path its 'Edit this page' button opens."""
    from bs4 import BeautifulSoup

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    base = f"{config['repo_url'].rstrip('/')}/edit/main/"
    links = {}
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        buttons = [a["href"] for a in html.select("a.md-content__button") if "/edit/" in a.get("href", "")]
        relative = page.relative_to(site).as_posix()
        assert len(buttons) == 1, f"{relative}: {len(buttons)} edit buttons"
        assert buttons[0].startswith(base), f"{relative}: {buttons[0]}"
        links[relative] = urlsplit(buttons[0]).path.removeprefix(urlsplit(base).path)
    return links


class _IgnoreTags(yaml.SafeLoader):
    pass


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def test_every_edit_link_opens_an_existing_file_of_the_repository(real_site: Project) -> None:
    links = edit_links(real_site.site)
    assert len(links) > 30
    kinds = set()
    for page, path in links.items():
        assert (ROOT / path).is_file(), f"{page}: edit link to {path}, which is not in the repository"
        if path.startswith("data/"):
            kinds.add("generated")
            assert re.fullmatch(r"data/[a-z-]+\.yml", path), page
        else:
            kinds.add("hand-written")
            assert re.fullmatch(r"docs/.+\.md", path), f"{page}: {path}"
            assert not is_generated(ROOT / path), f"{page}: edit link to a generated page, {path}"
            lang = page.split("/")[0] if page.split("/")[0] in LANGUAGES[1:] else LANGUAGES[0]
            assert path.endswith(f".{lang}.md"), f"{page}: {path} is not the page of its language"
    assert kinds == {"generated", "hand-written"}


def test_generated_pages_name_the_file_and_entry_they_come_from(real_site: Project) -> None:
    """`# Source: data/x.yml, line N` in a generated page's front matter: N is the entry's first line."""
    checked = 0
    for page in sorted(real_site.docs.rglob("*.md")):
        if not is_generated(page):
            continue
        head = page.read_text(encoding="utf-8").split("\n---\n", 1)[0]
        match = re.search(r"^# Source: (data/[a-z-]+\.yml), line (\d+)$", head, re.M)
        assert match, page
        lines = (ROOT / match[1]).read_text(encoding="utf-8").splitlines()
        entry_id = page.name.split(".")[0]
        if page.parent != real_site.docs and entry_id != "index":
            assert lines[int(match[2]) - 1].strip() == f"- id: {entry_id}", f"{page}: line {match[2]}"
            checked += 1
    assert checked > 20


@pytest.mark.skipif(os.name == "nt", reason="POSIX paths in the check")
def test_mkdocs_edit_uri_points_into_docs() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    assert config["repo_url"].rstrip("/") == REPO_URL
    assert config["edit_uri"].rstrip("/").endswith("/docs")


# --------------------------------------------------------------------------- the docs for editors

DOCS = {"README.md": "en", "CONTRIBUTING.md": "en", "CONTRIBUTING.fr.md": "fr", "CONTRIBUTING.es.md": "es"}
# `<!-- recipe: data/<file>.yml <list> [replace] -->` before a YAML block: the list of that
# file the editor pastes the block into (at its end), or whose entry of the same id it replaces.
RECIPE = re.compile(r"<!-- recipe: (data/[\w-]+\.yml) (\w+)( replace)? -->\n\n```yaml\n(.*?)```", re.S)


def doc_text(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def test_every_yaml_example_of_the_docs_is_a_recipe() -> None:
    for name in DOCS:
        text = doc_text(name)
        assert text.count("```yaml") == len(RECIPE.findall(text)) > 0, (
            f"{name}: a YAML example without its `<!-- recipe: data/<file>.yml <list> -->` line"
        )


def test_the_contributing_guides_are_translations_of_each_other() -> None:
    """The same sections, recipes and messages in every language's guide, each linking the others."""
    guides = [name for name in DOCS if name.startswith("CONTRIBUTING")]
    assert {name for name in guides} == {path.name for path in ROOT.glob("CONTRIBUTING*.md")}
    shape = {}
    for name in guides:
        text = doc_text(name)
        shape[name] = (
            len(re.findall(r"^##+ ", text, re.M)),
            [
                (file, key, replace, re.sub(r'"[^"\n]*"|#.*', "", block))
                for file, key, replace, block in RECIPE.findall(text)
            ],
            message_rows(name),
        )
        for other in guides:
            if other != name:
                assert f"]({other})" in text, f"{name} does not link {other}"
    assert all(value == shape["CONTRIBUTING.md"] for value in shape.values()), "the guides differ"
    readme = doc_text("README.md")
    assert all(f"]({name})" in readme for name in guides)


def _insert(text: str, key: str, block: str, replace: bool) -> str:
    """`text` with `block` pasted at the end of the top-level list `key`, or in place of
    its entry with the same id."""
    lines = text.split("\n")
    start = lines.index(f"{key}:")
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in ("", " ", "#")), len(lines))
    block_lines = block.rstrip("\n").split("\n")
    if replace:
        first = lines.index(block_lines[0], start, end)
        last = next((i for i in range(first + 1, end) if lines[i].startswith("  - ")), end)
        while lines[last - 1] == "":
            last -= 1
        return "\n".join([*lines[:first], *block_lines, *lines[last:]])
    while lines[end - 1] == "":
        end -= 1
    return "\n".join([*lines[:end], "", *block_lines, *lines[end:]])


@pytest.mark.parametrize("name", DOCS)
def test_every_recipe_pasted_into_the_data_passes_the_check(tmp_path: Path, name: str) -> None:
    """An editor pastes every example of the guide where it says, and runs the check."""
    project = make_project(tmp_path / "project", None)
    for file, key, replace, block in RECIPE.findall(doc_text(name)):
        path = project.root / file
        path.write_text(
            _insert(path.read_text(encoding="utf-8"), key, block, bool(replace)), encoding="utf-8"
        )
    result = run(hook_command("cglu-data"), project.root)
    assert result.returncode == 0, f"{name}'s recipes, pasted: {result.stderr}"


def _babel_names(locale: str) -> dict[str, str]:
    from babel import Locale

    return {code: name.lower() for code, name in Locale.parse(locale).languages.items() if "_" not in code}


def test_the_docs_name_the_languages_of_mkdocs_yml() -> None:
    """Every configured language is named in each doc; a list of languages names all of them;
    so is a list of per-language files or keys (`fr:` and `en:`, `docs/<page>.fr.md` …)."""
    codes = set(LANGUAGES)
    for name, locale in DOCS.items():
        text = doc_text(name)
        names = _babel_names(locale)
        lowered = text.lower()
        for code in codes:
            assert re.search(rf"\b{names[code]}\b", lowered), f"{name} never names {names[code]} ({code})"
        word = "|".join(sorted({re.escape(n) for n in names.values() if len(n) > 3}, key=len, reverse=True))
        joiner = r"(?:,\s+|\s+(?:and|or|et|ou|y|o|e)\s+)(?:(?:in|en)\s+)?"
        for run_ in re.finditer(rf"\b(?:{word})\b(?:{joiner}\b(?:{word})\b)+", lowered):
            named = {code for code, n in names.items() if re.search(rf"\b{re.escape(n)}\b", run_[0])}
            assert named == codes, f"{name}: {run_[0]!r} should name {sorted(codes)}"
        token = r"`[^`\n]*?(?<![a-z])[a-z]{2}(?![a-z])[^`\n]*`"
        for run_ in re.finditer(rf"{token}(?:{joiner}{token})+", text):
            listed = re.findall(r"`([^`]*)`", run_[0])
            found = [set(re.findall(r"(?<![a-z])([a-z]{2})(?![a-z])", item)) & set(names) for item in listed]
            per_language = [item & (codes | {"de", "it", "pt"}) for item in found]
            if all(len(item) == 1 for item in per_language):
                listed_codes = set().union(*per_language)
                assert listed_codes == codes, f"{name}: {run_[0]!r} should list {sorted(codes)}"


@pytest.mark.parametrize("name", ["translation-request", "translation-correction"])
def test_the_translation_issue_forms_offer_the_configured_languages(name: str) -> None:
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / f"{name}.yml").read_text(encoding="utf-8"))
    [dropdown] = [item for item in form["body"] if item["type"] == "dropdown"]
    from cglu_site.data.languages import load_languages

    configured = [language.name for language in load_languages(ROOT / "mkdocs.yml")]
    assert dropdown["attributes"]["options"][: len(configured)] == configured
    intro = form["body"][0]["attributes"]["value"].lower()
    for code in LANGUAGES:
        for locale in LANGUAGES:
            assert _babel_names(locale)[code] in intro, f"the form's {locale} line does not name {code}"


# --------------------------------------------------------------------------- the table of messages

TABLE_ROW = re.compile(r"^\| `((?:data|docs)/[^`]+|… [^`]+)` \|", re.M)


def message_rows(name: str) -> list[str]:
    """The check's messages the guide's table shows (the messages are the program's, in English)."""
    text = doc_text(name)
    table = text[text.index("\n| message |") if "\n| message |" in text else 0 :]
    return [  # the spelling check and the Markdown lint are tools of their own
        row
        for row in TABLE_ROW.findall(table)
        if ": unknown word " not in row and not re.search(r":\d+:\d+: MD\d+", row)
    ]


def _in_entry(entry_id: str, old: str, new: str, nth: int = 0):
    """An edit of the data: `old` replaced by `new` once, inside the nth entry with that id."""

    def edit(text: str) -> str:
        lines = text.split("\n")
        starts = [i for i, line in enumerate(lines) if line == f"  - id: {entry_id}"]
        start = starts[nth]
        end = next((i for i in range(start + 1, len(lines)) if re.match(r"\S|  - ", lines[i])), len(lines))
        block = "\n".join(lines[start:end])
        assert re.search(old, block, re.M), f"{old!r} not in entry {entry_id}"
        return "\n".join([*lines[:start], re.sub(old, new, block, count=1, flags=re.M), *lines[end:]])

    return edit


COMMISSIONS = "data/commissions.yml"
FORUM = "intermediary-cities"
# A fragment of each message of the table -> the file to edit and the edit that makes the message.
MESSAGE_EDITS = {
    "'name' lacks 'es'": (COMMISSIONS, _in_entry(FORUM, r"^      es: .*\n", "")),
    "'name.es' is empty": (COMMISSIONS, _in_entry(FORUM, r"^      es: .*$", '      es: ""')),
    "has the language 'de'": (COMMISSIONS, _in_entry(FORUM, r"^(      es: .*)$", '\\1\n      de: "Forum"')),
    "'led_by.sources[1]'": (
        COMMISSIONS,
        _in_entry(FORUM, r"\[intermediary-cities-site,", "[intermediary-city-site,"),
    ),
    "'body' refers to": (
        COMMISSIONS,
        _in_entry(FORUM, r"body: intermediary-cities$", "body: intermediary-city", nth=1),
    ),
    "duplicate id": (
        COMMISSIONS,
        _in_entry("social-inclusion", r"^  - id: social-inclusion$", f"  - id: {FORUM}"),
    ),
    "'date' should be a date": (
        "data/news.yml",
        lambda text: re.sub(r"^    date: .*$", "    date: 12/06/2020", text, count=1, flags=re.M),
    ),
    "unknown field 'web_site'": (COMMISSIONS, _in_entry(FORUM, r"^    website:", "    web_site:")),
    "missing field 'sources'": (COMMISSIONS, _in_entry(FORUM, r"^    sources: .*$\n?", "")),
    "'kind' must be one of": (COMMISSIONS, _in_entry(FORUM, r"^    kind: forum$", "    kind: Forum")),
    "'website' should be": (
        COMMISSIONS,
        _in_entry(FORUM, r"https://intermediarycities", "intermediarycities"),
    ),
    "a colon followed by a space": (
        COMMISSIONS,
        _in_entry(FORUM, r'^      fr: ".*"$', "      fr: Forum de CGLU : villes intermédiaires"),
    ),
    "the indentation is wrong": (COMMISSIONS, _in_entry(FORUM, r"^    name_status:", "   name_status:")),
    "appears twice": (
        COMMISSIONS,
        _in_entry(FORUM, r"^(    website: .*)$", "\\1\n    website: https://www.uclg.org/"),
    ),
    "is cut short": (
        COMMISSIONS,
        _in_entry(FORUM, r'^      fr: ".*"$', "      fr: Forum de CGLU #2 des villes intermédiaires"),
    ),
    "is not saved as UTF-8": (COMMISSIONS, "latin-1"),
    "the file is empty": (COMMISSIONS, lambda text: ""),
    "characters long": (
        COMMISSIONS,
        _in_entry(FORUM, r'^      fr: ".*"$', f'      fr: "Forum{" de CGLU" * 30}"'),
    ),
    "leads to no page": (
        "docs/about-this-site.en.md",
        lambda text: text + "\nSee the [sources](source.md).\n",
    ),
    "missing: the page exists": ("docs/about-this-site.es.md", None),
    "has no text in any language": (
        COMMISSIONS,
        _in_entry(FORUM, r"^    name:\n(?:      \w\w: .*\n)+", "    name: {}\n"),
    ),
}


def error_mode_only(message: str) -> bool:
    """Whether the guide says the message is an error with `missing_translations: error` only."""
    text = doc_text("CONTRIBUTING.md")
    [row] = [line for line in text.splitlines() if line.startswith(f"| `{message}` |")]
    return "`missing_translations: error` only" in row


def _pattern(message: str) -> str:
    """A message of the table as a pattern: line numbers and `…` stand for what the data has."""
    parts = re.split(r"(…|^(?:data|docs)/[\w./-]+:\d+)", message)
    pattern = ""
    for part in parts:
        if part == "…":
            pattern += ".*?"
        elif re.fullmatch(r"(?:data|docs)/[\w./-]+:\d+", part):
            pattern += re.escape(part.rsplit(":", 1)[0]) + r":\d+"
        else:
            pattern += re.escape(part)
    return pattern


@pytest.mark.parametrize("message", message_rows("CONTRIBUTING.md"))
def test_the_table_of_messages_shows_real_messages(tmp_path: Path, message: str) -> None:
    """Each message of the guides' table is what `check` prints for that mistake, word for word."""
    from cglu_site.__main__ import check

    [fragment] = [key for key in MESSAGE_EDITS if key in message] or [None]
    assert fragment, f"no edit in MESSAGE_EDITS makes {message!r}: add one"
    file, edit = MESSAGE_EDITS[fragment]
    project = make_project(tmp_path / "project", None)
    path = project.root / file
    if edit is None:
        path.unlink()
    elif edit == "latin-1":
        path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    else:
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    if error_mode_only(message):  # by default (notice) the same mistake awaits translation, unblocked
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert check(project.root) == 0, f"{message!r} blocks check with missing_translations: notice"
        config = project.root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "missing_translations: notice" in text
        config.write_text(
            text.replace("missing_translations: notice", "missing_translations: error", 1), "utf-8"
        )
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        assert check(project.root) == 1
    lines = [line.strip() for line in errors.getvalue().splitlines()]
    assert any(re.fullmatch(_pattern(message), line) for line in lines), "\n".join(lines)
