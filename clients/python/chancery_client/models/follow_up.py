from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FollowUp")


@_attrs_define
class FollowUp:
    """
    Attributes:
        planned_at (datetime.datetime):
        subject (str):
        description (None | str | Unset):
        kind (str | Unset):
    """

    planned_at: datetime.datetime
    subject: str
    description: None | str | Unset = UNSET
    kind: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        planned_at = self.planned_at.isoformat()

        subject = self.subject

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "planned_at": planned_at,
                "subject": subject,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        planned_at = datetime.datetime.fromisoformat(d.pop("planned_at"))

        subject = d.pop("subject")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        kind = d.pop("kind", UNSET)

        follow_up = cls(
            planned_at=planned_at,
            subject=subject,
            description=description,
            kind=kind,
        )

        return follow_up
