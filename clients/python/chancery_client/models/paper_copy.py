from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.paper_movement import PaperMovement


T = TypeVar("T", bound="PaperCopy")


@_attrs_define
class PaperCopy:
    """
    Attributes:
        created_at (str | Unset):
        created_by (UUID | Unset):
        document_id (UUID | Unset):
        document_number (None | str | Unset):
        document_title (str | Unset):
        expected_return_on (datetime.date | None | Unset):
        holder_id (None | Unset | UUID): the employee holding it now
        id (UUID | Unset):
        kind (str | Unset): original or copy
        location (str | Unset): where it is kept: archive, room, cabinet, folder
        movements (list[PaperMovement] | Unset):
        status (str | Unset): in_place, handed_out or lost
    """

    created_at: str | Unset = UNSET
    created_by: UUID | Unset = UNSET
    document_id: UUID | Unset = UNSET
    document_number: None | str | Unset = UNSET
    document_title: str | Unset = UNSET
    expected_return_on: datetime.date | None | Unset = UNSET
    holder_id: None | Unset | UUID = UNSET
    id: UUID | Unset = UNSET
    kind: str | Unset = UNSET
    location: str | Unset = UNSET
    movements: list[PaperMovement] | Unset = UNSET
    status: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        document_id: str | Unset = UNSET
        if not isinstance(self.document_id, Unset):
            document_id = str(self.document_id)

        document_number: None | str | Unset
        if isinstance(self.document_number, Unset):
            document_number = UNSET
        else:
            document_number = self.document_number

        document_title = self.document_title

        expected_return_on: None | str | Unset
        if isinstance(self.expected_return_on, Unset):
            expected_return_on = UNSET
        elif isinstance(self.expected_return_on, datetime.date):
            expected_return_on = self.expected_return_on.isoformat()
        else:
            expected_return_on = self.expected_return_on

        holder_id: None | str | Unset
        if isinstance(self.holder_id, Unset):
            holder_id = UNSET
        elif isinstance(self.holder_id, UUID):
            holder_id = str(self.holder_id)
        else:
            holder_id = self.holder_id

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        kind = self.kind

        location = self.location

        movements: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.movements, Unset):
            movements = []
            for movements_item_data in self.movements:
                movements_item = movements_item_data.to_dict()
                movements.append(movements_item)

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if document_id is not UNSET:
            field_dict["document_id"] = document_id
        if document_number is not UNSET:
            field_dict["document_number"] = document_number
        if document_title is not UNSET:
            field_dict["document_title"] = document_title
        if expected_return_on is not UNSET:
            field_dict["expected_return_on"] = expected_return_on
        if holder_id is not UNSET:
            field_dict["holder_id"] = holder_id
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if location is not UNSET:
            field_dict["location"] = location
        if movements is not UNSET:
            field_dict["movements"] = movements
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.paper_movement import PaperMovement

        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)

        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)

        _document_id = d.pop("document_id", UNSET)
        document_id: UUID | Unset
        if isinstance(_document_id, Unset):
            document_id = UNSET
        else:
            document_id = UUID(_document_id)

        def _parse_document_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_number = _parse_document_number(d.pop("document_number", UNSET))

        document_title = d.pop("document_title", UNSET)

        def _parse_expected_return_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_return_on_type_0 = datetime.date.fromisoformat(data)

                return expected_return_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expected_return_on = _parse_expected_return_on(
            d.pop("expected_return_on", UNSET)
        )

        def _parse_holder_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                holder_id_type_0 = UUID(data)

                return holder_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        holder_id = _parse_holder_id(d.pop("holder_id", UNSET))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        kind = d.pop("kind", UNSET)

        location = d.pop("location", UNSET)

        _movements = d.pop("movements", UNSET)
        movements: list[PaperMovement] | Unset = UNSET
        if _movements is not UNSET:
            movements = []
            for movements_item_data in _movements:
                movements_item = PaperMovement.from_dict(movements_item_data)

                movements.append(movements_item)

        status = d.pop("status", UNSET)

        paper_copy = cls(
            created_at=created_at,
            created_by=created_by,
            document_id=document_id,
            document_number=document_number,
            document_title=document_title,
            expected_return_on=expected_return_on,
            holder_id=holder_id,
            id=id,
            kind=kind,
            location=location,
            movements=movements,
            status=status,
        )

        return paper_copy
