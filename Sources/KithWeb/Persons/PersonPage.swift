import KithAccess
import KithOutreach
import KithSpreadsheet
import KithStandard
import KithStore
import KithVulnerability

/// The values of the person page: one resident across every list the account may see, with where each detail came
/// from, involvements, household, band with reasons and history, and contacts.
enum PersonPage {
    /// The lists whose rows an account sees for this person: every list, or only its organisation's lists, or only
    /// the rows of its school.
    static func visibleSources(of profile: PersonProfile, for signedIn: SignedIn, database: KithDatabase) throws -> Set<String>? {
        switch signedIn.scope {
        case .everyone, .area: return nil
        case .nobody: return []
        case .organisation(let organisation): return Set(try database.access.sourceNames(ofOrganisation: organisation))
        case .school(let school):
            let wanted = school.lowercased()
            return Set(
                profile.records.filter { record in
                    record.values.contains { tag, value in tag.hashtag == "org" && tag.has("school") && value.lowercased() == wanted }
                }.map(\.source)
            )
        }
    }

    /// The profiles of a contact list cut down to what the account may see of each person.
    static func minimised(_ list: OutreachList, for signedIn: SignedIn, database: KithDatabase) throws -> OutreachList {
        guard !ResidentFields.fields(for: signedIn.role).showsEveryService else { return list }
        var list = list
        let organisationSources: Set<String>? = if case .organisation(let organisation) = signedIn.scope {
            Set(try database.access.sourceNames(ofOrganisation: organisation))
        } else { nil }
        list.entries = try list.entries.map { entry in
            var entry = entry
            let sources = try organisationSources ?? visibleSources(of: entry.profile, for: signedIn, database: database)
            entry.profile = restricted(entry.profile, to: sources)
            return entry
        }
        return list
    }

    /// The profile with only the rows and involvements of `sources`.
    static func restricted(_ profile: PersonProfile, to sources: Set<String>?) -> PersonProfile {
        guard let sources else { return profile }
        var profile = profile
        let kept = profile.records.indices.filter { sources.contains(profile.records[$0].source) }
        profile.records = kept.map { profile.records[$0] }
        profile.rows = kept.map { profile.rows[$0] }
        profile.involvements = profile.involvements.filter { sources.contains($0.source) }
        // What other lists say is not the reader's to see: name, birth date and contact details come from the rows
        // kept, the most common value first.
        let details = DetailProvenance.details(of: profile, includingIdentifiers: false)
        func value(_ label: String) -> String? { details.first { $0.label == label }?.values.first?.text }
        let name = details.first { $0.label == "Name" }?.values.first?.name
        profile.givenName = name?.givenName ?? ""
        profile.familyName = name?.familyName ?? ""
        profile.birthDate = value("Date of birth").flatMap { CivilDate(iso: $0) }
        // Contact details are the exception: a partner or school on this person's case needs a way to reach them,
        // so where its own rows hold none it gets the council's best-known address and phone (nothing else).
        let ownAddress = value("Address"), ownPostcode = value("Postcode"), ownPhone = value("Phone"), ownEmail = value("Email")
        if ownAddress == nil && ownPhone == nil && ownEmail == nil {
            profile.postcode = ownPostcode ?? profile.postcode
        } else {
            (profile.address, profile.postcode, profile.phone, profile.email) = (ownAddress, ownPostcode, ownPhone, ownEmail)
        }
        profile.nhsNumber = nil
        profile.householdID = nil
        return profile
    }

    /// Contact details a partner or school gets from the council's lists when its own rows hold none (see
    /// `restricted`); nil for readers who see every list, or whose own rows give them.
    static func councilContact(_ profile: PersonProfile, fields: ResidentFields) -> String? {
        guard !fields.showsEveryService else { return nil }
        let own = DetailProvenance.details(of: profile, includingIdentifiers: false).filter { ["Address", "Phone", "Email"].contains($0.label) }
        let text = [profile.address, profile.phone, profile.email].compactMap { $0 }.joined(separator: ", ")
        return own.isEmpty && !text.isEmpty ? text : nil
    }

    static func values(
        card: PersonCard, profile: PersonProfile, fields: ResidentFields, history: [(run: ScoreRun, score: PersonScore)],
        visibleMembers: Set<String>?, canRecordContacts: Bool, today: CivilDate
    ) -> [String: Any] {
        var values: [String: Any] = [
            "personID": profile.personID,
            "age": profile.age.map { "\($0)" } ?? "not known",
            "area": profile.area as Any,
            "areaFromSchool": profile.areaFromSchool,
            "reachNote": profile.reachNote as Any,
            "councilContact": councilContact(profile, fields: fields) as Any,
            "school": profile.school as Any,
            "isDeceased": profile.isDeceased,
            "doNotContact": profile.doNotContact,
            "hasMoved": profile.hasMoved,
            "lastContact": profile.lastContact?.description ?? "none recorded",
            "lastContactSource": profile.lastContactSource as Any,
        ]
        values["details"] = DetailProvenance.details(of: profile, includingIdentifiers: fields.showsIdentifiers).map { detail in
            [
                "label": detail.label, "disputed": detail.isDisputed,
                "values": detail.values.map { value in
                    [
                        "text": value.text,
                        "otherSpellings": value.otherSpellings.isEmpty ? "" : "also written " + value.otherSpellings.joined(separator: ", "),
                        "sources": value.sources.map { source in
                            source.list + ", " + reference(source.row) + (source.isInLatestList ? "" : " (earlier list)")
                                + (source.fullName.map { ", split from its full-name column “\($0)”" } ?? "")
                        }.joined(separator: "; "),
                    ] as [String: Any]
                },
            ] as [String: Any]
        }
        values["involvements"] = profile.involvements.map { involvement in
            [
                "source": involvement.source,
                "details": involvement.details.map { "\($0.label): \($0.value)" },
                "lead": involvement.leadProfessional ?? "",
                "lastContact": involvement.lastContact?.description ?? "",
                "current": involvement.isInLatestList,
                "rows": involvement.rowReferences.joined(separator: "; "),
            ] as [String: Any]
        }
        if fields.showsBand, let score = card.score, let band = Band(rawValue: score.band) {
            var bandValues: [String: Any] = [
                "label": band.label, "tagClass": band.rawValue, "score": score.score, "action": card.profile.actionNamingLeads(score.action),
                "cohort": Cohort(rawValue: score.cohort)?.label ?? score.cohort,
                "asOf": card.run?.referenceDate ?? "",
            ]
            bandValues["reasons"] = [[String: Any]]()
            if fields.showsReasons {
                bandValues["reasons"] = ScoreReason.list(fromJSON: score.reasons).map { reason in
                    ["text": reason.label, "points": (reason.points >= 0 ? "+" : "") + String(reason.points), "household": reason.throughHousehold]
                }
            }
            values["band"] = bandValues
        }
        values["history"] = [[String: Any]]()
        if fields.showsReasons {
            values["history"] = BandHistory(history).periods.map { period in
                let band = Band(rawValue: period.band)
                let dates = period.from == period.until ? period.from : "\(period.from) to \(period.until)"
                return ["date": dates, "scoredAt": DisplayTime.text(period.lastScoredAt), "label": band?.label ?? period.band,
                        "tagClass": period.band, "score": period.score, "runs": period.runCount] as [String: Any]
            }
        }
        if fields.showsHousehold, let household = card.household {
            values["household"] = [
                "band": Band(rawValue: household.band)?.label ?? household.band, "tagClass": household.band, "score": household.score,
                "members": card.members.map { member in
                    [
                        "personID": member.personID, "name": member.name, "age": member.age.map { "\($0)" } ?? "",
                        "isSelf": member.personID == profile.personID,
                        "linked": member.personID != profile.personID && (visibleMembers?.contains(member.personID) ?? true),
                    ] as [String: Any]
                },
            ] as [String: Any]
        }
        values["contacts"] = card.contacts.reversed().map { contact in
            ["on": contact.contactedOn, "outcome": outcomeLabel(contact.outcome), "note": contact.note ?? "", "by": contact.recordedBy]
        }
        if canRecordContacts {
            values["contactForm"] = [
                "today": today.description,
                "outcomes": ContactRecord.Outcome.allCases.map { ["value": $0.rawValue, "label": outcomeLabel($0)] },
            ]
        }
        return values
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
