"""The text of an e-mail file (.eml): who wrote to whom, when and about what, the body, and
the text of each attachment, each read as a file of its own kind (a scanned attachment is
recognised, a DOCX read, a forwarded message opened in turn, up to MAX_DEPTH levels)."""
import email
import email.policy
import html
import logging
import re

from . import extraction, tools

log = logging.getLogger(__name__)

MAX_DEPTH = 3  # messages within messages
MAX_ATTACHMENTS = 50
HEADERS = ("From", "To", "Cc", "Date", "Subject")
TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)


def extract(path, *, workdir, settings, depth=0):
    try:
        message = tools.in_thread(email.message_from_bytes, path.read_bytes(), policy=email.policy.default)
    except Exception as exc:  # the parser is lenient; what it still refuses cannot be read
        raise extraction.Unreadable(f"the e-mail cannot be read ({exc})") from None
    if not any(message.get(name) for name in HEADERS):
        raise extraction.Unreadable("not an e-mail message (no From, To, Date or Subject)")
    parts = [f"{name}: {message[name]}" for name in HEADERS if message.get(name)]
    body = message.get_body(preferencelist=("plain", "html"))
    if body is not None:
        parts.append(_text_of(body))
    attachments = [part for part in message.iter_attachments()][:MAX_ATTACHMENTS]
    for number, part in enumerate(attachments, 1):
        parts.append(_attachment(part, number, workdir, settings, depth))
    return extraction.Extracted("\n\n".join(p for p in parts if p), "email")


def _text_of(part):
    try:
        content = part.get_content()
    except (LookupError, ValueError):  # an unknown charset
        content = (part.get_payload(decode=True) or b"").decode("utf-8", errors="replace")
    if part.get_content_type() == "text/html":
        content = html.unescape(TAGS.sub(" ", content))
    return content.strip()


def _attachment(part, number, workdir, settings, depth):
    name = part.get_filename() or f"attachment-{number}"
    heading = f"--- {name} ---"
    if part.get_content_type() == "message/rfc822" or name.lower().endswith(".eml"):
        nested = part.get_payload()
        data = (nested[0].as_bytes() if isinstance(nested, list) and nested
                else part.get_payload(decode=True) or b"")
    else:
        data = part.get_payload(decode=True) or b""
    if not data or depth >= MAX_DEPTH:
        return heading
    folder = workdir / f"attachment-{depth}-{number}"
    folder.mkdir()
    path = folder / "content"
    path.write_bytes(data)
    content_type = ("message/rfc822" if part.get_content_type() == "message/rfc822"
                    else extraction.sniff(path))
    try:
        found = extraction.extract(path, content_type=content_type, filename=name, workdir=folder,
                                   settings=settings, depth=depth + 1)
    except extraction.Unreadable as exc:
        return f"{heading}\n({exc})"
    return f"{heading}\n{found.text}"
