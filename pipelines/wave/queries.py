"""Every GraphQL document the product sends to Wave, as constants, checked against Wave's real schema.

`public-schema.graphql` next to this file is an introspection of Wave's public API. `validated()`
parses every document and validates it against that schema (on first use, not at import, so
importing the package stays cheap); a document that does not validate raises WaveSchemaError naming
the document and graphql-core's message, before any request is sent. A typo in a field name thus
fails the first test that touches the client, not a production run. Validating costs a third of a
second (graphql-core builds the whole schema), so it runs once per version of the documents and the
schema, remembered by their digest in the state dir, not in every process.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines import settings

if TYPE_CHECKING:
    from graphql import GraphQLSchema

SCHEMA_FILE = Path(__file__).with_name("public-schema.graphql")

# The Customer fields the raw layer keeps (docs/architecture.md, raw_wave.customers). The business
# is known from the query itself, so `business { id }` is not asked per node.
CUSTOMER_FIELDS = """
fragment CustomerFields on Customer {
  id
  name
  firstName
  lastName
  displayId
  email
  mobile
  phone
  fax
  website
  internalNotes
  currency { code }
  address {
    addressLine1
    addressLine2
    city
    province { code }
    country { code }
    postalCode
  }
  createdAt
  modifiedAt
  isArchived
}
"""

BUSINESSES = """
query Businesses($page: Int!, $pageSize: Int!) {
  businesses(page: $page, pageSize: $pageSize) {
    pageInfo { currentPage totalPages totalCount }
    edges { node { id name currency { code } modifiedAt } }
  }
}
"""

# One page of a business's customers. `sort` and both modifiedAt bounds are variables because the
# paging strategy (client.WaveClient.customers) narrows the window when it has to restart.
CUSTOMERS = (
    """
query Customers(
  $businessId: ID!
  $page: Int!
  $pageSize: Int!
  $sort: [CustomerSort!]!
  $modifiedAtAfter: DateTime
  $modifiedAtBefore: DateTime
) {
  business(id: $businessId) {
    id
    customers(
      page: $page
      pageSize: $pageSize
      sort: $sort
      modifiedAtAfter: $modifiedAtAfter
      modifiedAtBefore: $modifiedAtBefore
    ) {
      pageInfo { currentPage totalPages totalCount }
      edges { node { ...CustomerFields } }
    }
  }
}
"""
    + CUSTOMER_FIELDS
)

# The writer's freshness check: the newest change after a moment, in one small answer.
CUSTOMER_CHANGES = """
query CustomerChanges($businessId: ID!, $modifiedAtAfter: DateTime) {
  business(id: $businessId) {
    id
    customers(page: 1, pageSize: 1, sort: [MODIFIED_AT_DESC], modifiedAtAfter: $modifiedAtAfter) {
      pageInfo { totalCount }
      edges { node { id modifiedAt } }
    }
  }
}
"""

CUSTOMER = (
    """
query Customer($businessId: ID!, $id: ID!) {
  business(id: $businessId) {
    id
    customer(id: $id) { ...CustomerFields }
  }
}
"""
    + CUSTOMER_FIELDS
)

CUSTOMER_CREATE = (
    """
mutation CustomerCreate($input: CustomerCreateInput!) {
  customerCreate(input: $input) {
    didSucceed
    inputErrors { path message code }
    customer { ...CustomerFields }
  }
}
"""
    + CUSTOMER_FIELDS
)

CUSTOMER_PATCH = (
    """
mutation CustomerPatch($input: CustomerPatchInput!) {
  customerPatch(input: $input) {
    didSucceed
    inputErrors { path message code }
    customer { ...CustomerFields }
  }
}
"""
    + CUSTOMER_FIELDS
)

CUSTOMER_DELETE = """
mutation CustomerDelete($input: CustomerDeleteInput!) {
  customerDelete(input: $input) {
    didSucceed
    inputErrors { path message code }
  }
}
"""

DOCUMENTS: dict[str, str] = {
    "Businesses": BUSINESSES,
    "Customers": CUSTOMERS,
    "CustomerChanges": CUSTOMER_CHANGES,
    "Customer": CUSTOMER,
    "CustomerCreate": CUSTOMER_CREATE,
    "CustomerPatch": CUSTOMER_PATCH,
    "CustomerDelete": CUSTOMER_DELETE,
}
MUTATIONS = frozenset({"CustomerCreate", "CustomerPatch", "CustomerDelete"})


class WaveSchemaError(RuntimeError):
    """A document of this module does not validate against Wave's public schema (a bug here)."""


@functools.cache
def schema() -> GraphQLSchema:
    from graphql import build_schema

    return build_schema(SCHEMA_FILE.read_text(encoding="utf-8"))


def problems(document: str) -> list[str]:
    """graphql-core's validation messages for one document (empty when it is valid)."""
    from graphql import parse, validate

    try:
        ast = parse(document)
    except Exception as exc:  # graphql's GraphQLSyntaxError
        return [f"syntax: {exc}"]
    return [error.message for error in validate(schema(), ast)]


VALIDATED_MARK = settings.STATE_DIR / "wave_documents.validated"


@functools.cache
def validated() -> dict[str, str]:
    """DOCUMENTS, after every one of them validated against the shipped schema (once per digest of the
    documents and the schema; the digest of the last ones that validated is kept in VALIDATED_MARK)."""
    digest = hashlib.sha256(SCHEMA_FILE.read_bytes())
    for name, document in sorted(DOCUMENTS.items()):
        digest.update(f"\0{name}\0{document}".encode())
    try:
        if VALIDATED_MARK.read_text() == digest.hexdigest():
            return dict(DOCUMENTS)
    except OSError:
        pass
    failures = {name: found for name, doc in DOCUMENTS.items() if (found := problems(doc))}
    if failures:
        text = "; ".join(f"{name}: {' | '.join(found)}" for name, found in failures.items())
        raise WaveSchemaError(f"GraphQL documents do not validate against {SCHEMA_FILE.name}: {text}")
    try:
        VALIDATED_MARK.parent.mkdir(parents=True, exist_ok=True)
        VALIDATED_MARK.write_text(digest.hexdigest())
    except OSError:
        pass  # a read-only state dir: validate again next time
    return dict(DOCUMENTS)
