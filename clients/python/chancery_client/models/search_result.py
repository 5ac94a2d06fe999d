from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.search_groups import SearchGroups
    from ..models.search_result_totals import SearchResultTotals
    from ..models.unavailable_part import UnavailablePart


T = TypeVar("T", bound="SearchResult")


@_attrs_define
class SearchResult:
    """
    Attributes:
        groups (SearchGroups | Unset):
        query (str | Unset):
        totals (SearchResultTotals | Unset): how many match in all, per kind (null: that service did not answer)
        unavailable (list[UnavailablePart] | Unset): services that did not answer in time; their kinds are empty
    """

    groups: SearchGroups | Unset = UNSET
    query: str | Unset = UNSET
    totals: SearchResultTotals | Unset = UNSET
    unavailable: list[UnavailablePart] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        groups: dict[str, Any] | Unset = UNSET
        if not isinstance(self.groups, Unset):
            groups = self.groups.to_dict()

        query = self.query

        totals: dict[str, Any] | Unset = UNSET
        if not isinstance(self.totals, Unset):
            totals = self.totals.to_dict()

        unavailable: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.unavailable, Unset):
            unavailable = []
            for unavailable_item_data in self.unavailable:
                unavailable_item = unavailable_item_data.to_dict()
                unavailable.append(unavailable_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if groups is not UNSET:
            field_dict["groups"] = groups
        if query is not UNSET:
            field_dict["query"] = query
        if totals is not UNSET:
            field_dict["totals"] = totals
        if unavailable is not UNSET:
            field_dict["unavailable"] = unavailable

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.search_groups import SearchGroups
        from ..models.search_result_totals import SearchResultTotals
        from ..models.unavailable_part import UnavailablePart

        d = dict(src_dict)
        _groups = d.pop("groups", UNSET)
        groups: SearchGroups | Unset
        if isinstance(_groups, Unset):
            groups = UNSET
        else:
            groups = SearchGroups.from_dict(_groups)

        query = d.pop("query", UNSET)

        _totals = d.pop("totals", UNSET)
        totals: SearchResultTotals | Unset
        if isinstance(_totals, Unset):
            totals = UNSET
        else:
            totals = SearchResultTotals.from_dict(_totals)

        _unavailable = d.pop("unavailable", UNSET)
        unavailable: list[UnavailablePart] | Unset = UNSET
        if _unavailable is not UNSET:
            unavailable = []
            for unavailable_item_data in _unavailable:
                unavailable_item = UnavailablePart.from_dict(unavailable_item_data)

                unavailable.append(unavailable_item)

        search_result = cls(
            groups=groups,
            query=query,
            totals=totals,
            unavailable=unavailable,
        )

        return search_result
