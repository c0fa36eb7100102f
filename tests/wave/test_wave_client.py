"""WaveClient against the Wave emulator over real HTTP: documents, paging, errors, retries, mutations."""

from __future__ import annotations

import pytest
from graphql import parse

from pipelines import settings
from pipelines.sandbox.common import Clock, FaultConfig, ServerThread
from pipelines.sandbox.wave import WaveStore, create_app
from pipelines.wave import queries
from pipelines.wave.client import (
    WaveAuthError,
    WaveClient,
    WaveGraphQLError,
    WaveTransportError,
    address_input,
    format_ms,
    merge_address,
    parse_ms,
)

TOKEN = settings.SANDBOX_WAVE_TOKEN
GRAPHQL_PATH = "/graphql/public"


def customer(i: int, **extra) -> dict:
    return {
        "name": f"Customer {i}",
        "firstName": "Ann",
        "lastName": f"Lee{i}",
        "displayId": f"W{i:04d}",
        "email": f"c{i}@example.com",
        "currency": "CAD",
        "address": {
            "addressLine1": f"{i} King St",
            "addressLine2": "Suite 2",
            "city": "Toronto",
            "provinceCode": "CA-ON",
            "countryCode": "CA",
            "postalCode": "M5H 1A1",
        },
        "isArchived": False,
        **extra,
    }


class RecordingClock(Clock):
    """Stepped: a sleep advances the clock at once; the waits the client asked for are kept."""

    def __init__(self) -> None:
        super().__init__(instant_sleep=True)
        self.waits: list[float] = []
        self.on_sleep = None  # lets a test change the faults between two attempts of one call

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.waits.append(seconds)
            if self.on_sleep:
                self.on_sleep()
        super().sleep(seconds)


class Env:
    def __init__(self, customers: int = 250) -> None:
        self.clock = Clock()
        self.store = WaveStore(self.clock)
        seed = [
            {"name": "Maple Ltd", "currency": "CAD", "customers": [customer(i) for i in range(customers)]}
        ]
        self.store.load_seed({"businesses": seed})
        self.faults = FaultConfig(seed=7)
        self.server = ServerThread(create_app(self.store, faults=self.faults, clock=self.clock)).start()
        self.url = self.server.url + GRAPHQL_PATH
        self.recorder = RecordingClock()
        self.waits = self.recorder.waits
        self.client = self.new_client()
        self.business_id = self.client.businesses()[0]["id"]
        self.client.calls = 0

    def new_client(self, token: str = TOKEN, **kwargs) -> WaveClient:
        # waits are recorded, not slept (the emulator's 429 says Retry-After: 1)
        kwargs.setdefault("clock", self.recorder)
        return WaveClient(self.url, token, **kwargs)

    def close(self) -> None:
        self.client.close()
        self.server.stop()


@pytest.fixture(scope="module")
def shared():
    """A read-only emulator for the tests that change nothing."""
    env = Env()
    yield env
    env.close()


@pytest.fixture
def env():
    environment = Env(customers=30)
    yield environment
    environment.close()


# ---------------------------------------------------------------------- documents


@pytest.mark.parametrize("name", sorted(queries.DOCUMENTS))
def test_every_document_validates_against_the_shipped_schema(name):
    assert queries.problems(queries.DOCUMENTS[name]) == []
    operation = parse(queries.DOCUMENTS[name]).definitions[0]
    assert operation.name.value == name  # the client sends the name as operationName


def test_every_document_constant_is_registered():
    constants = {value for key, value in vars(queries).items() if key.isupper() and isinstance(value, str)}
    documents = {value for value in constants if value.lstrip().startswith(("query", "mutation"))}
    assert documents == set(queries.DOCUMENTS.values())


def test_an_invalid_document_fails_loudly():
    assert queries.problems("query { business { customers { edges { node { nope } } } } }")
    assert queries.problems("query {")


# ---------------------------------------------------------------------- reads and paging


def test_customers_pages_newest_first_each_once_in_ceil_n_over_page_size_calls(shared):
    client = shared.new_client()
    pages = list(client.customers(shared.business_id, page_size=100))
    ids = [node["id"] for page in pages for node in page]
    assert len(ids) == len(set(ids)) == 250 and [len(page) for page in pages] == [100, 100, 50]
    assert client.calls == 3
    stamps = [parse_ms(node["modifiedAt"]) for page in pages for node in page]
    assert stamps == sorted(stamps, reverse=True)


def test_modified_after_is_exclusive_and_changed_since_costs_one_call(shared):
    client = shared.new_client()
    newest = client.latest_modified_at(shared.business_id)
    assert newest is not None and client.calls == 1
    assert client.changed_since(shared.business_id, newest) is False
    earlier = format_ms(parse_ms(newest) - 1)
    assert client.changed_since(shared.business_id, earlier) is True
    assert client.calls == 3
    assert list(client.customers(shared.business_id, modified_after=newest)) == []


def test_businesses_and_customer(shared):
    client = shared.new_client()
    (business,) = client.businesses()
    assert business["name"] == "Maple Ltd" and business["currency"]["code"] == "CAD"
    first = next(iter(client.customers(shared.business_id, page_size=1)))[0]
    assert client.customer(shared.business_id, first["id"]) == first
    assert client.calls == 3


def test_paging_survives_edits_and_deletes_while_paging(env):
    """Records edited or deleted between two pages shift the offsets; none may be skipped."""
    before = {node["id"] for page in env.client.customers(env.business_id) for node in page}
    pages = env.client.customers(env.business_id, page_size=10)
    seen = [node["id"] for node in next(pages)]
    writer = env.new_client()
    # delete two already-read customers (the unread ones slide forward) and edit an unread one
    for key in seen[:2]:
        assert writer.delete_customer(key) == (True, [])
    unread = sorted(before - set(seen))
    edited = unread[0]
    writer.patch_customer({"id": edited, "internalNotes": "edited while paging"})
    seen += [node["id"] for page in pages for node in page]
    assert len(seen) == len(set(seen))
    missing = before - set(seen) - {edited}  # the edited one is newer than page 1: the next run reads it
    assert not missing
    assert env.client.restarts >= 1


# ---------------------------------------------------------------------- errors


def test_a_wrong_token_is_a_clear_auth_error_without_the_token(env):
    secret = "not-the-token-1234567890"
    client = env.new_client(token=secret)
    with pytest.raises(WaveAuthError) as caught:
        client.businesses()
    text = str(caught.value) + repr(caught.value)
    assert secret not in text and "access_token" in text
    assert secret not in repr(client) and client.calls == 1  # auth failures are not retried
    assert caught.value.__cause__ is None  # httpx's request (with its headers) is not chained


def test_an_unknown_business_is_a_graphql_error(env):
    with pytest.raises(WaveGraphQLError):
        list(env.client.customers("QnVzaW5lc3M6bm9uZQ=="))


# ---------------------------------------------------------------------- retries


def set_faults(env: Env, **changes) -> None:
    # set directly: FaultConfig.update() turns a float rate into an int when the old value is 0.0
    for key, value in changes.items():
        setattr(env.faults, key, value)


def test_queries_are_retried_on_429_and_5xx(env):
    set_faults(env, burst_429=2)
    assert len(env.client.businesses()) == 1
    assert env.client.calls == 3 and env.client.retries == 2 and env.waits == [1.0, 1.0]  # Retry-After
    set_faults(env, error_rate=0.5, seed=11)
    ids = [node["id"] for page in env.client.customers(env.business_id, page_size=5) for node in page]
    set_faults(env, error_rate=0.0)
    assert len(ids) == 30 and env.client.retries > 2


def test_queries_are_retried_on_dropped_connections(env):
    set_faults(env, drop_rate=0.5, seed=3)
    ids = [node["id"] for page in env.client.customers(env.business_id, page_size=5) for node in page]
    set_faults(env, drop_rate=0.0)
    assert len(ids) == 30 and env.client.retries > 0


def test_queries_give_up_after_max_retries(env):
    client = env.new_client(max_retries=2)
    set_faults(env, error_rate=1.0)
    with pytest.raises(WaveTransportError) as caught:
        client.businesses()
    set_faults(env, error_rate=0.0)
    assert client.calls == 3 and not caught.value.maybe_applied


def test_a_mutation_without_answer_is_not_retried_and_says_it_may_have_applied(env):
    set_faults(env, drop_rate=1.0)
    with pytest.raises(WaveTransportError) as caught:
        env.client.create_customer({"businessId": env.business_id, "name": "Dropped Answer Inc"})
    set_faults(env, drop_rate=0.0)
    assert caught.value.maybe_applied and env.client.calls == 1
    names = [node["name"] for page in env.client.customers(env.business_id) for node in page]
    assert names.count("Dropped Answer Inc") == 1  # it was applied: a blind retry would have doubled it


def test_a_create_is_not_retried_on_5xx_but_is_on_429(env):
    set_faults(env, error_rate=1.0)
    with pytest.raises(WaveTransportError) as caught:
        env.client.create_customer({"businessId": env.business_id, "name": "Maybe Twice Inc"})
    set_faults(env, error_rate=0.0)
    assert caught.value.maybe_applied and env.client.calls == 1
    set_faults(env, burst_429=1)  # refused before execution: safe to send again
    created, errors = env.client.create_customer({"businessId": env.business_id, "name": "After 429"})
    assert errors == [] and created["name"] == "After 429" and env.client.calls == 3


def test_a_patch_sets_absolute_values_so_it_is_retried_on_5xx_and_dropped_answers(env):
    node = next(env.client.customers(env.business_id))[0]
    set_faults(env, drop_rate=1.0)  # applied, then the answer is cut: the outcome is unknown
    env.recorder.on_sleep = lambda: set_faults(env, drop_rate=0.0, error_rate=0.0)
    set_faults(env, drop_rate=1.0)
    env.client.calls = 0
    patched, errors = env.client.patch_customer({"id": node["id"], "phone": "+1 416 555 0199"})
    assert errors == [] and patched["phone"] == "+1 416 555 0199"
    assert env.client.calls == 2 and env.client.retries == 1  # the repeat sets the same value again
    set_faults(env, error_rate=1.0)
    env.recorder.on_sleep = lambda: set_faults(env, error_rate=0.0)
    patched, _ = env.client.patch_customer({"id": node["id"], "phone": "+1 416 555 0100"})
    assert patched["phone"] == "+1 416 555 0100" and env.client.calls == 4


# ---------------------------------------------------------------------- mutations


def test_create_patch_delete_and_input_errors(env):
    created, errors = env.client.create_customer(
        {"businessId": env.business_id, "name": "New Co", "email": "new@example.com", "currency": "CAD"}
    )
    assert errors == [] and created["name"] == "New Co" and created["currency"]["code"] == "CAD"
    patched, errors = env.client.patch_customer({"id": created["id"], "phone": "+1 416 555 0100"})
    assert errors == [] and patched["phone"] == "+1 416 555 0100" and patched["email"] == "new@example.com"
    assert env.client.delete_customer(created["id"]) == (True, [])
    assert env.client.customer(env.business_id, created["id"]) is None
    customer_, errors = env.client.create_customer({"businessId": env.business_id, "name": ""})
    assert customer_ is None and errors and all("message" in error for error in errors)


def test_patching_part_of_the_address_keeps_the_rest(env):
    node = next(iter(env.client.customers(env.business_id, page_size=1)))[0]
    full = node["address"]
    # the raw patch replaces the whole address: what is left out is cleared
    cleared, _ = env.client.patch_customer({"id": node["id"], "address": {"city": "Ottawa"}})
    assert cleared["address"]["city"] == "Ottawa" and not cleared["address"]["addressLine1"]
    env.client.patch_customer({"id": node["id"], "address": address_input(full)})  # restore it
    current = env.client.customer(env.business_id, node["id"])
    merged, errors = env.client.patch_customer(
        {"id": node["id"], "address": {"city": "Kingston", "postalCode": "K7L 1A1"}}, current=current
    )
    assert errors == []
    assert merged["address"] == {**full, "city": "Kingston", "postalCode": "K7L 1A1"}


def test_merge_address_rejects_unknown_fields_and_converts_the_read_shape():
    read = {"addressLine1": "1 A St", "city": "X", "province": {"code": "CA-ON"}, "country": {"code": "CA"}}
    assert merge_address(read, {"city": "Y"}) == {
        "addressLine1": "1 A St",
        "addressLine2": None,
        "city": "Y",
        "provinceCode": "CA-ON",
        "countryCode": "CA",
        "postalCode": None,
    }
    with pytest.raises(ValueError):
        merge_address(read, {"province": "CA-QC"})


def test_time_format_round_trips():
    assert format_ms(parse_ms("2024-02-29T23:59:59.123Z")) == "2024-02-29T23:59:59.123Z"
    assert parse_ms("2024-02-29T23:59:59") is None and parse_ms("yesterday") is None and parse_ms(5) is None
