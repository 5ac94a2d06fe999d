from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dead_letter_list import DeadLetterList
from ...models.dead_letters_list_dead_letters_kind import DeadLettersListDeadLettersKind
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: DeadLettersListDeadLettersKind
    | Unset = DeadLettersListDeadLettersKind.EVENTS,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/dead-letters/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeadLetterList | Problem | None:
    if response.status_code == 200:
        response_200 = DeadLetterList.from_dict(response.json())

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
) -> Response[DeadLetterList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: DeadLettersListDeadLettersKind
    | Unset = DeadLettersListDeadLettersKind.EVENTS,
    limit: int | Unset = 100,
) -> Response[DeadLetterList | Problem]:
    """Dead letters oldest first; they stay where they are.

    Args:
        kind (DeadLettersListDeadLettersKind | Unset):  Default:
            DeadLettersListDeadLettersKind.EVENTS.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeadLetterList | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    kind: DeadLettersListDeadLettersKind
    | Unset = DeadLettersListDeadLettersKind.EVENTS,
    limit: int | Unset = 100,
) -> DeadLetterList | Problem | None:
    """Dead letters oldest first; they stay where they are.

    Args:
        kind (DeadLettersListDeadLettersKind | Unset):  Default:
            DeadLettersListDeadLettersKind.EVENTS.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeadLetterList | Problem
    """

    return sync_detailed(
        client=client,
        kind=kind,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: DeadLettersListDeadLettersKind
    | Unset = DeadLettersListDeadLettersKind.EVENTS,
    limit: int | Unset = 100,
) -> Response[DeadLetterList | Problem]:
    """Dead letters oldest first; they stay where they are.

    Args:
        kind (DeadLettersListDeadLettersKind | Unset):  Default:
            DeadLettersListDeadLettersKind.EVENTS.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeadLetterList | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: DeadLettersListDeadLettersKind
    | Unset = DeadLettersListDeadLettersKind.EVENTS,
    limit: int | Unset = 100,
) -> DeadLetterList | Problem | None:
    """Dead letters oldest first; they stay where they are.

    Args:
        kind (DeadLettersListDeadLettersKind | Unset):  Default:
            DeadLettersListDeadLettersKind.EVENTS.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeadLetterList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            limit=limit,
        )
    ).parsed
