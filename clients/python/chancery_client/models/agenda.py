from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agenda_activity import AgendaActivity
    from ..models.agenda_today import AgendaToday


T = TypeVar("T", bound="Agenda")


@_attrs_define
class Agenda:
    """
    Attributes:
        date (str | Unset):
        overdue (list[AgendaActivity] | Unset):
        time_zone (str | Unset):
        today (AgendaToday | Unset): the day's planned activities grouped by kind
    """

    date: str | Unset = UNSET
    overdue: list[AgendaActivity] | Unset = UNSET
    time_zone: str | Unset = UNSET
    today: AgendaToday | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        date = self.date

        overdue: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.overdue, Unset):
            overdue = []
            for overdue_item_data in self.overdue:
                overdue_item = overdue_item_data.to_dict()
                overdue.append(overdue_item)

        time_zone = self.time_zone

        today: dict[str, Any] | Unset = UNSET
        if not isinstance(self.today, Unset):
            today = self.today.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if date is not UNSET:
            field_dict["date"] = date
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if today is not UNSET:
            field_dict["today"] = today

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agenda_activity import AgendaActivity
        from ..models.agenda_today import AgendaToday

        d = dict(src_dict)
        date = d.pop("date", UNSET)

        _overdue = d.pop("overdue", UNSET)
        overdue: list[AgendaActivity] | Unset = UNSET
        if _overdue is not UNSET:
            overdue = []
            for overdue_item_data in _overdue:
                overdue_item = AgendaActivity.from_dict(overdue_item_data)

                overdue.append(overdue_item)

        time_zone = d.pop("time_zone", UNSET)

        _today = d.pop("today", UNSET)
        today: AgendaToday | Unset
        if isinstance(_today, Unset):
            today = UNSET
        else:
            today = AgendaToday.from_dict(_today)

        agenda = cls(
            date=date,
            overdue=overdue,
            time_zone=time_zone,
            today=today,
        )

        return agenda
