"""Every query parameter the API and the pages accept, declared and validated once.

Unknown parameters are refused (``extra="forbid"``) so a misspelt filter gives a 422
instead of silently returning everything.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from casus.store.analytics import EventQuery

Text = Annotated[str | None, Field(default=None, max_length=200)]
MAX_OFFSET = 10_000_000


class Filters(BaseModel):
    """The event filters shared by the events table, timeline, network, map and exports."""

    model_config = ConfigDict(extra="forbid")

    actor: Text = Field(default=None,
                        description="Name, code, words or a 16-hex actor id (either side).")
    code: str | None = Field(default=None, pattern=r"^[0-9]{1,4}$",  # not \d: ASCII only
                             description="CAMEO code prefix.")
    root: str | None = Field(default=None, pattern=r"^(0[1-9]|1[0-9]|20)$",
                             description="CAMEO root 01-20.")
    plover: str | None = Field(default=None, pattern=r"^[A-Z_]{2,20}$", description="PLOVER type.")
    quad: int | None = Field(default=None, ge=1, le=4, description="QuadClass 1-4.")
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$",
                                description="Either party's country (ISO alpha-3 or IGO).")
    place: Text = Field(default=None, description="Event location name, as on the map.")
    since: date | None = Field(default=None, description="Events on or after (YYYY-MM-DD).")
    until: date | None = Field(default=None, description="Events on or before (YYYY-MM-DD).")
    doc: Text = Field(default=None, description="Document id.")
    dataset: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9_.-]{0,39}$",
                                description="'casus', or an imported dataset ('gdelt', 'acled').")
    include_negated: bool = Field(default=False,
                                  description="Keep events the text says did not happen.")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_absent(cls, value: object) -> object:
        """An empty form field means no filter, not an invalid one."""
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _range(self) -> Filters:
        if self.since and self.until and self.since > self.until:
            raise ValueError("since must not be after until")
        return self

    def to_query(self) -> EventQuery:
        fields = EventQuery.__dataclass_fields__
        return EventQuery(**{k: v for k, v in self.model_dump().items() if k in fields})


class Paging(BaseModel):
    limit: int = Field(default=50, ge=1, le=1000)
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET)


class EventParams(Filters, Paging):
    sort: Literal["date", "goldstein", "cameo", "quad", "source", "target", "doc"] = "date"
    order: Literal["asc", "desc"] = "asc"


class ExportParams(Filters):
    format: Literal["csv", "jsonl", "plover", "gdelt", "acled", "geojson"] = Field(
        default="jsonl", description="jsonl: CONTRACT.md records; csv: the table's columns; "
        "plover, gdelt, acled, geojson: as `casus export` (docs/interop.md).")
    sort: Literal["date", "goldstein", "cameo", "quad", "source", "target", "doc"] = "date"
    order: Literal["asc", "desc"] = "asc"


class TimelineParams(Filters):
    unit: Literal["day", "week", "month"] = "month"
    stack: Literal["quad", "root", "dataset"] = "quad"


class NetworkParams(Filters):
    max_edges: int = Field(default=150, ge=1, le=2000)


class MapParams(Filters):
    limit: int = Field(default=5000, ge=1, le=50_000)


class DyadParams(Filters):
    a: str = Field(pattern=r"^[0-9a-f]{16}$", description="First actor id.")
    b: str = Field(pattern=r"^[0-9a-f]{16}$", description="Second actor id.")
    limit: int = Field(default=1000, ge=1, le=10_000)


class ActorParams(Paging):
    model_config = ConfigDict(extra="forbid")
    q: Text = None


class DocParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    include_negated: bool = True
