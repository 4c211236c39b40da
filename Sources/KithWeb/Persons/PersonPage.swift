import KithAccess
import KithHelp
import KithOutreach
import KithSpreadsheet
import KithStore
import KithVulnerability

/// What `person.mustache` shows: one resident across every list the account may see, with where each detail came
/// from, involvements, household, band with reasons and history, and contacts. What the account may see is
/// KithAccess's to decide (``ResidentScope`` and ``ResidentFields``): the page shows what it is given.
struct PersonPage {
    /// One detail (name, date of birth, address…) and each value the lists give it.
    struct Detail {
        var label: String
        /// Whether the lists give it more than one value.
        var disputed: Bool
        var values: [Value]
    }

    /// One value of a detail, and the rows that say it.
    struct Value {
        var text: String
        /// "also written …", or nil: Mustache shows a section for an empty string, and printed "Aoife McCarthy ()".
        var otherSpellings: String?
        /// "Food bank referrals, referrals.csv row 12; …".
        var sources: String
    }

    /// A list that knows the person, and what it says of them.
    struct Involvement {
        var source: String
        /// "Label: value", one a line.
        var details: [String]
        var lead: String
        var lastContact: String
        /// Whether the person is on the list's latest import.
        var current: Bool
        var rows: String
    }

    /// The person's band in the latest score run.
    struct Band {
        var label: String
        var tagClass: String
        var score: Int
        var action: String
        var cohort: String
        var asOf: String
        /// Empty unless the account sees the reasons.
        var reasons: [Reason]
    }

    /// One factor behind the band.
    struct Reason {
        var text: String
        /// `+3`, `-1`.
        var points: String
        /// Whether it counts through the household.
        var household: Bool
    }

    /// A stretch of score runs that gave the same band.
    struct Period {
        var date: String
        var scoredAt: String
        var label: String
        var tagClass: String
        var score: Int
        var runs: Int
    }

    /// The household's band and everyone scored at the same address.
    struct Household {
        var band: String
        var tagClass: String
        var score: Int
        var members: [Member]
    }

    /// A household member; linked when the account may open their page.
    struct Member {
        var personID: String
        var name: String
        var age: String
        var isSelf: Bool
        var linked: Bool
    }

    /// A contact recorded in Kith.
    struct Contact {
        var on: String
        var outcome: String
        var note: String
        var by: String
    }

    /// The form that records a contact, for an account that may.
    struct ContactForm {
        var today: String
        var outcomes: [Outcome]
    }

    /// One choice of what happened.
    struct Outcome {
        var value: String
        var label: String
    }

    var personID: String
    /// Years, or "not known".
    var age: String
    var area: String?
    var areaFromSchool: Bool
    /// How to reach someone no list gives an address for, if the role sees it.
    var reachNote: String?
    var councilContact: String?
    var school: String?
    var isDeceased: Bool
    var doNotContact: Bool
    var hasMoved: Bool
    var lastContact: String
    var lastContactSource: String?
    var canSeeEveryService: Bool
    var details: [Detail]
    var involvements: [Involvement]
    var band: Band?
    var history: [Period] = []
    var household: Household?
    /// Latest first.
    var contacts: [Contact]
    var contactForm: ContactForm?
    /// The person's referrals the account may see, newest first, each with its steps (`ReferralRow`).
    var referrals: [ReferralRow] = []
    /// The referral form for this person, for an account that may refer them.
    var referHref: String?
    /// The help requests made for the person, newest first, for those who work requests.
    var requests: [PersonHelpRequest] = []
    var showsRequests = false
    var takeRequestHref: String?
    /// Their lead professional and next contact; whether the account may take the case or set the date.
    var lead: String?
    var nextContact: String?
    var canKeepCase = false

    /// The page of `profile` (the card's profile as the account may see it); household members are linked when
    /// `visibleMembers` (nil for everyone) holds them.
    init(
        card: PersonCard, profile: PersonProfile, fields: ResidentFields, history: [(run: ScoreRun, score: PersonScore)],
        visibleMembers: Set<String>?, canRecordContacts: Bool, today: CivilDate
    ) {
        personID = profile.personID
        age = profile.age.map { "\($0)" } ?? "not known"
        area = profile.area
        areaFromSchool = profile.areaFromSchool
        reachNote = fields.reachNote(of: profile)
        councilContact = fields.councilContact(of: profile)
        school = profile.school
        isDeceased = profile.isDeceased
        doNotContact = profile.doNotContact
        hasMoved = profile.hasMoved
        lastContact = profile.lastContact?.description ?? "none recorded"
        lastContactSource = profile.lastContactSource
        canSeeEveryService = fields.showsEveryService
        details = DetailProvenance.details(of: profile, includingIdentifiers: fields.showsIdentifiers).map { detail in
            Detail(
                label: detail.label, disputed: detail.isDisputed,
                values: detail.values.map { value in
                    Value(
                        text: value.text,
                        otherSpellings: value.otherSpellings.isEmpty ? nil : "also written " + value.otherSpellings.joined(separator: ", "),
                        sources: value.sources.map { source in
                            source.list + ", " + Self.reference(source.row) + (source.isInLatestList ? "" : " (earlier list)")
                                + (source.fullName.map { ", split from its full-name column “\($0)”" } ?? "")
                        }.joined(separator: "; ")
                    )
                }
            )
        }
        involvements = profile.involvements.map { involvement in
            Involvement(
                source: involvement.source, details: involvement.details.map { "\($0.label): \($0.value)" },
                lead: involvement.leadProfessional ?? "", lastContact: involvement.lastContact?.description ?? "",
                current: involvement.isInLatestList, rows: involvement.rowReferences.joined(separator: "; ")
            )
        }
        if fields.showsBand, let score = card.score, let band = KithVulnerability.Band(rawValue: score.band) {
            let reasons = fields.showsReasons ? ScoreReason.list(fromJSON: score.reasons) : []
            self.band = Band(
                label: band.label, tagClass: band.rawValue, score: score.score, action: card.profile.actionNamingLeads(score.action),
                cohort: Cohort(rawValue: score.cohort)?.label ?? score.cohort, asOf: card.run?.referenceDate ?? "",
                reasons: reasons.map { reason in
                    Reason(text: reason.label, points: (reason.points >= 0 ? "+" : "") + String(reason.points), household: reason.throughHousehold)
                }
            )
        }
        if fields.showsReasons {
            self.history = BandHistory(history).periods.map { period in
                Period(
                    date: period.from == period.until ? period.from : "\(period.from) to \(period.until)",
                    scoredAt: DisplayTime.text(period.lastScoredAt), label: KithVulnerability.Band(rawValue: period.band)?.label ?? period.band,
                    tagClass: period.band, score: period.score, runs: period.runCount
                )
            }
        }
        if fields.showsHousehold, let household = card.household {
            self.household = Household(
                band: KithVulnerability.Band(rawValue: household.band)?.label ?? household.band, tagClass: household.band,
                score: household.score,
                members: card.members.map { member in
                    Member(
                        personID: member.personID, name: member.name, age: member.age.map { "\($0)" } ?? "",
                        isSelf: member.personID == profile.personID,
                        linked: member.personID != profile.personID && (visibleMembers?.contains(member.personID) ?? true)
                    )
                }
            )
        }
        contacts = card.contacts.reversed().map { contact in
            Contact(on: contact.contactedOn, outcome: Self.outcomeLabel(contact.outcome), note: contact.note ?? "", by: contact.recordedBy)
        }
        if canRecordContacts {
            contactForm = ContactForm(
                today: today.description,
                outcomes: ContactRecord.Outcome.allCases.map { Outcome(value: $0.rawValue, label: Self.outcomeLabel($0)) }
            )
        }
    }

    static func reference(_ row: RowReference) -> String {
        row.fileName + (row.sheet.map { " (\($0))" } ?? "") + " row \(row.rowNumber)"
    }

    static func outcomeLabel(_ outcome: ContactRecord.Outcome) -> String {
        switch outcome {
        case .reached: "Reached"
        case .noAnswer: "No answer"
        case .referred: "Referred on"
        case .declined: "Declined help"
        case .moved: "Moved away"
        }
    }
}

/// A help request on the person page.
struct PersonHelpRequest {
    var href: String
    var reference: String
    var needs: String
    var status: String
    var statusTag: String
    var takenOn: String

    init(_ record: HelpRequestRecord) {
        let status = RequestStatus(rawValue: record.status) ?? .toDo
        href = "/requests/\(record.id ?? 0)"
        reference = record.reference
        needs = record.needs.split(separator: ",").map { HelpNeed.standard.need(String($0))?.label ?? String($0) }.joined(separator: ", ")
        self.status = status.label
        statusTag = RequestRow.tag(status)
        takenOn = DisplayTime.text(record.createdAt)
    }
}
