import ArgumentParser
import Foundation
import KithOutreach
import KithSpreadsheet
import KithStore

/// `kith contact`: records a contact with a person and its outcome.
struct Contact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a contact with a person and its outcome; their last contact becomes that day.",
        discussion: """
            Outcomes: reached, no-answer, referred, declined, moved. The next contact list orders the person by \
            this contact; "moved" leaves them out of contact lists until another outcome is recorded.
            """
    )

    @Argument(help: "The person's id, such as KP-0000042.")
    var person: String

    @Option(help: "reached, no-answer, referred, declined or moved.")
    var outcome: String

    @Option(help: "A note about the contact.")
    var note: String?

    @Option(help: "The day of the contact (yyyy-mm-dd); today if not given.")
    var on: String?

    @Option(help: "Who made the contact, for the record.")
    var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard ContactRecord.Outcome(rawValue: outcome) != nil else {
            throw ValidationError("--outcome is one of: " + ContactRecord.Outcome.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        if let on {
            guard let date = CivilDate(iso: on) else { throw ValidationError("--on must be a date such as 2026-11-21.") }
            guard date <= .ukToday else { throw ValidationError("--on \(on) is in the future: give the day the contact happened.") }
        }
    }

    func run() throws {
        let date = on.flatMap(CivilDate.init(iso:)) ?? .ukToday
        let outcome = ContactRecord.Outcome(rawValue: outcome) ?? .reached
        let contact = try ContactRecorder(database: try store.open()).record(personID: person, outcome: outcome, on: date, note: note, by: by)
        print("Recorded: \(contact.personId) \(outcome.rawValue) on \(contact.contactedOn), by \(contact.recordedBy).")
        if outcome == .moved {
            print("They are left out of contact lists from now on; record another outcome to put them back.")
        } else {
            print("Their last contact is now \(contact.contactedOn): the next contact list puts them after people not contacted since.")
        }
    }
}
