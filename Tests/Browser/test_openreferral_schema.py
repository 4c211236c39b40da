"""The ORUK read API of the real `kith demo` server, validated against the ORUK 3.0 JSON schemas (Tests/Data/oruk-schema)
with a real JSON Schema validator: a sample of every endpoint's answers, pages and items, and the errors' shape.

Kith's `kith_` fields are allowed by those schemas as they stand: no ORUK 3.0 schema sets `additionalProperties: false`,
so an extra property passes, which is how HSDS 3.0 and its profiles take extensions; the fields ORUK does define are
checked with their types, formats, enums and required keys.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from conftest import DemoServer

SCHEMAS = Path(__file__).resolve().parents[1] / "Data" / "oruk-schema"
BASE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"


def registry() -> Registry:
    resources = []
    for path in SCHEMAS.rglob("*.json"):
        document = json.loads(path.read_text())
        resources.append((document["$id"], Resource.from_contents(document)))
    return Registry().with_resources(resources)


REGISTRY = registry()


def validator(ref: str) -> Draft202012Validator:
    """A validator of the schema at `ref` (a file under BASE, with an optional JSON pointer), formats checked."""
    return Draft202012Validator({"$ref": BASE + ref}, registry=REGISTRY, format_checker=Draft202012Validator.FORMAT_CHECKER)


SERVICE = validator("compiled/service.json")
SERVICE_LIST = validator("compiled/service_list.json")
SERVICE_AT_LOCATION_LIST = validator("compiled/service_at_location_list.json")
# ORUK nests a service_at_location and an organisation in a service; the {id} endpoints give the same objects.
SERVICE_AT_LOCATION = validator("compiled/service.json#/properties/service_at_locations/items")
ORGANIZATION = validator("compiled/service.json#/properties/organization")
ORGANIZATION_LIST = validator("compiled/service_list.json#/properties/organization")
TAXONOMY = validator("taxonomy.json")
TAXONOMY_TERM = validator("taxonomy_term.json")
PAGE = validator("openapi-page.json")


def errors(schema: Draft202012Validator, document) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in schema.iter_errors(document)]


def assert_valid(schema: Draft202012Validator, document, what: str) -> None:
    found = errors(schema, document)
    assert not found, f"{what} does not validate against the ORUK 3.0 schema:\n" + "\n".join(found[:20])


def get(kith: DemoServer, path: str, status: int = 200):
    request = urllib.request.Request(kith.base_url + path, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            code, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        code, headers, body = error.code, error.headers, error.read()
    assert code == status, f"GET {path}: {code}, not {status}: {body[:300]!r}"
    assert headers["Content-Type"].startswith("application/json"), f"GET {path}: {headers['Content-Type']}"
    assert headers["Access-Control-Allow-Origin"] == "*", f"GET {path}: any site may read the ORUK API"
    return json.loads(body)


def assert_page(kith: DemoServer, path: str, items: Draft202012Validator) -> list[dict]:
    page = get(kith, path)
    assert_valid(PAGE, page, f"{path}'s page")
    assert page["size"] == len(page["contents"])
    for item in page["contents"]:
        assert_valid(items, item, f"an item of {path} ({item.get('id')})")
    return page["contents"]


def test_every_oruk_endpoint_answers_as_the_schemas_say(kith: DemoServer):
    about = get(kith, "/openreferral/")
    assert about["version"] == "3.0" and about["openapi_url"].endswith("/openreferral/openapi.json")
    document = get(kith, "/openreferral/openapi.json")
    assert document["openapi"].startswith("3.1")

    services = assert_page(kith, "/openreferral/services?per_page=50", SERVICE_LIST)
    assert len(services) == 50
    assert_page(kith, "/openreferral/services?per_page=50&page=2", SERVICE_LIST)
    for service in services[::5]:
        assert_valid(SERVICE, get(kith, f"/openreferral/services/{service['id']}"), f"service {service['id']}")

    nested = get(kith, f"/openreferral/services/{services[0]['id']}")
    postcode = next(
        address["postal_code"]
        for link in nested.get("service_at_locations", [])
        for address in link.get("location", {}).get("addresses", [])
    )
    near = assert_page(kith, f"/openreferral/services?postcode={postcode.replace(' ', '+')}&proximity=3000", SERVICE_LIST)
    assert near, f"services within 3 km of {postcode}"
    term = next(attribute["taxonomy_term_id"] for attribute in nested.get("attributes", []))
    assert assert_page(kith, f"/openreferral/services?taxonomy_term_id={term}&day=MO&start_time=08:00", SERVICE_LIST) is not None
    assert_page(kith, "/openreferral/services?search=advice&accepting_referrals=true&minimum_age=0", SERVICE_LIST)

    links = assert_page(kith, "/openreferral/service_at_locations?per_page=50", SERVICE_AT_LOCATION_LIST)
    assert links
    for link in links[::10]:
        assert_valid(SERVICE_AT_LOCATION, get(kith, f"/openreferral/service_at_locations/{link['id']}"), f"service_at_location {link['id']}")

    organizations = assert_page(kith, "/openreferral/organizations?per_page=20", ORGANIZATION_LIST)
    for organization in organizations[::4]:
        whole = get(kith, f"/openreferral/organizations/{organization['id']}")
        assert_valid(ORGANIZATION, whole, f"organization {organization['id']}")
        for service in whole["services"]:
            assert_valid(SERVICE_LIST, service, f"a service of organization {organization['id']}")

    taxonomies = assert_page(kith, "/openreferral/taxonomies", TAXONOMY)
    for taxonomy in taxonomies:
        assert_valid(TAXONOMY, get(kith, f"/openreferral/taxonomies/{taxonomy['id']}"), f"taxonomy {taxonomy['id']}")
    terms = assert_page(kith, "/openreferral/taxonomy_terms?per_page=100", TAXONOMY_TERM)
    for term in terms[::3]:
        assert_valid(TAXONOMY_TERM, get(kith, f"/openreferral/taxonomy_terms/{term['id']}"), f"taxonomy term {term['id']}")

    for path in document["paths"]:
        assert path.startswith("/openreferral/"), path


def test_bad_parameters_and_unknown_ids_are_answered_in_json(kith: DemoServer):
    for query, parameter in [("per_page=0", "per_page"), ("day=someday", "day"), ("postcode=ZZ1+1ZZ", "postcode")]:
        problem = get(kith, f"/openreferral/services?{query}", status=400)
        assert problem["parameter"] == parameter and parameter in problem["error"]
    assert "no-such-id" in get(kith, "/openreferral/services/no-such-id", status=404)["error"]


def test_the_validation_fails_a_broken_answer(kith: DemoServer):
    """The check above can fail: the same answers, broken as a careless change would break them, do not validate."""
    page = get(kith, "/openreferral/services?per_page=5")
    broken = json.loads(json.dumps(page))
    broken["total_items"] = "five"
    assert errors(PAGE, broken), "a page whose total_items is a string"
    item = dict(page["contents"][0])
    del item["name"]
    item["status"] = "open"
    found = errors(SERVICE_LIST, item)
    assert any("'name' is a required property" in error for error in found) and any("'open' is not one of" in error for error in found)
    service = get(kith, f"/openreferral/services/{page['contents'][0]['id']}")
    service["service_at_locations"][0]["location"]["addresses"][0]["address_type"] = "home"
    service["organization"]["id"] = "not-a-uuid"
    found = errors(SERVICE, service)
    assert any("'home' is not one of" in error for error in found), found
    assert any("is not a 'uuid'" in error for error in found), found
