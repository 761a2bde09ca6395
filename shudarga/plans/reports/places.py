"""Which organization a report is for, when the name alone names several (issue 11).

Many soums share a name across aimags (аймаг, province): "Хужирт сумын Засаг даргын Тамгын
газар" may stand under two aimags. A report says where it is from in its title ("АРХАНГАЙ
АЙМГИЙН ХУЖИРТ СУМЫН …") or in the folder it came in ("Архангай/khujirt.docx"); the
candidates are narrowed to the ones under that aimag, and when several remain (or none and
the name alone would guess) the import asks instead of choosing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from shudarga.documents.textnorm import fold
from shudarga.orgs.models import Organization

# "<Name> аймгийн" (the genitive in a title) or "<Name> аймаг" (a folder's name).
_AIMAG_IN_NAME = re.compile(r"^\s*(?P<place>[^\s]+(?:\s+[^\s]+)?)\s+аймгийн\s+", re.IGNORECASE)
_AIMAG_FOLDER = re.compile(r"^(?P<place>.+?)(?:\s+аймаг(?:ийн)?)?$", re.IGNORECASE)
CANDIDATES_SHOWN = 20


@dataclass(frozen=True)
class NamedPlace:
    """An organization's name as the title gives it, split into the aimag and the rest."""

    place: str | None
    name: str


def split_place(name: str) -> NamedPlace:
    """ "АРХАНГАЙ АЙМГИЙН ХУЖИРТ СУМЫН …" → place "АРХАНГАЙ", name "ХУЖИРТ СУМЫН …"."""
    match = _AIMAG_IN_NAME.match(name)
    if not match:
        return NamedPlace(place=None, name=name)
    # Only the last word before "аймгийн" is the aimag ("Өвөрхангай", "Говь-Алтай").
    place = match["place"].split()[-1]
    return NamedPlace(place=place, name=name[match.end() :].strip())


def folder_places(source_name: str) -> list[str]:
    """The folders a file came in, innermost first: each may be an aimag's name."""
    parts = PurePosixPath(source_name.replace("\\", "/")).parts[:-1]
    places = []
    for part in reversed(parts):
        stem = _AIMAG_FOLDER.match(re.sub(r"\.zip$", "", part.strip(), flags=re.IGNORECASE))
        if stem and stem["place"].strip():
            places.append(stem["place"].strip())
    return places


def aimags_named(places: list[str]) -> list[Organization]:
    """The aimag nodes one of ``places`` names ("Архангай", "Архангай аймаг"), first match."""
    for place in places:
        folded = {fold(place), fold(f"{place} аймаг")}
        found = list(
            Organization.objects.filter(kind=Organization.Kind.AIMAG, name_folded__in=folded)
        )
        if found:
            return found
    return []


def candidates_named(names: list[str]) -> list[Organization]:
    folded = {fold(n) for n in names if fold(n)}
    if not folded:
        return []
    return list(Organization.objects.filter(name_folded__in=folded).order_by("path")[:100])


def under(candidates: list[Organization], aimags: list[Organization]) -> list[Organization]:
    return [c for c in candidates if any(c.path.startswith(a.path) for a in aimags)]


def place_label(organization: Organization) -> str:
    """The name with the aimag above it, so that a person tells two candidates apart."""
    step = Organization.steplen
    above = [organization.path[:i] for i in range(step, len(organization.path), step)]
    aimag = Organization.objects.filter(path__in=above, kind=Organization.Kind.AIMAG).first()
    return f"{organization.name} ({aimag.name})" if aimag else organization.name
