from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.negotiation_stage_ref import NegotiationStageRef


T = TypeVar("T", bound="Negotiation")


@_attrs_define
class Negotiation:
    """
    Attributes:
        currency (None | str | Unset): the expected amount's currency, ISO 4217 (three capital letters: RUB, USD,
            EUR...)
        current_stage (NegotiationStageRef | None | Unset):
        expected_amount (None | str | Unset): the deal's expected amount: above 0, below 10^16; goes with `currency`
            Example: 1500000.00.
        expected_close_on (datetime.date | None | Unset): when the deal is expected to close
        stage_since (datetime.datetime | None | Unset): when the counterparty entered its current stage (the note that
            moved it there)
        updated_at (datetime.datetime | None | Unset):
        updated_by (None | Unset | UUID): who last set the deal
    """

    currency: None | str | Unset = UNSET
    current_stage: NegotiationStageRef | None | Unset = UNSET
    expected_amount: None | str | Unset = UNSET
    expected_close_on: datetime.date | None | Unset = UNSET
    stage_since: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    updated_by: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.negotiation_stage_ref import NegotiationStageRef

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        current_stage: dict[str, Any] | None | Unset
        if isinstance(self.current_stage, Unset):
            current_stage = UNSET
        elif isinstance(self.current_stage, NegotiationStageRef):
            current_stage = self.current_stage.to_dict()
        else:
            current_stage = self.current_stage

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

        stage_since: None | str | Unset
        if isinstance(self.stage_since, Unset):
            stage_since = UNSET
        elif isinstance(self.stage_since, datetime.datetime):
            stage_since = self.stage_since.isoformat()
        else:
            stage_since = self.stage_since

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        updated_by: None | str | Unset
        if isinstance(self.updated_by, Unset):
            updated_by = UNSET
        elif isinstance(self.updated_by, UUID):
            updated_by = str(self.updated_by)
        else:
            updated_by = self.updated_by

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if currency is not UNSET:
            field_dict["currency"] = currency
        if current_stage is not UNSET:
            field_dict["current_stage"] = current_stage
        if expected_amount is not UNSET:
            field_dict["expected_amount"] = expected_amount
        if expected_close_on is not UNSET:
            field_dict["expected_close_on"] = expected_close_on
        if stage_since is not UNSET:
            field_dict["stage_since"] = stage_since
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if updated_by is not UNSET:
            field_dict["updated_by"] = updated_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.negotiation_stage_ref import NegotiationStageRef

        d = dict(src_dict)

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_current_stage(data: object) -> NegotiationStageRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_stage_type_1 = NegotiationStageRef.from_dict(data)

                return current_stage_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NegotiationStageRef | None | Unset, data)

        current_stage = _parse_current_stage(d.pop("current_stage", UNSET))

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

        def _parse_stage_since(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_since_type_0 = datetime.datetime.fromisoformat(data)

                return stage_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        stage_since = _parse_stage_since(d.pop("stage_since", UNSET))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        def _parse_updated_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_by_type_0 = UUID(data)

                return updated_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        updated_by = _parse_updated_by(d.pop("updated_by", UNSET))

        negotiation = cls(
            currency=currency,
            current_stage=current_stage,
            expected_amount=expected_amount,
            expected_close_on=expected_close_on,
            stage_since=stage_since,
            updated_at=updated_at,
            updated_by=updated_by,
        )

        return negotiation
