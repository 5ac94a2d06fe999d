from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.execution_terms_we_are import ExecutionTermsWeAre

T = TypeVar("T", bound="ExecutionTerms")


@_attrs_define
class ExecutionTerms:
    """
    Attributes:
        we_are (ExecutionTermsWeAre): supplier: the counterparty pays us; customer: we pay the counterparty
    """

    we_are: ExecutionTermsWeAre

    def to_dict(self) -> dict[str, Any]:
        we_are = self.we_are.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "we_are": we_are,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        we_are = ExecutionTermsWeAre(d.pop("we_are"))

        execution_terms = cls(
            we_are=we_are,
        )

        return execution_terms
