"""CAMEO codes and dated roles: which code an actor carries on a given day.

A CAMEO code is a country (ISO3, or an international code such as IGO/UNO/IMG)
followed by actor types: IRQGOV, IRNMIL, IGOUNO. Dictionary entries list role
periods like PETRARCH's ``[IRQGOV 200507-221027]``; the code of a mention is the one
whose period covers the article's date. A person past the end of every period is a
former official: CAMEO's ELI (elites), not the old office.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

#: CAMEO actor types used as ``role`` (the second three letters of a code).
ROLE_TYPES = frozenset({
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "MED", "EDU", "BUS",
    "CRM", "CVL", "ELI", "HLH", "HRI", "LAB", "REF", "REL", "AGR", "MNC", "NGM", "SET",
    "UAF", "IGO", "NGO", "IMG", "INS", "RAD", "MOD",
})
#: Three-letter "countries" that are not countries: international actors.
INTERNATIONAL = frozenset({"IGO", "NGO", "UNO", "IMG", "MNC", "NGM"})

ROLE_LABELS = {
    "GOV": "government", "MIL": "military", "REB": "rebels", "OPP": "opposition",
    "PTY": "party", "COP": "police", "JUD": "judiciary", "SPY": "intelligence",
    "LEG": "legislature", "MED": "media", "CVL": "civilians", "ELI": "elites",
    "REF": "refugees", "HLH": "health", "BUS": "business", "REL": "religious",
}


@dataclass(frozen=True)
class RolePeriod:
    """One code held from ``start`` to ``end`` (inclusive; None = open)."""

    code: str
    start: date | None = None
    end: date | None = None

    def covers(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


def parse_code(code: str | None) -> tuple[str | None, str | None]:
    """Split a CAMEO code into (country, role): IRQGOV → (IRQ, GOV); IGOUNO → (IGO, None).

    The role is the first three-letter group after the country that is a CAMEO actor
    type; a code with none (IRQ, IGOWSTNAT) has role None.
    """
    if not code:
        return None, None
    country = code[:3]
    for i in range(3, len(code) - 2, 3):
        if code[i:i + 3] in ROLE_TYPES:
            return country, code[i:i + 3]
    return country, None


def join_code(country: str | None, role: str | None) -> str | None:
    """The CAMEO code for a country and a role ("IRQ" + "GOV" → "IRQGOV")."""
    if country and role:
        return country + role
    return country or role


def parse_date(value: object, *, end: bool = False) -> date | None:
    """A YAML date: a date, "YYYY-MM-DD", "YYYY-MM" or "YYYY" (month/year precision).

    Partial dates widen to the whole month/year: the first day for a start, the last
    day for an end, so a period never claims less than the source said.
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        day = calendar.monthrange(parts[0], parts[1])[1] if end else 1
        return date(parts[0], parts[1], day)
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    raise ValueError(f"not a date: {text!r}")


def code_on(periods: tuple[RolePeriod, ...], on: date | None, *, person: bool) -> str | None:
    """The code an actor carries on ``on``.

    No date: the latest period. A covering period: its code (the latest-starting one
    if several overlap). Before every period: the country alone (the role then is not
    known). After a period with none covering: country + ELI for a person (a former
    official), the last code for an organisation.
    """
    if not periods:
        return None
    if on is None:
        return max(periods, key=_start_key).code
    covering = [p for p in periods if p.covers(on)]
    if covering:
        return max(covering, key=_start_key).code
    before = [p for p in periods if p.end is not None and p.end < on]
    if not before:
        return parse_code(min(periods, key=_start_key).code)[0]
    last = max(before, key=lambda p: p.end or date.min)
    if person:
        return join_code(parse_code(last.code)[0], "ELI")
    return last.code


def _start_key(p: RolePeriod) -> date:
    return p.start or date.min
