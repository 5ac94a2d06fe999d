"""The HTTP contract: request and response bodies as the OpenAPI document shows them, one
module per resource and ``common`` for what they share (ids, dates, money, versions, paging
and the list envelope). Import a schema from its module; the class names are the OpenAPI
component names, the public contract the generated client (clients/python) depends on.

Services validate again on their side; these schemas answer bad input early and
describe the API. ``unknown = RAISE`` names a misspelt field instead of ignoring it.
"""
