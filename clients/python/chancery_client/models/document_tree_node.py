from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DocumentTreeNode")


@_attrs_define
class DocumentTreeNode:
    """
    Attributes:
        children (list[DocumentTreeNode] | Unset):
        document_id (UUID | Unset): a document of `documents`
    """

    children: list[DocumentTreeNode] | Unset = UNSET
    document_id: UUID | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

        document_id: str | Unset = UNSET
        if not isinstance(self.document_id, Unset):
            document_id = str(self.document_id)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if children is not UNSET:
            field_dict["children"] = children
        if document_id is not UNSET:
            field_dict["document_id"] = document_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _children = d.pop("children", UNSET)
        children: list[DocumentTreeNode] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = DocumentTreeNode.from_dict(children_item_data)

                children.append(children_item)

        _document_id = d.pop("document_id", UNSET)
        document_id: UUID | Unset
        if isinstance(_document_id, Unset):
            document_id = UNSET
        else:
            document_id = UUID(_document_id)

        document_tree_node = cls(
            children=children,
            document_id=document_id,
        )

        return document_tree_node
