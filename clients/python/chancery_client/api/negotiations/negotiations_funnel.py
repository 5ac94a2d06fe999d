import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funnel import Funnel
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    department_id: UUID | Unset = UNSET,
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/negotiations/funnel",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Funnel | Problem | None:
    if response.status_code == 200:
        response_200 = Funnel.from_dict(response.json())

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
) -> Response[Funnel | Problem]:
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
) -> Response[Funnel | Problem]:
    """The stage funnel of a period (at most 366 days) over the counterparties the caller sees: per stage,
    how
    many reached it and the share that went on to the next stage.

    Args:
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        department_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Funnel | Problem]
    """

    kwargs = _get_kwargs(
        since=since,
        until=until,
        department_id=department_id,
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
) -> Funnel | Problem | None:
    """The stage funnel of a period (at most 366 days) over the counterparties the caller sees: per stage,
    how
    many reached it and the share that went on to the next stage.

    Args:
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        department_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Funnel | Problem
    """

    return sync_detailed(
        client=client,
        since=since,
        until=until,
        department_id=department_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    department_id: UUID | Unset = UNSET,
) -> Response[Funnel | Problem]:
    """The stage funnel of a period (at most 366 days) over the counterparties the caller sees: per stage,
    how
    many reached it and the share that went on to the next stage.

    Args:
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        department_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Funnel | Problem]
    """

    kwargs = _get_kwargs(
        since=since,
        until=until,
        department_id=department_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    department_id: UUID | Unset = UNSET,
) -> Funnel | Problem | None:
    """The stage funnel of a period (at most 366 days) over the counterparties the caller sees: per stage,
    how
    many reached it and the share that went on to the next stage.

    Args:
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        department_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Funnel | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            since=since,
            until=until,
            department_id=department_id,
        )
    ).parsed
