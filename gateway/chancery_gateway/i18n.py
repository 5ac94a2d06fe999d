"""Every string people read goes through gettext; catalogues in translations/ (en, ru).

The language is the one chosen in this browser (a cookie set by the language switch),
else the signed-in employee's own (kept on their card by the staff service, so it follows
them to every browser and into their e-mails), else the browser's preference.
"""
from flask import g, has_request_context, request
from flask_babel import Babel

LANGUAGES = {"en": "English", "ru": "Русский"}
COOKIE = "chancery_lang"


def select_locale():
    chosen = request.cookies.get(COOKIE)
    if chosen in LANGUAGES:
        return chosen
    employee = g.get("employee") if has_request_context() else None
    if employee and employee.get("locale") in LANGUAGES:
        return employee["locale"]
    return request.accept_languages.best_match(list(LANGUAGES)) or "en"


def register(app):
    Babel(app, locale_selector=select_locale)
