"""Russian legal details and their check digits: INN (tax id), OGRN / OGRNIP (registration
number) and KPP. Each ``*_problem`` function returns None for a valid value, else a
sentence that says what is wrong."""
import re

INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
INN11_WEIGHTS = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
INN12_WEIGHTS = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
KPP = re.compile(r"^\d{4}[\dA-Z]{2}\d{3}$")


def _check_digit(digits, weights):
    return str(sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 % 10)


def complete_inn(body):
    """An INN from its first 9 (organisation) or 10 (individual) digits, with its check digits."""
    if len(body) == 9:
        return body + _check_digit(body, INN10_WEIGHTS)
    body += _check_digit(body, INN11_WEIGHTS)
    return body + _check_digit(body, INN12_WEIGHTS)


def inn_problem(inn, kind=None):
    """Organisations have 10 digits, individuals 12; ``kind`` None accepts either."""
    lengths = {"organisation": (10,), "individual": (12,)}.get(kind, (10, 12))
    if not inn.isdigit() or len(inn) not in lengths:
        return f"An INN has {' or '.join(map(str, lengths))} digits."
    if complete_inn(inn[:9] if len(inn) == 10 else inn[:10]) != inn:
        return "The INN check digits do not match: check for a typing error."
    return None


def ogrn_problem(number, kind=None):
    """OGRN of an organisation: 13 digits; OGRNIP of an individual entrepreneur: 15."""
    lengths = {"organisation": (13,), "individual": (15,)}.get(kind, (13, 15))
    if not number.isdigit() or len(number) not in lengths:
        return f"A registration number (OGRN/OGRNIP) has {' or '.join(map(str, lengths))} digits."
    modulus = 11 if len(number) == 13 else 13
    if int(number[:-1]) % modulus % 10 != int(number[-1]):
        return "The registration number's check digit does not match: check for a typing error."
    return None


def kpp_problem(kpp):
    if not KPP.match(kpp):
        return "A KPP has 9 characters: 4 digits, 2 digits or capital letters, 3 digits."
    return None
