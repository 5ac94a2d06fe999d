"""A watched folder as an intake source: a scanner (or anyone) drops files into it; each file
left alone for ``settle_seconds`` (so one still being written is not taken half) becomes an
item, identified by ``<name>:<sha256>``, and once its item is committed the file is moved to
the ``processed`` subfolder (a name taken there gets a numbered suffix).

Settings (``sources.settings`` of a source of kind ``folder``): path (an absolute folder the
service's processes can read and write; every replica must see the same one, e.g. a shared
volume), processed_subfolder (``processed``), settle_seconds (5), max_files (per poll).
"""
import hashlib
import mimetypes
import os
import time
from pathlib import Path

from marshmallow import Schema, ValidationError, fields, validate, validates

from .mailbox import MAX_FILE_BYTES, Incoming


class FolderSettingsSchema(Schema):
    path = fields.String(required=True, validate=validate.Length(min=1, max=500))
    processed_subfolder = fields.String(load_default="processed", validate=validate.Regexp(
        r"^[^/\\]{1,100}$", error="A name of a subfolder, without slashes."))
    settle_seconds = fields.Float(load_default=5, validate=validate.Range(min=0, max=3600))
    max_files = fields.Integer(load_default=50, validate=validate.Range(min=1, max=1000))

    @validates("path")
    def absolute(self, value, **kwargs):
        if not os.path.isabs(value):
            raise ValidationError("An absolute path of a folder.")


class Folder:
    def __init__(self, settings):
        self.path = Path(settings["path"])
        self.processed = self.path / (settings.get("processed_subfolder") or "processed")
        self.settle_seconds = float(settings.get("settle_seconds", 5))
        self.max_files = int(settings.get("max_files") or 50)

    def __enter__(self):
        if not self.path.is_dir():
            raise FileNotFoundError(f"the folder {self.path} does not exist")
        self.processed.mkdir(exist_ok=True)
        return self

    def __exit__(self, *exc):
        return None

    def names(self):
        """Files ready to take, oldest first: not hidden, not being written, at most max_files."""
        now, ready = time.time(), []
        for entry in os.scandir(self.path):
            if not entry.is_file(follow_symlinks=False) or entry.name.startswith((".", "~")):
                continue
            stat = entry.stat()
            if now - stat.st_mtime >= self.settle_seconds:
                ready.append((stat.st_mtime, entry.name))
        return [name for _, name in sorted(ready)[: self.max_files]]

    def fetch(self, name):
        path = self.path / name
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None  # taken by someone else meanwhile
        identity = f"{name}:{hashlib.sha256(data).hexdigest()}"
        if len(data) > MAX_FILE_BYTES or not data:
            return Incoming(identity=identity, subject=name, handle=name)
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return Incoming(identity=identity, subject=Path(name).stem[:500], files=[(name, content_type, data)],
                        handle=name)

    def move_away(self, name):
        source = self.path / name
        if not source.exists():
            return
        target, counter = self.processed / name, 1
        while target.exists():
            target = self.processed / f"{Path(name).stem} ({counter}){Path(name).suffix}"
            counter += 1
        os.replace(source, target)
