from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stage_approvers_item import StageApproversItem
    from ..models.stage_conditions_item import StageConditionsItem
    from ..models.task import Task


T = TypeVar("T", bound="Stage")


@_attrs_define
class Stage:
    """
    Attributes:
        allow_adding (bool | Unset):
        approvers (list[StageApproversItem] | Unset):
        completion (str | Unset):
        conditions (list[StageConditionsItem] | Unset):
        deadline_hours (int | None | Unset):
        deadline_unit (str | Unset):
        deadline_value (int | None | Unset):
        due_at (None | str | Unset):
        finished_at (None | str | Unset):
        id (UUID | Unset):
        mode (str | Unset):
        name (str | Unset):
        on_return (str | Unset):
        position (int | Unset):
        quorum (int | None | Unset):
        started_at (None | str | Unset):
        status (str | Unset): waiting, active, stalled (nobody to approve), completed, rejected, returned, skipped,
            cancelled
        tasks (list[Task] | Unset):
    """

    allow_adding: bool | Unset = UNSET
    approvers: list[StageApproversItem] | Unset = UNSET
    completion: str | Unset = UNSET
    conditions: list[StageConditionsItem] | Unset = UNSET
    deadline_hours: int | None | Unset = UNSET
    deadline_unit: str | Unset = UNSET
    deadline_value: int | None | Unset = UNSET
    due_at: None | str | Unset = UNSET
    finished_at: None | str | Unset = UNSET
    id: UUID | Unset = UNSET
    mode: str | Unset = UNSET
    name: str | Unset = UNSET
    on_return: str | Unset = UNSET
    position: int | Unset = UNSET
    quorum: int | None | Unset = UNSET
    started_at: None | str | Unset = UNSET
    status: str | Unset = UNSET
    tasks: list[Task] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        allow_adding = self.allow_adding

        approvers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.approvers, Unset):
            approvers = []
            for approvers_item_data in self.approvers:
                approvers_item = approvers_item_data.to_dict()
                approvers.append(approvers_item)

        completion = self.completion

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

        deadline_unit = self.deadline_unit

        deadline_value: int | None | Unset
        if isinstance(self.deadline_value, Unset):
            deadline_value = UNSET
        else:
            deadline_value = self.deadline_value

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        else:
            due_at = self.due_at

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        else:
            finished_at = self.finished_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        mode = self.mode

        name = self.name

        on_return = self.on_return

        position = self.position

        quorum: int | None | Unset
        if isinstance(self.quorum, Unset):
            quorum = UNSET
        else:
            quorum = self.quorum

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        else:
            started_at = self.started_at

        status = self.status

        tasks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tasks, Unset):
            tasks = []
            for tasks_item_data in self.tasks:
                tasks_item = tasks_item_data.to_dict()
                tasks.append(tasks_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if allow_adding is not UNSET:
            field_dict["allow_adding"] = allow_adding
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
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if id is not UNSET:
            field_dict["id"] = id
        if mode is not UNSET:
            field_dict["mode"] = mode
        if name is not UNSET:
            field_dict["name"] = name
        if on_return is not UNSET:
            field_dict["on_return"] = on_return
        if position is not UNSET:
            field_dict["position"] = position
        if quorum is not UNSET:
            field_dict["quorum"] = quorum
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if status is not UNSET:
            field_dict["status"] = status
        if tasks is not UNSET:
            field_dict["tasks"] = tasks

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stage_approvers_item import StageApproversItem
        from ..models.stage_conditions_item import StageConditionsItem
        from ..models.task import Task

        d = dict(src_dict)
        allow_adding = d.pop("allow_adding", UNSET)

        _approvers = d.pop("approvers", UNSET)
        approvers: list[StageApproversItem] | Unset = UNSET
        if _approvers is not UNSET:
            approvers = []
            for approvers_item_data in _approvers:
                approvers_item = StageApproversItem.from_dict(approvers_item_data)

                approvers.append(approvers_item)

        completion = d.pop("completion", UNSET)

        _conditions = d.pop("conditions", UNSET)
        conditions: list[StageConditionsItem] | Unset = UNSET
        if _conditions is not UNSET:
            conditions = []
            for conditions_item_data in _conditions:
                conditions_item = StageConditionsItem.from_dict(conditions_item_data)

                conditions.append(conditions_item)

        def _parse_deadline_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        deadline_hours = _parse_deadline_hours(d.pop("deadline_hours", UNSET))

        deadline_unit = d.pop("deadline_unit", UNSET)

        def _parse_deadline_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        deadline_value = _parse_deadline_value(d.pop("deadline_value", UNSET))

        def _parse_due_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        due_at = _parse_due_at(d.pop("due_at", UNSET))

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

        mode = d.pop("mode", UNSET)

        name = d.pop("name", UNSET)

        on_return = d.pop("on_return", UNSET)

        position = d.pop("position", UNSET)

        def _parse_quorum(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quorum = _parse_quorum(d.pop("quorum", UNSET))

        def _parse_started_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        status = d.pop("status", UNSET)

        _tasks = d.pop("tasks", UNSET)
        tasks: list[Task] | Unset = UNSET
        if _tasks is not UNSET:
            tasks = []
            for tasks_item_data in _tasks:
                tasks_item = Task.from_dict(tasks_item_data)

                tasks.append(tasks_item)

        stage = cls(
            allow_adding=allow_adding,
            approvers=approvers,
            completion=completion,
            conditions=conditions,
            deadline_hours=deadline_hours,
            deadline_unit=deadline_unit,
            deadline_value=deadline_value,
            due_at=due_at,
            finished_at=finished_at,
            id=id,
            mode=mode,
            name=name,
            on_return=on_return,
            position=position,
            quorum=quorum,
            started_at=started_at,
            status=status,
            tasks=tasks,
        )

        return stage
