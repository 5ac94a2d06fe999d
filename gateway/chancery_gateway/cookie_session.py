"""The browser's session cookie: Flask's signed cookie, sent back only when the session
changed or its expiry is due to slide.

Flask re-sends a permanent session's cookie with every response, so that it expires twelve
hours after the last request rather than after sign-in. That re-sends the session as the
request read it: a request already under way when another changed the session (the route
drawing a form asked for while the form itself was being sent) answered after it with the
old session, and a message shown once ("Route saved as version 1") came back on the next
page. Here an unchanged session is re-sent at most once every REFRESH, which keeps the
expiry sliding (to within REFRESH) and leaves such a stale answer nothing to send."""
import time
from datetime import timedelta

from flask.sessions import SecureCookieSessionInterface

REFRESH = timedelta(minutes=10)
STAMP = "_sent"  # when the cookie was last sent (epoch seconds)


class SessionInterface(SecureCookieSessionInterface):
    def save_session(self, app, session, response):
        if session and session.permanent:
            sent = session.get(STAMP)
            now = int(time.time())
            if session.modified or not isinstance(sent, int) or now - sent >= REFRESH.total_seconds():
                session[STAMP] = now  # marks the session modified: the cookie goes out
        super().save_session(app, session, response)

    def should_set_cookie(self, app, session):
        return session.modified
