from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.documents_upload_file_files_body import DocumentsUploadFileFilesBody
from ...models.file_version import FileVersion
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    document_id: UUID,
    *,
    body: File | DocumentsUploadFileFilesBody | Unset = UNSET,
    file_id: UUID | Unset = UNSET,
    filename: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_file_id: str | Unset = UNSET
    if not isinstance(file_id, Unset):
        json_file_id = str(file_id)
    params["file_id"] = json_file_id

    params["filename"] = filename

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/documents/{document_id}/files".format(
            document_id=quote(str(document_id), safe=""),
        ),
        "params": params,
    }

    if isinstance(body, File):
        if not isinstance(body, Unset):
            _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/octet-stream"
    if isinstance(body, DocumentsUploadFileFilesBody):
        if not isinstance(body, Unset):
            _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FileVersion | Problem | None:
    if response.status_code == 201:
        response_201 = FileVersion.from_dict(response.json())

        return response_201

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
) -> Response[FileVersion | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    document_id: UUID,
    *,
    client: AuthenticatedClient,
    body: File | DocumentsUploadFileFilesBody | Unset = UNSET,
    file_id: UUID | Unset = UNSET,
    filename: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[FileVersion | Problem]:
    """Upload an electronic copy: a multipart form with the field `file`, or the file itself as
    the body (`application/octet-stream` with `Content-Length` and the query parameter
    `filename`), which is streamed to storage as it arrives; with `file_id`, a new version of
    that file.

    Args:
        document_id (UUID):
        file_id (UUID | Unset):
        filename (str | Unset):
        idempotency_key (str | Unset):
        body (File | Unset):
        body (DocumentsUploadFileFilesBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FileVersion | Problem]
    """

    kwargs = _get_kwargs(
        document_id=document_id,
        body=body,
        file_id=file_id,
        filename=filename,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    document_id: UUID,
    *,
    client: AuthenticatedClient,
    body: File | DocumentsUploadFileFilesBody | Unset = UNSET,
    file_id: UUID | Unset = UNSET,
    filename: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> FileVersion | Problem | None:
    """Upload an electronic copy: a multipart form with the field `file`, or the file itself as
    the body (`application/octet-stream` with `Content-Length` and the query parameter
    `filename`), which is streamed to storage as it arrives; with `file_id`, a new version of
    that file.

    Args:
        document_id (UUID):
        file_id (UUID | Unset):
        filename (str | Unset):
        idempotency_key (str | Unset):
        body (File | Unset):
        body (DocumentsUploadFileFilesBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FileVersion | Problem
    """

    return sync_detailed(
        document_id=document_id,
        client=client,
        body=body,
        file_id=file_id,
        filename=filename,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    document_id: UUID,
    *,
    client: AuthenticatedClient,
    body: File | DocumentsUploadFileFilesBody | Unset = UNSET,
    file_id: UUID | Unset = UNSET,
    filename: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[FileVersion | Problem]:
    """Upload an electronic copy: a multipart form with the field `file`, or the file itself as
    the body (`application/octet-stream` with `Content-Length` and the query parameter
    `filename`), which is streamed to storage as it arrives; with `file_id`, a new version of
    that file.

    Args:
        document_id (UUID):
        file_id (UUID | Unset):
        filename (str | Unset):
        idempotency_key (str | Unset):
        body (File | Unset):
        body (DocumentsUploadFileFilesBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FileVersion | Problem]
    """

    kwargs = _get_kwargs(
        document_id=document_id,
        body=body,
        file_id=file_id,
        filename=filename,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    document_id: UUID,
    *,
    client: AuthenticatedClient,
    body: File | DocumentsUploadFileFilesBody | Unset = UNSET,
    file_id: UUID | Unset = UNSET,
    filename: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> FileVersion | Problem | None:
    """Upload an electronic copy: a multipart form with the field `file`, or the file itself as
    the body (`application/octet-stream` with `Content-Length` and the query parameter
    `filename`), which is streamed to storage as it arrives; with `file_id`, a new version of
    that file.

    Args:
        document_id (UUID):
        file_id (UUID | Unset):
        filename (str | Unset):
        idempotency_key (str | Unset):
        body (File | Unset):
        body (DocumentsUploadFileFilesBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FileVersion | Problem
    """

    return (
        await asyncio_detailed(
            document_id=document_id,
            client=client,
            body=body,
            file_id=file_id,
            filename=filename,
            idempotency_key=idempotency_key,
        )
    ).parsed
