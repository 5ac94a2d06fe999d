from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TwoFactorEnrolment")


@_attrs_define
class TwoFactorEnrolment:
    """
    Attributes:
        otpauth_uri (str | Unset): what the QR code holds
        qr_code_url (str | Unset): the QR code as SVG
        secret (str | Unset): base32, for typing into the app by hand
    """

    otpauth_uri: str | Unset = UNSET
    qr_code_url: str | Unset = UNSET
    secret: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        otpauth_uri = self.otpauth_uri

        qr_code_url = self.qr_code_url

        secret = self.secret

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if otpauth_uri is not UNSET:
            field_dict["otpauth_uri"] = otpauth_uri
        if qr_code_url is not UNSET:
            field_dict["qr_code_url"] = qr_code_url
        if secret is not UNSET:
            field_dict["secret"] = secret

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        otpauth_uri = d.pop("otpauth_uri", UNSET)

        qr_code_url = d.pop("qr_code_url", UNSET)

        secret = d.pop("secret", UNSET)

        two_factor_enrolment = cls(
            otpauth_uri=otpauth_uri,
            qr_code_url=qr_code_url,
            secret=secret,
        )

        return two_factor_enrolment
