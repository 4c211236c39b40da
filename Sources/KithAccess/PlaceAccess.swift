import KithStore

/// Who sees what of places: counts of residents by area, and how much of the borough a dashboard covers.
///
/// Figures about residents leave the council's case teams only with small numbers suppressed: a count under
/// ``smallNumberThreshold`` could point at a family in a small area. Case teams (administrators, analysts,
/// caseworkers, call handlers) see the counts as they are; VCS partners see them suppressed, as does anything
/// exported for outside the case teams (the weekly report's "for partners" edition).
public enum PlaceAccess {
    /// Counts from 1 up to this, less one, are shown as "fewer than 5".
    public static let smallNumberThreshold = 5

    /// Whether counts of residents are suppressed for this account.
    public static func suppressesSmallNumbers(for signedIn: SignedIn) -> Bool {
        !isCaseTeam(signedIn.role)
    }

    public static func isCaseTeam(_ role: Role) -> Bool {
        switch role {
        case .admin, .analyst, .caseworker, .callHandler: true
        case .partner, .school, .volunteer: false
        }
    }

    /// The area a dashboard is kept to: a caseworker's own (the neighbourhood, ward or hub area set on the
    /// account); nil for those who see the whole borough.
    public static func dashboardArea(for signedIn: SignedIn) -> String? {
        if case .area(let area) = signedIn.scope { return area }
        return nil
    }

    /// Whether a count must be hidden: from 1 to 4, when counts are suppressed (zero identifies no one).
    public static func hides(_ count: Double, suppressed: Bool) -> Bool {
        suppressed && count > 0 && count < Double(smallNumberThreshold)
    }

    /// A count as it may be shown: itself, or "<5" when it must be suppressed.
    public static func shown(_ count: Int, suppressed: Bool) -> String {
        hides(Double(count), suppressed: suppressed) ? "<\(smallNumberThreshold)" : String(count)
    }
}
