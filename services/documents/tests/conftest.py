"""Fixtures for the documents service's tests: a migrated database per test module, the
test S3 server with a bucket per test module, and factories of documents and uploads
that go through the RPC schemas and call the logic as the service's entrypoints do."""
import uuid
from datetime import datetime, timezone

import pytest
import requests
from nameko.testing.services import worker_factory
from sqlalchemy import select

from chancery_common.actor import Actor, ActorSchema
from chancery_common.database import make_engine, make_session_factory
from chancery_common.errors import load
from documents import files, life_cycle, logic, models, schemas
from documents.service import DocumentsService
from documents.storage import Storage


@pytest.fixture(scope="module")
def engine(service_database):
    url = service_database("documents", name=f"chancery_itest_documents_{uuid.uuid4().hex[:8]}")
    engine = make_engine(url, pool_size=10)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def Session(engine):
    return make_session_factory(engine)


@pytest.fixture
def session(Session):
    session = Session()
    yield session
    session.close()


@pytest.fixture
def reader(Session):
    """Reads what is committed, in a session of its own: ``reader(lambda s: ...)``."""
    def read(query):
        with Session() as fresh:
            return query(fresh)
    return read


@pytest.fixture(scope="module")
def storage(s3_server):
    storage = Storage.from_config({
        "S3_ENDPOINT": s3_server.s3_endpoint, "S3_ACCESS_KEY": s3_server.s3_access_key,
        "S3_SECRET_KEY": s3_server.s3_secret_key, "S3_BUCKET": f"documents-test-{uuid.uuid4().hex[:12]}",
        "S3_SECURE": "false", "S3_REGION": "us-east-1",
    })
    storage.ensure_bucket()
    return storage


@pytest.fixture
def actor():
    return Actor(id=uuid.uuid4(), roles=["secretary"], full_name="Test Secretary",
                 permissions=["register_documents"])


@pytest.fixture
def this_year():
    return datetime.now(timezone.utc).year


@pytest.fixture
def document_type(session):
    """``document_type(code)``: one of the standard types the migrations create."""
    def find(code):
        with session.begin():
            return session.scalars(select(models.DocumentType).where(models.DocumentType.code == code)).one()
    return find


@pytest.fixture
def make_journal_type(session):
    """A new journal with a unique prefix and a document type registered in it."""
    def make():
        prefix = f"T{uuid.uuid4().hex[:6].upper()}"
        with session.begin():
            journal = models.Journal(code=prefix, name=f"Test journal {prefix}", prefix=prefix)
            doc_type = models.DocumentType(code=f"type-{prefix}", name=f"Test type {prefix}",
                                           kind="internal", journal=journal)
            session.add(doc_type)
        return doc_type
    return make


def create_document(session, actor, type_id, **fields):
    data = load(schemas.NewDocumentSchema(), {"type_id": str(type_id), "title": "Supply contract", **fields})
    with session.begin():
        return logic.create_document(session, data=data, actor=actor)


@pytest.fixture
def make_document(session, actor, document_type):
    """``make_document(type_code="memo", **fields)``: created as the service creates one."""
    def make(type_code="memo", type_id=None, by=None, **fields):
        return create_document(session, by or actor, type_id or document_type(type_code).id, **fields)
    return make


@pytest.fixture
def change_status(session, actor):
    def change(document, to_status, reason=None):
        with session.begin():
            return life_cycle.change_status(session, document_id=document.id, to_status=to_status,
                                       actor=actor, reason=reason)
    return change


@pytest.fixture
def upload(session, storage, actor):
    """``upload(document, content)``: an upload started and its bytes PUT to the presigned URL."""
    def put(document, content):
        with session.begin():
            started, url = files.start_upload(session, storage=storage, document_id=document.id, actor=actor)
        response = requests.put(url, data=content, timeout=30)
        assert response.status_code == 200, response.text
        return started
    return put


@pytest.fixture
def attach(session, storage, actor):
    """``attach(document, upload, filename)``: the staged upload attached as the service's
    ``attach_file`` entrypoint does it, cleaning up after the commit or the failure."""
    def attach_file(document, started, filename="contract.pdf", file_id=None, max_bytes=1024 * 1024, claimed=None):
        cleanup = None
        try:
            with session.begin():
                version, cleanup = files.attach_file(
                    session, storage=storage, document_id=document.id, upload_id=started.id,
                    filename=filename, file_id=file_id, actor=actor, max_bytes=max_bytes, claimed=claimed)
        except Exception:
            if cleanup is not None:
                cleanup(committed=False)
            raise
        cleanup(committed=True)
        return version
    return attach_file


@pytest.fixture
def stored_bytes(storage):
    def read(key):
        response = storage.client.get_object(storage.bucket, key)
        try:
            return response.read()
        finally:
            response.close()
            response.release_conn()
    return read


@pytest.fixture
def outbox_events(reader):
    """Payloads of one type's committed outbox events about one document, oldest first."""
    def payloads(event_type, document_id):
        table = models.outbox.table
        return reader(lambda s: s.scalars(select(table.c.payload).where(
            table.c.event_type == event_type,
            table.c.payload["document_id"].astext == str(document_id)).order_by(table.c.id)).all())
    return payloads


@pytest.fixture
def service(session):
    """The service's entrypoints with the test's session as their database: an ``Actor``
    argument goes as the gateway sends it over the bus, and each call ends its transaction
    afterwards, as the database dependency does when a worker ends."""
    worker = worker_factory(DocumentsService, db=session)

    class Entrypoints:
        def __getattr__(self, name):
            method = getattr(worker, name)

            def call(*args, **kwargs):
                args = [ActorSchema().dump(a) if isinstance(a, Actor) else a for a in args]
                try:
                    return method(*args, **kwargs)
                finally:
                    session.rollback()
            return call
    return Entrypoints()
