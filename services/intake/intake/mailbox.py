"""An IMAP mailbox as an intake source: read over TLS (IMAPS, or STARTTLS on the plain port),
each message identified by ``<UIDVALIDITY>:<UID>`` and, once its item is committed, moved to
the processed folder (``UID MOVE``, or COPY + \\Deleted + EXPUNGE where the server lacks MOVE).

Settings (``sources.settings`` of a source of kind ``imap``): host, port (993), security
(``tls`` or ``starttls``), username, mailbox (INBOX), processed_mailbox (Processed),
ca_file (a CA to trust besides the system's, e.g. a company CA), max_messages (per poll).
"""
import email
import email.policy
import imaplib
import re
import ssl
from dataclasses import dataclass, field
from email.utils import getaddresses

from marshmallow import Schema, fields, validate

MAX_FILE_BYTES = 50 * 1024 * 1024


class ImapSettingsSchema(Schema):
    host = fields.String(required=True, validate=validate.Length(min=1, max=253))
    port = fields.Integer(load_default=993, validate=validate.Range(min=1, max=65535))
    security = fields.String(load_default="tls", validate=validate.OneOf(("tls", "starttls")))
    username = fields.String(required=True, validate=validate.Length(min=1, max=254))
    mailbox = fields.String(load_default="INBOX", validate=validate.Length(min=1, max=200))
    processed_mailbox = fields.String(load_default="Processed", validate=validate.Length(min=1, max=200))
    ca_file = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=500))
    max_messages = fields.Integer(load_default=50, validate=validate.Range(min=1, max=1000))


@dataclass
class Incoming:
    """One thing a source took in, before it is an item."""

    identity: str
    subject: str = ""
    body: str = ""
    sender_email: str | None = None
    sender_name: str | None = None
    files: list = field(default_factory=list)  # [(filename, content_type, bytes)]
    handle: object = None  # what the reader needs to move it away afterwards


def parse_message(raw, identity):
    """An e-mail's sender, subject, plain-text body and attachments; a message with no
    attachment keeps itself as ``message.eml`` so the item always has its file."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    senders = getaddresses([str(message.get("From", ""))])
    name, address = senders[0] if senders else ("", "")
    body_part = message.get_body(preferencelist=("plain", "html"))
    body = ""
    if body_part is not None:
        body = body_part.get_content()
        if body_part.get_content_type() == "text/html":
            body = re.sub(r"<[^>]+>", " ", body)
    files = []
    for part in message.iter_attachments():
        data = part.get_payload(decode=True) or b""
        if not data or len(data) > MAX_FILE_BYTES:
            continue
        filename = part.get_filename() or f"attachment-{len(files) + 1}"
        files.append((filename, part.get_content_type(), data))
    if not files:
        files.append(("message.eml", "message/rfc822", raw))
    return Incoming(identity=identity, subject=str(message.get("Subject", ""))[:500], body=body.strip(),
                    sender_email=address.lower() or None, sender_name=name or None, files=files)


class Mailbox:
    """A connection to one mailbox for one poll (a context manager)."""

    def __init__(self, settings, password, timeout=30):
        self.settings, self.password, self.timeout = settings, password, timeout
        self.connection = None
        self.uidvalidity = None
        self.capabilities = set()

    def _context(self):
        context = ssl.create_default_context()
        if self.settings.get("ca_file"):
            context.load_verify_locations(self.settings["ca_file"])
        return context

    def __enter__(self):
        host, port = self.settings["host"], int(self.settings.get("port") or 993)
        if self.settings.get("security", "tls") == "starttls":
            self.connection = imaplib.IMAP4(host, port, timeout=self.timeout)
            self.connection.starttls(self._context())
        else:
            self.connection = imaplib.IMAP4_SSL(host, port, ssl_context=self._context(), timeout=self.timeout)
        self.connection.login(self.settings["username"], self.password or "")
        status, data = self.connection.capability()  # the server tells more once logged in
        self.capabilities = set((data[0] or b"").decode().upper().split()) if status == "OK" else set()
        self._ensure(self.settings.get("processed_mailbox") or "Processed")
        status, data = self.connection.select(_quoted(self.settings.get("mailbox") or "INBOX"))
        _ok(status, data, "SELECT")
        self.uidvalidity = self._uidvalidity()
        return self

    def __exit__(self, *exc):
        try:
            self.connection.logout()
        except Exception:  # noqa: BLE001  (the connection is gone anyway)
            pass

    def _ensure(self, name):
        status, data = self.connection.list('""', _quoted(name))
        if status == "OK" and any(data or []) and data != [None]:
            return
        status, data = self.connection.create(_quoted(name))
        if status != "OK" and b"ALREADYEXISTS" not in b" ".join(d for d in data if isinstance(d, bytes)).upper():
            _ok(status, data, "CREATE")

    def _uidvalidity(self):
        found = self.connection.untagged_responses.get("UIDVALIDITY")
        if found:
            return int(found[-1])
        status, data = self.connection.status(_quoted(self.settings.get("mailbox") or "INBOX"), "(UIDVALIDITY)")
        _ok(status, data, "STATUS")
        return int(re.search(rb"UIDVALIDITY (\d+)", data[0]).group(1))

    def uids(self):
        """The UIDs in the mailbox, oldest first, at most max_messages."""
        status, data = self.connection.uid("SEARCH", None, "ALL")
        _ok(status, data, "UID SEARCH")
        found = [int(uid) for uid in (data[0] or b"").split()]
        return found[: int(self.settings.get("max_messages") or 50)]

    def identity(self, uid):
        return f"{self.uidvalidity}:{uid}"

    def fetch(self, uid):
        status, data = self.connection.uid("FETCH", str(uid), "(BODY.PEEK[])")
        _ok(status, data, "UID FETCH")
        raw = next((part[1] for part in data if isinstance(part, tuple)), None)
        if raw is None:
            return None  # expunged meanwhile
        incoming = parse_message(raw, self.identity(uid))
        incoming.handle = uid
        return incoming

    def move_away(self, uid):
        """Move a message whose item is committed to the processed folder."""
        target = _quoted(self.settings.get("processed_mailbox") or "Processed")
        capabilities = self.capabilities | set(self.connection.capabilities)
        if "MOVE" in capabilities:
            status, data = self.connection.uid("MOVE", str(uid), target)
            _ok(status, data, "UID MOVE")
            return
        status, data = self.connection.uid("COPY", str(uid), target)
        _ok(status, data, "UID COPY")
        self.connection.uid("STORE", str(uid), "+FLAGS.SILENT", r"(\Deleted)")
        if "UIDPLUS" in capabilities:
            self.connection.uid("EXPUNGE", str(uid))
        else:
            self.connection.expunge()


def _quoted(name):
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _ok(status, data, command):
    if status != "OK":
        detail = b" ".join(d for d in (data or []) if isinstance(d, bytes)).decode(errors="replace")
        raise imaplib.IMAP4.error(f"{command} failed: {detail}")
