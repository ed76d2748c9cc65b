"""What every page and output is made from: the validated data, the UI strings, the languages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cglu_site.data.languages import Language
from cglu_site.data.site_data import SiteData


@dataclass
class Content:
    languages: list[Language]  # the default language first
    strings: dict[str, dict]  # language code -> that language's UI strings
    data: SiteData
    # Values derived from the content that several pages and outputs use (e.g. the open
    # data files): computed once, see `derived_value`.
    _derived: dict[str, Any] = field(default_factory=dict, repr=False)

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)

    def derived_value(self, name: str, compute: Callable[[Any], Any]) -> Any:
        if name not in self._derived:
            self._derived[name] = compute(self)
        return self._derived[name]
