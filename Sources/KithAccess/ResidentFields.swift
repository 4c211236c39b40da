import KithOutreach

/// The details of a resident a role may see: the minimum each needs for its purpose. A VCS partner sees who the
/// person is, how to reach them and its own lists' rows, never other services' involvement or why they are rated as
/// they are; a school sees its pupils, their band and the action, but not the reasons behind it.
public struct ResidentFields: Sendable, Equatable {
    /// The NHS number and other national identifiers.
    public var showsIdentifiers: Bool
    /// Every service's involvement and rows; otherwise only those of the lists the account's scope sees (see
    /// ``ResidentScope/visibleSources(of:)``).
    public var showsEveryService: Bool
    /// The vulnerability band and the action it calls for.
    public var showsBand: Bool
    /// The factors behind the band, and its history.
    public var showsReasons: Bool
    /// The other members of the household.
    public var showsHousehold: Bool
    /// How to reach someone no list gives an address for. A school does not see it: for a pupil it says to ask the
    /// school, which is the reader.
    public var showsReachNote: Bool

    public static func fields(for role: Role) -> ResidentFields {
        switch role {
        case .admin, .analyst, .caseworker:
            ResidentFields(
                showsIdentifiers: true, showsEveryService: true, showsBand: true, showsReasons: true, showsHousehold: true, showsReachNote: true
            )
        case .school:
            ResidentFields(
                showsIdentifiers: false, showsEveryService: false, showsBand: true, showsReasons: false, showsHousehold: false,
                showsReachNote: false
            )
        case .callHandler:
            // Who the caller is, how to reach them, which services know them (to route the request), never why they are rated.
            ResidentFields(
                showsIdentifiers: false, showsEveryService: true, showsBand: false, showsReasons: false, showsHousehold: true, showsReachNote: true
            )
        case .partner, .volunteer:
            ResidentFields(
                showsIdentifiers: false, showsEveryService: false, showsBand: false, showsReasons: false, showsHousehold: false,
                showsReachNote: true
            )
        }
    }

    /// The profile's note on how to reach them, if the role sees it.
    public func reachNote(of profile: PersonProfile) -> String? {
        showsReachNote ? profile.reachNote : nil
    }

    /// Contact details a reader who sees only some lists got from the council's lists because the rows it sees hold
    /// none (a profile ``ResidentScope`` minimised), to be shown as such; nil for a reader who sees every list, or
    /// whose own rows give them.
    public func councilContact(of profile: PersonProfile) -> String? {
        guard !showsEveryService else { return nil }
        let own = DetailProvenance.details(of: profile, includingIdentifiers: false).filter { ["Address", "Phone", "Email"].contains($0.label) }
        let text = [profile.address, profile.phone, profile.email].compactMap { $0 }.joined(separator: ", ")
        return own.isEmpty && !text.isEmpty ? text : nil
    }

    /// The columns of a contact list's download (``OutreachExport``) the role may not see.
    public var withheldColumns: Set<String> {
        var withheld: Set<String> = []
        if !showsReasons { withheld.insert("reasons") }
        if !showsEveryService { withheld.formUnion(["services", "last_contact_by"]) }
        if !showsBand { withheld.formUnion(["band", "score", "suggested_action"]) }
        if !showsHousehold { withheld.insert("household_id") }
        return withheld
    }
}
