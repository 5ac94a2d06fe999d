from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_person_list import ContactPersonList
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    counterparty_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/counterparties/{counterparty_id}/contact-persons/".format(
            counterparty_id=quote(str(counterparty_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactPersonList | Problem | None:
    if response.status_code == 200:
        response_200 = ContactPersonList.from_dict(response.json())

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
) -> Response[ContactPersonList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    counterparty_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ContactPersonList | Problem]:
    """
    Args:
        counterparty_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPersonList | Problem]
    """

    kwargs = _get_kwargs(
        counterparty_id=counterparty_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    counterparty_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ContactPersonList | Problem | None:
    """
    Args:
        counterparty_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPersonList | Problem
    """

    return sync_detailed(
        counterparty_id=counterparty_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    counterparty_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ContactPersonList | Problem]:
    """
    Args:
        counterparty_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPersonList | Problem]
    """

    kwargs = _get_kwargs(
        counterparty_id=counterparty_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    counterparty_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ContactPersonList | Problem | None:
    """
    Args:
        counterparty_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPersonList | Problem
    """

    return (
        await asyncio_detailed(
            counterparty_id=counterparty_id,
            client=client,
        )
    ).parsed
