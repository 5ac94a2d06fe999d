from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.intake_file import IntakeFile
    from ..models.intake_item_suggestions import IntakeItemSuggestions
    from ..models.intake_rule_fields import IntakeRuleFields


T = TypeVar("T", bound="IntakeItem")


@_attrs_define
class IntakeItem:
    """
    Attributes:
        body (str | Unset): an e-mail's text (absent in lists)
        decided_at (datetime.datetime | None | Unset):
        decided_by (None | Unset | UUID):
        discard_reason (None | str | Unset):
        document_id (None | Unset | UUID):
        document_number (None | str | Unset):
        files (list[IntakeFile] | Unset):
        id (UUID | Unset):
        last_error (None | str | Unset):
        received_at (datetime.datetime | Unset):
        rule (IntakeRuleFields | Unset):
        sender_email (None | str | Unset):
        sender_name (None | str | Unset):
        source_id (UUID | Unset):
        source_kind (str | Unset):
        source_name (str | Unset):
        status (str | Unset): new, registering, registered, discarded
        subject (str | Unset):
        suggestions (IntakeItemSuggestions | Unset): counterparty_id, counterparty_name, matched_by (email or tax_id),
            tax_ids, document_date, sender_number, title
        text (str | Unset): the files' text as read (absent in lists)
        texts_pending (int | Unset): files whose text is still being read
    """

    body: str | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET
    decided_by: None | Unset | UUID = UNSET
    discard_reason: None | str | Unset = UNSET
    document_id: None | Unset | UUID = UNSET
    document_number: None | str | Unset = UNSET
    files: list[IntakeFile] | Unset = UNSET
    id: UUID | Unset = UNSET
    last_error: None | str | Unset = UNSET
    received_at: datetime.datetime | Unset = UNSET
    rule: IntakeRuleFields | Unset = UNSET
    sender_email: None | str | Unset = UNSET
    sender_name: None | str | Unset = UNSET
    source_id: UUID | Unset = UNSET
    source_kind: str | Unset = UNSET
    source_name: str | Unset = UNSET
    status: str | Unset = UNSET
    subject: str | Unset = UNSET
    suggestions: IntakeItemSuggestions | Unset = UNSET
    text: str | Unset = UNSET
    texts_pending: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: None | str | Unset
        if isinstance(self.decided_by, Unset):
            decided_by = UNSET
        elif isinstance(self.decided_by, UUID):
            decided_by = str(self.decided_by)
        else:
            decided_by = self.decided_by

        discard_reason: None | str | Unset
        if isinstance(self.discard_reason, Unset):
            discard_reason = UNSET
        else:
            discard_reason = self.discard_reason

        document_id: None | str | Unset
        if isinstance(self.document_id, Unset):
            document_id = UNSET
        elif isinstance(self.document_id, UUID):
            document_id = str(self.document_id)
        else:
            document_id = self.document_id

        document_number: None | str | Unset
        if isinstance(self.document_number, Unset):
            document_number = UNSET
        else:
            document_number = self.document_number

        files: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.files, Unset):
            files = []
            for files_item_data in self.files:
                files_item = files_item_data.to_dict()
                files.append(files_item)

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

        received_at: str | Unset = UNSET
        if not isinstance(self.received_at, Unset):
            received_at = self.received_at.isoformat()

        rule: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rule, Unset):
            rule = self.rule.to_dict()

        sender_email: None | str | Unset
        if isinstance(self.sender_email, Unset):
            sender_email = UNSET
        else:
            sender_email = self.sender_email

        sender_name: None | str | Unset
        if isinstance(self.sender_name, Unset):
            sender_name = UNSET
        else:
            sender_name = self.sender_name

        source_id: str | Unset = UNSET
        if not isinstance(self.source_id, Unset):
            source_id = str(self.source_id)

        source_kind = self.source_kind

        source_name = self.source_name

        status = self.status

        subject = self.subject

        suggestions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.suggestions, Unset):
            suggestions = self.suggestions.to_dict()

        text = self.text

        texts_pending = self.texts_pending

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if body is not UNSET:
            field_dict["body"] = body
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if decided_by is not UNSET:
            field_dict["decided_by"] = decided_by
        if discard_reason is not UNSET:
            field_dict["discard_reason"] = discard_reason
        if document_id is not UNSET:
            field_dict["document_id"] = document_id
        if document_number is not UNSET:
            field_dict["document_number"] = document_number
        if files is not UNSET:
            field_dict["files"] = files
        if id is not UNSET:
            field_dict["id"] = id
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if received_at is not UNSET:
            field_dict["received_at"] = received_at
        if rule is not UNSET:
            field_dict["rule"] = rule
        if sender_email is not UNSET:
            field_dict["sender_email"] = sender_email
        if sender_name is not UNSET:
            field_dict["sender_name"] = sender_name
        if source_id is not UNSET:
            field_dict["source_id"] = source_id
        if source_kind is not UNSET:
            field_dict["source_kind"] = source_kind
        if source_name is not UNSET:
            field_dict["source_name"] = source_name
        if status is not UNSET:
            field_dict["status"] = status
        if subject is not UNSET:
            field_dict["subject"] = subject
        if suggestions is not UNSET:
            field_dict["suggestions"] = suggestions
        if text is not UNSET:
            field_dict["text"] = text
        if texts_pending is not UNSET:
            field_dict["texts_pending"] = texts_pending

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.intake_file import IntakeFile
        from ..models.intake_item_suggestions import IntakeItemSuggestions
        from ..models.intake_rule_fields import IntakeRuleFields

        d = dict(src_dict)
        body = d.pop("body", UNSET)

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        def _parse_decided_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_by_type_0 = UUID(data)

                return decided_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        decided_by = _parse_decided_by(d.pop("decided_by", UNSET))

        def _parse_discard_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        discard_reason = _parse_discard_reason(d.pop("discard_reason", UNSET))

        def _parse_document_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_id_type_0 = UUID(data)

                return document_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        document_id = _parse_document_id(d.pop("document_id", UNSET))

        def _parse_document_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_number = _parse_document_number(d.pop("document_number", UNSET))

        _files = d.pop("files", UNSET)
        files: list[IntakeFile] | Unset = UNSET
        if _files is not UNSET:
            files = []
            for files_item_data in _files:
                files_item = IntakeFile.from_dict(files_item_data)

                files.append(files_item)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))

        _received_at = d.pop("received_at", UNSET)
        received_at: datetime.datetime | Unset
        if isinstance(_received_at, Unset):
            received_at = UNSET
        else:
            received_at = datetime.datetime.fromisoformat(_received_at)

        _rule = d.pop("rule", UNSET)
        rule: IntakeRuleFields | Unset
        if isinstance(_rule, Unset):
            rule = UNSET
        else:
            rule = IntakeRuleFields.from_dict(_rule)

        def _parse_sender_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sender_email = _parse_sender_email(d.pop("sender_email", UNSET))

        def _parse_sender_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sender_name = _parse_sender_name(d.pop("sender_name", UNSET))

        _source_id = d.pop("source_id", UNSET)
        source_id: UUID | Unset
        if isinstance(_source_id, Unset):
            source_id = UNSET
        else:
            source_id = UUID(_source_id)

        source_kind = d.pop("source_kind", UNSET)

        source_name = d.pop("source_name", UNSET)

        status = d.pop("status", UNSET)

        subject = d.pop("subject", UNSET)

        _suggestions = d.pop("suggestions", UNSET)
        suggestions: IntakeItemSuggestions | Unset
        if isinstance(_suggestions, Unset):
            suggestions = UNSET
        else:
            suggestions = IntakeItemSuggestions.from_dict(_suggestions)

        text = d.pop("text", UNSET)

        texts_pending = d.pop("texts_pending", UNSET)

        intake_item = cls(
            body=body,
            decided_at=decided_at,
            decided_by=decided_by,
            discard_reason=discard_reason,
            document_id=document_id,
            document_number=document_number,
            files=files,
            id=id,
            last_error=last_error,
            received_at=received_at,
            rule=rule,
            sender_email=sender_email,
            sender_name=sender_name,
            source_id=source_id,
            source_kind=source_kind,
            source_name=source_name,
            status=status,
            subject=subject,
            suggestions=suggestions,
            text=text,
            texts_pending=texts_pending,
        )

        return intake_item
