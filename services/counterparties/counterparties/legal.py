"""Russian legal details: INN (tax id), OGRN / OGRNIP (registration number) and KPP.

The check digits are python-stdnum's (``stdnum.ru.inn``, ``stdnum.ru.ogrn``). One amendment:
an OGRNIP's check digit is the last digit of the remainder of its first 14 digits divided by
13 (the tax service's rule), where stdnum compares the whole remainder, so it would refuse
the real OGRNIPs whose remainder is 10, 11 or 12. stdnum has no KPP: its format is checked
here (4 digits of the tax office, 2 digits or capital letters of the reason, 3 digits).
Each ``*_problem`` function returns None for a valid value, else a sentence that says what
is wrong.
"""
import re

from stdnum.exceptions import InvalidChecksum, InvalidComponent, ValidationError
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

KPP = re.compile(r"^\d{4}[\dA-Z]{2}\d{3}$")


def complete_inn(body):
    """An INN from its first 9 (organisation) or 10 (individual) digits, with its check digits."""
    if len(body) == 9:
        return body + stdnum_inn.calc_company_check_digit(body)
    return body + stdnum_inn.calc_personal_check_digits(body)


def inn_problem(inn, kind=None):
    """Organisations have 10 digits, individuals 12; ``kind`` None accepts either."""
    lengths = {"organisation": (10,), "individual": (12,)}.get(kind, (10, 12))
    if not inn.isdigit() or len(inn) not in lengths:
        return f"An INN has {' or '.join(map(str, lengths))} digits."
    try:
        stdnum_inn.validate(inn)
    except ValidationError:
        return "The INN check digits do not match: check for a typing error."
    return None


def complete_ogrn(body):
    """An OGRN from its first 12 digits, or an OGRNIP from its first 14, with its check digit."""
    return body + stdnum_ogrn.calc_check_digit(body + "0")[-1]


def ogrn_problem(number, kind=None):
    """OGRN of an organisation: 13 digits; OGRNIP of an individual entrepreneur: 15."""
    lengths = {"organisation": (13,), "individual": (15,)}.get(kind, (13, 15))
    if not number.isdigit() or len(number) not in lengths:
        return f"A registration number (OGRN/OGRNIP) has {' or '.join(map(str, lengths))} digits."
    try:
        stdnum_ogrn.validate(number)
    except InvalidChecksum:
        if complete_ogrn(number[:-1]) != number:
            return "The registration number's check digit does not match: check for a typing error."
    except InvalidComponent:
        return "An OGRN does not start with 0, and an OGRNIP starts with 3 or 4: check for a typing error."
    except ValidationError:
        return f"A registration number (OGRN/OGRNIP) has {' or '.join(map(str, lengths))} digits."
    return None


def kpp_problem(kpp):
    if not KPP.match(kpp):
        return "A KPP has 9 characters: 4 digits, 2 digits or capital letters, 3 digits."
    return None
