import KithAccess
import KithOutreach
import KithSpreadsheet
import KithStore
import KithVulnerability

/// The values of the person page: one resident across every list the account may see, with where each detail came
/// from, involvements, household, band with reasons and history, and contacts. What the account may see is
/// KithAccess's to decide (``ResidentScope`` and ``ResidentFields``): the page shows what it is given.
enum PersonPage {
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
            "councilContact": fields.councilContact(of: profile) as Any,
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
