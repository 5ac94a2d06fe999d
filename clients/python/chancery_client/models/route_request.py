from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.stage_request import StageRequest


T = TypeVar("T", bound="RouteRequest")


@_attrs_define
class RouteRequest:
    """
    Attributes:
        document_type_id (UUID):
        name (str):
        stages (list[StageRequest]):
    """

    document_type_id: UUID
    name: str
    stages: list[StageRequest]

    def to_dict(self) -> dict[str, Any]:
        document_type_id = str(self.document_type_id)

        name = self.name

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "document_type_id": document_type_id,
                "name": name,
                "stages": stages,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stage_request import StageRequest

        d = dict(src_dict)
        document_type_id = UUID(d.pop("document_type_id"))

        name = d.pop("name")

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = StageRequest.from_dict(stages_item_data)

            stages.append(stages_item)

        route_request = cls(
            document_type_id=document_type_id,
            name=name,
            stages=stages,
        )

        return route_request
