from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FoundDocument")


@_attrs_define
class FoundDocument:
    """
    Attributes:
        counterparty_id (None | Unset | UUID):
        highlighted_title (list[Any] | None | Unset): the subject as [text, matched] parts when the words matched in it,
            else null
        id (UUID | Unset):
        number (None | str | Unset):
        snippet (list[Any] | None | Unset): where the words matched in the files' text, as [text, matched] parts
            (ts_headline), else null; show the text escaped and mark the matched parts
        status (None | str | Unset):
        title (str | Unset):
        type_name (None | str | Unset):
    """

    counterparty_id: None | Unset | UUID = UNSET
    highlighted_title: list[Any] | None | Unset = UNSET
    id: UUID | Unset = UNSET
    number: None | str | Unset = UNSET
    snippet: list[Any] | None | Unset = UNSET
    status: None | str | Unset = UNSET
    title: str | Unset = UNSET
    type_name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        counterparty_id: None | str | Unset
        if isinstance(self.counterparty_id, Unset):
            counterparty_id = UNSET
        elif isinstance(self.counterparty_id, UUID):
            counterparty_id = str(self.counterparty_id)
        else:
            counterparty_id = self.counterparty_id

        highlighted_title: list[Any] | None | Unset
        if isinstance(self.highlighted_title, Unset):
            highlighted_title = UNSET
        elif isinstance(self.highlighted_title, list):
            highlighted_title = self.highlighted_title

        else:
            highlighted_title = self.highlighted_title

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        snippet: list[Any] | None | Unset
        if isinstance(self.snippet, Unset):
            snippet = UNSET
        elif isinstance(self.snippet, list):
            snippet = self.snippet

        else:
            snippet = self.snippet

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        title = self.title

        type_name: None | str | Unset
        if isinstance(self.type_name, Unset):
            type_name = UNSET
        else:
            type_name = self.type_name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if highlighted_title is not UNSET:
            field_dict["highlighted_title"] = highlighted_title
        if id is not UNSET:
            field_dict["id"] = id
        if number is not UNSET:
            field_dict["number"] = number
        if snippet is not UNSET:
            field_dict["snippet"] = snippet
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title
        if type_name is not UNSET:
            field_dict["type_name"] = type_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

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

        def _parse_highlighted_title(data: object) -> list[Any] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                highlighted_title_type_0 = cast(list[Any], data)

                return highlighted_title_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | Unset, data)

        highlighted_title = _parse_highlighted_title(d.pop("highlighted_title", UNSET))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        def _parse_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        def _parse_snippet(data: object) -> list[Any] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                snippet_type_0 = cast(list[Any], data)

                return snippet_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | Unset, data)

        snippet = _parse_snippet(d.pop("snippet", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        title = d.pop("title", UNSET)

        def _parse_type_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_name = _parse_type_name(d.pop("type_name", UNSET))

        found_document = cls(
            counterparty_id=counterparty_id,
            highlighted_title=highlighted_title,
            id=id,
            number=number,
            snippet=snippet,
            status=status,
            title=title,
            type_name=type_name,
        )

        return found_document
