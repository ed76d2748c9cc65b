"""`mkdocs build` with `cache` on keeps the pages' HTML and search entries on disk
(cglu_site/mkdocs/memos/): the next build converts and indexes only the pages whose inputs
changed, and makes exactly the site a build without the cache makes."""

from __future__ import annotations

from pathlib import Path

from sites import FIXTURE_DATA, Project, make_project

from cglu_site.cache import DEFAULT_FOLDER, FILE_NAME, Cache


def html_and_indexes(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text("utf-8")
        for path in folder.rglob("*")
        if path.suffix in {".html", ".json"}
    }


def memo_files(project: Project, name: str) -> set[str]:
    """The values the cache keeps of this kind."""
    (folder,) = (project.root / DEFAULT_FOLDER).glob("*/")
    cache = Cache(folder)
    try:
        return cache.names(name)
    finally:
        cache.close()


def build_counting(project: Project) -> tuple[int, int]:
    """A build in this process; how many pages it converted to HTML and indexed for search."""
    config = project.build_in_process()
    plugin = config.plugins["cglu"]
    return plugin.kept.markdown_memo.made, plugin.kept.search_memo.made


def test_a_second_build_reuses_every_page_and_an_edit_converts_only_its_pages(tmp_path: Path) -> None:
    project = make_project(tmp_path / "cached", FIXTURE_DATA)
    project.set_plugin_options(parallel=False)  # every conversion in this process, to count them
    pages, indexed = build_counting(project)
    assert pages > 20 and indexed == pages
    kept = memo_files(project, "pages-html")
    assert len(kept) == pages and len(memo_files(project, "search-entries")) == indexed
    assert build_counting(project) == (0, 0), "nothing changed: every page from the cache"
    project.edit("commissions.yml", "Committee on Culture", "Committee on Living Culture")
    converted, reindexed = build_counting(project)
    assert 0 < converted < pages / 4 and converted <= reindexed < pages / 4
    # What the edit replaced is removed: the cache does not grow with each edit.
    assert len(memo_files(project, "pages-html")) == pages
    assert memo_files(project, "pages-html") != kept

    fresh = make_project(tmp_path / "fresh", project.data)
    fresh.set_plugin_options(cache=False)
    fresh.build_ok()
    assert not (fresh.root / DEFAULT_FOLDER).exists(), "`cache: false` keeps nothing"
    built, cached = html_and_indexes(fresh.site), html_and_indexes(project.site)
    assert built.keys() == cached.keys()
    different = [path for path in built if built[path] != cached[path]]
    assert not different, f"pages the cache made differently from a build without it: {different[:5]}"
    assert any("Committee on Living Culture" in text for text in cached.values())


def test_a_damaged_value_or_cache_is_made_again(tmp_path: Path) -> None:
    project = make_project(tmp_path, FIXTURE_DATA)
    project.set_plugin_options(parallel=False)
    pages, _ = build_counting(project)
    (folder,) = (project.root / DEFAULT_FOLDER).glob("*/")
    cache = Cache(folder)
    for name in cache.names("pages-html"):
        cache.put("pages-html", name, b"not a pickle")
    cache.close()
    assert build_counting(project)[0] == pages
    assert build_counting(project)[0] == 0
    # The whole database damaged (a disk error, a file written over): the build starts afresh.
    for path in folder.glob(FILE_NAME + "*"):
        path.write_bytes(b"not a database" * 100)
    assert build_counting(project)[0] == pages
    assert build_counting(project)[0] == 0
