"""Fixtures for the jobs service's tests: a migrated database per module, sessions as the
service's workers get them, the test run's S3 server, and actors."""
import uuid

import pytest
from minio import Minio

from chancery_common.actor import Actor, ActorSchema
from chancery_common.database import make_engine, make_session_factory
from jobs.storage import ResultStorage


@pytest.fixture(scope="module")
def engine(service_database):
    url = service_database("jobs", name=f"chancery_itest_jobs_{uuid.uuid4().hex[:8]}")
    engine = make_engine(url, pool_size=3)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine):
    """A factory of sessions (a worker's, and others acting beside it)."""
    made = []
    factory = make_session_factory(engine)

    def make():
        made.append(factory())
        return made[-1]
    yield make
    for session in made:
        session.close()


@pytest.fixture
def session(sessions):
    return sessions()


@pytest.fixture(scope="module")
def storage(s3_server):
    client = Minio(s3_server.s3_endpoint, access_key=s3_server.s3_access_key, secret_key=s3_server.s3_secret_key,
                   secure=False)
    made = ResultStorage(client, f"jobs-test-{uuid.uuid4().hex[:6]}")
    made.ensure_bucket()
    return made


def make_actor(*roles):
    actor = Actor(id=uuid.uuid4(), roles=list(roles))
    return actor, ActorSchema().dump(actor)


@pytest.fixture
def employee():
    return make_actor("employee")


@pytest.fixture
def colleague():
    return make_actor("employee")


@pytest.fixture
def administrator():
    return make_actor("administrator")


@pytest.fixture(autouse=True)
def no_jobs_left(engine):
    """Each test starts with no job: a worker claims the oldest queued one of all."""
    from sqlalchemy import text
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM jobs"))
