import KithSpreadsheet
import Testing

@testable import KithLinkage

/// Linking new records onto an earlier run: old persons keep their ids, copies of old people join them, new people
/// get new ids, and a record that shows two old persons are one merges them and says so.
struct IncrementalLinkingTests {
    /// About 200 records of a synthetic borough, plus one resident the lists hold as two unlinked persons: Abena Quaye
    /// at the GP (with an NHS number, no date of birth) and Abena Boateng on the school list (with a school id).
    static let borough = SyntheticResidents.borough(minimumRecords: 200, seed: 21)
    static let abenaAtGP = PersonRecord(
        key: "gp:abena", source: "gp", givenName: "Abena", familyName: "Quaye", nhsNumber: "9876543210", postcode: "HY5 2QQ",
        address: "3 Hazel Walk", phone: "07700 955601"
    )
    static let abenaAtSchool = PersonRecord(
        key: "school:abena", source: "school", partnerID: "SCH-0077", givenName: "Abena", familyName: "Boateng",
        birthDate: CivilDate(year: 2011, month: 6, day: 14), sex: "F", postcode: "HY9 7QQ", address: "61 Poplar Street"
    )
    static let oldRecords = borough.records + [abenaAtGP, abenaAtSchool]
    static let first = Linker().link(oldRecords)

    /// Residents the first run linked exactly: all their records in one person holding nobody else's.
    static func cleanlyLinkedResidents() -> [SyntheticResidents.Resident] {
        var idsByResident: [Int: Set<String>] = [:]
        var residentsByID: [String: Set<Int>] = [:]
        for (index, resident) in borough.truth.enumerated() {
            let id = first.state.personID(ofRecord: index)
            idsByResident[resident, default: []].insert(id)
            residentsByID[id, default: []].insert(resident)
        }
        return borough.residents.filter { resident in
            guard let ids = idsByResident[resident.id], ids.count == 1 else { return false }
            return residentsByID[ids.first!] == [resident.id]
        }
    }

    /// Ten old residents as a new list (the library's) holds them, with their old person ids.
    static func copies() -> [(record: PersonRecord, oldID: String)] {
        let residents = cleanlyLinkedResidents()
        let step = residents.count / 10
        return (0..<10).map { n in
            let resident = residents[n * step]
            let oldIndex = borough.truth.firstIndex(of: resident.id)!
            return (resident.record(key: "library:\(resident.id)", source: "library"), first.state.personID(ofRecord: oldIndex))
        }
    }

    /// Ten people new to the borough, in three households of their own.
    static let newcomers: [PersonRecord] = {
        let households: [(family: String, address: String, postcode: String, phone: String, members: [(String, String, (Int, Int, Int))])] = [
            (
                "Abara", "9 Quarry Lane", "HY2 8QW", "07700 955701",
                [("Ifeoma", "F", (1979, 2, 17)), ("Obinna", "M", (1976, 9, 3)), ("Nneka", "F", (2009, 12, 1))]
            ),
            (
                "Lindqvist", "14 Heron Wharf", "HY7 3QW", "07700 955702",
                [("Astrid", "F", (1985, 5, 30)), ("Magnus", "M", (1983, 1, 8)), ("Elin", "F", (2014, 7, 22)), ("Nils", "M", (2017, 3, 5))]
            ),
            (
                "Vasquez", "27 Foundry Street", "HY4 1QW", "07700 955703",
                [("Ximena", "F", (1969, 10, 11)), ("Mateo", "M", (1999, 4, 27)), ("Valentina", "F", (2002, 8, 16))]
            ),
        ]
        return households.flatMap { household in
            household.members.map { given, sex, born in
                PersonRecord(
                    key: "library:new:\(given)", source: "library", givenName: given, familyName: household.family,
                    birthDate: CivilDate(year: born.0, month: born.1, day: born.2), sex: sex, postcode: household.postcode,
                    address: household.address, phone: household.phone
                )
            }
        }
    }()

    static func incremental() -> (result: LinkageResult, copies: [(record: PersonRecord, oldID: String)]) {
        let copies = copies()
        let result = Linker().link(copies.map(\.record) + newcomers, onto: first.state)
        return (result, copies)
    }

    @Test func theFirstRunLinksTheBoroughWell() {
        // The tests below lean on a sensible first run: most residents linked exactly, Abena's two records apart.
        #expect(Self.oldRecords.count >= 200 && Self.oldRecords.count <= 215)
        #expect(Self.cleanlyLinkedResidents().count >= Self.borough.residents.count * 9 / 10)
        #expect(Self.first.personID(of: "gp:abena") != Self.first.personID(of: "school:abena"))
        #expect(Self.first.report.mode == .full)
        #expect(Self.first.report.newRecords == Self.oldRecords.count)
    }

    @Test func oldRecordsKeepTheirPersonIDs() {
        let (result, _) = Self.incremental()
        for index in Self.oldRecords.indices {
            #expect(
                result.state.personID(ofRecord: index) == Self.first.state.personID(ofRecord: index),
                "\(Self.oldRecords[index].key) moved from \(Self.first.state.personID(ofRecord: index)) to \(result.state.personID(ofRecord: index))"
            )
        }
        // Only the new records were given a person.
        #expect(result.changedRecords == Array(Self.oldRecords.count..<(Self.oldRecords.count + 20)))
        #expect(result.report.merges.isEmpty)
        #expect(result.report.splits.isEmpty)
    }

    @Test func copiesOfOldPeopleTakeTheirIDs() {
        let (result, copies) = Self.incremental()
        for (offset, copy) in copies.enumerated() {
            let index = Self.oldRecords.count + offset
            #expect(result.state.records.keys[index] == copy.record.key)
            #expect(result.state.personID(ofRecord: index) == copy.oldID, "\(copy.record.key)")
        }
    }

    @Test func newPeopleGetNewIDs() {
        let (result, _) = Self.incremental()
        let oldIDs = Set(Self.oldRecords.indices.map { Self.first.state.personID(ofRecord: $0) })
        let newIDs = Self.newcomers.map { result.personID(of: $0.key)! }
        #expect(Set(newIDs).count == Self.newcomers.count, "newcomers joined together: \(newIDs)")
        #expect(oldIDs.isDisjoint(with: newIDs))
        // Numbered on from the first run, in the order the records came.
        let firstNew = Self.first.state.nextPersonNumber
        #expect(newIDs == (0..<Int32(Self.newcomers.count)).map { PersonNumbering.identifier(firstNew + $0) })
        #expect(result.state.nextPersonNumber == firstNew + Int32(Self.newcomers.count))
        #expect(result.state.personCount == Self.first.state.personCount + Self.newcomers.count)
    }

    @Test func reportDescribesAnIncrementalRun() {
        let (result, _) = Self.incremental()
        #expect(result.report.mode == .incremental)
        #expect(result.report.newRecords == 20)
        #expect(result.report.records == Self.oldRecords.count + 20)
        #expect(result.state.records.count == Self.oldRecords.count + 20)
        // The earlier model is kept, not retrained.
        #expect(result.state.model == Self.first.state.model)
        #expect(result.report.training == nil)
        // Only pairs with a new record were compared.
        #expect(result.pairs.allSatisfy { Int($0.right) >= Self.oldRecords.count })
        #expect(result.report.automaticLinks >= 10)
    }

    @Test func fullRerunWithPreviousPersonsKeepsEveryID() {
        let previous = Self.first.personIDsByKey
        let again = Linker().link(Self.oldRecords, previousPersons: previous)
        for index in Self.oldRecords.indices {
            #expect(again.state.personID(ofRecord: index) == Self.first.state.personID(ofRecord: index), "\(Self.oldRecords[index].key)")
        }
        #expect(again.report.merges.isEmpty)
        #expect(again.state.nextPersonNumber == Self.first.state.nextPersonNumber)

        // Records in another order would be numbered afresh without the earlier ids; with them, every key keeps its id.
        let reversed = Array(Self.oldRecords.reversed())
        let fresh = Linker().link(reversed)
        #expect(reversed.contains { fresh.personID(of: $0.key) != previous[$0.key] })
        let kept = Linker().link(reversed, previousPersons: previous)
        for record in reversed {
            #expect(kept.personID(of: record.key) == previous[record.key], "\(record.key)")
        }
    }

    @Test func newRecordBridgingTwoOldPersonsMergesThem() {
        // The school sends Abena's record again, now with her NHS number: the school id ties it to Abena Boateng,
        // the NHS number to Abena Quaye at the GP.
        var bridge = Self.abenaAtSchool
        bridge.key = "school:abena:2"
        bridge.nhsNumber = "9876543210"
        let result = Linker().link([bridge], onto: Self.first.state)
        let gpID = Self.first.personID(of: "gp:abena")!
        let schoolID = Self.first.personID(of: "school:abena")!
        // The older id (the GP record came first) survives; the other is reported merged into it.
        #expect(gpID < schoolID)
        #expect(result.report.merges == [PersonMerge(from: schoolID, into: gpID)])
        #expect(result.personID(of: "gp:abena") == gpID)
        #expect(result.personID(of: "school:abena") == gpID)
        #expect(result.personID(of: "school:abena:2") == gpID)
        #expect(result.report.ruleLinks == 2)
        // Nobody else moved.
        for index in Self.oldRecords.indices where Self.oldRecords[index].key != "school:abena" {
            #expect(result.state.personID(ofRecord: index) == Self.first.state.personID(ofRecord: index), "\(Self.oldRecords[index].key)")
        }
        #expect(result.state.personCount == Self.first.state.personCount - 1)
    }
}
