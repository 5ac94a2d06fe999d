from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.reminder_page import ReminderPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    subject_type: str | Unset = UNSET,
    subject_id: UUID | Unset = UNSET,
    include_fired: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["subject_type"] = subject_type

    json_subject_id: str | Unset = UNSET
    if not isinstance(subject_id, Unset):
        json_subject_id = str(subject_id)
    params["subject_id"] = json_subject_id

    params["include_fired"] = include_fired

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reminders/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReminderPage | None:
    if response.status_code == 200:
        response_200 = ReminderPage.from_dict(response.json())

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
) -> Response[Problem | ReminderPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    subject_type: str | Unset = UNSET,
    subject_id: UUID | Unset = UNSET,
    include_fired: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[Problem | ReminderPage]:
    """The caller's reminders (to them, or set by them), soonest first; about one record if asked.

    Args:
        subject_type (str | Unset):
        subject_id (UUID | Unset):
        include_fired (bool | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReminderPage]
    """

    kwargs = _get_kwargs(
        subject_type=subject_type,
        subject_id=subject_id,
        include_fired=include_fired,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    subject_type: str | Unset = UNSET,
    subject_id: UUID | Unset = UNSET,
    include_fired: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Problem | ReminderPage | None:
    """The caller's reminders (to them, or set by them), soonest first; about one record if asked.

    Args:
        subject_type (str | Unset):
        subject_id (UUID | Unset):
        include_fired (bool | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReminderPage
    """

    return sync_detailed(
        client=client,
        subject_type=subject_type,
        subject_id=subject_id,
        include_fired=include_fired,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    subject_type: str | Unset = UNSET,
    subject_id: UUID | Unset = UNSET,
    include_fired: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[Problem | ReminderPage]:
    """The caller's reminders (to them, or set by them), soonest first; about one record if asked.

    Args:
        subject_type (str | Unset):
        subject_id (UUID | Unset):
        include_fired (bool | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReminderPage]
    """

    kwargs = _get_kwargs(
        subject_type=subject_type,
        subject_id=subject_id,
        include_fired=include_fired,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    subject_type: str | Unset = UNSET,
    subject_id: UUID | Unset = UNSET,
    include_fired: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Problem | ReminderPage | None:
    """The caller's reminders (to them, or set by them), soonest first; about one record if asked.

    Args:
        subject_type (str | Unset):
        subject_id (UUID | Unset):
        include_fired (bool | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReminderPage
    """

    return (
        await asyncio_detailed(
            client=client,
            subject_type=subject_type,
            subject_id=subject_id,
            include_fired=include_fired,
            limit=limit,
        )
    ).parsed
