import KithSpreadsheet
import Foundation
import KithStore
import KithVulnerability

/// `kith person`: one person's details, rating, household, involvements and contacts, for the terminal.
public enum PersonProfileText {
    public static func render(_ card: PersonCard) -> String {
        let (profile, score, run, household, members, contacts) = (card.profile, card.score, card.run, card.household, card.members, card.contacts)
        var lines: [String] = []
        lines.append("\(profile.personID)  \(profile.name.isEmpty ? "(no name on any list)" : profile.name)")
        var born: [String] = []
        if let date = profile.birthDate { born.append("born \(date)") }
        if let age = profile.age { born.append("age \(age)") }
        if let sex = profile.sex { born.append("sex \(sex)") }
        if let nhs = profile.nhsNumber { born.append("NHS number \(nhs)") }
        if !born.isEmpty { lines.append("  " + born.joined(separator: " · ")) }
        let place = [profile.address, profile.postcode].compactMap { $0 }.joined(separator: ", ")
        if !place.isEmpty { lines.append("  Address: \(place)" + (profile.area.map { " · area \($0)" } ?? "")) }
        let reach = [profile.phone.map { "phone \($0)" }, profile.email.map { "email \($0)" }].compactMap { $0 }
        if !reach.isEmpty { lines.append("  " + reach.joined(separator: " · ")) }
        if let school = profile.school { lines.append("  School: \(school)" + (profile.schoolURN.map { " (URN \($0))" } ?? "")) }
        if profile.isDeceased { lines.append("  A list says this person has died: do not contact.") }
        if profile.doNotContact { lines.append("  A list says this person must not be contacted.") }
        if profile.hasMoved { lines.append("  Recorded in Kith as moved away: left out of contact lists.") }
        lines.append("  Last contact with any service: " + (profile.lastContact.map { "\($0) (\(profile.lastContactSource ?? ""))" } ?? "none known"))
        lines.append("")
        if let score, let run {
            lines.append(
                "Rating (score run \(run.id ?? 0), as of \(run.referenceDate)): \(Band(rawValue: score.band)?.label ?? score.band), score \(score.score), weighed as \(score.cohort == "child" ? "a child" : "an \(score.cohort)")"
            )
            for reason in ScoreReason.list(fromJSON: score.reasons) {
                lines.append("  + \(reason.text)" + (reason.throughHousehold ? "  [found on another member of the household]" : ""))
            }
            lines.append("  Suggested action: \(score.action)")
        } else {
            lines.append("Not scored yet: run `kith score`.")
        }
        if let household {
            lines.append("")
            lines.append(
                "Household \(household.householdId): \(Band(rawValue: household.band)?.label ?? household.band), score \(household.score); \(members.count) people known at the address:"
            )
            for member in members {
                lines.append("  \(member.personID)  \(member.name)" + (member.age.map { ", \($0)" } ?? ""))
            }
        }
        lines.append("")
        lines.append("Known to \(profile.involvements.count) \(profile.involvements.count == 1 ? "service" : "services"):")
        for involvement in profile.involvements {
            var head = "  \(involvement.source)"
            if !involvement.isInLatestList { head += " (not in its latest list)" }
            if let date = involvement.lastContact { head += "; last contact \(date)" }
            if let lead = involvement.leadProfessional { head += "; lead professional \(lead)" }
            lines.append(head)
            for detail in involvement.details { lines.append("    \(detail.label): \(detail.value)") }
            lines.append("    " + involvement.rowReferences.joined(separator: "; "))
        }
        if !contacts.isEmpty {
            lines.append("")
            lines.append("Contacts recorded in Kith:")
            for contact in contacts {
                lines.append(
                    "  \(contact.contactedOn) \(contact.outcome.rawValue), recorded by \(contact.recordedBy)" + (contact.note.map { ": \($0)" } ?? "")
                )
            }
        }
        return lines.joined(separator: "\n")
    }
}
