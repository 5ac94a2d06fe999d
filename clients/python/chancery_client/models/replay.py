from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Replay")


@_attrs_define
class Replay:
    """
    Attributes:
        all_ (bool | Unset): replay every dead letter (of queue) Default: False.
        ids (list[str] | Unset): the dead letters to replay
        queue (str | Unset): only those that died in this queue
    """

    all_: bool | Unset = False
    ids: list[str] | Unset = UNSET
    queue: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        all_ = self.all_

        ids: list[str] | Unset = UNSET
        if not isinstance(self.ids, Unset):
            ids = self.ids

        queue = self.queue

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if all_ is not UNSET:
            field_dict["all"] = all_
        if ids is not UNSET:
            field_dict["ids"] = ids
        if queue is not UNSET:
            field_dict["queue"] = queue

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        all_ = d.pop("all", UNSET)

        ids = cast(list[str], d.pop("ids", UNSET))

        queue = d.pop("queue", UNSET)

        replay = cls(
            all_=all_,
            ids=ids,
            queue=queue,
        )

        return replay
