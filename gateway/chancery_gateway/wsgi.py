"""The WSGI entry point gunicorn loads: ``chancery_gateway.wsgi:app``."""
from .app import create_app

app = create_app()
