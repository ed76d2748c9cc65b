"""Where a page is edited: a generated page in its data file, a hand-written one in docs/."""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit, urlunsplit


def edit_url(repo_url: str, edit_uri: str, repository_path: str) -> str | None:
    """The edit address of a file of the repository, beside the docs edit address
    (`repo_url` + `edit_uri`, which points into docs/): 'data/commissions.yml' ->
    https://github.com/org/repo/edit/main/data/commissions.yml."""
    if not repo_url or not edit_uri:
        return None
    base = urlsplit(repo_url.rstrip("/") + "/" + edit_uri.lstrip("/"))
    # edit_uri points into docs/; the data file is a sibling of docs/ in the repository.
    branch_root = posixpath.dirname(base.path.rstrip("/"))
    if not base.path.rstrip("/").endswith("/docs"):
        branch_root = base.path.rstrip("/")
    return urlunsplit(base._replace(path=posixpath.join(branch_root, repository_path)))
