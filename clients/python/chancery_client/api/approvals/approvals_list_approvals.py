import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.approval_page import ApprovalPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    updated_since: datetime.datetime | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    document_id: UUID | Unset = UNSET,
    counterparty_id: UUID | Unset = UNSET,
    status: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params["after"] = after

    params["limit"] = limit

    params["offset"] = offset

    json_document_id: str | Unset = UNSET
    if not isinstance(document_id, Unset):
        json_document_id = str(document_id)
    params["document_id"] = json_document_id

    json_counterparty_id: str | Unset = UNSET
    if not isinstance(counterparty_id, Unset):
        json_counterparty_id = str(counterparty_id)
    params["counterparty_id"] = json_counterparty_id

    params["status"] = status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/approvals/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApprovalPage | Problem | None:
    if response.status_code == 200:
        response_200 = ApprovalPage.from_dict(response.json())

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
) -> Response[ApprovalPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    document_id: UUID | Unset = UNSET,
    counterparty_id: UUID | Unset = UNSET,
    status: str | Unset = UNSET,
) -> Response[ApprovalPage | Problem]:
    """The approvals the caller sees, newest first, by document, counterparty or status.

     Or sync (`updated_since`, then `after`): every approval the caller sees, with its stages and tasks,
    in the
    order they changed (a decision moves its approval); never deleted, so no tombstones (docs/api.md,
    "Sync by change").

    Args:
        updated_since (datetime.datetime | Unset):
        after (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        document_id (UUID | Unset):
        counterparty_id (UUID | Unset):
        status (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalPage | Problem]
    """

    kwargs = _get_kwargs(
        updated_since=updated_since,
        after=after,
        limit=limit,
        offset=offset,
        document_id=document_id,
        counterparty_id=counterparty_id,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    document_id: UUID | Unset = UNSET,
    counterparty_id: UUID | Unset = UNSET,
    status: str | Unset = UNSET,
) -> ApprovalPage | Problem | None:
    """The approvals the caller sees, newest first, by document, counterparty or status.

     Or sync (`updated_since`, then `after`): every approval the caller sees, with its stages and tasks,
    in the
    order they changed (a decision moves its approval); never deleted, so no tombstones (docs/api.md,
    "Sync by change").

    Args:
        updated_since (datetime.datetime | Unset):
        after (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        document_id (UUID | Unset):
        counterparty_id (UUID | Unset):
        status (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalPage | Problem
    """

    return sync_detailed(
        client=client,
        updated_since=updated_since,
        after=after,
        limit=limit,
        offset=offset,
        document_id=document_id,
        counterparty_id=counterparty_id,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    document_id: UUID | Unset = UNSET,
    counterparty_id: UUID | Unset = UNSET,
    status: str | Unset = UNSET,
) -> Response[ApprovalPage | Problem]:
    """The approvals the caller sees, newest first, by document, counterparty or status.

     Or sync (`updated_since`, then `after`): every approval the caller sees, with its stages and tasks,
    in the
    order they changed (a decision moves its approval); never deleted, so no tombstones (docs/api.md,
    "Sync by change").

    Args:
        updated_since (datetime.datetime | Unset):
        after (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        document_id (UUID | Unset):
        counterparty_id (UUID | Unset):
        status (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalPage | Problem]
    """

    kwargs = _get_kwargs(
        updated_since=updated_since,
        after=after,
        limit=limit,
        offset=offset,
        document_id=document_id,
        counterparty_id=counterparty_id,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    document_id: UUID | Unset = UNSET,
    counterparty_id: UUID | Unset = UNSET,
    status: str | Unset = UNSET,
) -> ApprovalPage | Problem | None:
    """The approvals the caller sees, newest first, by document, counterparty or status.

     Or sync (`updated_since`, then `after`): every approval the caller sees, with its stages and tasks,
    in the
    order they changed (a decision moves its approval); never deleted, so no tombstones (docs/api.md,
    "Sync by change").

    Args:
        updated_since (datetime.datetime | Unset):
        after (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        document_id (UUID | Unset):
        counterparty_id (UUID | Unset):
        status (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            updated_since=updated_since,
            after=after,
            limit=limit,
            offset=offset,
            document_id=document_id,
            counterparty_id=counterparty_id,
            status=status,
        )
    ).parsed
