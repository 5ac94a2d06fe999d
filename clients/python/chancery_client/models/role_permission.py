from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="RolePermission")


@_attrs_define
class RolePermission:
    """
    Attributes:
        permission (str): register_documents, edit_reference_books, configure_document_types, configure_routes,
            manage_staff, view_audit, replay_events
        roles (list[str]):
    """

    permission: str
    roles: list[str]

    def to_dict(self) -> dict[str, Any]:
        permission = self.permission

        roles = self.roles

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "permission": permission,
                "roles": roles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        permission = d.pop("permission")

        roles = cast(list[str], d.pop("roles"))

        role_permission = cls(
            permission=permission,
            roles=roles,
        )

        return role_permission
