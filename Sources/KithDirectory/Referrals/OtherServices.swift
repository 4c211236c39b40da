/// The services to suggest when one declines a referral: others meeting the same need that say they are taking
/// referrals, nearest first when the resident's place is known, then those with a waiting list (shortest typical
/// wait first); never the service that declined, nor one that is closed.
public enum OtherServices {
    public static func suggest(
        for need: String, instead declined: String, among services: [Service], near place: GeoPoint? = nil, limit: Int = 5
    ) -> [DirectoryMatch] {
        let others = services.filter { $0.id != declined }
        let taking = DirectorySearch.search(others, DirectoryQuery(needs: [need], near: place, acceptingReferralsOnly: true))
        // Shortest wait first; equal waits keep the search's order (nearest first).
        let waiting = DirectorySearch.search(others, DirectoryQuery(needs: [need], near: place)).enumerated()
            .filter { $0.element.service.capacity?.acceptingReferrals == .waitingList }
            .sorted { a, b in
                let (x, y) = (a.element.service.capacity?.typicalWaitDays ?? .max, b.element.service.capacity?.typicalWaitDays ?? .max)
                return x != y ? x < y : a.offset < b.offset
            }
            .map(\.element)
        return Array((taking + waiting).prefix(limit))
    }
}
