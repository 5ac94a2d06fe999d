from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.employees_import_employees_body import EmployeesImportEmployeesBody
from ...models.job import Job
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: EmployeesImportEmployeesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/employees/import",
    }

    if not isinstance(body, Unset):
        _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Job | Problem | None:
    if response.status_code == 202:
        response_202 = Job.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Job | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EmployeesImportEmployeesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Job | Problem]:
    """Start an import job (administrators): employees and departments from a CSV or XLSX file:
    columns full_name and email (required), department, position, phone, roles (codes or names,
    several separated by ';' or ','), or their Russian headers (ФИО, Эл. почта, Подразделение,
    Должность, Телефон, Роли). A file that cannot be read is a 422 at once naming it under
    `errors.json.file`. The job imports all rows or none: rows in error fail it, its report naming
    each row's problems under `row_errors` (a missing required column under `errors.file`). The
    done job's `report` has dry_run, applied, total_rows, failed, employees_created,
    employees_updated, departments_created, departments (the names created), unknown_columns
    (headers ignored), `file` (how the file was read: format, encoding, separator) and per row
    its row, action (create, update or error), full_name, email, department and errors.
    `dry_run` reports what would happen, row by row, and changes nothing.

    Args:
        idempotency_key (str | Unset):
        body (EmployeesImportEmployeesBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Job | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: EmployeesImportEmployeesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Job | Problem | None:
    """Start an import job (administrators): employees and departments from a CSV or XLSX file:
    columns full_name and email (required), department, position, phone, roles (codes or names,
    several separated by ';' or ','), or their Russian headers (ФИО, Эл. почта, Подразделение,
    Должность, Телефон, Роли). A file that cannot be read is a 422 at once naming it under
    `errors.json.file`. The job imports all rows or none: rows in error fail it, its report naming
    each row's problems under `row_errors` (a missing required column under `errors.file`). The
    done job's `report` has dry_run, applied, total_rows, failed, employees_created,
    employees_updated, departments_created, departments (the names created), unknown_columns
    (headers ignored), `file` (how the file was read: format, encoding, separator) and per row
    its row, action (create, update or error), full_name, email, department and errors.
    `dry_run` reports what would happen, row by row, and changes nothing.

    Args:
        idempotency_key (str | Unset):
        body (EmployeesImportEmployeesBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Job | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EmployeesImportEmployeesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Job | Problem]:
    """Start an import job (administrators): employees and departments from a CSV or XLSX file:
    columns full_name and email (required), department, position, phone, roles (codes or names,
    several separated by ';' or ','), or their Russian headers (ФИО, Эл. почта, Подразделение,
    Должность, Телефон, Роли). A file that cannot be read is a 422 at once naming it under
    `errors.json.file`. The job imports all rows or none: rows in error fail it, its report naming
    each row's problems under `row_errors` (a missing required column under `errors.file`). The
    done job's `report` has dry_run, applied, total_rows, failed, employees_created,
    employees_updated, departments_created, departments (the names created), unknown_columns
    (headers ignored), `file` (how the file was read: format, encoding, separator) and per row
    its row, action (create, update or error), full_name, email, department and errors.
    `dry_run` reports what would happen, row by row, and changes nothing.

    Args:
        idempotency_key (str | Unset):
        body (EmployeesImportEmployeesBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Job | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EmployeesImportEmployeesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Job | Problem | None:
    """Start an import job (administrators): employees and departments from a CSV or XLSX file:
    columns full_name and email (required), department, position, phone, roles (codes or names,
    several separated by ';' or ','), or their Russian headers (ФИО, Эл. почта, Подразделение,
    Должность, Телефон, Роли). A file that cannot be read is a 422 at once naming it under
    `errors.json.file`. The job imports all rows or none: rows in error fail it, its report naming
    each row's problems under `row_errors` (a missing required column under `errors.file`). The
    done job's `report` has dry_run, applied, total_rows, failed, employees_created,
    employees_updated, departments_created, departments (the names created), unknown_columns
    (headers ignored), `file` (how the file was read: format, encoding, separator) and per row
    its row, action (create, update or error), full_name, email, department and errors.
    `dry_run` reports what would happen, row by row, and changes nothing.

    Args:
        idempotency_key (str | Unset):
        body (EmployeesImportEmployeesBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Job | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
