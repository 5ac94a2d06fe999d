import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agenda import Agenda
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    date: datetime.date | Unset = UNSET,
    tz: str | Unset = "UTC",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_date: str | Unset = UNSET
    if not isinstance(date, Unset):
        json_date = date.isoformat()
    params["date"] = json_date

    params["tz"] = tz

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/activities/agenda",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Agenda | Problem | None:
    if response.status_code == 200:
        response_200 = Agenda.from_dict(response.json())

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
) -> Response[Agenda | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    date: datetime.date | Unset = UNSET,
    tz: str | Unset = "UTC",
) -> Response[Agenda | Problem]:
    """My planned activities of one day grouped by kind, and the overdue ones (with those of
    colleagues I deputise for while they are away, marked ``on_behalf_of``).

    Args:
        date (datetime.date | Unset):
        tz (str | Unset):  Default: 'UTC'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Agenda | Problem]
    """

    kwargs = _get_kwargs(
        date=date,
        tz=tz,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    date: datetime.date | Unset = UNSET,
    tz: str | Unset = "UTC",
) -> Agenda | Problem | None:
    """My planned activities of one day grouped by kind, and the overdue ones (with those of
    colleagues I deputise for while they are away, marked ``on_behalf_of``).

    Args:
        date (datetime.date | Unset):
        tz (str | Unset):  Default: 'UTC'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Agenda | Problem
    """

    return sync_detailed(
        client=client,
        date=date,
        tz=tz,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    date: datetime.date | Unset = UNSET,
    tz: str | Unset = "UTC",
) -> Response[Agenda | Problem]:
    """My planned activities of one day grouped by kind, and the overdue ones (with those of
    colleagues I deputise for while they are away, marked ``on_behalf_of``).

    Args:
        date (datetime.date | Unset):
        tz (str | Unset):  Default: 'UTC'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Agenda | Problem]
    """

    kwargs = _get_kwargs(
        date=date,
        tz=tz,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    date: datetime.date | Unset = UNSET,
    tz: str | Unset = "UTC",
) -> Agenda | Problem | None:
    """My planned activities of one day grouped by kind, and the overdue ones (with those of
    colleagues I deputise for while they are away, marked ``on_behalf_of``).

    Args:
        date (datetime.date | Unset):
        tz (str | Unset):  Default: 'UTC'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Agenda | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            date=date,
            tz=tz,
        )
    ).parsed
