from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.document_type import DocumentType
from ...models.document_type_request import DocumentTypeRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    type_id: UUID,
    *,
    body: DocumentTypeRequest,
    if_match: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/document-types/{type_id}".format(
            type_id=quote(str(type_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DocumentType | Problem | None:
    if response.status_code == 200:
        response_200 = DocumentType.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[DocumentType | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    type_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DocumentTypeRequest,
    if_match: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[DocumentType | Problem]:
    """Change a type; documents already made with it keep their cards: a field left out of
    `fields` is retired (still shown where it has a value), a field made required binds new
    documents and edits of that field.

    Args:
        type_id (UUID):
        if_match (str | Unset):
        idempotency_key (str | Unset):
        body (DocumentTypeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentType | Problem]
    """

    kwargs = _get_kwargs(
        type_id=type_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    type_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DocumentTypeRequest,
    if_match: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> DocumentType | Problem | None:
    """Change a type; documents already made with it keep their cards: a field left out of
    `fields` is retired (still shown where it has a value), a field made required binds new
    documents and edits of that field.

    Args:
        type_id (UUID):
        if_match (str | Unset):
        idempotency_key (str | Unset):
        body (DocumentTypeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentType | Problem
    """

    return sync_detailed(
        type_id=type_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    type_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DocumentTypeRequest,
    if_match: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[DocumentType | Problem]:
    """Change a type; documents already made with it keep their cards: a field left out of
    `fields` is retired (still shown where it has a value), a field made required binds new
    documents and edits of that field.

    Args:
        type_id (UUID):
        if_match (str | Unset):
        idempotency_key (str | Unset):
        body (DocumentTypeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentType | Problem]
    """

    kwargs = _get_kwargs(
        type_id=type_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    type_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DocumentTypeRequest,
    if_match: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> DocumentType | Problem | None:
    """Change a type; documents already made with it keep their cards: a field left out of
    `fields` is retired (still shown where it has a value), a field made required binds new
    documents and edits of that field.

    Args:
        type_id (UUID):
        if_match (str | Unset):
        idempotency_key (str | Unset):
        body (DocumentTypeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentType | Problem
    """

    return (
        await asyncio_detailed(
            type_id=type_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
