from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document import Document
    from ..models.related_document import RelatedDocument
    from ..models.tree_node import TreeNode


T = TypeVar("T", bound="DocumentTree")


@_attrs_define
class DocumentTree:
    """
    Attributes:
        children (list[TreeNode] | Unset): children, each with its own children
        document (Document | Unset):
        parents (list[Document] | Unset): from the root down to the direct parent
        related (list[RelatedDocument] | Unset): free links, from either end
    """

    children: list[TreeNode] | Unset = UNSET
    document: Document | Unset = UNSET
    parents: list[Document] | Unset = UNSET
    related: list[RelatedDocument] | Unset = UNSET

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

        parents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.parents, Unset):
            parents = []
            for parents_item_data in self.parents:
                parents_item = parents_item_data.to_dict()
                parents.append(parents_item)

        related: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.related, Unset):
            related = []
            for related_item_data in self.related:
                related_item = related_item_data.to_dict()
                related.append(related_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if children is not UNSET:
            field_dict["children"] = children
        if document is not UNSET:
            field_dict["document"] = document
        if parents is not UNSET:
            field_dict["parents"] = parents
        if related is not UNSET:
            field_dict["related"] = related

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.document import Document
        from ..models.related_document import RelatedDocument
        from ..models.tree_node import TreeNode

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

        _parents = d.pop("parents", UNSET)
        parents: list[Document] | Unset = UNSET
        if _parents is not UNSET:
            parents = []
            for parents_item_data in _parents:
                parents_item = Document.from_dict(parents_item_data)

                parents.append(parents_item)

        _related = d.pop("related", UNSET)
        related: list[RelatedDocument] | Unset = UNSET
        if _related is not UNSET:
            related = []
            for related_item_data in _related:
                related_item = RelatedDocument.from_dict(related_item_data)

                related.append(related_item)

        document_tree = cls(
            children=children,
            document=document,
            parents=parents,
            related=related,
        )

        return document_tree
