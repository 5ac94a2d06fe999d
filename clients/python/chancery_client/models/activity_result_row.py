from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActivityResultRow")


@_attrs_define
class ActivityResultRow:
    """
    Attributes:
        cancelled (int | Unset):
        done (int | Unset):
        missed (int | Unset):
        overdue (int | Unset):
        planned (int | Unset):
        responsible_id (UUID | Unset):
        total (int | Unset):
    """

    cancelled: int | Unset = UNSET
    done: int | Unset = UNSET
    missed: int | Unset = UNSET
    overdue: int | Unset = UNSET
    planned: int | Unset = UNSET
    responsible_id: UUID | Unset = UNSET
    total: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        cancelled = self.cancelled

        done = self.done

        missed = self.missed

        overdue = self.overdue

        planned = self.planned

        responsible_id: str | Unset = UNSET
        if not isinstance(self.responsible_id, Unset):
            responsible_id = str(self.responsible_id)

        total = self.total

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if cancelled is not UNSET:
            field_dict["cancelled"] = cancelled
        if done is not UNSET:
            field_dict["done"] = done
        if missed is not UNSET:
            field_dict["missed"] = missed
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if planned is not UNSET:
            field_dict["planned"] = planned
        if responsible_id is not UNSET:
            field_dict["responsible_id"] = responsible_id
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        cancelled = d.pop("cancelled", UNSET)

        done = d.pop("done", UNSET)

        missed = d.pop("missed", UNSET)

        overdue = d.pop("overdue", UNSET)

        planned = d.pop("planned", UNSET)

        _responsible_id = d.pop("responsible_id", UNSET)
        responsible_id: UUID | Unset
        if isinstance(_responsible_id, Unset):
            responsible_id = UNSET
        else:
            responsible_id = UUID(_responsible_id)

        total = d.pop("total", UNSET)

        activity_result_row = cls(
            cancelled=cancelled,
            done=done,
            missed=missed,
            overdue=overdue,
            planned=planned,
            responsible_id=responsible_id,
            total=total,
        )

        return activity_result_row
