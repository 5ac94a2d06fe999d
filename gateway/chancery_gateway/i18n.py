"""Every string people read goes through gettext; catalogues in translations/ (en, ru).

The language is the one the employee chose (a cookie set from the language switch),
else the browser's preference among the supported ones.
"""
from flask import request
from flask_babel import Babel

LANGUAGES = {"en": "English", "ru": "Русский"}
COOKIE = "chancery_lang"


def select_locale():
    chosen = request.cookies.get(COOKIE)
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(list(LANGUAGES)) or "en"


def register(app):
    Babel(app, locale_selector=select_locale)
