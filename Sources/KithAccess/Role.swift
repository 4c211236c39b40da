/// What an account is for, and so what it may do and which residents it reaches.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// Runs Kith: accounts, tokens and the audit trail, as well as everything an analyst does.
    case admin
    /// A council data analyst: every resident, every list, imports and match review.
    case analyst
    /// A social worker or hub coordinator: the residents of one neighbourhood, their contact lists and contacts.
    case caseworker
    /// A VCS organisation: only the residents on its own lists, and only the details it needs to help them.
    case partner
    /// A school: only its own pupils, for welfare checks.
    case school
    /// A helpline call handler or hub worker: finds callers among every resident, takes and works requests in any
    /// hub, and keeps the volunteer bureau; sees who a resident is and which services know them, not why they are
    /// rated as they are.
    case callHandler = "call-handler"
    /// A volunteer: only the tasks the bureau gave them, with the least a task needs.
    case volunteer

    /// The words shown beside an account.
    public var label: String {
        switch self {
        case .admin: "Administrator"
        case .analyst: "Analyst"
        case .caseworker: "Caseworker"
        case .partner: "VCS partner"
        case .school: "School"
        case .callHandler: "Call handler"
        case .volunteer: "Volunteer"
        }
    }

    /// What this role may do.
    public var capabilities: Set<Capability> {
        switch self {
        case .admin: Set(Capability.allCases).subtracting([.doTasks])
        case .analyst:
            Set(Capability.allCases).subtracting([
                .readAudit, .manageAccounts, .makeReferrals, .answerReferrals, .takeRequests, .doTasks, .keepCaseloads,
            ])
        case .caseworker:
            [
                .searchPersons, .viewPersons, .viewOutreach, .exportOutreach, .recordContacts, .makeReferrals, .takeRequests, .workRequests,
                .manageVolunteers, .keepCaseloads, .viewPlaces,
            ]
        case .callHandler:
            [.searchPersons, .viewPersons, .recordContacts, .makeReferrals, .takeRequests, .workRequests, .manageVolunteers, .viewPlaces]
        case .volunteer: [.doTasks]
        case .partner:
            [.searchPersons, .viewPersons, .viewOutreach, .exportOutreach, .recordContacts, .answerReferrals, .editDirectory, .viewPlaces]
        case .school: [.searchPersons, .viewPersons, .viewOutreach, .exportOutreach, .recordContacts]
        }
    }

    public func can(_ capability: Capability) -> Bool {
        capabilities.contains(capability)
    }

    /// Whether the role reaches every resident, rather than those of one area, organisation or school.
    public var seesEveryone: Bool {
        self == .admin || self == .analyst
    }
}

/// One thing an account may be allowed to do. Every page and API route names the capability it needs.
public enum Capability: String, Sendable, CaseIterable, Codable {
    case searchPersons = "search persons"
    case viewPersons = "view persons"
    case importLists = "import lists"
    case reviewMatches = "review matches"
    case viewOutreach = "view contact lists"
    case exportOutreach = "export contact lists"
    case recordContacts = "record contacts"
    case readAudit = "read the audit trail"
    case manageAccounts = "manage accounts"
    /// Keep services' details and capacity up to date, and answer their callback requests: a partner its own
    /// organisation's (``DirectoryStewardship``), administrators and analysts any.
    case editDirectory = "edit the services directory"
    /// Refer a resident to a directory service: caseworkers and hub workers (and admins).
    case makeReferrals = "make referrals"
    /// See and answer the referrals to one's own organisation: VCS partners.
    case answerReferrals = "answer referrals"
    /// Take a request for help, on the phone or from a referral.
    case takeRequests = "take help requests"
    /// Work hubs' queues: pick up, note, reassign, close requests and give them to volunteers.
    case workRequests = "work help requests"
    /// Keep the volunteer bureau: take volunteers on, verify their DBS checks, pause them.
    case manageVolunteers = "manage volunteers"
    /// Do the tasks given to oneself as a volunteer.
    case doTasks = "do volunteer tasks"
    /// Hold residents' cases as their lead professional, and give cases to colleagues.
    case keepCaseloads = "keep caseloads"
    /// See places: the index of need, Kith's figures by area, the demand overlay, dashboards and the weekly report.
    /// Counts of residents come with small numbers suppressed for those outside the council's case teams
    /// (``PlaceAccess``).
    case viewPlaces = "see places and dashboards"
}
