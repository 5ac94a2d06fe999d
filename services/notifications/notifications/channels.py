"""Delivery channels beyond the inbox, and the deliveries queue that feeds them.

A notification that an employee wants by e-mail (or any other channel) gets one row in
``deliveries`` per channel, in the same transaction as the notification; the unique key
(notification, channel) means a redelivered event never sends twice. A timer claims due
rows with ``FOR UPDATE SKIP LOCKED`` (so replicas share the work), hands each to its
channel and records the attempt; a failure is retried with exponential backoff until
``max_attempts``; every attempt is kept in the row's ``log``.

Adding a channel is one class (see docs/operations.md, "Adding a notification channel")::

    class WebhookChannel(Channel):
        name = "webhook"

        def configured(self):
            return bool(self.settings.get("WEBHOOK_URL"))

        def address_of(self, employee):
            return self.settings["WEBHOOK_URL"]

        def send(self, delivery, notification, employee):
            requests.post(delivery.address, json={...}, timeout=10).raise_for_status()

    register(WebhookChannel)
"""
import html
import logging
import smtplib
import ssl
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from sqlalchemy import select

from . import events
from .models import Delivery, Employee, Notification

log = logging.getLogger(__name__)

CHANNELS = {}


def register(channel_class):
    """Make a channel available under its ``name`` (employees choose it in their preferences)."""
    CHANNELS[channel_class.name] = channel_class
    return channel_class


class Channel:
    """One way of telling an employee, besides the inbox."""

    name = ""
    label = ""

    def __init__(self, settings):
        self.settings = settings or {}

    def configured(self):
        """Whether the channel may send at all (e.g. an SMTP host is set)."""
        return True

    def address_of(self, employee):
        """Where this employee is reached through the channel, or None if they are not."""
        raise NotImplementedError

    def send(self, delivery, notification, employee):
        """Send one notification; raise on failure (it is retried with backoff)."""
        raise NotImplementedError


@register
class EmailChannel(Channel):
    """E-mail over SMTP: an HTML and a plain text part, links back to the web UI."""

    name = "email"
    label = "E-mail"

    def configured(self):
        return bool(self.settings.get("SMTP_HOST"))

    def address_of(self, employee):
        return employee.email if employee is not None and employee.email else None

    def link(self, notification):
        base = (self.settings.get("PUBLIC_URL") or "").rstrip("/")
        return f"{base}{notification.link}" if notification.link else (base + "/inbox" if base else None)

    def message(self, delivery, notification, employee):
        message = EmailMessage()
        message["Subject"] = notification.title
        message["From"] = self.settings.get("SMTP_FROM") or "chancery@localhost"
        message["To"] = delivery.address
        message["Date"] = formatdate(localtime=False)
        # the delivery id makes the message id: a resent attempt is recognisably the same mail
        message["Message-ID"] = make_msgid(idstring=str(delivery.id), domain="chancery")
        message["X-Chancery-Delivery"] = str(delivery.id)
        link = self.link(notification)
        text = notification.title + "\n\n" + (notification.body or "")
        if link:
            text += f"\n\nOpen: {link}\n"
        message.set_content(text)
        body = "".join(f"<p>{html.escape(line)}</p>" for line in (notification.body or "").split("\n") if line)
        anchor = f'<p><a href="{html.escape(link)}">Open in Chancery</a></p>' if link else ""
        message.add_alternative(
            f"<html><body><h3>{html.escape(notification.title)}</h3>{body}{anchor}</body></html>", subtype="html")
        invitation = (notification.data or {}).get("calendar")
        if invitation:
            # as Outlook and Gmail expect an invitation: a text/calendar alternative with its
            # method, and the same as an .ics attachment for programs that read only those
            method = invitation["method"]
            message.add_alternative(invitation["ics"], subtype="calendar", params={"method": method})
            message.add_attachment(invitation["ics"], subtype="calendar",
                                   filename="invite.ics" if method == "REQUEST" else "cancel.ics",
                                   params={"method": method})
        return message

    def send(self, delivery, notification, employee):
        host = self.settings["SMTP_HOST"]
        port = int(self.settings.get("SMTP_PORT") or 25)
        mode = (self.settings.get("SMTP_TLS") or "none").lower()
        timeout = float(self.settings.get("SMTP_TIMEOUT") or 20)
        if mode == "ssl":
            client = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(host, port, timeout=timeout)
        with client:
            if mode == "starttls":
                client.starttls(context=ssl.create_default_context())
            if self.settings.get("SMTP_USER"):
                client.login(self.settings["SMTP_USER"], self.settings.get("SMTP_PASSWORD") or "")
            client.send_message(self.message(delivery, notification, employee))


_warned = set()


def active_channels(settings):
    """The configured channels by name; one not configured is logged once and left out."""
    active = {}
    for name, channel_class in CHANNELS.items():
        channel = channel_class(settings)
        if channel.configured():
            active[name] = channel
        elif name not in _warned:
            _warned.add(name)
            log.warning("notification channel %r is not configured: it is off", name)
    return active


def plan(session, *, notification_id, recipient_id, channels, settings, not_before=None):
    """Queue the notification on each named channel that is on and reaches the employee."""
    if not channels:
        return []
    employee = session.get(Employee, recipient_id)
    planned = []
    active = active_channels(settings)
    for name in channels:
        channel = active.get(name)
        address = channel.address_of(employee) if channel else None
        if address is None:
            continue
        session.add(Delivery(notification_id=notification_id, recipient_id=recipient_id, channel=name,
                             address=address, next_attempt_at=not_before or datetime.now(timezone.utc),
                             log=[]))
        planned.append(name)
    session.flush()
    return planned


def backoff(attempts, base):
    """Seconds to wait after the n-th failed attempt: base, 2*base, 4*base... at most a day."""
    return min(base * (2 ** max(attempts - 1, 0)), 86400)


def deliver_due(session, *, settings, now=None, limit=50):
    """Send up to ``limit`` due deliveries (claimed so no other replica sends them); returns counts."""
    now = now or datetime.now(timezone.utc)
    active = active_channels(settings)
    base = float(settings.get("DELIVERY_RETRY_SECONDS") or 30)
    max_attempts = int(settings.get("DELIVERY_MAX_ATTEMPTS") or 8)
    sent = failed = 0
    with session.begin():
        rows = session.scalars(
            select(Delivery).where(Delivery.state == "pending", Delivery.next_attempt_at <= now,
                                   Delivery.channel.in_(list(active) or [""]))
            .order_by(Delivery.next_attempt_at).limit(limit).with_for_update(skip_locked=True)).all()
        for delivery in rows:
            notification = session.get(Notification, delivery.notification_id)
            employee = session.get(Employee, delivery.recipient_id)
            delivery.attempts += 1
            attempt = {"at": datetime.now(timezone.utc).isoformat(), "attempt": delivery.attempts}
            try:
                if notification is None:
                    raise LookupError("the notification no longer exists")
                active[delivery.channel].send(delivery, notification, employee)
            except Exception as exc:  # a channel's failure of any kind is retried
                failed += 1
                delivery.last_error = f"{type(exc).__name__}: {exc}"[:2000]
                attempt["error"] = delivery.last_error
                if delivery.attempts >= max_attempts:
                    delivery.state = "failed"
                else:
                    delivery.next_attempt_at = now + timedelta(seconds=backoff(delivery.attempts, base))
                log.warning("delivery %s (%s) attempt %d failed: %s", delivery.id, delivery.channel,
                            delivery.attempts, exc)
            else:
                sent += 1
                delivery.state = "sent"
                delivery.sent_at = datetime.now(timezone.utc)
                delivery.last_error = None
                attempt["sent"] = True
                events.catalog.record(session, events.NOTIFICATION_SENT, {
                    "notification_id": notification.id, "recipient_id": notification.recipient_id,
                    "kind": notification.kind, "channel": delivery.channel,
                    "subject_type": notification.subject_type, "subject_id": notification.subject_id,
                    "counterparty_id": notification.counterparty_id})
            delivery.log = [*delivery.log, attempt]
    return {"sent": sent, "failed": failed}


def delivery_log(session, *, notification_ids):
    """The deliveries of some notifications, for showing how each went out."""
    return session.scalars(select(Delivery).where(Delivery.notification_id.in_(notification_ids))
                           .order_by(Delivery.created_at)).all()
