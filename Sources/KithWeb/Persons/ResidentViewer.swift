import KithAccess
import KithOutreach
import KithStore

/// One resident as the signed-in account may see them, for the person page and the API alike: the scope is checked
/// (a refusal is audited and answers "not found"), the card loaded (which audits the view) and the profile cut to
/// the lists the role may see.
struct ResidentViewer: Sendable {
    /// What the account sees of one resident.
    struct View: Sendable {
        var card: PersonCard
        /// The card's profile as the account may see it.
        var profile: PersonProfile
        var fields: ResidentFields
    }

    /// The store the card is read from (`PersonCard` reads it through its repositories).
    let database: any Store
    let residents: ResidentCheck
    /// Read for each view: today, unless the configuration fixes the day ages count from.
    let configuration: WebConfiguration

    /// The resident `personID` names (following merges), as the account sees them; the view is audited with
    /// `purpose`. Synchronous store work: an async handler runs it with `offload`.
    func view(_ personID: String, for signedIn: SignedIn, path: String, purpose: String) throws -> View {
        try residents.require(personID, for: signedIn, path: path)
        guard let current = try database.linkage.resolvePerson(personID) else { throw WebError.notFound }
        let card = try PersonCard.load(
            personID: current, database: database, referenceDate: configuration.today, viewedBy: signedIn.name, purpose: purpose
        )
        let fields = ResidentFields.fields(for: signedIn.role)
        return View(card: card, profile: try residents.residents(of: signedIn).minimised(card.profile, showing: fields), fields: fields)
    }
}
