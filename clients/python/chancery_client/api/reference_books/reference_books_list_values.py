from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.reference_books_list_values_kind import ReferenceBooksListValuesKind
from ...models.reference_value_list import ReferenceValueList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    kind: ReferenceBooksListValuesKind,
    *,
    include_archived: bool | Unset = True,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_archived"] = include_archived

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reference-books/{kind}/".format(
            kind=quote(str(kind), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReferenceValueList | None:
    if response.status_code == 200:
        response_200 = ReferenceValueList.from_dict(response.json())

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
) -> Response[Problem | ReferenceValueList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: ReferenceBooksListValuesKind,
    *,
    client: AuthenticatedClient,
    include_archived: bool | Unset = True,
) -> Response[Problem | ReferenceValueList]:
    """The values of one book by name, each with how many counterparties have it.

    Args:
        kind (ReferenceBooksListValuesKind):
        include_archived (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReferenceValueList]
    """

    kwargs = _get_kwargs(
        kind=kind,
        include_archived=include_archived,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: ReferenceBooksListValuesKind,
    *,
    client: AuthenticatedClient,
    include_archived: bool | Unset = True,
) -> Problem | ReferenceValueList | None:
    """The values of one book by name, each with how many counterparties have it.

    Args:
        kind (ReferenceBooksListValuesKind):
        include_archived (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReferenceValueList
    """

    return sync_detailed(
        kind=kind,
        client=client,
        include_archived=include_archived,
    ).parsed


async def asyncio_detailed(
    kind: ReferenceBooksListValuesKind,
    *,
    client: AuthenticatedClient,
    include_archived: bool | Unset = True,
) -> Response[Problem | ReferenceValueList]:
    """The values of one book by name, each with how many counterparties have it.

    Args:
        kind (ReferenceBooksListValuesKind):
        include_archived (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReferenceValueList]
    """

    kwargs = _get_kwargs(
        kind=kind,
        include_archived=include_archived,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: ReferenceBooksListValuesKind,
    *,
    client: AuthenticatedClient,
    include_archived: bool | Unset = True,
) -> Problem | ReferenceValueList | None:
    """The values of one book by name, each with how many counterparties have it.

    Args:
        kind (ReferenceBooksListValuesKind):
        include_archived (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReferenceValueList
    """

    return (
        await asyncio_detailed(
            kind=kind,
            client=client,
            include_archived=include_archived,
        )
    ).parsed
