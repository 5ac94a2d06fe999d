from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stage_request import StageRequest


T = TypeVar("T", bound="StartApproval")


@_attrs_define
class StartApproval:
    """
    Attributes:
        document_id (UUID):
        approver_ids (list[UUID] | Unset): one sequential stage per approver
        comment (None | str | Unset):
        stages (list[StageRequest] | Unset): explicit stages; without them and approver_ids, the route of the document's
            type
    """

    document_id: UUID
    approver_ids: list[UUID] | Unset = UNSET
    comment: None | str | Unset = UNSET
    stages: list[StageRequest] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        document_id = str(self.document_id)

        approver_ids: list[str] | Unset = UNSET
        if not isinstance(self.approver_ids, Unset):
            approver_ids = []
            for approver_ids_item_data in self.approver_ids:
                approver_ids_item = str(approver_ids_item_data)
                approver_ids.append(approver_ids_item)

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        stages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.stages, Unset):
            stages = []
            for stages_item_data in self.stages:
                stages_item = stages_item_data.to_dict()
                stages.append(stages_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "document_id": document_id,
            }
        )
        if approver_ids is not UNSET:
            field_dict["approver_ids"] = approver_ids
        if comment is not UNSET:
            field_dict["comment"] = comment
        if stages is not UNSET:
            field_dict["stages"] = stages

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stage_request import StageRequest

        d = dict(src_dict)
        document_id = UUID(d.pop("document_id"))

        _approver_ids = d.pop("approver_ids", UNSET)
        approver_ids: list[UUID] | Unset = UNSET
        if _approver_ids is not UNSET:
            approver_ids = []
            for approver_ids_item_data in _approver_ids:
                approver_ids_item = UUID(approver_ids_item_data)

                approver_ids.append(approver_ids_item)

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        _stages = d.pop("stages", UNSET)
        stages: list[StageRequest] | Unset = UNSET
        if _stages is not UNSET:
            stages = []
            for stages_item_data in _stages:
                stages_item = StageRequest.from_dict(stages_item_data)

                stages.append(stages_item)

        start_approval = cls(
            document_id=document_id,
            approver_ids=approver_ids,
            comment=comment,
            stages=stages,
        )

        return start_approval
