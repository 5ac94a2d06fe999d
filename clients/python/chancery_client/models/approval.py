from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stage import Stage


T = TypeVar("T", bound="Approval")


@_attrs_define
class Approval:
    """
    Attributes:
        comment (None | str | Unset):
        counterparty_id (None | Unset | UUID):
        document_id (UUID | Unset):
        document_number (None | str | Unset):
        document_title (str | Unset):
        document_type_id (None | Unset | UUID):
        finished_at (None | str | Unset):
        id (UUID | Unset):
        initiator_id (UUID | Unset):
        outcome (None | str | Unset):
        round_ (int | Unset):
        route_version (int | None | Unset): the route version followed
        route_version_id (None | Unset | UUID):
        stages (list[Stage] | Unset):
        started_at (str | Unset):
        status (str | Unset): in_progress, returned, approved, rejected, withdrawn
        updated_at (None | str | Unset): When the approval, one of its stages or tasks last changed (a sync's
            `updated_since`).
    """

    comment: None | str | Unset = UNSET
    counterparty_id: None | Unset | UUID = UNSET
    document_id: UUID | Unset = UNSET
    document_number: None | str | Unset = UNSET
    document_title: str | Unset = UNSET
    document_type_id: None | Unset | UUID = UNSET
    finished_at: None | str | Unset = UNSET
    id: UUID | Unset = UNSET
    initiator_id: UUID | Unset = UNSET
    outcome: None | str | Unset = UNSET
    round_: int | Unset = UNSET
    route_version: int | None | Unset = UNSET
    route_version_id: None | Unset | UUID = UNSET
    stages: list[Stage] | Unset = UNSET
    started_at: str | Unset = UNSET
    status: str | Unset = UNSET
    updated_at: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        counterparty_id: None | str | Unset
        if isinstance(self.counterparty_id, Unset):
            counterparty_id = UNSET
        elif isinstance(self.counterparty_id, UUID):
            counterparty_id = str(self.counterparty_id)
        else:
            counterparty_id = self.counterparty_id

        document_id: str | Unset = UNSET
        if not isinstance(self.document_id, Unset):
            document_id = str(self.document_id)

        document_number: None | str | Unset
        if isinstance(self.document_number, Unset):
            document_number = UNSET
        else:
            document_number = self.document_number

        document_title = self.document_title

        document_type_id: None | str | Unset
        if isinstance(self.document_type_id, Unset):
            document_type_id = UNSET
        elif isinstance(self.document_type_id, UUID):
            document_type_id = str(self.document_type_id)
        else:
            document_type_id = self.document_type_id

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        else:
            finished_at = self.finished_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        initiator_id: str | Unset = UNSET
        if not isinstance(self.initiator_id, Unset):
            initiator_id = str(self.initiator_id)

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        round_ = self.round_

        route_version: int | None | Unset
        if isinstance(self.route_version, Unset):
            route_version = UNSET
        else:
            route_version = self.route_version

        route_version_id: None | str | Unset
        if isinstance(self.route_version_id, Unset):
            route_version_id = UNSET
        elif isinstance(self.route_version_id, UUID):
            route_version_id = str(self.route_version_id)
        else:
            route_version_id = self.route_version_id

        stages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.stages, Unset):
            stages = []
            for stages_item_data in self.stages:
                stages_item = stages_item_data.to_dict()
                stages.append(stages_item)

        started_at = self.started_at

        status = self.status

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if comment is not UNSET:
            field_dict["comment"] = comment
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if document_id is not UNSET:
            field_dict["document_id"] = document_id
        if document_number is not UNSET:
            field_dict["document_number"] = document_number
        if document_title is not UNSET:
            field_dict["document_title"] = document_title
        if document_type_id is not UNSET:
            field_dict["document_type_id"] = document_type_id
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if id is not UNSET:
            field_dict["id"] = id
        if initiator_id is not UNSET:
            field_dict["initiator_id"] = initiator_id
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if round_ is not UNSET:
            field_dict["round"] = round_
        if route_version is not UNSET:
            field_dict["route_version"] = route_version
        if route_version_id is not UNSET:
            field_dict["route_version_id"] = route_version_id
        if stages is not UNSET:
            field_dict["stages"] = stages
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if status is not UNSET:
            field_dict["status"] = status
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stage import Stage

        d = dict(src_dict)

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_counterparty_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                counterparty_id_type_0 = UUID(data)

                return counterparty_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        counterparty_id = _parse_counterparty_id(d.pop("counterparty_id", UNSET))

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

        def _parse_document_type_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_type_id_type_0 = UUID(data)

                return document_type_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        document_type_id = _parse_document_type_id(d.pop("document_type_id", UNSET))

        def _parse_finished_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _initiator_id = d.pop("initiator_id", UNSET)
        initiator_id: UUID | Unset
        if isinstance(_initiator_id, Unset):
            initiator_id = UNSET
        else:
            initiator_id = UUID(_initiator_id)

        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        round_ = d.pop("round", UNSET)

        def _parse_route_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        route_version = _parse_route_version(d.pop("route_version", UNSET))

        def _parse_route_version_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                route_version_id_type_0 = UUID(data)

                return route_version_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        route_version_id = _parse_route_version_id(d.pop("route_version_id", UNSET))

        _stages = d.pop("stages", UNSET)
        stages: list[Stage] | Unset = UNSET
        if _stages is not UNSET:
            stages = []
            for stages_item_data in _stages:
                stages_item = Stage.from_dict(stages_item_data)

                stages.append(stages_item)

        started_at = d.pop("started_at", UNSET)

        status = d.pop("status", UNSET)

        def _parse_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        approval = cls(
            comment=comment,
            counterparty_id=counterparty_id,
            document_id=document_id,
            document_number=document_number,
            document_title=document_title,
            document_type_id=document_type_id,
            finished_at=finished_at,
            id=id,
            initiator_id=initiator_id,
            outcome=outcome,
            round_=round_,
            route_version=route_version,
            route_version_id=route_version_id,
            stages=stages,
            started_at=started_at,
            status=status,
            updated_at=updated_at,
        )

        return approval
