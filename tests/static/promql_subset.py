"""A parser of the PromQL that deploy/monitoring uses, so the tests check the alert rules and
the dashboard as ``promtool check rules`` would, on a machine without promtool (PyPI has no
PromQL parser). It parses and refuses what it does not know: selectors with label matchers
(their regular expressions compiled), range vectors, aggregations with ``by``/``without``,
functions by name with their argument kinds, binary operators with ``bool``, numbers and
parentheses (without operator precedence: the type and labels checked here do not depend
on it). ``parse`` returns the expression's type (``vector``, ``range``, ``scalar``)
and the labels its result keeps (None: all its series' labels), for checking what the
annotations may name.
"""
import re

AGGREGATIONS = {"sum", "min", "max", "avg", "count", "stddev", "stdvar", "group", "topk", "bottomk", "quantile"}
WITH_PARAMETER = {"topk", "bottomk", "quantile"}
# function: (argument types, result type)
FUNCTIONS = {
    "rate": (("range",), "vector"), "irate": (("range",), "vector"), "increase": (("range",), "vector"),
    "delta": (("range",), "vector"), "deriv": (("range",), "vector"),
    "max_over_time": (("range",), "vector"), "min_over_time": (("range",), "vector"),
    "avg_over_time": (("range",), "vector"), "absent": (("vector",), "vector"),
    "abs": (("vector",), "vector"), "clamp_min": (("vector", "scalar"), "vector"),
    "histogram_quantile": (("scalar", "vector"), "vector"), "time": ((), "scalar"),
}
BINARY = ("==", "!=", ">=", "<=", ">", "<", "+", "-", "*", "/", "%", "^")
SET_OPERATORS = {"and", "or", "unless"}
COMPARISONS = {"==", "!=", ">=", "<=", ">", "<"}
TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<number>\d+(\.\d+)?([eE][-+]?\d+)?)
  | (?P<duration>\[\s*\d+[smhdwy]\s*\])
  | (?P<string>"(\\.|[^"\\])*")
  | (?P<name>[a-zA-Z_:][a-zA-Z0-9_:]*)
  | (?P<matcher_op>=~|!~)
  | (?P<operator>==|!=|>=|<=|[-+*/%^<>=])
  | (?P<punctuation>[(){},])
""", re.VERBOSE)
LABEL = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*$")


class PromQLError(ValueError):
    pass


def tokens(expr):
    found, at = [], 0
    while at < len(expr):
        match = TOKEN.match(expr, at)
        if not match:
            raise PromQLError(f"cannot read {expr[at:at + 20]!r}")
        if match.lastgroup != "space":
            found.append((match.lastgroup, match.group()))
        at = match.end()
    return found


class Parser:
    def __init__(self, expr):
        self.tokens = tokens(expr)
        self.at = 0

    def peek(self, ahead=0):
        index = self.at + ahead
        return self.tokens[index] if index < len(self.tokens) else (None, None)

    def take(self, value=None, kind=None):
        found_kind, found = self.peek()
        if (value is not None and found != value) or (kind is not None and found_kind != kind):
            raise PromQLError(f"expected {value or kind}, found {found!r}")
        self.at += 1
        return found

    def parse(self):
        result = self.expression()
        if self.peek()[0] is not None:
            raise PromQLError(f"unexpected {self.peek()[1]!r}")
        return result

    def expression(self):
        left = self.unary()
        while True:
            kind, value = self.peek()
            if not ((kind == "operator" and value in BINARY) or (kind == "name" and value in SET_OPERATORS)):
                return left
            self.at += 1
            if self.peek()[1] == "bool":
                if value not in COMPARISONS:
                    raise PromQLError(f"bool after {value!r}")
                self.at += 1
            right = self.unary()
            left = binary(value, left, right)

    def unary(self):
        if self.peek()[1] in ("-", "+"):
            self.at += 1
        return self.primary()

    def primary(self):
        kind, value = self.peek()
        if kind == "number":
            self.at += 1
            return ("scalar", set())
        if value == "(":
            self.at += 1
            inner = self.expression()
            self.take(")")
            return inner
        if kind == "name" and value in AGGREGATIONS:
            return self.aggregation()
        if kind == "name" and self.peek(1)[1] == "(":
            return self.function()
        if kind == "name" or value == "{":
            return self.selector()
        raise PromQLError(f"unexpected {value!r}")

    def grouping(self):
        self.take("(")
        labels = []
        while self.peek()[1] != ")":
            labels.append(self.take(kind="name"))
            if self.peek()[1] == ",":
                self.at += 1
        self.take(")")
        return set(labels)

    def aggregation(self):
        name = self.take()
        labels, modifier = set(), None
        if self.peek()[1] in ("by", "without"):
            modifier = self.take()
            labels = self.grouping()
        self.take("(")
        if name in WITH_PARAMETER:
            if self.expression()[0] != "scalar":
                raise PromQLError(f"{name}: its first argument must be a number")
            self.take(",")
        inner = self.expression()
        if inner[0] != "vector":
            raise PromQLError(f"{name} of a {inner[0]}")
        self.take(")")
        if modifier is None and self.peek()[1] in ("by", "without"):
            modifier = self.take()
            labels = self.grouping()
        return ("vector", None if modifier == "without" else labels)

    def function(self):
        name = self.take()
        if name not in FUNCTIONS:
            raise PromQLError(f"unknown function {name}")
        wanted, result = FUNCTIONS[name]
        self.take("(")
        arguments = []
        while self.peek()[1] != ")":
            arguments.append(self.expression())
            if self.peek()[1] == ",":
                self.at += 1
        self.take(")")
        if tuple(a[0] for a in arguments) != wanted:
            raise PromQLError(f"{name} takes {wanted}, given {tuple(a[0] for a in arguments)}")
        labels = next((a[1] for a in arguments if a[0] in ("vector", "range")), set())
        if name == "histogram_quantile" and labels is not None:
            labels = labels - {"le"}
        return (result, labels)

    def selector(self):
        if self.peek()[0] == "name":
            self.at += 1
        if self.peek()[1] == "{":
            self.at += 1
            while self.peek()[1] != "}":
                label = self.take(kind="name")
                kind, operator = self.peek()
                if operator not in ("=", "!=", "=~", "!~"):
                    raise PromQLError(f"label {label}: {operator!r} is no matcher")
                self.at += 1
                pattern = self.take(kind="string")[1:-1]
                if operator in ("=~", "!~"):
                    try:
                        re.compile(pattern)
                    except re.error as exc:
                        raise PromQLError(f"label {label}: bad regular expression {pattern!r}: {exc}") from None
                if self.peek()[1] == ",":
                    self.at += 1
            self.take("}")
        if self.peek()[0] == "duration":
            self.at += 1
            return ("range", None)
        return ("vector", None)


def binary(operator, left, right):
    if "range" in (left[0], right[0]):
        raise PromQLError(f"{operator} of a range vector")
    if operator in SET_OPERATORS and "scalar" in (left[0], right[0]):
        raise PromQLError(f"{operator} needs two vectors")
    if left[0] == right[0] == "scalar":
        return left
    return left if left[0] == "vector" else right


def parse(expr):
    """(type, labels kept or None for all) of a PromQL expression; PromQLError when it is not one."""
    return Parser(expr).parse()


def label_name(name):
    return bool(LABEL.match(name))
