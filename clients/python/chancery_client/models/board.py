from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.board_column import BoardColumn
    from ..models.board_employees import BoardEmployees
    from ..models.pipeline_amount import PipelineAmount


T = TypeVar("T", bound="Board")


@_attrs_define
class Board:
    """
    Attributes:
        amounts (list[PipelineAmount] | Unset):
        columns (list[BoardColumn] | Unset): every stage in the book's order (an archived one only while it has cards)
        count (int | Unset):
        employees (BoardEmployees | Unset): id -> name of the cards' responsible employees
        stalled_days (int | Unset):
    """

    amounts: list[PipelineAmount] | Unset = UNSET
    columns: list[BoardColumn] | Unset = UNSET
    count: int | Unset = UNSET
    employees: BoardEmployees | Unset = UNSET
    stalled_days: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amounts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.amounts, Unset):
            amounts = []
            for amounts_item_data in self.amounts:
                amounts_item = amounts_item_data.to_dict()
                amounts.append(amounts_item)

        columns: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.columns, Unset):
            columns = []
            for columns_item_data in self.columns:
                columns_item = columns_item_data.to_dict()
                columns.append(columns_item)

        count = self.count

        employees: dict[str, Any] | Unset = UNSET
        if not isinstance(self.employees, Unset):
            employees = self.employees.to_dict()

        stalled_days = self.stalled_days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amounts is not UNSET:
            field_dict["amounts"] = amounts
        if columns is not UNSET:
            field_dict["columns"] = columns
        if count is not UNSET:
            field_dict["count"] = count
        if employees is not UNSET:
            field_dict["employees"] = employees
        if stalled_days is not UNSET:
            field_dict["stalled_days"] = stalled_days

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.board_column import BoardColumn
        from ..models.board_employees import BoardEmployees
        from ..models.pipeline_amount import PipelineAmount

        d = dict(src_dict)
        _amounts = d.pop("amounts", UNSET)
        amounts: list[PipelineAmount] | Unset = UNSET
        if _amounts is not UNSET:
            amounts = []
            for amounts_item_data in _amounts:
                amounts_item = PipelineAmount.from_dict(amounts_item_data)

                amounts.append(amounts_item)

        _columns = d.pop("columns", UNSET)
        columns: list[BoardColumn] | Unset = UNSET
        if _columns is not UNSET:
            columns = []
            for columns_item_data in _columns:
                columns_item = BoardColumn.from_dict(columns_item_data)

                columns.append(columns_item)

        count = d.pop("count", UNSET)

        _employees = d.pop("employees", UNSET)
        employees: BoardEmployees | Unset
        if isinstance(_employees, Unset):
            employees = UNSET
        else:
            employees = BoardEmployees.from_dict(_employees)

        stalled_days = d.pop("stalled_days", UNSET)

        board = cls(
            amounts=amounts,
            columns=columns,
            count=count,
            employees=employees,
            stalled_days=stalled_days,
        )

        return board
