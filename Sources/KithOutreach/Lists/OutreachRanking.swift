import KithSpreadsheet
import KithStore
import KithVulnerability

/// Every contact list's order at once: everyone the latest score run scored who is on a latest list, sorted as a
/// contact list sorts them (Purple first, then the least recent contact, never contacted first, then the highest
/// score, then the id), with what the filters look at, kept compactly in memory.
///
/// A list with any filter is then one pass over it (a few milliseconds for 860,000 people) instead of a query and
/// a sort, and equals ``OutreachList/order(database:filter:referenceDate:restrictedTo:countingUnscored:)``. It is
/// right for the profile state, score run and day in its ``key``; ``updated(database:referenceDate:)`` rereads only
/// the persons recorded contacts changed, or everyone after a link run, an import or a new score run.
public struct OutreachRanking: Sendable {
    /// What the ranking was read from.
    public struct Key: Sendable, Equatable {
        public var state: ProfileState?
        public var runID: Int64
        public var day: CivilDate
    }

    /// Why someone is counted but not listed.
    enum LeftOut: UInt8, Sendable {
        case no, deceased, doNotContact, moved
    }

    struct Entry: Sendable {
        /// Index into ``personIDs`` (person id order, so it breaks ties as the id does).
        var person: Int32
        var band: Band
        var leftOut: LeftOut
        var cohort: Int32
        /// Index into ``areas``, or -1.
        var area: Int32
        /// Index into ``schools``, or -1.
        var school: Int32
        /// Days since 1970-01-01; `Int.min` for never.
        var lastContact: Int
        var score: Int

        static func isBefore(_ lhs: Entry, _ rhs: Entry) -> Bool {
            OutreachSort.priority.isBefore(lhs.sortKey, rhs.sortKey)
        }

        var sortKey: OutreachSort.Key<Int32> { .init(band: band, lastContact: lastContact, score: score, tie: person) }
    }

    struct School: Hashable, Sendable {
        var name: String?
        var urn: String?
    }

    public let key: Key
    public let run: ScoreRun
    /// People on a latest list the run did not score (linked since).
    public let unscoredCount: Int
    /// Every person on a latest list the run scored, in id order (the order of their bytes, as SQLite's).
    var personIDs: [String]
    var areas: [String]
    var schools: [School]
    var cohorts: [String]
    /// Everyone ranked, in contact list order.
    var entries: [Entry]
    /// Each area's entries (indexes into ``entries``), in order: a list of one area reads only its own people.
    var entriesByArea: [[Int32]]
    /// The areas and schools of everyone listed (see ``choices(restrictedTo:)``).
    public private(set) var everyonesChoices: Choices

    /// Reads the ranking of the store's latest score run as of a day; the profiles should be up to date first.
    public static func make(database: any Store, referenceDate: CivilDate) throws -> OutreachRanking {
        guard let run = try database.outreach.scoreRuns(limit: 1).first, let runID = run.id else { throw OutreachError.notScored }
        var reader = Reader()
        let state = try database.profiles.forEachListedProfile(inRun: runID, personIds: nil) { reader.add($0) }
        try reader.recount(database: database, referenceDate: referenceDate)
        var entries = reader.entries
        entries.sort(by: Entry.isBefore)
        return OutreachRanking(
            key: Key(state: state, runID: runID, day: referenceDate), run: run, unscoredCount: reader.unscored, personIDs: reader.personIDs,
            areas: reader.interned.areas, schools: reader.interned.schools, cohorts: reader.interned.cohorts, entries: entries
        )
    }

    init(
        key: Key, run: ScoreRun, unscoredCount: Int, personIDs: [String], areas: [String], schools: [School], cohorts: [String], entries: [Entry]
    ) {
        self.key = key
        self.run = run
        self.unscoredCount = unscoredCount
        self.personIDs = personIDs
        self.areas = areas
        self.schools = schools
        self.cohorts = cohorts
        self.entries = entries
        var byArea = [[Int32]](repeating: [], count: areas.count)
        for (index, entry) in entries.enumerated() where entry.area >= 0 { byArea[Int(entry.area)].append(Int32(index)) }
        self.entriesByArea = byArea
        self.everyonesChoices = Choices(areas: [], schoolsByArea: [:])
        self.everyonesChoices = choices(restrictedTo: nil)
    }

    /// Whether the ranking is still right for the store as it is now (profiles, latest score run) and this day.
    public func isCurrent(database: any Store, referenceDate: CivilDate) throws -> Bool {
        try currentKey(database: database, referenceDate: referenceDate) == key
    }

    private func currentKey(database: any Store, referenceDate: CivilDate) throws -> Key? {
        guard let runID = try database.outreach.scoreRuns(limit: 1).first?.id else { return nil }
        return Key(state: try database.profiles.state(), runID: runID, day: referenceDate)
    }

    /// The ranking brought up to date with the store: itself when nothing changed; when only contacts were recorded
    /// since, only the persons they touched are read again and put in their new places; else made again.
    public func updated(database: any Store, referenceDate: CivilDate) throws -> OutreachRanking {
        guard let now = try currentKey(database: database, referenceDate: referenceDate) else { throw OutreachError.notScored }
        if now == key { return self }
        guard now.runID == key.runID, now.day == key.day, let before = key.state, let after = now.state,
            before.linkRunId == after.linkRunId, before.importId == after.importId
        else { return try Self.make(database: database, referenceDate: referenceDate) }
        var changed = Set<String>()
        for personID in try database.profiles.personsContacted(sinceContact: before.contactId) {
            changed.insert(try database.linkage.resolvePerson(personID) ?? personID)
        }
        var positions = Set<Int32>()
        for personID in changed {
            // Someone not ranked before (new to a list) needs a place in the id order: make it all again.
            guard let position = index(of: personID) else { return try Self.make(database: database, referenceDate: referenceDate) }
            positions.insert(position)
        }
        var reader = Reader()
        reader.interned = Interned(areas: areas, schools: schools, cohorts: cohorts)
        reader.positions = { [personIDs] id in Self.index(of: id, in: personIDs) }
        let state = try database.profiles.forEachListedProfile(inRun: key.runID, personIds: changed.sorted()) { reader.add($0) }
        try reader.recount(database: database, referenceDate: referenceDate)
        var fresh = reader.entries
        fresh.sort(by: Entry.isBefore)
        // Everyone else keeps their place; the persons read again are merged in where they now belong.
        var merged: [Entry] = []
        merged.reserveCapacity(entries.count + fresh.count)
        var next = fresh.startIndex
        for entry in entries where !positions.contains(entry.person) {
            while next < fresh.endIndex, Entry.isBefore(fresh[next], entry) {
                merged.append(fresh[next])
                next += 1
            }
            merged.append(entry)
        }
        merged.append(contentsOf: fresh[next...])
        return OutreachRanking(
            key: Key(state: state, runID: key.runID, day: referenceDate), run: run, unscoredCount: unscoredCount, personIDs: personIDs,
            areas: reader.interned.areas, schools: reader.interned.schools, cohorts: reader.interned.cohorts, entries: merged
        )
    }

    /// Who a contact list with this filter holds, in order, and who it leaves out: what
    /// ``OutreachList/order(database:filter:referenceDate:restrictedTo:countingUnscored:)`` answers (the unscored
    /// counted for a list of everyone in reach), without reading the store.
    public func order(_ filter: OutreachFilter, restrictedTo allowed: Set<String>? = nil) -> OutreachList.Order {
        let matcher = Matcher(filter, ranking: self)
        var deceased = 0, doNotContact = 0, moved = 0
        var listed: [String] = []
        let limit = filter.limit ?? Int.max
        if matcher.matchesNobody {
            return OutreachList.Order(
                run: run, personIDs: [], deceasedCount: 0, doNotContactCount: 0, movedCount: 0, unscoredCount: allowed == nil ? unscoredCount : 0)
        }
        // Entries are kept in priority order: another order sorts the admitted ones before the limit is taken.
        let resorted = filter.sort != .priority
        var admitted: [Entry] = []
        func look(at entry: Entry) {
            guard matcher.admits(entry) else { return }
            let personID = personIDs[Int(entry.person)]
            if let allowed, !allowed.contains(personID) { return }
            switch entry.leftOut {
            case .deceased: deceased += 1
            case .doNotContact: doNotContact += 1
            case .moved: moved += 1
            case .no:
                if resorted { admitted.append(entry) } else if listed.count < limit { listed.append(personID) }
            }
        }
        if let area = matcher.onlyArea {
            for index in entriesByArea[Int(area)] { look(at: entries[Int(index)]) }
        } else {
            for entry in entries { look(at: entry) }
        }
        if resorted {
            admitted.sort { filter.sort.isBefore($0.sortKey, $1.sortKey) }
            listed = admitted.prefix(limit).map { personIDs[Int($0.person)] }
        }
        return OutreachList.Order(
            run: run, personIDs: listed, deceasedCount: deceased, doNotContactCount: doNotContact, movedCount: moved,
            unscoredCount: allowed == nil ? unscoredCount : 0
        )
    }

    /// The areas and schools a contact list can usefully be filtered by: those of the people it would list (not
    /// those left out), only of `allowed` when given.
    public struct Choices: Sendable, Equatable {
        /// Every area with someone listed, sorted.
        public var areas: [String]
        /// Each area's schools with someone listed, sorted.
        var schoolsByArea: [String: [String]]

        /// The schools with someone listed in an area (ignoring case, as the filter does), or in every area; sorted.
        public func schools(inArea area: String?) -> [String] {
            guard let area else { return Set(schoolsByArea.values.joined()).sorted() }
            let wanted = Matcher.folded(area)
            return Set(schoolsByArea.filter { Matcher.folded($0.key) == wanted }.values.joined()).sorted()
        }

        /// How many schools ``schools(inArea:)`` would list, without sorting them.
        public func schoolCount(inArea area: String?) -> Int {
            guard let area else { return Set(schoolsByArea.values.joined()).count }
            let wanted = Matcher.folded(area)
            return Set(schoolsByArea.filter { Matcher.folded($0.key) == wanted }.values.joined()).count
        }
    }

    /// The choices of the people listed who are in `allowed` (everyone when nil).
    public func choices(restrictedTo allowed: Set<String>?) -> Choices {
        var schoolsByArea: [Int32: Set<Int32>] = [:]
        for entry in entries where entry.leftOut == .no {
            if let allowed, !allowed.contains(personIDs[Int(entry.person)]) { continue }
            guard entry.area >= 0 else { continue }
            if entry.school >= 0, schools[Int(entry.school)].name != nil {
                schoolsByArea[entry.area, default: []].insert(entry.school)
            } else if schoolsByArea[entry.area] == nil {
                schoolsByArea[entry.area] = []
            }
        }
        var byName: [String: [String]] = [:]
        for (area, schoolIndexes) in schoolsByArea {
            byName[areas[Int(area)], default: []].append(contentsOf: schoolIndexes.compactMap { schools[Int($0)].name })
        }
        return Choices(areas: byName.keys.sorted(), schoolsByArea: byName.mapValues { Array(Set($0)).sorted() })
    }

    private func index(of personID: String) -> Int32? {
        Self.index(of: personID, in: personIDs)
    }

    /// Binary search of an id among ids in byte order.
    static func index(of personID: String, in personIDs: [String]) -> Int32? {
        var low = 0, high = personIDs.count
        while low < high {
            let middle = (low + high) / 2
            if personIDs[middle].utf8.lexicographicallyPrecedes(personID.utf8) { low = middle + 1 } else { high = middle }
        }
        return low < personIDs.count && personIDs[low] == personID ? Int32(low) : nil
    }

    /// Area, school and cohort texts, each stored once and referred to by index.
    struct Interned {
        var areas: [String] = []
        var schools: [School] = []
        var cohorts: [String] = []
        private var areaIndex: [String: Int32] = [:]
        private var schoolIndex: [School: Int32] = [:]
        private var cohortIndex: [String: Int32] = [:]

        init(areas: [String] = [], schools: [School] = [], cohorts: [String] = []) {
            self.areas = areas
            self.schools = schools
            self.cohorts = cohorts
            for (index, area) in areas.enumerated() { areaIndex[area] = Int32(index) }
            for (index, school) in schools.enumerated() { schoolIndex[school] = Int32(index) }
            for (index, cohort) in cohorts.enumerated() { cohortIndex[cohort] = Int32(index) }
        }

        mutating func area(_ text: String?) -> Int32 {
            guard let text else { return -1 }
            if let index = areaIndex[text] { return index }
            areas.append(text)
            areaIndex[text] = Int32(areas.count - 1)
            return Int32(areas.count - 1)
        }

        mutating func school(_ school: School) -> Int32 {
            guard school.name != nil || school.urn != nil else { return -1 }
            if let index = schoolIndex[school] { return index }
            schools.append(school)
            schoolIndex[school] = Int32(schools.count - 1)
            return Int32(schools.count - 1)
        }

        mutating func cohort(_ text: String) -> Int32 {
            if let index = cohortIndex[text] { return index }
            cohorts.append(text)
            cohortIndex[text] = Int32(cohorts.count - 1)
            return Int32(cohorts.count - 1)
        }
    }

    /// Turns listed profiles, as the store reads them in id order, into entries.
    struct Reader {
        var interned = Interned()
        var personIDs: [String] = []
        var entries: [Entry] = []
        var unscored = 0
        /// Where an id already has its place (when reading a few persons again); nil to give the next place.
        var positions: ((String) -> Int32?)?
        /// Entries (by index) of people with a row dated after the day, whose last contact is read again.
        private var datedLater: [(entry: Int, personID: String, latestDay: Int)] = []

        mutating func add(_ listed: ListedProfile) {
            guard let bandText = listed.band, let score = listed.score, let cohort = listed.cohort else {
                unscored += 1
                return
            }
            // A band this version does not know is not listed (as `OutreachList.order`).
            guard let band = Band(rawValue: bandText) else { return }
            let person: Int32
            if let positions {
                guard let known = positions(listed.personId) else { return }
                person = known
            } else {
                personIDs.append(listed.personId)
                person = Int32(personIDs.count - 1)
            }
            let leftOut: LeftOut = listed.isDeceased ? .deceased : listed.doNotContact ? .doNotContact : listed.hasMoved ? .moved : .no
            if let latest = listed.latestDay { datedLater.append((entries.count, listed.personId, latest)) }
            entries.append(
                Entry(
                    person: person, band: band, leftOut: leftOut, cohort: interned.cohort(cohort), area: interned.area(listed.area),
                    school: interned.school(School(name: listed.school, urn: listed.schoolURN)), lastContact: listed.lastContactDay ?? Int.min,
                    score: score
                )
            )
        }

        /// A row dated after the reference day does not count: such a person's last contact is read again as of it.
        mutating func recount(database: any Store, referenceDate: CivilDate) throws {
            let day = referenceDate.daysSinceEpoch
            let later = datedLater.filter { $0.latestDay > day }
            datedLater = []
            guard !later.isEmpty else { return }
            let recounted = try ProfileTable(database: database).profiles(of: later.map(\.personID), asOf: referenceDate)
            for person in later {
                guard let profile = recounted[person.personID] else { continue }
                entries[person.entry].lastContact = profile.lastContact?.daysSinceEpoch ?? Int.min
            }
        }
    }

    /// A filter turned into tests on indexes: area and school texts are compared once per distinct value, as
    /// SQLite compares them (`COLLATE NOCASE` and `lower()` fold only A to Z).
    struct Matcher {
        var areas: [Bool]?
        var schools: [Bool]?
        /// Bit `urgency` set for each band asked for; 0 for every band.
        var bands: UInt8
        var cohort: Int32?
        /// The one area the filter names, when it names one the ranking has: only its people need a look.
        var onlyArea: Int32?
        var matchesNobody = false

        init(_ filter: OutreachFilter, ranking: OutreachRanking) {
            if let area = filter.area {
                let wanted = Self.folded(area)
                let matches = ranking.areas.map { Self.folded($0) == wanted }
                areas = matches
                let indexes = matches.indices.filter { matches[$0] }
                if indexes.isEmpty { matchesNobody = true }
                if indexes.count == 1 { onlyArea = Int32(indexes[0]) }
            }
            if let school = filter.school {
                let wanted = Self.folded(school)
                schools = ranking.schools.map { candidate in
                    candidate.urn == school || (candidate.name.map { Self.folded($0).holds(wanted) } ?? false)
                }
            }
            bands = filter.bands.reduce(0) { $0 | UInt8(1 << $1.urgency) }
            if let wanted = filter.cohort?.rawValue {
                if let index = ranking.cohorts.firstIndex(of: wanted) { cohort = Int32(index) } else { matchesNobody = true }
            }
        }

        func admits(_ entry: Entry) -> Bool {
            if bands != 0 && bands & UInt8(1 << entry.band.urgency) == 0 { return false }
            if let cohort, entry.cohort != cohort { return false }
            if let areas, entry.area < 0 || !areas[Int(entry.area)] { return false }
            if let schools, entry.school < 0 || !schools[Int(entry.school)] { return false }
            return true
        }

        /// The text with A to Z in lower case and nothing else changed, as SQLite's `lower()` and `NOCASE` do.
        static func folded(_ text: String) -> [UInt8] {
            text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        }
    }
}

extension [UInt8] {
    /// Whether these bytes hold `other` as a run (an empty run is in every text, as SQLite's `instr`).
    fileprivate func holds(_ other: [UInt8]) -> Bool {
        guard !other.isEmpty else { return true }
        guard other.count <= count else { return false }
        for start in 0...(count - other.count) where self[start] == other[0] {
            if self[start..<(start + other.count)].elementsEqual(other) { return true }
        }
        return false
    }
}
