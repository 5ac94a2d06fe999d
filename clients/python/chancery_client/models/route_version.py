from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.route_version_stages_item import RouteVersionStagesItem


T = TypeVar("T", bound="RouteVersion")


@_attrs_define
class RouteVersion:
    """
    Attributes:
        created_at (str | Unset):
        created_by (UUID | Unset):
        id (UUID | Unset):
        stages (list[RouteVersionStagesItem] | Unset):
        version (int | Unset):
    """

    created_at: str | Unset = UNSET
    created_by: UUID | Unset = UNSET
    id: UUID | Unset = UNSET
    stages: list[RouteVersionStagesItem] | Unset = UNSET
    version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        stages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.stages, Unset):
            stages = []
            for stages_item_data in self.stages:
                stages_item = stages_item_data.to_dict()
                stages.append(stages_item)

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if id is not UNSET:
            field_dict["id"] = id
        if stages is not UNSET:
            field_dict["stages"] = stages
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.route_version_stages_item import RouteVersionStagesItem

        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)

        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _stages = d.pop("stages", UNSET)
        stages: list[RouteVersionStagesItem] | Unset = UNSET
        if _stages is not UNSET:
            stages = []
            for stages_item_data in _stages:
                stages_item = RouteVersionStagesItem.from_dict(stages_item_data)

                stages.append(stages_item)

        version = d.pop("version", UNSET)

        route_version = cls(
            created_at=created_at,
            created_by=created_by,
            id=id,
            stages=stages,
            version=version,
        )

        return route_version
