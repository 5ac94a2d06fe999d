from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.overdue_obligations_row_amounts import OverdueObligationsRowAmounts


T = TypeVar("T", bound="OverdueObligationsRow")


@_attrs_define
class OverdueObligationsRow:
    """
    Attributes:
        amounts (OverdueObligationsRowAmounts | Unset): currency -> the amount of those payments not covered
        milestones (int | Unset): milestones past their deadline and not done
        most_days_overdue (int | Unset):
        payments (int | Unset): planned payments past their date and not covered
        responsible_id (None | Unset | UUID): the contracts' responsible; null: nobody
    """

    amounts: OverdueObligationsRowAmounts | Unset = UNSET
    milestones: int | Unset = UNSET
    most_days_overdue: int | Unset = UNSET
    payments: int | Unset = UNSET
    responsible_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        amounts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.amounts, Unset):
            amounts = self.amounts.to_dict()

        milestones = self.milestones

        most_days_overdue = self.most_days_overdue

        payments = self.payments

        responsible_id: None | str | Unset
        if isinstance(self.responsible_id, Unset):
            responsible_id = UNSET
        elif isinstance(self.responsible_id, UUID):
            responsible_id = str(self.responsible_id)
        else:
            responsible_id = self.responsible_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amounts is not UNSET:
            field_dict["amounts"] = amounts
        if milestones is not UNSET:
            field_dict["milestones"] = milestones
        if most_days_overdue is not UNSET:
            field_dict["most_days_overdue"] = most_days_overdue
        if payments is not UNSET:
            field_dict["payments"] = payments
        if responsible_id is not UNSET:
            field_dict["responsible_id"] = responsible_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.overdue_obligations_row_amounts import (
            OverdueObligationsRowAmounts,
        )

        d = dict(src_dict)
        _amounts = d.pop("amounts", UNSET)
        amounts: OverdueObligationsRowAmounts | Unset
        if isinstance(_amounts, Unset):
            amounts = UNSET
        else:
            amounts = OverdueObligationsRowAmounts.from_dict(_amounts)

        milestones = d.pop("milestones", UNSET)

        most_days_overdue = d.pop("most_days_overdue", UNSET)

        payments = d.pop("payments", UNSET)

        def _parse_responsible_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responsible_id_type_0 = UUID(data)

                return responsible_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        responsible_id = _parse_responsible_id(d.pop("responsible_id", UNSET))

        overdue_obligations_row = cls(
            amounts=amounts,
            milestones=milestones,
            most_days_overdue=most_days_overdue,
            payments=payments,
            responsible_id=responsible_id,
        )

        return overdue_obligations_row
