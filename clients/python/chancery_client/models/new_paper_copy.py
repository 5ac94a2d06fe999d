from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.new_paper_copy_kind import NewPaperCopyKind

T = TypeVar("T", bound="NewPaperCopy")


@_attrs_define
class NewPaperCopy:
    """
    Attributes:
        kind (NewPaperCopyKind):
        location (str):
    """

    kind: NewPaperCopyKind
    location: str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        location = self.location

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "location": location,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = NewPaperCopyKind(d.pop("kind"))

        location = d.pop("location")

        new_paper_copy = cls(
            kind=kind,
            location=location,
        )

        return new_paper_copy
