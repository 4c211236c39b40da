/// The details of a resident a role may see: the minimum each needs for its purpose. A VCS partner sees who the
/// person is, how to reach them and its own lists' rows, never other services' involvement or why they are rated as
/// they are; a school sees its pupils, their band and the action, but not the reasons behind it.
public struct ResidentFields: Sendable, Equatable {
    /// The NHS number and other national identifiers.
    public var showsIdentifiers: Bool
    /// Every service's involvement and rows; otherwise only those of ``ownSources``.
    public var showsEveryService: Bool
    /// The vulnerability band and the action it calls for.
    public var showsBand: Bool
    /// The factors behind the band, and its history.
    public var showsReasons: Bool
    /// The other members of the household.
    public var showsHousehold: Bool

    public static func fields(for role: Role) -> ResidentFields {
        switch role {
        case .admin, .analyst, .caseworker:
            ResidentFields(showsIdentifiers: true, showsEveryService: true, showsBand: true, showsReasons: true, showsHousehold: true)
        case .school:
            ResidentFields(showsIdentifiers: false, showsEveryService: false, showsBand: true, showsReasons: false, showsHousehold: false)
        case .partner:
            ResidentFields(showsIdentifiers: false, showsEveryService: false, showsBand: false, showsReasons: false, showsHousehold: false)
        }
    }
}
