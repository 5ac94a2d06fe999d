from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document import Document


T = TypeVar("T", bound="TreeNode")


@_attrs_define
class TreeNode:
    """
    Attributes:
        children (list[TreeNode] | Unset):
        document (Document | Unset):
    """

    children: list[TreeNode] | Unset = UNSET
    document: Document | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

        document: dict[str, Any] | Unset = UNSET
        if not isinstance(self.document, Unset):
            document = self.document.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if children is not UNSET:
            field_dict["children"] = children
        if document is not UNSET:
            field_dict["document"] = document

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.document import Document

        d = dict(src_dict)
        _children = d.pop("children", UNSET)
        children: list[TreeNode] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = TreeNode.from_dict(children_item_data)

                children.append(children_item)

        _document = d.pop("document", UNSET)
        document: Document | Unset
        if isinstance(_document, Unset):
            document = UNSET
        else:
            document = Document.from_dict(_document)

        tree_node = cls(
            children=children,
            document=document,
        )

        return tree_node
