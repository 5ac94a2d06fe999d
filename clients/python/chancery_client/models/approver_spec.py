from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.approver_spec_kind import ApproverSpecKind
from ..models.approver_spec_scope_type_1 import ApproverSpecScopeType1
from ..models.approver_spec_scope_type_2_type_1 import ApproverSpecScopeType2Type1
from ..models.approver_spec_scope_type_3_type_1 import ApproverSpecScopeType3Type1
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApproverSpec")


@_attrs_define
class ApproverSpec:
    """
    Attributes:
        kind (ApproverSpecKind): employee (employee_id), position (position: its holders today), role (role, in the
            document's department or legal entity: scope), department_head (of the document's department), initiator_head,
            responsible (the document's responsible person)
        employee_id (None | Unset | UUID):
        position (None | str | Unset):
        role (None | str | Unset):
        scope (ApproverSpecScopeType1 | ApproverSpecScopeType2Type1 | ApproverSpecScopeType3Type1 | None | Unset):
    """

    kind: ApproverSpecKind
    employee_id: None | Unset | UUID = UNSET
    position: None | str | Unset = UNSET
    role: None | str | Unset = UNSET
    scope: (
        ApproverSpecScopeType1
        | ApproverSpecScopeType2Type1
        | ApproverSpecScopeType3Type1
        | None
        | Unset
    ) = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        employee_id: None | str | Unset
        if isinstance(self.employee_id, Unset):
            employee_id = UNSET
        elif isinstance(self.employee_id, UUID):
            employee_id = str(self.employee_id)
        else:
            employee_id = self.employee_id

        position: None | str | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        scope: None | str | Unset
        if isinstance(self.scope, Unset):
            scope = UNSET
        elif (
            isinstance(self.scope, ApproverSpecScopeType1)
            or isinstance(self.scope, ApproverSpecScopeType2Type1)
            or isinstance(self.scope, ApproverSpecScopeType3Type1)
        ):
            scope = self.scope.value
        else:
            scope = self.scope

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if employee_id is not UNSET:
            field_dict["employee_id"] = employee_id
        if position is not UNSET:
            field_dict["position"] = position
        if role is not UNSET:
            field_dict["role"] = role
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = ApproverSpecKind(d.pop("kind"))

        def _parse_employee_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                employee_id_type_0 = UUID(data)

                return employee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        employee_id = _parse_employee_id(d.pop("employee_id", UNSET))

        def _parse_position(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        def _parse_scope(
            data: object,
        ) -> (
            ApproverSpecScopeType1
            | ApproverSpecScopeType2Type1
            | ApproverSpecScopeType3Type1
            | None
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scope_type_1 = ApproverSpecScopeType1(data)

                return scope_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scope_type_2_type_1 = ApproverSpecScopeType2Type1(data)

                return scope_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scope_type_3_type_1 = ApproverSpecScopeType3Type1(data)

                return scope_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                ApproverSpecScopeType1
                | ApproverSpecScopeType2Type1
                | ApproverSpecScopeType3Type1
                | None
                | Unset,
                data,
            )

        scope = _parse_scope(d.pop("scope", UNSET))

        approver_spec = cls(
            kind=kind,
            employee_id=employee_id,
            position=position,
            role=role,
            scope=scope,
        )

        return approver_spec
