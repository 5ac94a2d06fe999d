from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.stage_request_completion import StageRequestCompletion
from ..models.stage_request_deadline_unit import StageRequestDeadlineUnit
from ..models.stage_request_mode_type_1 import StageRequestModeType1
from ..models.stage_request_mode_type_2_type_1 import StageRequestModeType2Type1
from ..models.stage_request_mode_type_3_type_1 import StageRequestModeType3Type1
from ..models.stage_request_on_return import StageRequestOnReturn
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.approver_spec import ApproverSpec
    from ..models.condition import Condition


T = TypeVar("T", bound="StageRequest")


@_attrs_define
class StageRequest:
    """
    Attributes:
        allow_adding (bool | Unset): the initiator may add approvers to this stage
        approver_ids (list[UUID] | Unset): shorthand for approvers of kind employee
        approvers (list[ApproverSpec] | Unset):
        completion (StageRequestCompletion | Unset): when a parallel stage completes: all, any one, or a quorum of
            approvals
        conditions (list[Condition] | Unset): the stage runs only when all hold for the document
        deadline_hours (int | None | Unset): shorthand: deadline in hours
        deadline_unit (StageRequestDeadlineUnit | Unset):
        deadline_value (int | None | Unset):
        mode (None | StageRequestModeType1 | StageRequestModeType2Type1 | StageRequestModeType3Type1 | Unset):
            sequential: one approver after another; parallel: all at once
        name (None | str | Unset):
        on_return (StageRequestOnReturn | Unset): where a document returned at this stage restarts when resubmitted
        quorum (int | None | Unset):
    """

    allow_adding: bool | Unset = UNSET
    approver_ids: list[UUID] | Unset = UNSET
    approvers: list[ApproverSpec] | Unset = UNSET
    completion: StageRequestCompletion | Unset = UNSET
    conditions: list[Condition] | Unset = UNSET
    deadline_hours: int | None | Unset = UNSET
    deadline_unit: StageRequestDeadlineUnit | Unset = UNSET
    deadline_value: int | None | Unset = UNSET
    mode: (
        None
        | StageRequestModeType1
        | StageRequestModeType2Type1
        | StageRequestModeType3Type1
        | Unset
    ) = UNSET
    name: None | str | Unset = UNSET
    on_return: StageRequestOnReturn | Unset = UNSET
    quorum: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        allow_adding = self.allow_adding

        approver_ids: list[str] | Unset = UNSET
        if not isinstance(self.approver_ids, Unset):
            approver_ids = []
            for approver_ids_item_data in self.approver_ids:
                approver_ids_item = str(approver_ids_item_data)
                approver_ids.append(approver_ids_item)

        approvers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.approvers, Unset):
            approvers = []
            for approvers_item_data in self.approvers:
                approvers_item = approvers_item_data.to_dict()
                approvers.append(approvers_item)

        completion: str | Unset = UNSET
        if not isinstance(self.completion, Unset):
            completion = self.completion.value

        conditions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.conditions, Unset):
            conditions = []
            for conditions_item_data in self.conditions:
                conditions_item = conditions_item_data.to_dict()
                conditions.append(conditions_item)

        deadline_hours: int | None | Unset
        if isinstance(self.deadline_hours, Unset):
            deadline_hours = UNSET
        else:
            deadline_hours = self.deadline_hours

        deadline_unit: str | Unset = UNSET
        if not isinstance(self.deadline_unit, Unset):
            deadline_unit = self.deadline_unit.value

        deadline_value: int | None | Unset
        if isinstance(self.deadline_value, Unset):
            deadline_value = UNSET
        else:
            deadline_value = self.deadline_value

        mode: None | str | Unset
        if isinstance(self.mode, Unset):
            mode = UNSET
        elif (
            isinstance(self.mode, StageRequestModeType1)
            or isinstance(self.mode, StageRequestModeType2Type1)
            or isinstance(self.mode, StageRequestModeType3Type1)
        ):
            mode = self.mode.value
        else:
            mode = self.mode

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        on_return: str | Unset = UNSET
        if not isinstance(self.on_return, Unset):
            on_return = self.on_return.value

        quorum: int | None | Unset
        if isinstance(self.quorum, Unset):
            quorum = UNSET
        else:
            quorum = self.quorum

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if allow_adding is not UNSET:
            field_dict["allow_adding"] = allow_adding
        if approver_ids is not UNSET:
            field_dict["approver_ids"] = approver_ids
        if approvers is not UNSET:
            field_dict["approvers"] = approvers
        if completion is not UNSET:
            field_dict["completion"] = completion
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if deadline_hours is not UNSET:
            field_dict["deadline_hours"] = deadline_hours
        if deadline_unit is not UNSET:
            field_dict["deadline_unit"] = deadline_unit
        if deadline_value is not UNSET:
            field_dict["deadline_value"] = deadline_value
        if mode is not UNSET:
            field_dict["mode"] = mode
        if name is not UNSET:
            field_dict["name"] = name
        if on_return is not UNSET:
            field_dict["on_return"] = on_return
        if quorum is not UNSET:
            field_dict["quorum"] = quorum

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.approver_spec import ApproverSpec
        from ..models.condition import Condition

        d = dict(src_dict)
        allow_adding = d.pop("allow_adding", UNSET)

        _approver_ids = d.pop("approver_ids", UNSET)
        approver_ids: list[UUID] | Unset = UNSET
        if _approver_ids is not UNSET:
            approver_ids = []
            for approver_ids_item_data in _approver_ids:
                approver_ids_item = UUID(approver_ids_item_data)

                approver_ids.append(approver_ids_item)

        _approvers = d.pop("approvers", UNSET)
        approvers: list[ApproverSpec] | Unset = UNSET
        if _approvers is not UNSET:
            approvers = []
            for approvers_item_data in _approvers:
                approvers_item = ApproverSpec.from_dict(approvers_item_data)

                approvers.append(approvers_item)

        _completion = d.pop("completion", UNSET)
        completion: StageRequestCompletion | Unset
        if isinstance(_completion, Unset):
            completion = UNSET
        else:
            completion = StageRequestCompletion(_completion)

        _conditions = d.pop("conditions", UNSET)
        conditions: list[Condition] | Unset = UNSET
        if _conditions is not UNSET:
            conditions = []
            for conditions_item_data in _conditions:
                conditions_item = Condition.from_dict(conditions_item_data)

                conditions.append(conditions_item)

        def _parse_deadline_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        deadline_hours = _parse_deadline_hours(d.pop("deadline_hours", UNSET))

        _deadline_unit = d.pop("deadline_unit", UNSET)
        deadline_unit: StageRequestDeadlineUnit | Unset
        if isinstance(_deadline_unit, Unset):
            deadline_unit = UNSET
        else:
            deadline_unit = StageRequestDeadlineUnit(_deadline_unit)

        def _parse_deadline_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        deadline_value = _parse_deadline_value(d.pop("deadline_value", UNSET))

        def _parse_mode(
            data: object,
        ) -> (
            None
            | StageRequestModeType1
            | StageRequestModeType2Type1
            | StageRequestModeType3Type1
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mode_type_1 = StageRequestModeType1(data)

                return mode_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mode_type_2_type_1 = StageRequestModeType2Type1(data)

                return mode_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mode_type_3_type_1 = StageRequestModeType3Type1(data)

                return mode_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | StageRequestModeType1
                | StageRequestModeType2Type1
                | StageRequestModeType3Type1
                | Unset,
                data,
            )

        mode = _parse_mode(d.pop("mode", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        _on_return = d.pop("on_return", UNSET)
        on_return: StageRequestOnReturn | Unset
        if isinstance(_on_return, Unset):
            on_return = UNSET
        else:
            on_return = StageRequestOnReturn(_on_return)

        def _parse_quorum(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quorum = _parse_quorum(d.pop("quorum", UNSET))

        stage_request = cls(
            allow_adding=allow_adding,
            approver_ids=approver_ids,
            approvers=approvers,
            completion=completion,
            conditions=conditions,
            deadline_hours=deadline_hours,
            deadline_unit=deadline_unit,
            deadline_value=deadline_value,
            mode=mode,
            name=name,
            on_return=on_return,
            quorum=quorum,
        )

        return stage_request
