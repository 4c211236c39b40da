import Foundation
import KithPlaces
import KithSpreadsheet
import KithStore

/// Everything the places pages, the dashboard and the report show for one level and period, worked out once: the
/// areas with their outlines, the index of need, Kith's live figures and the overlay of demand on need. What cannot
/// be worked out yet (no indicators, no population) is said in words instead.
public struct PlaceSnapshot: Sendable {
    public var level: AreaLevel
    public var areas: [Area]
    public var need: NeedIndex?
    /// Why there is no index, in words for the page.
    public var needProblem: String?
    /// Kith's own figures by indicator id (``Atlas/liveIndicators``).
    public var live: [String: [IndicatorValue]]
    public var overlay: NeedOverlay?
    public var overlayProblem: String?
    /// The overlay's period: from, and the day after its last.
    public var from: CivilDate
    public var to: CivilDate
    /// The store's ``PlacesRepository/revision()`` when it was made.
    public var revision: String

    /// Works out a level's figures for the period from `from` up to but not including `to`.
    public static func make(_ atlas: Atlas, level: AreaLevel, from: CivilDate, to: CivilDate, method: IndexMethod? = nil) throws -> PlaceSnapshot {
        try atlas.bringProfilesUpToDate()
        let revision = try atlas.database.places.revision()
        let areas = try atlas.areas(level: level)
        var need: NeedIndex?
        var needProblem: String?
        do {
            need = try atlas.index(level: level, method: method)
        } catch let problems as PlaceIndex.Problems {
            needProblem =
                try atlas.database.places.indicators(project: nil).isEmpty
                ? "No indicators are loaded yet: load an indicator table (kith places indicators) to make the index of need."
                : "The index cannot be made: " + problems.description
        }
        var overlay: NeedOverlay?
        var overlayProblem: String?
        if need != nil {
            do {
                overlay = try atlas.overlay(level: level, from: from, to: to, method: method)
            } catch let error as AtlasError {
                overlayProblem = error.description
            }
        } else {
            overlayProblem = "Demand is set against need once there is an index of need."
        }
        let live = try atlas.liveFigures(level: level, today: to.adding(days: -1))
        return PlaceSnapshot(
            level: level, areas: areas, need: need, needProblem: needProblem, live: live, overlay: overlay, overlayProblem: overlayProblem,
            from: from, to: to, revision: revision)
    }

    /// An area's name, or its code when it has none.
    public func name(of code: String) -> String {
        // The index's names are a dictionary; the areas a list, searched only for an area the index does not have.
        need?.names[code] ?? areas.first { $0.code == code }?.name ?? code
    }
}
