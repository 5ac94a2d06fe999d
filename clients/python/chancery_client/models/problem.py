from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.problem_errors import ProblemErrors


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """
    Attributes:
        code (int | Unset): Extension: the HTTP status again (as before problem details).
        detail (str | Unset): What went wrong with this request, in words.
        errors (ProblemErrors | Unset): Extension: by location (`json`, `query`, `form`, `files`), each field with what
            is wrong with it.
        instance (str | Unset): The path that was asked for.
        message (str | Unset): Extension: the detail again (as before problem details).
        request_id (str | Unset): Extension: the request's correlation id (X-Request-ID), to quote to the operators.
        status (int | Unset): The HTTP status.
        title (str | Unset): Short summary of the kind of problem.
        type_ (str | Unset): URI of the kind of problem; GET it for what it means (`about:blank` for a status with no
            kind of its own).
    """

    code: int | Unset = UNSET
    detail: str | Unset = UNSET
    errors: ProblemErrors | Unset = UNSET
    instance: str | Unset = UNSET
    message: str | Unset = UNSET
    request_id: str | Unset = UNSET
    status: int | Unset = UNSET
    title: str | Unset = UNSET
    type_: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        detail = self.detail

        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()

        instance = self.instance

        message = self.message

        request_id = self.request_id

        status = self.status

        title = self.title

        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if detail is not UNSET:
            field_dict["detail"] = detail
        if errors is not UNSET:
            field_dict["errors"] = errors
        if instance is not UNSET:
            field_dict["instance"] = instance
        if message is not UNSET:
            field_dict["message"] = message
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.problem_errors import ProblemErrors

        d = dict(src_dict)
        code = d.pop("code", UNSET)

        detail = d.pop("detail", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: ProblemErrors | Unset
        if isinstance(_errors, Unset):
            errors = UNSET
        else:
            errors = ProblemErrors.from_dict(_errors)

        instance = d.pop("instance", UNSET)

        message = d.pop("message", UNSET)

        request_id = d.pop("request_id", UNSET)

        status = d.pop("status", UNSET)

        title = d.pop("title", UNSET)

        type_ = d.pop("type", UNSET)

        problem = cls(
            code=code,
            detail=detail,
            errors=errors,
            instance=instance,
            message=message,
            request_id=request_id,
            status=status,
            title=title,
            type_=type_,
        )

        return problem
