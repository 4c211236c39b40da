import KithSpreadsheet
import Testing

@testable import KithLinkage

/// Blocking finds each candidate pair once under rules joined with OR, skips blocks that are too large, and in an
/// incremental run produces only pairs with a new record.
struct BlockerTests {
    static func record(
        _ key: String, given: String? = "Grace", family: String? = "Mensah", born: CivilDate? = CivilDate(year: 1990, month: 2, day: 3),
        nhs: String? = nil, postcode: String? = "HY1 0FW", address: String? = "70 Granville Drive", phone: String? = "07700 900123",
        source: String = "test"
    ) -> PersonRecord {
        PersonRecord(
            key: key, source: source, givenName: given, familyName: family, birthDate: born, nhsNumber: nhs, postcode: postcode,
            address: address, phone: phone
        )
    }

    static func encode(_ records: [PersonRecord]) -> EncodedRecords {
        var e = EncodedRecords()
        e.append(contentsOf: records)
        return e
    }

    static func run(
        _ records: [PersonRecord], rules: [BlockingRule] = BlockingRule.allCases, maximumBlockSize: Int = 500, newFrom: Int = 0
    ) -> (pairs: [Pair], levels: [PackedLevels], report: BlockingReport) {
        let encoded = encode(records)
        let blocker = Blocker(rules: rules, maximumBlockSize: maximumBlockSize)
        let (candidates, report) = blocker.candidates(encoded, comparator: RecordComparator(records: encoded), newFrom: newFrom)
        let pairs = zip(candidates.left, candidates.right).map { Pair(Int($0), Int($1)) }
        return (pairs, candidates.levels, report)
    }

    struct Pair: Hashable, CustomStringConvertible {
        var left: Int
        var right: Int
        init(_ left: Int, _ right: Int) {
            self.left = left
            self.right = right
        }
        var description: String { "(\(left), \(right))" }
    }

    @Test func pairsSharingManyRulesAreProducedOnceEach() {
        // Three copies of one resident agree on NHS number, postcode, names, date of birth and phone: every rule that
        // can form a block does. A fourth record shares nothing with them.
        let records = [
            Self.record("a", nhs: "9434765919"), Self.record("b", nhs: "9434765919"), Self.record("c", nhs: "9434765919"),
            Self.record(
                "d", given: "Tomasz", family: "Nowak", born: CivilDate(year: 1961, month: 11, day: 30), postcode: "HY9 3AB",
                address: "3 Elm Close", phone: "07700 900999"
            ),
        ]
        let (pairs, levels, report) = Self.run(records)
        #expect(pairs.count == 3)
        #expect(Set(pairs) == [Pair(0, 1), Pair(0, 2), Pair(1, 2)])
        #expect(pairs.allSatisfy { $0.left < $0.right })
        #expect(report.candidatePairs == 3)
        // The first rule (NHS number) finds them all; every later rule's blocks hold only pairs already found.
        #expect(report.rules.count == BlockingRule.allCases.count)
        #expect(report.rules[0].rule == BlockingRule.nhsNumber.description)
        #expect(report.rules[0].newPairs == 3)
        #expect(report.rules.dropFirst().allSatisfy { $0.newPairs == 0 })
        #expect(report.rules.map(\.newPairs).reduce(0, +) == 3)
        // Rules that formed a block of the three: postcode + initial, phone, date of birth + postcode…
        let phoneFigures = report.rules[BlockingRule.phone.rawValue]
        #expect(phoneFigures.blocks == 1 && phoneFigures.largestBlock == 3)
        // Levels come with each pair: identical records agree exactly on every field they hold.
        for level in levels {
            #expect(level[.givenName] == 1 && level[.familyName] == 1 && level[.nationalIdentifier] == 1 && level[.household] == 1)
        }
    }

    @Test func pairsFoundByDifferentRulesAreJoinedWithoutRepeats() {
        // 0–1 share only a phone, 1–2 only a date of birth and postcode, 0–2 nothing any rule blocks on.
        let records = [
            Self.record(
                "a", given: "Amy", family: "Okafor", born: CivilDate(year: 2012, month: 5, day: 1), postcode: "HY1 0FW",
                address: "70 Granville Drive", phone: "07700 900123"
            ),
            Self.record(
                "b", given: "Ben", family: "Lewis", born: CivilDate(year: 1975, month: 9, day: 12), postcode: "HY5 7CD",
                address: "4 Birch Avenue", phone: "07700 900123"
            ),
            Self.record(
                "c", given: "Carl", family: "Zhou", born: CivilDate(year: 1975, month: 9, day: 12), postcode: "HY5 7CD",
                address: "9 Birch Avenue", phone: "07700 900456"
            ),
        ]
        let (pairs, _, report) = Self.run(records)
        #expect(Set(pairs) == [Pair(0, 1), Pair(1, 2)])
        #expect(pairs.count == 2)
        #expect(report.rules[BlockingRule.phone.rawValue].newPairs == 1)
        #expect(report.rules[BlockingRule.birthDateAndPostcode.rawValue].newPairs == 1)
    }

    @Test func blockLargerThanTheCapIsSkippedAndReported() {
        // Six people sharing one switchboard number, nothing else in common.
        let given = ["Amy", "Ben", "Chidi", "Dorota", "Emeka", "Fatima"]
        let family = ["Okafor", "Lewis", "Zhou", "Nowak", "Adeyemi", "Hussain"]
        let records = (0..<6).map { index in
            Self.record(
                "r\(index)", given: given[index], family: family[index], born: CivilDate(year: 1950 + index * 7, month: 1 + index, day: 10 + index),
                postcode: "HY\(index + 1) \(index)AB", address: "\(index + 1) Street \(given[index])", phone: "020 7946 0000"
            )
        }
        let (capped, _, report) = Self.run(records, rules: [.phone], maximumBlockSize: 5)
        #expect(capped.isEmpty)
        #expect(report.maximumBlockSize == 5)
        #expect(report.rules.count == 1)
        #expect(report.rules[0].cappedBlocks == 1)
        #expect(report.rules[0].cappedRecords == 6)
        #expect(report.rules[0].largestBlock == 6)
        #expect(report.rules[0].newPairs == 0)
        #expect(report.candidatePairs == 0)

        // At the cap the block is compared: all 15 pairs.
        let (atCap, _, atCapReport) = Self.run(records, rules: [.phone], maximumBlockSize: 6)
        #expect(atCap.count == 15)
        #expect(atCapReport.rules[0].cappedBlocks == 0 && atCapReport.rules[0].cappedRecords == 0)
    }

    @Test func aCappedBlockDoesNotHidePairsALaterRuleFinds() {
        // Six records share a phone (capped); two of them also share postcode and first initial.
        var records = (0..<6).map { index in
            Self.record(
                "r\(index)", given: ["Amy", "Ben", "Chidi", "Dorota", "Emeka", "Fatima"][index], family: "Family\(index)",
                born: nil, postcode: "HY\(index + 1) 1AA", address: nil, phone: "020 7946 0000"
            )
        }
        records[4].givenName = "Anna"
        records[4].postcode = "HY1 1AA"
        let (pairs, _, report) = Self.run(records, rules: [.phone, .postcodeAndInitial], maximumBlockSize: 5)
        #expect(pairs == [Pair(0, 4)])
        #expect(report.rules[0].cappedBlocks == 1 && report.rules[0].cappedRecords == 6)
        #expect(report.rules[1].newPairs == 1)
    }

    @Test func recordsMissingARulesFieldsHaveNoKeyAndAreNotBlockedTogether() {
        let records = [
            Self.record("a", postcode: nil, phone: nil),
            Self.record("b", postcode: nil, phone: nil),
            Self.record("c", given: nil, born: nil),
        ]
        let encoded = Self.encode(records)
        let blocker = Blocker(rules: [.phone, .postcodeAndInitial, .birthDateAndPostcode, .nhsNumber], maximumBlockSize: 500)
        let keys = blocker.keys(encoded)
        // No phone, no postcode, no NHS number: no key under those rules.
        #expect(keys.key(rule: 0, record: 0) == 0 && keys.key(rule: 0, record: 1) == 0)
        #expect(keys.key(rule: 1, record: 0) == 0 && keys.key(rule: 1, record: 1) == 0)
        #expect(keys.key(rule: 2, record: 0) == 0 && keys.key(rule: 2, record: 1) == 0)
        #expect((0..<3).allSatisfy { keys.key(rule: 3, record: $0) == 0 })
        // A postcode but no given name: no postcode + initial key; no date of birth: no date of birth + postcode key.
        #expect(keys.key(rule: 0, record: 2) != 0)
        #expect(keys.key(rule: 1, record: 2) == 0)
        #expect(keys.key(rule: 2, record: 2) == 0)
        #expect(BlockingRule.postcodeAndInitial.key(encoded, 2) == 0)
        #expect(BlockingRule.phone.key(encoded, 2) != 0)
        // Two records alike in everything but missing the fields of these rules are not paired by them: missing is
        // not a shared value.
        let (candidates, report) = blocker.candidates(encoded, comparator: RecordComparator(records: encoded))
        #expect(candidates.count == 0)
        #expect(report.rules.allSatisfy { $0.blocks == 0 })
        // A rule they do share (date of birth + surname sound) pairs them.
        let (pairs, _, _) = Self.run(Array(records.prefix(2)), rules: [.birthDateAndFamilySound])
        #expect(pairs == [Pair(0, 1)])
    }

    @Test func incrementalBlockingProducesOnlyPairsWithANewRecord() {
        // Four old copies of one resident and two new ones: all six share every key.
        let records = (0..<6).map { Self.record("r\($0)") }
        let (pairs, _, report) = Self.run(records, newFrom: 4)
        #expect(pairs.allSatisfy { $0.right >= 4 })
        #expect(Set(pairs) == [Pair(0, 4), Pair(1, 4), Pair(2, 4), Pair(3, 4), Pair(0, 5), Pair(1, 5), Pair(2, 5), Pair(3, 5), Pair(4, 5)])
        #expect(pairs.count == 9)
        #expect(report.candidatePairs == 9)

        // Old records in blocks without a new record are left alone.
        var mixed = [Self.record("old0", phone: "07700 900111"), Self.record("old1", phone: "07700 900111")].map { record in
            var record = record
            record.givenName = "Old"
            record.familyName = "Pair"
            record.postcode = "HY8 8ZZ"
            return record
        }
        mixed.append(Self.record("old2"))
        mixed.append(Self.record("new0"))
        let (incremental, _, _) = Self.run(mixed, newFrom: 3)
        #expect(incremental == [Pair(2, 3)])
        let (full, _, _) = Self.run(mixed)
        #expect(Set(full) == [Pair(0, 1), Pair(2, 3)])
    }

    @Test(arguments: [500, 3])
    func incrementalBlockingFindsExactlyTheFullRunsPairsWithANewRecord(maximumBlockSize: Int) {
        // A borough whose households share postcodes, phones and streets, linked whole and then as old records plus
        // a last fifth that is new. The incremental run keeps only the keys of records sharing a block with a new
        // one and reads earlier rules' keys from those: it must find the same pairs, under the same rules, with the
        // same levels, as the full run finds with a new record. A cap of 3 makes many blocks too large, so that a
        // pair skipped in one rule's capped block must be found by a later rule in both runs.
        let records = SyntheticResidents.borough(minimumRecords: 600, seed: 5).records
        let newFrom = records.count * 4 / 5
        let full = Self.run(records, maximumBlockSize: maximumBlockSize)
        let incremental = Self.run(records, maximumBlockSize: maximumBlockSize, newFrom: newFrom)
        var expected: [Pair: PackedLevels] = [:]
        for (pair, levels) in zip(full.pairs, full.levels) where pair.right >= newFrom { expected[pair] = levels }
        var found: [Pair: PackedLevels] = [:]
        for (pair, levels) in zip(incremental.pairs, incremental.levels) { found[pair] = levels }
        #expect(incremental.pairs.count == found.count, "a pair produced twice")
        #expect(found.count > 50)
        #expect(found == expected)
        if maximumBlockSize == 3 { #expect(incremental.report.rules.contains { $0.cappedBlocks > 0 }) }
    }

    @Test func oneFlatWrittenEitherWayIsInOneHouseNumberBlock() {
        // The house-number rule blocks on the same numbers the comparator calls one street address: flat first or
        // last, one block; another flat of the house, or the house without its flat, another block.
        let records = [
            Self.record("a", address: "Flat 2, 34 Oak Road"), Self.record("b", address: "34 Oak Road, Flat 2"),
            Self.record("c", address: "Flat 3, 34 Oak Road"), Self.record("d", address: "34 Oak Road"),
        ]
        let encoded = Self.encode(records)
        let keys = (0..<records.count).map { BlockingRule.namesSoundAndHouseNumber.key(encoded, $0) }
        #expect(keys[0] != 0 && keys[0] == keys[1])
        #expect(Set(keys).count == 3)
        let (pairs, _, _) = Self.run(records, rules: [.namesSoundAndHouseNumber])
        #expect(pairs == [Pair(0, 1)])
    }

    @Test func peopleWhoMovedAndGaveNoDateOfBirthMeetOnTheirFullNameInEitherOrder() {
        // Amy Jones moved and the helpline took no date of birth; a third list wrote her surname first.
        let records = [
            Self.record("then", given: "Amy", family: "Jones", postcode: "HY1 5SF", address: "12 Oak Road", phone: nil),
            Self.record("now", given: "Amy", family: "Jones", born: nil, postcode: "HY2 7BS", address: "4 Mill Lane", phone: nil),
            Self.record("swapped", given: "Jones", family: "Amy", born: nil, postcode: nil, address: nil, phone: nil),
            Self.record("other", given: "Amy", family: "Smith", born: nil, postcode: "HY2 7BS", address: "4 Mill Lane", phone: nil),
        ]
        let (pairs, _, _) = Self.run(records, rules: [.fullName])
        #expect(Set(pairs) == [Pair(0, 1), Pair(0, 2), Pair(1, 2)])
        let withoutIt = Self.run(records, rules: BlockingRule.allCases.filter { $0 != .fullName }).pairs
        #expect(!withoutIt.contains(Pair(0, 1)))
    }

    @Test func aRowWithNoPostcodeAndANicknameMeetsOnItsSurnameAndStreet() {
        let records = [
            Self.record("a", given: "Daniel", family: "Cole", born: nil, postcode: nil, address: "19 Blackthorn Lane", phone: nil),
            Self.record("b", given: "Danny", family: "Cole", postcode: "HY1 1FX", address: "19 Blackthorn Lane", phone: nil),
            Self.record("c", given: "Danny", family: "Cole", postcode: "HY1 1FX", address: "21 Blackthorn Lane", phone: nil),
        ]
        let (pairs, _, _) = Self.run(records, rules: [.familySoundAndStreet])
        #expect(pairs == [Pair(0, 1)])
    }
}
