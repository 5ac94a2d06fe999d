from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.counterparty_merge_request_fields_additional_property import (
    CounterpartyMergeRequestFieldsAdditionalProperty,
)

T = TypeVar("T", bound="CounterpartyMergeRequestFields")


@_attrs_define
class CounterpartyMergeRequestFields:
    """card field -> survivor|merged: whose value stays (default: the survivor's, the merged one's where the survivor has
    none; notes are joined)

    """

    additional_properties: dict[
        str, CounterpartyMergeRequestFieldsAdditionalProperty
    ] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        counterparty_merge_request_fields = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = CounterpartyMergeRequestFieldsAdditionalProperty(
                prop_dict
            )

            additional_properties[prop_name] = additional_property

        counterparty_merge_request_fields.additional_properties = additional_properties
        return counterparty_merge_request_fields

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> CounterpartyMergeRequestFieldsAdditionalProperty:
        return self.additional_properties[key]

    def __setitem__(
        self, key: str, value: CounterpartyMergeRequestFieldsAdditionalProperty
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
