"""The OData v2 query subset the Exact Online emulator understands: $filter, $select, $orderby.

Exact's REST API is WCF Data Services on SQL Server, so the emulator copies its habits where the
client can notice them:
- literals are typed (`guid'..'`, `datetime'..'`, `123L`, `'it''s'`) and a literal of the wrong type
  for the property is a 400, as is an unknown property or a syntax error;
- string comparisons ignore case (SQL Server's default collation), but leading spaces count, which
  is why a filter on the space-padded account `Code` must include them;
- a comparison with a missing value (NULL) is false except for `ne` (OData's null semantics).

`compile_filter` turns the text into a predicate over the emulator's stored records (dicts in their
output form: dates as "/Date(ms)/"), so the per-row cost is a few dict lookups.
"""

from __future__ import annotations

import operator
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

Record = dict[str, Any]
Predicate = Callable[[Record], bool]

# property types; "rowversion" is the sync Timestamp, read from the record's internal "_ts"
STRING, GUID, INT32, INT64, BOOL, DATETIME, DECIMAL, ROWVERSION = (
    "string", "guid", "int32", "int64", "bool", "datetime", "decimal", "rowversion",
)  # fmt: skip
EDM_NAMES = {
    STRING: "System.String",
    GUID: "System.Guid",
    INT32: "System.Int32",
    INT64: "System.Int64",
    ROWVERSION: "System.Int64",
    BOOL: "System.Boolean",
    DATETIME: "System.DateTime",
    DECIMAL: "System.Double",
    "null": "null",
}
# which literal kinds each property type accepts (ints widen to Int64 and Double, as in OData)
COMPATIBLE = {
    STRING: {STRING},
    GUID: {GUID},
    INT32: {INT32},
    INT64: {INT32, INT64},
    ROWVERSION: {INT32, INT64},
    BOOL: {BOOL},
    DATETIME: {DATETIME},
    DECIMAL: {INT32, INT64, DECIMAL},
}
COMPARISONS = {
    "eq": operator.eq,
    "ne": operator.ne,
    "gt": operator.gt,
    "ge": operator.ge,
    "lt": operator.lt,
    "le": operator.le,
}
STRING_FUNCTIONS = ("startswith", "endswith", "substringof")


class ODataError(ValueError):
    """A query Exact would answer with 400; the message is what goes into the error body."""


@dataclass(frozen=True)
class Literal:
    kind: str  # one of the type names above, or "null"
    value: Any
    position: int


def date_ms(value: Any) -> int | None:
    """Epoch ms of an OData v2 "/Date(ms)/" value (an offset suffix is ignored); None if unreadable."""
    if isinstance(value, str) and value.startswith("/Date(") and value.endswith(")/"):
        body = value[6:-2]
        cut = max(body.rfind("+"), body.rfind("-"))
        if cut > 0:
            body = body[:cut]
        try:
            return int(body)
        except ValueError:
            return None
    return None


def parse_datetime_ms(text: str) -> int:
    """datetime'2024-01-01T00:00:00(.fff)' as epoch ms; no zone means UTC (the sandbox's choice)."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ODataError(f"Unrecognized 'Edm.DateTime' literal 'datetime'{text}''.") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return round(moment.timestamp() * 1000)


# ---------------------------------------------------------------------- tokenizer

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<typed>(?:guid|datetime|datetimeoffset|time)'(?:[^']|'')*')
  | (?P<string>'(?:[^']|'')*')
  | (?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[LlMmDdFf]?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<punct>[(),])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Tok:
    kind: str  # "literal", "name", "punct", "end"
    text: str
    position: int
    literal: Literal | None = None


def _tokenize(text: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise ODataError(f"Syntax error at position {position} in '{text}'.")
        kind, raw = match.lastgroup, match.group()
        if kind == "typed":
            prefix, _, rest = raw.partition("'")
            tokens.append(
                _Tok("literal", raw, position, _typed_literal(prefix, rest[:-1].replace("''", "'"), position))
            )
        elif kind == "string":
            tokens.append(
                _Tok("literal", raw, position, Literal(STRING, raw[1:-1].replace("''", "'"), position))
            )
        elif kind == "number":
            tokens.append(_Tok("literal", raw, position, _number_literal(raw, position)))
        elif kind == "name":
            word = raw.lower()
            if word in ("true", "false"):
                tokens.append(_Tok("literal", raw, position, Literal(BOOL, word == "true", position)))
            elif word == "null":
                tokens.append(_Tok("literal", raw, position, Literal("null", None, position)))
            else:
                tokens.append(_Tok("name", raw, position))
        elif kind == "punct":
            tokens.append(_Tok("punct", raw, position))
        position = match.end()
    tokens.append(_Tok("end", "", len(text)))
    return tokens


def _typed_literal(prefix: str, body: str, position: int) -> Literal:
    if prefix == "guid":
        try:
            return Literal(GUID, str(uuid.UUID(body)), position)
        except ValueError:
            raise ODataError(
                f"Unrecognized 'Edm.Guid' literal 'guid'{body}'' at position {position}."
            ) from None
    if prefix in ("datetime", "datetimeoffset"):
        return Literal(DATETIME, parse_datetime_ms(body), position)
    raise ODataError(f"Literal type '{prefix}' is not supported at position {position}.")


def _number_literal(raw: str, position: int) -> Literal:
    suffix = raw[-1].upper() if raw[-1].isalpha() and raw[-1] not in "eE" else ""
    digits = raw[:-1] if suffix else raw
    if suffix == "L":
        try:
            return Literal(INT64, int(digits), position)
        except ValueError:
            raise ODataError(f"Unrecognized 'Edm.Int64' literal '{raw}' at position {position}.") from None
    if suffix or any(c in digits for c in ".eE"):
        return Literal(DECIMAL, float(digits), position)
    value = int(digits)
    return Literal(INT32 if -(2**31) <= value < 2**31 else INT64, value, position)


# ---------------------------------------------------------------------- parser (recursive descent)
# nodes: ("or", a, b) ("and", a, b) ("not", a) ("cmp", op, prop, Literal) ("call", name, prop, Literal)


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.index = 0

    def peek(self) -> _Tok:
        return self.tokens[self.index]

    def take(self) -> _Tok:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def error(self, token: _Tok, expected: str) -> ODataError:
        found = repr(token.text) if token.kind != "end" else "end of expression"
        return ODataError(f"Syntax error at position {token.position}: expected {expected}, found {found}.")

    def word(self, token: _Tok) -> str:
        return token.text.lower() if token.kind == "name" else ""

    def parse(self) -> tuple:
        node = self.or_expr()
        if self.peek().kind != "end":
            raise self.error(self.peek(), "'and', 'or' or the end")
        return node

    def or_expr(self) -> tuple:
        node = self.and_expr()
        while self.word(self.peek()) == "or":
            self.take()
            node = ("or", node, self.and_expr())
        return node

    def and_expr(self) -> tuple:
        node = self.unary()
        while self.word(self.peek()) == "and":
            self.take()
            node = ("and", node, self.unary())
        return node

    def unary(self) -> tuple:
        if self.word(self.peek()) == "not":
            self.take()
            return ("not", self.unary())
        token = self.peek()
        if token.kind == "punct" and token.text == "(":
            self.take()
            node = self.or_expr()
            closing = self.take()
            if closing.text != ")":
                raise self.error(closing, "')'")
            return node
        if token.kind == "name" and token.text.lower() in STRING_FUNCTIONS:
            return self.call()
        return self.comparison()

    def comparison(self) -> tuple:
        prop = self.take()
        if prop.kind != "name":
            raise self.error(prop, "a property name")
        op = self.take()
        if self.word(op) not in COMPARISONS:
            raise self.error(op, "a comparison operator (eq, ne, gt, ge, lt, le)")
        value = self.take()
        if value.kind == "name":
            raise ODataError(f"Comparing two properties is not supported (position {value.position}).")
        if value.kind != "literal":
            raise self.error(value, "a literal")
        return ("cmp", op.text.lower(), prop, value.literal)

    def call(self) -> tuple:
        name = self.take().text.lower()
        args: list[_Tok] = []
        if self.take().text != "(":
            raise self.error(self.tokens[self.index - 1], "'('")
        while True:
            args.append(self.take())
            separator = self.take()
            if separator.text == ")":
                break
            if separator.text != ",":
                raise self.error(separator, "',' or ')'")
        # substringof('text', Prop); startswith(Prop, 'text'); endswith(Prop, 'text')
        ordered = list(reversed(args)) if name == "substringof" else args
        if len(ordered) != 2 or ordered[0].kind != "name" or ordered[1].kind != "literal":
            raise ODataError(f"Bad arguments to {name} at position {args[0].position if args else 0}.")
        node = ("call", name, ordered[0], ordered[1].literal)
        if self.word(self.peek()) in ("eq", "ne"):  # "startswith(Name,'a') eq true"
            op = self.take().text.lower()
            value = self.take()
            if value.kind != "literal" or value.literal.kind != BOOL:
                raise self.error(value, "true or false")
            if (op == "eq") != value.literal.value:
                node = ("not", node)
        return node


def parse_filter(text: str) -> tuple:
    return _Parser(text).parse()


# ---------------------------------------------------------------------- compiler


def _getter(name: str, kind: str) -> Callable[[Record], Any]:
    """Reads a property in comparable form (lower-case strings and guids, dates as ms)."""
    if kind == ROWVERSION:
        return lambda rec: rec.get("_ts")
    if kind in (STRING, GUID):

        def text(rec: Record) -> Any:
            value = rec.get(name)
            return value.lower() if isinstance(value, str) else None

        return text
    if kind == DATETIME:
        return lambda rec: date_ms(rec.get(name))
    if kind == BOOL:
        return lambda rec: rec.get(name) if isinstance(rec.get(name), bool) else None

    def number(rec: Record) -> Any:
        value = rec.get(name)
        return value if isinstance(value, int | float) and not isinstance(value, bool) else None

    return number


def _resolve(prop: _Tok, props: dict[str, str], type_name: str) -> tuple[str, str]:
    kind = props.get(prop.text)
    if kind is None:
        raise ODataError(
            f"No property '{prop.text}' exists in type '{type_name}' at position {prop.position}."
        )
    return prop.text, kind


def compile_filter(
    text: str | None, props: dict[str, str], type_name: str
) -> tuple[Predicate | None, tuple | None]:
    """The predicate for `$filter` (None when there is no filter) and the parsed tree."""
    if text is None or not text.strip():
        return None, None
    tree = parse_filter(text)
    return _compile(tree, props, type_name), tree


def _compile(node: tuple, props: dict[str, str], type_name: str) -> Predicate:
    kind = node[0]
    if kind in ("and", "or"):
        left, right = _compile(node[1], props, type_name), _compile(node[2], props, type_name)
        if kind == "and":
            return lambda rec: left(rec) and right(rec)
        return lambda rec: left(rec) or right(rec)
    if kind == "not":
        inner = _compile(node[1], props, type_name)
        return lambda rec: not inner(rec)
    if kind == "call":
        _, function, prop, literal = node
        name, prop_kind = _resolve(prop, props, type_name)
        if prop_kind != STRING or literal.kind != STRING:
            raise ODataError(
                f"{function} needs a string property and a string literal (position {prop.position})."
            )
        get, needle = _getter(name, prop_kind), literal.value.lower()
        method = {"startswith": str.startswith, "endswith": str.endswith, "substringof": str.__contains__}[
            function
        ]
        return lambda rec: (value := get(rec)) is not None and method(value, needle)
    _, op, prop, literal = node
    name, prop_kind = _resolve(prop, props, type_name)
    get = _getter(name, prop_kind)
    if literal.kind == "null":
        if op not in ("eq", "ne"):
            raise ODataError(f"Operator '{op}' cannot be applied to null (position {literal.position}).")
        return (lambda rec: get(rec) is None) if op == "eq" else (lambda rec: get(rec) is not None)
    if literal.kind not in COMPATIBLE[prop_kind]:
        raise ODataError(
            f"Operator '{op}' incompatible with operand types '{EDM_NAMES[prop_kind]}' and "
            f"'{EDM_NAMES[literal.kind]}' at position {prop.position}."
        )
    if prop_kind == BOOL and op not in ("eq", "ne"):
        raise ODataError(f"Operator '{op}' cannot be applied to a Boolean (position {prop.position}).")
    compare = COMPARISONS[op]
    wanted = literal.value.lower() if isinstance(literal.value, str) else literal.value
    if op == "ne":
        return lambda rec: (value := get(rec)) is None or value != wanted
    return lambda rec: (value := get(rec)) is not None and compare(value, wanted)


def lower_bound(tree: tuple | None, prop: str) -> tuple[int, bool] | None:
    """(value, inclusive) when the filter is `prop gt/ge n` or an `and` chain containing one: lets the
    sync endpoints start at the right place of their Timestamp index instead of scanning."""
    if tree is None:
        return None
    if tree[0] == "and":
        bounds = [b for b in (lower_bound(tree[1], prop), lower_bound(tree[2], prop)) if b is not None]
        return max(bounds, key=lambda b: (b[0], not b[1])) if bounds else None
    if (
        tree[0] == "cmp"
        and tree[2].text == prop
        and tree[1] in ("gt", "ge")
        and isinstance(tree[3].value, int)
    ):
        return tree[3].value, tree[1] == "ge"
    return None


# ---------------------------------------------------------------------- $select, $orderby, keys


def parse_select(
    text: str | None, props: dict[str, str], nav: tuple[str, ...], type_name: str
) -> list[str] | None:
    """Selected property names in the order given; None (all) without $select or with `*`."""
    if text is None:
        return None
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names or "*" in names:
        return None
    for name in names:
        if name not in props and name not in nav:
            raise ODataError(f"No property '{name}' exists in type '{type_name}'.")
    return list(dict.fromkeys(names))


def parse_orderby(text: str | None, props: dict[str, str], type_name: str) -> list[tuple[str, str, bool]]:
    """[(property, type, descending)]; several properties are accepted, Exact clients use one."""
    if text is None or not text.strip():
        return []
    order = []
    for part in text.split(","):
        words = part.split()
        if not words or len(words) > 2 or (len(words) == 2 and words[1].lower() not in ("asc", "desc")):
            raise ODataError(f"Syntax error in $orderby '{text}'.")
        if words[0] not in props:
            raise ODataError(f"No property '{words[0]}' exists in type '{type_name}'.")
        order.append((words[0], props[words[0]], len(words) == 2 and words[1].lower() == "desc"))
    return order


def sort_key(name: str, kind: str) -> Callable[[Record], tuple]:
    get = _getter(name, kind)

    def key(rec: Record) -> tuple:
        value = get(rec)
        return (0, 0) if value is None else (1, value)  # nulls first, as SQL Server sorts them

    return key


def parse_literal(text: str) -> Literal:
    """One literal (a key in `Accounts(guid'..')` or a `$skiptoken`)."""
    tokens = _tokenize(text.strip())
    if len(tokens) != 2 or tokens[0].kind != "literal":
        raise ODataError(f"Bad literal '{text}'.")
    return tokens[0].literal  # type: ignore[return-value]


def format_literal(value: Any, kind: str) -> str:
    if kind == GUID:
        return f"guid'{value}'"
    if kind in (INT64, ROWVERSION):
        return f"{value}L"
    return str(value)
