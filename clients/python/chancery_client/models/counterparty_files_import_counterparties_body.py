from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.counterparty_files_import_counterparties_body_mode import (
    CounterpartyFilesImportCounterpartiesBodyMode,
)
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="CounterpartyFilesImportCounterpartiesBody")


@_attrs_define
class CounterpartyFilesImportCounterpartiesBody:
    """
    Attributes:
        file (File): CSV (; , or tab separated; UTF-8 with or without BOM, or Windows-1251: detected) or XLSX; the first
            row names the columns
        allow_partial (bool | Unset): import the good rows even if others have errors Default: False.
        dry_run (bool | Unset): report only, change nothing Default: False.
        mode (CounterpartyFilesImportCounterpartiesBodyMode | Unset): what a row duplicating an existing counterparty
            does Default: CounterpartyFilesImportCounterpartiesBodyMode.SKIP.
    """

    file: File
    allow_partial: bool | Unset = False
    dry_run: bool | Unset = False
    mode: CounterpartyFilesImportCounterpartiesBodyMode | Unset = (
        CounterpartyFilesImportCounterpartiesBodyMode.SKIP
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        allow_partial = self.allow_partial

        dry_run = self.dry_run

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
            }
        )
        if allow_partial is not UNSET:
            field_dict["allow_partial"] = allow_partial
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run
        if mode is not UNSET:
            field_dict["mode"] = mode

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        if not isinstance(self.allow_partial, Unset):
            files.append(
                (
                    "allow_partial",
                    (None, str(self.allow_partial).encode(), "text/plain"),
                )
            )

        if not isinstance(self.dry_run, Unset):
            files.append(("dry_run", (None, str(self.dry_run).encode(), "text/plain")))

        if not isinstance(self.mode, Unset):
            files.append(("mode", (None, str(self.mode.value).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        allow_partial = d.pop("allow_partial", UNSET)

        dry_run = d.pop("dry_run", UNSET)

        _mode = d.pop("mode", UNSET)
        mode: CounterpartyFilesImportCounterpartiesBodyMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = CounterpartyFilesImportCounterpartiesBodyMode(_mode)

        counterparty_files_import_counterparties_body = cls(
            file=file,
            allow_partial=allow_partial,
            dry_run=dry_run,
            mode=mode,
        )

        counterparty_files_import_counterparties_body.additional_properties = d
        return counterparty_files_import_counterparties_body

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
