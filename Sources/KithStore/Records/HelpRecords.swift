import GRDB

/// A neighbourhood hub or a named team, as stored: the areas it covers as a comma-separated list, upper case.
public struct HubRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    /// `hub` or `team`.
    public var kind: String
    public var areas: String
    public var urgentPickupMinutes: Int

    public init(id: String, name: String, kind: String, areas: String, urgentPickupMinutes: Int) {
        self.id = id
        self.name = name
        self.kind = kind
        self.areas = areas
        self.urgentPickupMinutes = urgentPickupMinutes
    }
}

extension HubRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "hub"
}

/// A resident's request for help, as stored: the caller as taken down (a known resident's person id, or only the
/// details given until linkage links the helpline row), the needs (comma-separated ids), how soon, what a helper must
/// know, where it is routed and where it is now. KithHelp's `HelpRequest` holds its rules; this is its row.
public struct HelpRequestRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    /// The resident, when the call handler found them in Kith; else nil until the caller's row is linked.
    public var personId: String?
    /// The first of the request's rows in the helpline's own list, through which linkage places a new caller.
    public var firstRowId: Int64?
    public var callerName: String
    public var phone: String?
    public var email: String?
    public var address: String?
    public var postcode: String?
    /// The postcode district, or the area the lists give the resident: what routing read.
    public var area: String?
    public var hubId: String?
    public var needs: String
    /// `today`, `within-3-days` or `this-week`.
    public var urgency: String
    public var details: String?
    public var dietaryNeeds: String?
    public var culturalPreferences: String?
    public var language: String?
    public var contactBy: String
    public var consentToShare: Bool
    public var channel: String
    /// `to-do`, `in-progress`, `blocked`, `done` or `cancelled`.
    public var status: String
    /// The account working it, if someone has picked it up.
    public var assignedTo: String?
    /// `yyyy-mm-dd`.
    public var dueOn: String
    /// A call-back arranged with the resident, `yyyy-mm-dd`.
    public var callBackOn: String?
    /// ISO 8601 times.
    public var createdAt: String
    public var createdBy: String
    /// When someone first picked it up or got in touch: time to first contact is measured to it.
    public var firstContactAt: String?
    public var closedAt: String?
    public var updatedAt: String
    /// Counts the changes: a writer that read an older revision is told someone else changed it meanwhile.
    public var revision: Int

    public init(
        id: Int64? = nil, personId: String?, firstRowId: Int64? = nil, callerName: String, phone: String?, email: String?, address: String?,
        postcode: String?, area: String?, hubId: String?, needs: String, urgency: String, details: String?, dietaryNeeds: String?,
        culturalPreferences: String?, language: String?, contactBy: String, consentToShare: Bool, channel: String, status: String,
        assignedTo: String? = nil, dueOn: String, callBackOn: String? = nil, createdAt: String, createdBy: String, firstContactAt: String? = nil,
        closedAt: String? = nil, updatedAt: String, revision: Int = 0
    ) {
        self.id = id
        self.personId = personId
        self.firstRowId = firstRowId
        self.callerName = callerName
        self.phone = phone
        self.email = email
        self.address = address
        self.postcode = postcode
        self.area = area
        self.hubId = hubId
        self.needs = needs
        self.urgency = urgency
        self.details = details
        self.dietaryNeeds = dietaryNeeds
        self.culturalPreferences = culturalPreferences
        self.language = language
        self.contactBy = contactBy
        self.consentToShare = consentToShare
        self.channel = channel
        self.status = status
        self.assignedTo = assignedTo
        self.dueOn = dueOn
        self.callBackOn = callBackOn
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.firstContactAt = firstContactAt
        self.closedAt = closedAt
        self.updatedAt = updatedAt
        self.revision = revision
    }

    /// The reference a resident and a hub quote: `HR-000123`.
    public var reference: String { Self.reference(id ?? 0) }

    public static func reference(_ id: Int64) -> String {
        let digits = String(id)
        return "HR-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The id in a reference, `HR-000123` or `123`.
    public static func id(fromReference text: String) -> Int64? {
        let upper = text.uppercased()
        return Int64(upper.hasPrefix("HR-") ? String(upper.dropFirst(3)) : upper)
    }
}

extension HelpRequestRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "helpRequest"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// One line of a request's history: a note, a change of status, hub, worker or call-back, a volunteer's step.
/// Never changed or deleted.
public struct HelpNoteRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var requestId: Int64
    /// ISO 8601 time.
    public var at: String
    public var by: String
    /// `note`, `status`, `hub`, `assign`, `call-back`, `volunteer`.
    public var kind: String
    public var text: String

    public init(id: Int64? = nil, requestId: Int64, at: String, by: String, kind: String, text: String) {
        self.id = id
        self.requestId = requestId
        self.at = at
        self.by = by
        self.kind = kind
        self.text = text
    }
}

extension HelpNoteRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "helpRequestNote"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A volunteer as the bureau keeps them. Lists are comma-separated: help offered (need ids), free slots
/// (`MO-morning`), languages. The DBS check is as the volunteer gave it until `dbsVerifiedBy` says who checked it.
public struct VolunteerRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var name: String
    public var phone: String?
    public var email: String?
    public var postcode: String
    public var latitude: Double?
    public var longitude: Double?
    public var travelMetres: Double
    public var offers: String
    public var slots: String
    public var languages: String
    public var drives: Bool
    public var skills: String?
    public var experience: String?
    public var references: String?
    /// `basic`, `standard`, `enhanced` or `enhanced-barred`.
    public var dbsLevel: String?
    public var dbsNumber: String?
    /// `yyyy-mm-dd`: the bureau's renewal date.
    public var dbsValidUntil: String?
    public var dbsVerifiedBy: String?
    public var inductionDone: Bool
    /// `applied`, `verified`, `active`, `paused` or `left`.
    public var status: String
    public var appliedAt: String
    public var updatedAt: String

    public init(
        id: Int64? = nil, name: String, phone: String?, email: String?, postcode: String, latitude: Double? = nil, longitude: Double? = nil,
        travelMetres: Double, offers: String, slots: String, languages: String, drives: Bool, skills: String? = nil, experience: String? = nil,
        references: String? = nil, dbsLevel: String? = nil, dbsNumber: String? = nil, dbsValidUntil: String? = nil, dbsVerifiedBy: String? = nil,
        inductionDone: Bool = false, status: String, appliedAt: String, updatedAt: String
    ) {
        self.id = id
        self.name = name
        self.phone = phone
        self.email = email
        self.postcode = postcode
        self.latitude = latitude
        self.longitude = longitude
        self.travelMetres = travelMetres
        self.offers = offers
        self.slots = slots
        self.languages = languages
        self.drives = drives
        self.skills = skills
        self.experience = experience
        self.references = references
        self.dbsLevel = dbsLevel
        self.dbsNumber = dbsNumber
        self.dbsValidUntil = dbsValidUntil
        self.dbsVerifiedBy = dbsVerifiedBy
        self.inductionDone = inductionDone
        self.status = status
        self.appliedAt = appliedAt
        self.updatedAt = updatedAt
    }

    /// `V-00012`.
    public var reference: String { Self.reference(id ?? 0) }

    public static func reference(_ id: Int64) -> String {
        let digits = String(id)
        return "V-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}

extension VolunteerRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "volunteer"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A volunteer's task for a request: which help, where it is in its life (assigned, contacted, confirmed,
/// completed, cancelled), and when done, the hours given and the volunteer's note.
public struct VolunteerTaskRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var requestId: Int64
    public var volunteerId: Int64
    public var need: String
    public var status: String
    public var assignedAt: String
    public var assignedBy: String
    public var updatedAt: String
    public var hours: Double?
    public var note: String?

    public init(
        id: Int64? = nil, requestId: Int64, volunteerId: Int64, need: String, status: String, assignedAt: String, assignedBy: String,
        updatedAt: String, hours: Double? = nil, note: String? = nil
    ) {
        self.id = id
        self.requestId = requestId
        self.volunteerId = volunteerId
        self.need = need
        self.status = status
        self.assignedAt = assignedAt
        self.assignedBy = assignedBy
        self.updatedAt = updatedAt
        self.hours = hours
        self.note = note
    }
}

extension VolunteerTaskRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "volunteerTask"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A person's lead professional: the worker who holds their case, and when they are next to be contacted.
public struct LeadProfessionalRecord: Codable, Sendable, Equatable {
    public var personId: String
    public var worker: String
    public var team: String?
    /// `yyyy-mm-dd`.
    public var nextContactOn: String?
    public var assignedAt: String
    public var assignedBy: String

    public init(personId: String, worker: String, team: String?, nextContactOn: String?, assignedAt: String, assignedBy: String) {
        self.personId = personId
        self.worker = worker
        self.team = team
        self.nextContactOn = nextContactOn
        self.assignedAt = assignedAt
        self.assignedBy = assignedBy
    }
}

extension LeadProfessionalRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "leadProfessional"
}
