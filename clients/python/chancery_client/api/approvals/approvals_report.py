import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.report import Report
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    department_id: UUID | Unset = UNSET,
    approver_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    json_department_id: str | Unset = UNSET
    if not isinstance(department_id, Unset):
        json_department_id = str(department_id)
    params["department_id"] = json_department_id

    json_approver_id: str | Unset = UNSET
    if not isinstance(approver_id, Unset):
        json_approver_id = str(approver_id)
    params["approver_id"] = json_approver_id

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/approvals/report",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Report | None:
    if response.status_code == 200:
        response_200 = Report.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Problem | Report]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    department_id: UUID | Unset = UNSET,
    approver_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[Problem | Report]:
    """Who held which documents for how long; overdue by employee and by department (directors and
    administrators see everyone, others themselves).

    Args:
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        department_id (UUID | Unset):
        approver_id (UUID | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Report]
    """

    kwargs = _get_kwargs(
        since=since,
        until=until,
        department_id=department_id,
        approver_id=approver_id,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    department_id: UUID | Unset = UNSET,
    approver_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Problem | Report | None:
    """Who held which documents for how long; overdue by employee and by department (directors and
    administrators see everyone, others themselves).

    Args:
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        department_id (UUID | Unset):
        approver_id (UUID | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Report
    """

    return sync_detailed(
        client=client,
        since=since,
        until=until,
        department_id=department_id,
        approver_id=approver_id,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    department_id: UUID | Unset = UNSET,
    approver_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[Problem | Report]:
    """Who held which documents for how long; overdue by employee and by department (directors and
    administrators see everyone, others themselves).

    Args:
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        department_id (UUID | Unset):
        approver_id (UUID | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Report]
    """

    kwargs = _get_kwargs(
        since=since,
        until=until,
        department_id=department_id,
        approver_id=approver_id,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    department_id: UUID | Unset = UNSET,
    approver_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Problem | Report | None:
    """Who held which documents for how long; overdue by employee and by department (directors and
    administrators see everyone, others themselves).

    Args:
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        department_id (UUID | Unset):
        approver_id (UUID | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Report
    """

    return (
        await asyncio_detailed(
            client=client,
            since=since,
            until=until,
            department_id=department_id,
            approver_id=approver_id,
            limit=limit,
        )
    ).parsed
