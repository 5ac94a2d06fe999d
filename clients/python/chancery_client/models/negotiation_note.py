from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.negotiation_stage_ref import NegotiationStageRef


T = TypeVar("T", bound="NegotiationNote")


@_attrs_define
class NegotiationNote:
    """
    Attributes:
        stage_id (UUID): a value of the negotiation_stage reference book
        text (str):
        author_id (UUID | Unset):
        client_priorities (None | str | Unset): what matters to the client
        counterparty_id (UUID | Unset):
        currency (None | str | Unset): the expected amount's currency, ISO 4217 (three capital letters: RUB, USD,
            EUR...)
        decided (None | str | Unset): what was agreed
        expected_amount (None | str | Unset): the deal's expected amount: above 0, below 10^16; goes with `currency`
            Example: 1500000.00.
        expected_close_on (datetime.date | None | Unset): when the deal is expected to close
        id (UUID | Unset):
        noted_at (str | Unset):
        stage (NegotiationStageRef | Unset):
    """

    stage_id: UUID
    text: str
    author_id: UUID | Unset = UNSET
    client_priorities: None | str | Unset = UNSET
    counterparty_id: UUID | Unset = UNSET
    currency: None | str | Unset = UNSET
    decided: None | str | Unset = UNSET
    expected_amount: None | str | Unset = UNSET
    expected_close_on: datetime.date | None | Unset = UNSET
    id: UUID | Unset = UNSET
    noted_at: str | Unset = UNSET
    stage: NegotiationStageRef | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        stage_id = str(self.stage_id)

        text = self.text

        author_id: str | Unset = UNSET
        if not isinstance(self.author_id, Unset):
            author_id = str(self.author_id)

        client_priorities: None | str | Unset
        if isinstance(self.client_priorities, Unset):
            client_priorities = UNSET
        else:
            client_priorities = self.client_priorities

        counterparty_id: str | Unset = UNSET
        if not isinstance(self.counterparty_id, Unset):
            counterparty_id = str(self.counterparty_id)

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        decided: None | str | Unset
        if isinstance(self.decided, Unset):
            decided = UNSET
        else:
            decided = self.decided

        expected_amount: None | str | Unset
        if isinstance(self.expected_amount, Unset):
            expected_amount = UNSET
        else:
            expected_amount = self.expected_amount

        expected_close_on: None | str | Unset
        if isinstance(self.expected_close_on, Unset):
            expected_close_on = UNSET
        elif isinstance(self.expected_close_on, datetime.date):
            expected_close_on = self.expected_close_on.isoformat()
        else:
            expected_close_on = self.expected_close_on

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        noted_at = self.noted_at

        stage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stage, Unset):
            stage = self.stage.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "stage_id": stage_id,
                "text": text,
            }
        )
        if author_id is not UNSET:
            field_dict["author_id"] = author_id
        if client_priorities is not UNSET:
            field_dict["client_priorities"] = client_priorities
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if currency is not UNSET:
            field_dict["currency"] = currency
        if decided is not UNSET:
            field_dict["decided"] = decided
        if expected_amount is not UNSET:
            field_dict["expected_amount"] = expected_amount
        if expected_close_on is not UNSET:
            field_dict["expected_close_on"] = expected_close_on
        if id is not UNSET:
            field_dict["id"] = id
        if noted_at is not UNSET:
            field_dict["noted_at"] = noted_at
        if stage is not UNSET:
            field_dict["stage"] = stage

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.negotiation_stage_ref import NegotiationStageRef

        d = dict(src_dict)
        stage_id = UUID(d.pop("stage_id"))

        text = d.pop("text")

        _author_id = d.pop("author_id", UNSET)
        author_id: UUID | Unset
        if isinstance(_author_id, Unset):
            author_id = UNSET
        else:
            author_id = UUID(_author_id)

        def _parse_client_priorities(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_priorities = _parse_client_priorities(d.pop("client_priorities", UNSET))

        _counterparty_id = d.pop("counterparty_id", UNSET)
        counterparty_id: UUID | Unset
        if isinstance(_counterparty_id, Unset):
            counterparty_id = UNSET
        else:
            counterparty_id = UUID(_counterparty_id)

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_decided(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided = _parse_decided(d.pop("decided", UNSET))

        def _parse_expected_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expected_amount = _parse_expected_amount(d.pop("expected_amount", UNSET))

        def _parse_expected_close_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_close_on_type_0 = datetime.date.fromisoformat(data)

                return expected_close_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expected_close_on = _parse_expected_close_on(d.pop("expected_close_on", UNSET))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        noted_at = d.pop("noted_at", UNSET)

        _stage = d.pop("stage", UNSET)
        stage: NegotiationStageRef | Unset
        if isinstance(_stage, Unset):
            stage = UNSET
        else:
            stage = NegotiationStageRef.from_dict(_stage)

        negotiation_note = cls(
            stage_id=stage_id,
            text=text,
            author_id=author_id,
            client_priorities=client_priorities,
            counterparty_id=counterparty_id,
            currency=currency,
            decided=decided,
            expected_amount=expected_amount,
            expected_close_on=expected_close_on,
            id=id,
            noted_at=noted_at,
            stage=stage,
        )

        return negotiation_note
