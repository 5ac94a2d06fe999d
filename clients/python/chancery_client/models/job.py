from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_params import JobParams
    from ..models.job_report_type_0 import JobReportType0


T = TypeVar("T", bound="Job")


@_attrs_define
class Job:
    """
    Attributes:
        attempts (int | Unset): how many times a worker took it up (again after a worker's process died)
        cancel_requested (bool | Unset):
        created_at (str | Unset):
        created_by (UUID | Unset):
        error (None | str | Unset):
        expires_at (None | str | Unset): when the file is removed
        finished_at (None | str | Unset):
        has_result_file (bool | Unset):
        id (UUID | Unset):
        kind (str | Unset): counterparties_export, contact_persons_export, documents_export, counterparties_import,
            employees_import, personal_data_export
        language (str | Unset): the requester's language when it was started (en, ru): the file's headers
        params (JobParams | Unset): what it was asked to do (an import's rows left out)
        progress_done (int | Unset): rows (or steps) done so far
        progress_total (int | None | Unset): rows (or steps) in all, once known
        report (JobReportType0 | None | Unset): an import's report (counts, how the file was read, per row the action
            and errors: POST /counterparties/import and /employees/import describe theirs; `row_errors` and `errors` when
            the service refused the file); an export's {rows}
        result_content_type (None | str | Unset):
        result_expired (bool | Unset):
        result_filename (None | str | Unset):
        result_size (int | None | Unset):
        result_url (None | str | Unset): GET it for the file while it is kept
        started_at (None | str | Unset):
        state (str | Unset): queued, running, done, failed or cancelled
    """

    attempts: int | Unset = UNSET
    cancel_requested: bool | Unset = UNSET
    created_at: str | Unset = UNSET
    created_by: UUID | Unset = UNSET
    error: None | str | Unset = UNSET
    expires_at: None | str | Unset = UNSET
    finished_at: None | str | Unset = UNSET
    has_result_file: bool | Unset = UNSET
    id: UUID | Unset = UNSET
    kind: str | Unset = UNSET
    language: str | Unset = UNSET
    params: JobParams | Unset = UNSET
    progress_done: int | Unset = UNSET
    progress_total: int | None | Unset = UNSET
    report: JobReportType0 | None | Unset = UNSET
    result_content_type: None | str | Unset = UNSET
    result_expired: bool | Unset = UNSET
    result_filename: None | str | Unset = UNSET
    result_size: int | None | Unset = UNSET
    result_url: None | str | Unset = UNSET
    started_at: None | str | Unset = UNSET
    state: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.job_report_type_0 import JobReportType0

        attempts = self.attempts

        cancel_requested = self.cancel_requested

        created_at = self.created_at

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        else:
            finished_at = self.finished_at

        has_result_file = self.has_result_file

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        kind = self.kind

        language = self.language

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        progress_done = self.progress_done

        progress_total: int | None | Unset
        if isinstance(self.progress_total, Unset):
            progress_total = UNSET
        else:
            progress_total = self.progress_total

        report: dict[str, Any] | None | Unset
        if isinstance(self.report, Unset):
            report = UNSET
        elif isinstance(self.report, JobReportType0):
            report = self.report.to_dict()
        else:
            report = self.report

        result_content_type: None | str | Unset
        if isinstance(self.result_content_type, Unset):
            result_content_type = UNSET
        else:
            result_content_type = self.result_content_type

        result_expired = self.result_expired

        result_filename: None | str | Unset
        if isinstance(self.result_filename, Unset):
            result_filename = UNSET
        else:
            result_filename = self.result_filename

        result_size: int | None | Unset
        if isinstance(self.result_size, Unset):
            result_size = UNSET
        else:
            result_size = self.result_size

        result_url: None | str | Unset
        if isinstance(self.result_url, Unset):
            result_url = UNSET
        else:
            result_url = self.result_url

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        else:
            started_at = self.started_at

        state = self.state

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if attempts is not UNSET:
            field_dict["attempts"] = attempts
        if cancel_requested is not UNSET:
            field_dict["cancel_requested"] = cancel_requested
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if error is not UNSET:
            field_dict["error"] = error
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if has_result_file is not UNSET:
            field_dict["has_result_file"] = has_result_file
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if language is not UNSET:
            field_dict["language"] = language
        if params is not UNSET:
            field_dict["params"] = params
        if progress_done is not UNSET:
            field_dict["progress_done"] = progress_done
        if progress_total is not UNSET:
            field_dict["progress_total"] = progress_total
        if report is not UNSET:
            field_dict["report"] = report
        if result_content_type is not UNSET:
            field_dict["result_content_type"] = result_content_type
        if result_expired is not UNSET:
            field_dict["result_expired"] = result_expired
        if result_filename is not UNSET:
            field_dict["result_filename"] = result_filename
        if result_size is not UNSET:
            field_dict["result_size"] = result_size
        if result_url is not UNSET:
            field_dict["result_url"] = result_url
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if state is not UNSET:
            field_dict["state"] = state

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.job_params import JobParams
        from ..models.job_report_type_0 import JobReportType0

        d = dict(src_dict)
        attempts = d.pop("attempts", UNSET)

        cancel_requested = d.pop("cancel_requested", UNSET)

        created_at = d.pop("created_at", UNSET)

        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_expires_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        def _parse_finished_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        has_result_file = d.pop("has_result_file", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        kind = d.pop("kind", UNSET)

        language = d.pop("language", UNSET)

        _params = d.pop("params", UNSET)
        params: JobParams | Unset
        if isinstance(_params, Unset):
            params = UNSET
        else:
            params = JobParams.from_dict(_params)

        progress_done = d.pop("progress_done", UNSET)

        def _parse_progress_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        progress_total = _parse_progress_total(d.pop("progress_total", UNSET))

        def _parse_report(data: object) -> JobReportType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                report_type_0 = JobReportType0.from_dict(data)

                return report_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobReportType0 | None | Unset, data)

        report = _parse_report(d.pop("report", UNSET))

        def _parse_result_content_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_content_type = _parse_result_content_type(
            d.pop("result_content_type", UNSET)
        )

        result_expired = d.pop("result_expired", UNSET)

        def _parse_result_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_filename = _parse_result_filename(d.pop("result_filename", UNSET))

        def _parse_result_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        result_size = _parse_result_size(d.pop("result_size", UNSET))

        def _parse_result_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_url = _parse_result_url(d.pop("result_url", UNSET))

        def _parse_started_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        state = d.pop("state", UNSET)

        job = cls(
            attempts=attempts,
            cancel_requested=cancel_requested,
            created_at=created_at,
            created_by=created_by,
            error=error,
            expires_at=expires_at,
            finished_at=finished_at,
            has_result_file=has_result_file,
            id=id,
            kind=kind,
            language=language,
            params=params,
            progress_done=progress_done,
            progress_total=progress_total,
            report=report,
            result_content_type=result_content_type,
            result_expired=result_expired,
            result_filename=result_filename,
            result_size=result_size,
            result_url=result_url,
            started_at=started_at,
            state=state,
        )

        return job
