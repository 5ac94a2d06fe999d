import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.document_page import DocumentPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    updated_since: datetime.datetime | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    search: str | Unset = UNSET,
    status: list[str] | Unset = UNSET,
    type_id: list[UUID] | Unset = UNSET,
    journal_id: UUID | Unset = UNSET,
    counterparty_id: UUID | Unset = UNSET,
    responsible_id: UUID | Unset = UNSET,
    legal_entity_id: UUID | Unset = UNSET,
    department_id: UUID | Unset = UNSET,
    parent_id: UUID | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    signed_from: datetime.date | Unset = UNSET,
    signed_to: datetime.date | Unset = UNSET,
    valid_until_from: datetime.date | Unset = UNSET,
    valid_until_to: datetime.date | Unset = UNSET,
    amount_min: str | Unset = UNSET,
    amount_max: str | Unset = UNSET,
    currency: str | Unset = UNSET,
    extra: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params["after"] = after

    params["limit"] = limit

    params["offset"] = offset

    params["search"] = search

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    json_type_id: list[str] | Unset = UNSET
    if not isinstance(type_id, Unset):
        json_type_id = []
        for type_id_item_data in type_id:
            type_id_item = str(type_id_item_data)
            json_type_id.append(type_id_item)

    params["type_id"] = json_type_id

    json_journal_id: str | Unset = UNSET
    if not isinstance(journal_id, Unset):
        json_journal_id = str(journal_id)
    params["journal_id"] = json_journal_id

    json_counterparty_id: str | Unset = UNSET
    if not isinstance(counterparty_id, Unset):
        json_counterparty_id = str(counterparty_id)
    params["counterparty_id"] = json_counterparty_id

    json_responsible_id: str | Unset = UNSET
    if not isinstance(responsible_id, Unset):
        json_responsible_id = str(responsible_id)
    params["responsible_id"] = json_responsible_id

    json_legal_entity_id: str | Unset = UNSET
    if not isinstance(legal_entity_id, Unset):
        json_legal_entity_id = str(legal_entity_id)
    params["legal_entity_id"] = json_legal_entity_id

    json_department_id: str | Unset = UNSET
    if not isinstance(department_id, Unset):
        json_department_id = str(department_id)
    params["department_id"] = json_department_id

    json_parent_id: str | Unset = UNSET
    if not isinstance(parent_id, Unset):
        json_parent_id = str(parent_id)
    params["parent_id"] = json_parent_id

    json_date_from: str | Unset = UNSET
    if not isinstance(date_from, Unset):
        json_date_from = date_from.isoformat()
    params["date_from"] = json_date_from

    json_date_to: str | Unset = UNSET
    if not isinstance(date_to, Unset):
        json_date_to = date_to.isoformat()
    params["date_to"] = json_date_to

    json_signed_from: str | Unset = UNSET
    if not isinstance(signed_from, Unset):
        json_signed_from = signed_from.isoformat()
    params["signed_from"] = json_signed_from

    json_signed_to: str | Unset = UNSET
    if not isinstance(signed_to, Unset):
        json_signed_to = signed_to.isoformat()
    params["signed_to"] = json_signed_to

    json_valid_until_from: str | Unset = UNSET
    if not isinstance(valid_until_from, Unset):
        json_valid_until_from = valid_until_from.isoformat()
    params["valid_until_from"] = json_valid_until_from

    json_valid_until_to: str | Unset = UNSET
    if not isinstance(valid_until_to, Unset):
        json_valid_until_to = valid_until_to.isoformat()
    params["valid_until_to"] = json_valid_until_to

    params["amount_min"] = amount_min

    params["amount_max"] = amount_max

    params["currency"] = currency

    params["extra"] = extra

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/documents/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DocumentPage | Problem | None:
    if response.status_code == 200:
        response_200 = DocumentPage.from_dict(response.json())

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
) -> Response[DocumentPage | Problem]:
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
    search: str | Unset = UNSET,
    status: list[str] | Unset = UNSET,
    type_id: list[UUID] | Unset = UNSET,
    journal_id: UUID | Unset = UNSET,
    counterparty_id: UUID | Unset = UNSET,
    responsible_id: UUID | Unset = UNSET,
    legal_entity_id: UUID | Unset = UNSET,
    department_id: UUID | Unset = UNSET,
    parent_id: UUID | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    signed_from: datetime.date | Unset = UNSET,
    signed_to: datetime.date | Unset = UNSET,
    valid_until_from: datetime.date | Unset = UNSET,
    valid_until_to: datetime.date | Unset = UNSET,
    amount_min: str | Unset = UNSET,
    amount_max: str | Unset = UNSET,
    currency: str | Unset = UNSET,
    extra: str | Unset = UNSET,
) -> Response[DocumentPage | Problem]:
    """The registry: documents the caller sees, newest first, narrowed by the filters; `search`
    finds words in the number, subject, counterparty name and the text of every stored file (text
    PDFs and text files at once; scans by OCR, office files and e-mail once the texts service has
    read them). Each item carries `first_file`, whose thumbnail the registry shows.

     Or sync (`updated_since`, then `after`): every document the caller sees by change (without
    `first_file`);
    documents are never deleted (docs/api.md, "Sync by change").

    Args:
        updated_since (datetime.datetime | Unset):
        after (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        search (str | Unset):
        status (list[str] | Unset):
        type_id (list[UUID] | Unset):
        journal_id (UUID | Unset):
        counterparty_id (UUID | Unset):
        responsible_id (UUID | Unset):
        legal_entity_id (UUID | Unset):
        department_id (UUID | Unset):
        parent_id (UUID | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        signed_from (datetime.date | Unset):
        signed_to (datetime.date | Unset):
        valid_until_from (datetime.date | Unset):
        valid_until_to (datetime.date | Unset):
        amount_min (str | Unset):  Example: 1500000.00.
        amount_max (str | Unset):  Example: 1500000.00.
        currency (str | Unset):
        extra (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentPage | Problem]
    """

    kwargs = _get_kwargs(
        updated_since=updated_since,
        after=after,
        limit=limit,
        offset=offset,
        search=search,
        status=status,
        type_id=type_id,
        journal_id=journal_id,
        counterparty_id=counterparty_id,
        responsible_id=responsible_id,
        legal_entity_id=legal_entity_id,
        department_id=department_id,
        parent_id=parent_id,
        date_from=date_from,
        date_to=date_to,
        signed_from=signed_from,
        signed_to=signed_to,
        valid_until_from=valid_until_from,
        valid_until_to=valid_until_to,
        amount_min=amount_min,
        amount_max=amount_max,
        currency=currency,
        extra=extra,
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
    search: str | Unset = UNSET,
    status: list[str] | Unset = UNSET,
    type_id: list[UUID] | Unset = UNSET,
    journal_id: UUID | Unset = UNSET,
    counterparty_id: UUID | Unset = UNSET,
    responsible_id: UUID | Unset = UNSET,
    legal_entity_id: UUID | Unset = UNSET,
    department_id: UUID | Unset = UNSET,
    parent_id: UUID | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    signed_from: datetime.date | Unset = UNSET,
    signed_to: datetime.date | Unset = UNSET,
    valid_until_from: datetime.date | Unset = UNSET,
    valid_until_to: datetime.date | Unset = UNSET,
    amount_min: str | Unset = UNSET,
    amount_max: str | Unset = UNSET,
    currency: str | Unset = UNSET,
    extra: str | Unset = UNSET,
) -> DocumentPage | Problem | None:
    """The registry: documents the caller sees, newest first, narrowed by the filters; `search`
    finds words in the number, subject, counterparty name and the text of every stored file (text
    PDFs and text files at once; scans by OCR, office files and e-mail once the texts service has
    read them). Each item carries `first_file`, whose thumbnail the registry shows.

     Or sync (`updated_since`, then `after`): every document the caller sees by change (without
    `first_file`);
    documents are never deleted (docs/api.md, "Sync by change").

    Args:
        updated_since (datetime.datetime | Unset):
        after (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        search (str | Unset):
        status (list[str] | Unset):
        type_id (list[UUID] | Unset):
        journal_id (UUID | Unset):
        counterparty_id (UUID | Unset):
        responsible_id (UUID | Unset):
        legal_entity_id (UUID | Unset):
        department_id (UUID | Unset):
        parent_id (UUID | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        signed_from (datetime.date | Unset):
        signed_to (datetime.date | Unset):
        valid_until_from (datetime.date | Unset):
        valid_until_to (datetime.date | Unset):
        amount_min (str | Unset):  Example: 1500000.00.
        amount_max (str | Unset):  Example: 1500000.00.
        currency (str | Unset):
        extra (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentPage | Problem
    """

    return sync_detailed(
        client=client,
        updated_since=updated_since,
        after=after,
        limit=limit,
        offset=offset,
        search=search,
        status=status,
        type_id=type_id,
        journal_id=journal_id,
        counterparty_id=counterparty_id,
        responsible_id=responsible_id,
        legal_entity_id=legal_entity_id,
        department_id=department_id,
        parent_id=parent_id,
        date_from=date_from,
        date_to=date_to,
        signed_from=signed_from,
        signed_to=signed_to,
        valid_until_from=valid_until_from,
        valid_until_to=valid_until_to,
        amount_min=amount_min,
        amount_max=amount_max,
        currency=currency,
        extra=extra,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    search: str | Unset = UNSET,
    status: list[str] | Unset = UNSET,
    type_id: list[UUID] | Unset = UNSET,
    journal_id: UUID | Unset = UNSET,
    counterparty_id: UUID | Unset = UNSET,
    responsible_id: UUID | Unset = UNSET,
    legal_entity_id: UUID | Unset = UNSET,
    department_id: UUID | Unset = UNSET,
    parent_id: UUID | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    signed_from: datetime.date | Unset = UNSET,
    signed_to: datetime.date | Unset = UNSET,
    valid_until_from: datetime.date | Unset = UNSET,
    valid_until_to: datetime.date | Unset = UNSET,
    amount_min: str | Unset = UNSET,
    amount_max: str | Unset = UNSET,
    currency: str | Unset = UNSET,
    extra: str | Unset = UNSET,
) -> Response[DocumentPage | Problem]:
    """The registry: documents the caller sees, newest first, narrowed by the filters; `search`
    finds words in the number, subject, counterparty name and the text of every stored file (text
    PDFs and text files at once; scans by OCR, office files and e-mail once the texts service has
    read them). Each item carries `first_file`, whose thumbnail the registry shows.

     Or sync (`updated_since`, then `after`): every document the caller sees by change (without
    `first_file`);
    documents are never deleted (docs/api.md, "Sync by change").

    Args:
        updated_since (datetime.datetime | Unset):
        after (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        search (str | Unset):
        status (list[str] | Unset):
        type_id (list[UUID] | Unset):
        journal_id (UUID | Unset):
        counterparty_id (UUID | Unset):
        responsible_id (UUID | Unset):
        legal_entity_id (UUID | Unset):
        department_id (UUID | Unset):
        parent_id (UUID | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        signed_from (datetime.date | Unset):
        signed_to (datetime.date | Unset):
        valid_until_from (datetime.date | Unset):
        valid_until_to (datetime.date | Unset):
        amount_min (str | Unset):  Example: 1500000.00.
        amount_max (str | Unset):  Example: 1500000.00.
        currency (str | Unset):
        extra (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentPage | Problem]
    """

    kwargs = _get_kwargs(
        updated_since=updated_since,
        after=after,
        limit=limit,
        offset=offset,
        search=search,
        status=status,
        type_id=type_id,
        journal_id=journal_id,
        counterparty_id=counterparty_id,
        responsible_id=responsible_id,
        legal_entity_id=legal_entity_id,
        department_id=department_id,
        parent_id=parent_id,
        date_from=date_from,
        date_to=date_to,
        signed_from=signed_from,
        signed_to=signed_to,
        valid_until_from=valid_until_from,
        valid_until_to=valid_until_to,
        amount_min=amount_min,
        amount_max=amount_max,
        currency=currency,
        extra=extra,
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
    search: str | Unset = UNSET,
    status: list[str] | Unset = UNSET,
    type_id: list[UUID] | Unset = UNSET,
    journal_id: UUID | Unset = UNSET,
    counterparty_id: UUID | Unset = UNSET,
    responsible_id: UUID | Unset = UNSET,
    legal_entity_id: UUID | Unset = UNSET,
    department_id: UUID | Unset = UNSET,
    parent_id: UUID | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    signed_from: datetime.date | Unset = UNSET,
    signed_to: datetime.date | Unset = UNSET,
    valid_until_from: datetime.date | Unset = UNSET,
    valid_until_to: datetime.date | Unset = UNSET,
    amount_min: str | Unset = UNSET,
    amount_max: str | Unset = UNSET,
    currency: str | Unset = UNSET,
    extra: str | Unset = UNSET,
) -> DocumentPage | Problem | None:
    """The registry: documents the caller sees, newest first, narrowed by the filters; `search`
    finds words in the number, subject, counterparty name and the text of every stored file (text
    PDFs and text files at once; scans by OCR, office files and e-mail once the texts service has
    read them). Each item carries `first_file`, whose thumbnail the registry shows.

     Or sync (`updated_since`, then `after`): every document the caller sees by change (without
    `first_file`);
    documents are never deleted (docs/api.md, "Sync by change").

    Args:
        updated_since (datetime.datetime | Unset):
        after (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        search (str | Unset):
        status (list[str] | Unset):
        type_id (list[UUID] | Unset):
        journal_id (UUID | Unset):
        counterparty_id (UUID | Unset):
        responsible_id (UUID | Unset):
        legal_entity_id (UUID | Unset):
        department_id (UUID | Unset):
        parent_id (UUID | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        signed_from (datetime.date | Unset):
        signed_to (datetime.date | Unset):
        valid_until_from (datetime.date | Unset):
        valid_until_to (datetime.date | Unset):
        amount_min (str | Unset):  Example: 1500000.00.
        amount_max (str | Unset):  Example: 1500000.00.
        currency (str | Unset):
        extra (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            updated_since=updated_since,
            after=after,
            limit=limit,
            offset=offset,
            search=search,
            status=status,
            type_id=type_id,
            journal_id=journal_id,
            counterparty_id=counterparty_id,
            responsible_id=responsible_id,
            legal_entity_id=legal_entity_id,
            department_id=department_id,
            parent_id=parent_id,
            date_from=date_from,
            date_to=date_to,
            signed_from=signed_from,
            signed_to=signed_to,
            valid_until_from=valid_until_from,
            valid_until_to=valid_until_to,
            amount_min=amount_min,
            amount_max=amount_max,
            currency=currency,
            extra=extra,
        )
    ).parsed
