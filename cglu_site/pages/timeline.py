"""The history timeline: milestones, terms of office and events from the data, in date order.

Three data files tell the history: organisation.yml (milestones, from the municipal
movement of 1913 on), governance.yml (who held each office, when) and events.yml
(congresses). They are merged into one list, oldest first; a milestone dated the month
of an event links to the event's page, and an event no milestone speaks of is an item
of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cglu_site.data.content import Content

_ORDER = {"milestone": 0, "event": 1, "term": 2}  # on the same date


@dataclass
class TimelineItem:
    kind: str  # milestone, event or term
    start: str  # partial ISO date, e.g. '2004-05'
    entry: dict[str, Any]  # the milestone, event or office holder
    end: str | None = None
    office: dict[str, Any] | None = None  # for terms
    events: list[dict[str, Any]] = field(default_factory=list)  # events a milestone is about

    @property
    def sort_key(self) -> tuple[str, int]:
        return (self.start, _ORDER[self.kind])


def timeline(site: Content) -> list[TimelineItem]:
    organisation = site.data["organisation"]["organisation"]
    events = list(site.data["events"]["events"])
    items = []
    linked: set[str] = set()
    for milestone in organisation["history"]:
        date = str(milestone["date"])
        about = [event for event in events if date.count("-") >= 1 and event["start"].startswith(date)]
        linked |= {event["id"] for event in about}
        items.append(TimelineItem("milestone", date, milestone, events=about))
    for event in events:
        if event["id"] not in linked:
            items.append(TimelineItem("event", event["start"], event, end=event["end"]))
    for office in site.data["governance"]["offices"]:
        for holder in office["holders"]:
            end = str(holder["end"]) if "end" in holder else None
            items.append(TimelineItem("term", str(holder["start"]), holder, end=end, office=office))
    return sorted(items, key=lambda item: item.sort_key)


def page_context(site: Content, lang: str) -> dict[str, Any]:
    return {"timeline": timeline(site)}
