from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MergeMoved")


@_attrs_define
class MergeMoved:
    """
    Attributes:
        activities (int | Unset):
        contact_persons (int | Unset):
        history_entries (int | Unset):
        negotiation_notes (int | Unset):
    """

    activities: int | Unset = UNSET
    contact_persons: int | Unset = UNSET
    history_entries: int | Unset = UNSET
    negotiation_notes: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        activities = self.activities

        contact_persons = self.contact_persons

        history_entries = self.history_entries

        negotiation_notes = self.negotiation_notes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if activities is not UNSET:
            field_dict["activities"] = activities
        if contact_persons is not UNSET:
            field_dict["contact_persons"] = contact_persons
        if history_entries is not UNSET:
            field_dict["history_entries"] = history_entries
        if negotiation_notes is not UNSET:
            field_dict["negotiation_notes"] = negotiation_notes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        activities = d.pop("activities", UNSET)

        contact_persons = d.pop("contact_persons", UNSET)

        history_entries = d.pop("history_entries", UNSET)

        negotiation_notes = d.pop("negotiation_notes", UNSET)

        merge_moved = cls(
            activities=activities,
            contact_persons=contact_persons,
            history_entries=history_entries,
            negotiation_notes=negotiation_notes,
        )

        return merge_moved
