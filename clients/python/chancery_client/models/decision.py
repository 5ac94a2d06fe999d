from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.decision_decision import DecisionDecision
from ..types import UNSET, Unset

T = TypeVar("T", bound="Decision")


@_attrs_define
class Decision:
    """
    Attributes:
        decision (DecisionDecision):
        comment (None | str | Unset):
        delay_reason (None | str | Unset): required after the deadline
        remarks_file_id (None | Unset | UUID): a file of the document holding the remarks
        request_id (None | str | Unset): idempotency key: the same decision sent again counts once (without one, the
            request's Idempotency-Key header counts)
    """

    decision: DecisionDecision
    comment: None | str | Unset = UNSET
    delay_reason: None | str | Unset = UNSET
    remarks_file_id: None | Unset | UUID = UNSET
    request_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        delay_reason: None | str | Unset
        if isinstance(self.delay_reason, Unset):
            delay_reason = UNSET
        else:
            delay_reason = self.delay_reason

        remarks_file_id: None | str | Unset
        if isinstance(self.remarks_file_id, Unset):
            remarks_file_id = UNSET
        elif isinstance(self.remarks_file_id, UUID):
            remarks_file_id = str(self.remarks_file_id)
        else:
            remarks_file_id = self.remarks_file_id

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment
        if delay_reason is not UNSET:
            field_dict["delay_reason"] = delay_reason
        if remarks_file_id is not UNSET:
            field_dict["remarks_file_id"] = remarks_file_id
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        decision = DecisionDecision(d.pop("decision"))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_delay_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        delay_reason = _parse_delay_reason(d.pop("delay_reason", UNSET))

        def _parse_remarks_file_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                remarks_file_id_type_0 = UUID(data)

                return remarks_file_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        remarks_file_id = _parse_remarks_file_id(d.pop("remarks_file_id", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        decision = cls(
            decision=decision,
            comment=comment,
            delay_reason=delay_reason,
            remarks_file_id=remarks_file_id,
            request_id=request_id,
        )

        return decision
