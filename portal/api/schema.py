"""OpenAPI post-processing hooks (drf-spectacular's POSTPROCESSING_HOOKS)."""

from __future__ import annotations

from portal.api.serializers import WITHHELD_ITEM_FIELDS

ERROR_RESPONSES = {
    "400": "A filter's value is not valid (the body names the filter).",
    "404": "No such public record, or no such page of results.",
}
ERROR_BODY = {
    "application/json": {"schema": {"type": "object", "additionalProperties": True}},
}
# An address that no API route matches at all (e.g. an id containing "/") gets the site's page.
NOT_FOUND_BODY = {**ERROR_BODY, "text/html": {"schema": {"type": "string"}}}


def withheld_items_need_only_public_fields(result, generator, request, public):
    """A withheld agenda item carries only its number, title, exempt flag and paragraph."""
    item = result.get("components", {}).get("schemas", {}).get("AgendaItem")
    if item and "required" in item:
        item["required"] = [name for name in item["required"] if name in WITHHELD_ITEM_FIELDS]
    return result


def document_error_responses(result, generator, request, public):
    """Lists answer 400 for a bad filter and 404 past the last page; a record 404 when absent."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, description in ERROR_RESPONSES.items():
                body = NOT_FOUND_BODY if status == "404" else ERROR_BODY
                responses.setdefault(status, {"description": description, "content": body})
            for parameter in operation.get("parameters", []):
                if parameter.get("name") in ("page", "page_size"):
                    parameter["schema"]["minimum"] = 1
    return result
