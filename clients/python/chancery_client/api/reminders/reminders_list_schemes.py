from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.reminder_scheme_list import ReminderSchemeList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    document_type_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_document_type_id: str | Unset = UNSET
    if not isinstance(document_type_id, Unset):
        json_document_type_id = str(document_type_id)
    params["document_type_id"] = json_document_type_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reminder-schemes/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReminderSchemeList | None:
    if response.status_code == 200:
        response_200 = ReminderSchemeList.from_dict(response.json())

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
) -> Response[Problem | ReminderSchemeList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    document_type_id: UUID | Unset = UNSET,
) -> Response[Problem | ReminderSchemeList]:
    """
    Args:
        document_type_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReminderSchemeList]
    """

    kwargs = _get_kwargs(
        document_type_id=document_type_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    document_type_id: UUID | Unset = UNSET,
) -> Problem | ReminderSchemeList | None:
    """
    Args:
        document_type_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReminderSchemeList
    """

    return sync_detailed(
        client=client,
        document_type_id=document_type_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    document_type_id: UUID | Unset = UNSET,
) -> Response[Problem | ReminderSchemeList]:
    """
    Args:
        document_type_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReminderSchemeList]
    """

    kwargs = _get_kwargs(
        document_type_id=document_type_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    document_type_id: UUID | Unset = UNSET,
) -> Problem | ReminderSchemeList | None:
    """
    Args:
        document_type_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReminderSchemeList
    """

    return (
        await asyncio_detailed(
            client=client,
            document_type_id=document_type_id,
        )
    ).parsed
