from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.registration_list import RegistrationList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    journal_id: UUID,
    *,
    year: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["year"] = year

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/journals/{journal_id}/numbers".format(
            journal_id=quote(str(journal_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RegistrationList | None:
    if response.status_code == 200:
        response_200 = RegistrationList.from_dict(response.json())

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
) -> Response[Problem | RegistrationList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    journal_id: UUID,
    *,
    client: AuthenticatedClient,
    year: int | Unset = UNSET,
) -> Response[Problem | RegistrationList]:
    """Every number the journal gave out in a year, in order: reserved, registered or cancelled.

    Args:
        journal_id (UUID):
        year (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegistrationList]
    """

    kwargs = _get_kwargs(
        journal_id=journal_id,
        year=year,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    journal_id: UUID,
    *,
    client: AuthenticatedClient,
    year: int | Unset = UNSET,
) -> Problem | RegistrationList | None:
    """Every number the journal gave out in a year, in order: reserved, registered or cancelled.

    Args:
        journal_id (UUID):
        year (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegistrationList
    """

    return sync_detailed(
        journal_id=journal_id,
        client=client,
        year=year,
    ).parsed


async def asyncio_detailed(
    journal_id: UUID,
    *,
    client: AuthenticatedClient,
    year: int | Unset = UNSET,
) -> Response[Problem | RegistrationList]:
    """Every number the journal gave out in a year, in order: reserved, registered or cancelled.

    Args:
        journal_id (UUID):
        year (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegistrationList]
    """

    kwargs = _get_kwargs(
        journal_id=journal_id,
        year=year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    journal_id: UUID,
    *,
    client: AuthenticatedClient,
    year: int | Unset = UNSET,
) -> Problem | RegistrationList | None:
    """Every number the journal gave out in a year, in order: reserved, registered or cancelled.

    Args:
        journal_id (UUID):
        year (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegistrationList
    """

    return (
        await asyncio_detailed(
            journal_id=journal_id,
            client=client,
            year=year,
        )
    ).parsed
