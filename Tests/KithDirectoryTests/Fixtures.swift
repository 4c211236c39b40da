import Foundation
import KithDirectory

/// Hand-written ORUK 3.0 JSON shaped as the schemas describe, with invented names and places only.
enum Fixtures {
    static let serviceID = "ac148810-d857-441c-9679-408f346de14b"
    static let organizationID = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
    static let locationID = "3a19ff88-4620-4d17-9830-ac1d859eb5d5"
    static let termID = "3f7b145d-84af-42d7-8fae-eaca714b02b2"

    /// A fully nested service as `/services/{id}` returns it.
    static let service = """
        {
          "id": "ac148810-d857-441c-9679-408f346de14b",
          "organization_id": "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610",
          "name": "Ashbrook Community Pantry",
          "description": "Low-cost weekly shop for members.",
          "url": "https://pantry.example.org.uk/ashbrook",
          "email": "pantry@example.org.uk",
          "status": "active",
          "minimum_age": 18,
          "assured_date": "2026-10-01",
          "alert": "Closed on 25 December.",
          "last_modified": "2026-10-01T10:30:45.123Z",
          "organization": {
            "id": "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610",
            "name": "Kithmoor Hope Trust",
            "description": "A local charity.",
            "website": "https://hope.example.org.uk",
            "organization_identifiers": [
              {"id": "d4dbcebc-0802-47cb-8651-b937ac4f2f3e", "organization_id": "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610",
               "identifier_scheme": "GB-CHC", "identifier_type": "Charity number", "identifier": "1190042"}
            ]
          },
          "service_at_locations": [
            {
              "id": "e94c9f38-1e8f-4564-91d4-d53501ab1765",
              "service_id": "ac148810-d857-441c-9679-408f346de14b",
              "location_id": "3a19ff88-4620-4d17-9830-ac1d859eb5d5",
              "location": {
                "id": "3a19ff88-4620-4d17-9830-ac1d859eb5d5",
                "name": "Albion Road Community Centre",
                "latitude": 53.5612,
                "longitude": -2.0871,
                "external_identifier": "100012345678",
                "external_identifier_type": "UPRN",
                "addresses": [
                  {"id": "74706e55-df26-4b84-80fe-ecc30b5befb4", "location_id": "3a19ff88-4620-4d17-9830-ac1d859eb5d5",
                   "address_1": "12 Albion Road", "city": "Kithmoor", "state_province": "", "postal_code": "HY1 4AB",
                   "country": "GB", "address_type": "physical"}
                ],
                "accessibility": [
                  {"id": "afcf296e-1cb2-4139-9c88-33d587d1a50b", "description": "Step-free entrance; hearing loop."}
                ]
              },
              "schedules": [
                {"id": "48102e86-bb50-41c4-8f1e-e269368c41d1", "freq": "WEEKLY", "byday": "TU,TH", "opens_at": "10:00",
                 "closes_at": "14:00", "attending_type": "drop in"}
              ]
            }
          ],
          "languages": [
            {"id": "2989d3ed-c547-48f8-8f9d-432d81c7892e", "service_id": "ac148810-d857-441c-9679-408f346de14b", "name": "Polish", "code": "pl"}
          ],
          "cost_options": [
            {"id": "1fdf4d39-3d80-484d-9f92-a8ffa08621e7", "option": "Members", "currency": "GBP", "amount": 5,
             "amount_description": "per weekly shop"}
          ],
          "contacts": [
            {"id": "1e7efce3-639b-4880-940c-b95cd30cdb50", "title": "Pantry coordinator",
             "phones": [{"id": "1554f2e2-a373-45db-a3fa-9fc48a61c15e", "number": "01632 960123"}]}
          ],
          "attributes": [
            {"id": "ae58cc39-8b70-4ab1-8aea-786882e5ac8e", "link_id": "ac148810-d857-441c-9679-408f346de14b",
             "link_type": "need", "link_entity": "service", "taxonomy_term_id": "3f7b145d-84af-42d7-8fae-eaca714b02b2",
             "taxonomy_term": {"id": "3f7b145d-84af-42d7-8fae-eaca714b02b2", "term": "Food", "taxonomy": "Kith needs"}}
          ],
          "metadata": [
            {"id": "0bc248fa-dc27-4650-9ba4-8f1a24ef16a2", "resource_id": "ac148810-d857-441c-9679-408f346de14b",
             "resource_type": "service", "last_action_date": "2026-10-01", "last_action_type": "update",
             "field_name": "alert", "previous_value": "", "replacement_value": "Closed on 25 December.", "updated_by": "Pantry coordinator"}
          ],
          "kith_capacity": {"accepting_referrals": "waiting_list", "places_free": 0, "typical_wait_days": 14,
                            "updated_at": "2026-11-10T09:00:00Z", "updated_by": "Pantry coordinator"},
          "kith_volunteers_wanted": {"roles": ["Driver"], "skills": ["Polish speaker"]},
          "kith_space_to_share": {"what": "Cold store", "people": 0},
          "kith_safety_notes": "Please stay at home if you have a fever.",
          "kith_accepts_callbacks": true
        }
        """

    /// The fixture as a decoded service.
    static func decodedService() throws -> Service {
        try JSONDecoder().decode(Service.self, from: Data(service.utf8))
    }

    /// The fixture with one JSON field replaced: `replacing("\"status\": \"active\"", with: "\"status\": \"closed\"")`.
    static func service(replacing old: String, with new: String) -> String {
        precondition(service.contains(old), "the fixture has no \(old)")
        return service.replacingOccurrences(of: old, with: new)
    }

    /// A page envelope around services' JSON.
    static func page(_ items: [String]) -> String {
        """
        {"total_items": \(items.count), "total_pages": 1, "page_number": 1, "size": \(items.count), "first_page": true,
         "last_page": true, "empty": \(items.isEmpty), "contents": [\(items.joined(separator: ","))]}
        """
    }
}
