from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paper_copy_page import PaperCopyPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    out: bool | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    lost: bool | Unset = UNSET,
    holder_id: UUID | Unset = UNSET,
    counterparty_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params["out"] = out

    params["overdue"] = overdue

    params["lost"] = lost

    json_holder_id: str | Unset = UNSET
    if not isinstance(holder_id, Unset):
        json_holder_id = str(holder_id)
    params["holder_id"] = json_holder_id

    json_counterparty_id: str | Unset = UNSET
    if not isinstance(counterparty_id, Unset):
        json_counterparty_id = str(counterparty_id)
    params["counterparty_id"] = json_counterparty_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/paper-copies/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaperCopyPage | Problem | None:
    if response.status_code == 200:
        response_200 = PaperCopyPage.from_dict(response.json())

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
) -> Response[PaperCopyPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    out: bool | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    lost: bool | Unset = UNSET,
    holder_id: UUID | Unset = UNSET,
    counterparty_id: UUID | Unset = UNSET,
) -> Response[PaperCopyPage | Problem]:
    """Paper copies of the documents the caller sees: `out=true` those handed out, `overdue=true`
    those past their expected return.

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        out (bool | Unset):
        overdue (bool | Unset):
        lost (bool | Unset):
        holder_id (UUID | Unset):
        counterparty_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaperCopyPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        out=out,
        overdue=overdue,
        lost=lost,
        holder_id=holder_id,
        counterparty_id=counterparty_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    out: bool | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    lost: bool | Unset = UNSET,
    holder_id: UUID | Unset = UNSET,
    counterparty_id: UUID | Unset = UNSET,
) -> PaperCopyPage | Problem | None:
    """Paper copies of the documents the caller sees: `out=true` those handed out, `overdue=true`
    those past their expected return.

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        out (bool | Unset):
        overdue (bool | Unset):
        lost (bool | Unset):
        holder_id (UUID | Unset):
        counterparty_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaperCopyPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        out=out,
        overdue=overdue,
        lost=lost,
        holder_id=holder_id,
        counterparty_id=counterparty_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    out: bool | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    lost: bool | Unset = UNSET,
    holder_id: UUID | Unset = UNSET,
    counterparty_id: UUID | Unset = UNSET,
) -> Response[PaperCopyPage | Problem]:
    """Paper copies of the documents the caller sees: `out=true` those handed out, `overdue=true`
    those past their expected return.

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        out (bool | Unset):
        overdue (bool | Unset):
        lost (bool | Unset):
        holder_id (UUID | Unset):
        counterparty_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaperCopyPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        out=out,
        overdue=overdue,
        lost=lost,
        holder_id=holder_id,
        counterparty_id=counterparty_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    out: bool | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    lost: bool | Unset = UNSET,
    holder_id: UUID | Unset = UNSET,
    counterparty_id: UUID | Unset = UNSET,
) -> PaperCopyPage | Problem | None:
    """Paper copies of the documents the caller sees: `out=true` those handed out, `overdue=true`
    those past their expected return.

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        out (bool | Unset):
        overdue (bool | Unset):
        lost (bool | Unset):
        holder_id (UUID | Unset):
        counterparty_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaperCopyPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            out=out,
            overdue=overdue,
            lost=lost,
            holder_id=holder_id,
            counterparty_id=counterparty_id,
        )
    ).parsed
