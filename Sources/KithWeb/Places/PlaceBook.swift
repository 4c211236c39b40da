import KithAtlas
import KithPlaces
import KithSpreadsheet
import KithStore

/// The places pages' figures, worked out once per level and period and kept until the store changes (its places
/// revision: a new import, link or score run, contact, request, referral or places load), so that a page reads a
/// snapshot instead of counting the store again.
actor PlaceBook {
    struct Key: Hashable {
        var level: AreaLevel
        var from: CivilDate
        var to: CivilDate
    }

    let atlas: Atlas
    let profiles: ProfileFreshness
    let method: IndexMethod?
    private var kept: [Key: PlaceSnapshot] = [:]
    private var order: [Key] = []
    /// Levels and periods kept at once; the pages ask for few.
    static let capacity = 12

    init(atlas: Atlas, profiles: ProfileFreshness, method: IndexMethod?) {
        self.atlas = atlas
        self.profiles = profiles
        self.method = method
    }

    /// The snapshot of a level for the period from `from` up to but not including `to`.
    func snapshot(level: AreaLevel, from: CivilDate, to: CivilDate) async throws -> PlaceSnapshot {
        let atlas = atlas
        try await profiles.ensureCurrent()
        let revision = try await offload { try atlas.database.places.revision() }
        let key = Key(level: level, from: from, to: to)
        if let snapshot = kept[key], snapshot.revision == revision { return snapshot }
        let method = method
        let snapshot = try await offload { try PlaceSnapshot.make(atlas, level: level, from: from, to: to, method: method) }
        if kept[key] == nil {
            order.append(key)
            if order.count > Self.capacity { kept[order.removeFirst()] = nil }
        }
        kept[key] = snapshot
        return snapshot
    }

    struct ViewKey: Hashable {
        var snapshot: Key
        var measure: PlaceMeasure
        var suppressed: Bool
    }

    /// A measure's map and table as a page shows them: the SVG drawn once per snapshot, since a map of thousands of
    /// areas takes longer to draw than everything else on the page.
    struct DrawnView: Sendable {
        var view: PlaceView
        var svg: String
    }

    private var drawn: [ViewKey: (revision: String, drawn: DrawnView)] = [:]

    /// A measure of a snapshot, drawn; nil when the snapshot cannot show it.
    func drawnView(of snapshot: PlaceSnapshot, measure: PlaceMeasure, suppressed: Bool) async throws -> DrawnView? {
        let key = ViewKey(snapshot: Key(level: snapshot.level, from: snapshot.from, to: snapshot.to), measure: measure, suppressed: suppressed)
        if let kept = drawn[key], kept.revision == snapshot.revision { return kept.drawn }
        let made = try await offload { () -> DrawnView? in
            guard let view = PlaceView.make(snapshot, measure: measure, suppressed: suppressed, link: { "/places/" + PlacesPage.path($0) }) else {
                return nil
            }
            return DrawnView(view: view, svg: view.map.svg())
        }
        guard let made else { return nil }
        if drawn.count >= Self.capacity * 4 { drawn.removeAll() }
        drawn[key] = (snapshot.revision, made)
        return made
    }

    /// The levels with areas, neighbourhoods first.
    func levels() async throws -> [AreaLevel] {
        let atlas = atlas
        return try await offload { try atlas.levels() }
    }
}
