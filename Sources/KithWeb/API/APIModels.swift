import KithAccess
import KithOutreach
import KithSpreadsheet
import KithStore
import KithVulnerability

/// The JSON the API answers with and accepts. Field names are the OpenAPI document's.
struct APIAccount: Encodable {
    var name: String
    var role: String
    var scope: String
    var capabilities: [String]
}

struct APISearchResults: Encodable {
    var matchCount: Int
    var isMatchCountCapped: Bool
    var results: [APISearchResult]
}

struct APISearchResult: Encodable {
    var personId: String
    var name: String
    var birthDate: String?
    var postcode: String?
    var sources: [String]?
    var why: String
}

/// A person as the API shows them, with only the fields the caller's role may see.
struct APIPerson: Encodable {
    struct Involvement: Encodable {
        var source: String
        var details: [String]
        var leadProfessional: String?
        var lastContact: String?
        var onLatestList: Bool
        var rows: [String]
    }

    struct Band: Encodable {
        var band: String
        var score: Int
        var action: String
        var reasons: [String]?
    }

    var personId: String
    var name: String
    var birthDate: String?
    var age: Int?
    var nhsNumber: String?
    var address: String?
    var postcode: String?
    var phone: String?
    var area: String?
    var school: String?
    var lastContact: String?
    var isDeceased: Bool
    var doNotContact: Bool
    var band: Band?
    var householdMembers: [String]?
    var involvements: [Involvement]

    init(card: PersonCard, profile: PersonProfile, fields: ResidentFields) {
        personId = profile.personID
        name = profile.name
        birthDate = profile.birthDate?.description
        age = profile.age
        nhsNumber = fields.showsIdentifiers ? profile.nhsNumber : nil
        address = profile.address
        postcode = profile.postcode
        phone = profile.phone
        area = profile.area
        school = profile.school
        lastContact = profile.lastContact?.description
        isDeceased = profile.isDeceased
        doNotContact = profile.doNotContact
        if fields.showsBand, let score = card.score {
            band = Band(
                band: score.band, score: score.score, action: score.action,
                reasons: fields.showsReasons ? ScoreReason.list(fromJSON: score.reasons).map(\.text) : nil
            )
        }
        householdMembers = fields.showsHousehold ? card.members.map(\.personID) : nil
        involvements = profile.involvements.map { involvement in
            Involvement(
                source: involvement.source, details: involvement.details.map { "\($0.label): \($0.value)" },
                leadProfessional: involvement.leadProfessional, lastContact: involvement.lastContact?.description,
                onLatestList: involvement.isInLatestList, rows: involvement.rowReferences
            )
        }
    }
}

struct APIContactRequest: Decodable {
    var outcome: String
    var on: String?
    var note: String?
}

struct APIContact: Encodable {
    var id: Int64
    var personId: String
    var outcome: String
    var on: String
    var note: String?
    var recordedBy: String
}

struct APIOutreach: Encodable {
    var asOf: String
    var filter: String
    var count: Int
    var entries: [APIOutreachEntry]
}

struct APIOutreachEntry: Encodable {
    var personId: String
    var name: String
    var age: Int?
    var cohort: String
    var band: String?
    var score: Int?
    var reasons: [String]?
    var action: String?
    var lastContact: String?
    var area: String?
    var postcode: String?
    var phone: String?

    init(entry: OutreachEntry, fields: ResidentFields) {
        personId = entry.profile.personID
        name = entry.profile.name
        age = entry.profile.age
        cohort = entry.cohort.rawValue
        band = fields.showsBand ? entry.band.rawValue : nil
        score = fields.showsBand ? entry.score : nil
        reasons = fields.showsReasons ? entry.reasons.map(\.text) : nil
        action = fields.showsBand ? entry.action : nil
        lastContact = entry.profile.lastContact?.description
        area = entry.profile.area
        postcode = entry.profile.postcode
        phone = entry.profile.phone
    }
}

struct APIReviewQueue: Encodable {
    var waiting: Int
    var pairs: [APIReviewPair]
}

struct APIReviewPair: Encodable {
    var leftRowId: Int64
    var rightRowId: Int64
    var matchProbability: Double
}

struct APIDecisionRequest: Decodable {
    var leftRowId: Int64
    var rightRowId: Int64
    var verdict: String
    var note: String?
}

struct APIAuditEvent: Encodable {
    var id: Int64
    var at: String
    var actor: String
    var action: String
    var subject: String
    var personCount: Int
    var personIds: [String]
    var detail: String
}
