import KithSpreadsheet
import KithStandard
import Testing

@testable import KithLinkage

/// The guards that stop chains of links joining different people: two NHS numbers, two records of one list that
/// score as different people, twins, and people's decisions. Each scenario is linked among a synthetic borough of
/// about 200 records, so that the model is trained as it would be on a real list.
struct ClusteringGuardTests {
    static let borough = SyntheticResidents.borough(minimumRecords: 200, seed: 7).records

    static func record(
        _ key: String, _ source: String, _ given: String?, _ family: String?, born: (Int, Int, Int)?, sex: String? = nil,
        nhs: String? = nil, address: String?, postcode: String?, phone: String?
    ) -> PersonRecord {
        PersonRecord(
            key: key, source: source, givenName: given, familyName: family,
            birthDate: born.flatMap { CivilDate(year: $0.0, month: $0.1, day: $0.2) }, sex: sex, nhsNumber: nhs,
            postcode: postcode, address: address, phone: phone
        )
    }

    /// One resident, Efua Asante, in three lists; two of them hold different valid NHS numbers.
    static func efua(_ key: String, _ source: String, nhs: String?) -> PersonRecord {
        record(
            key, source, "Efua", "Asante", born: (1988, 7, 21), sex: "F", nhs: nhs, address: "5 Tamarind Close", postcode: "HY4 9ZZ",
            phone: "07700 955501"
        )
    }

    /// The Nwosu children on one school list, at one address.
    static func nwosu(_ key: String, _ source: String, _ given: String?, born: (Int, Int, Int)?, sex: String?, nhs: String? = nil)
        -> PersonRecord
    {
        record(key, source, given, "Nwosu", born: born, sex: sex, nhs: nhs, address: "17 Juniper Way", postcode: "HY6 8QQ", phone: "07700 955502")
    }

    static func link(_ scenario: [PersonRecord], decisions: [HumanDecision] = [], options: LinkageOptions = LinkageOptions()) -> LinkageResult {
        Linker(options: options).link(borough + scenario, decisions: decisions)
    }

    @Test func nhsNumbersUsedAreValid() {
        for number in ["9434765919", "9434765870", "4010232137"] { #expect(NHSNumberReader.isValid(number), "\(number)") }
        #expect(!Self.borough.contains { ["9434765919", "9434765870", "4010232137"].contains($0.nhsNumber ?? "") })
    }

    @Test func chainJoiningTwoNHSNumbersIsSplitAndReported() {
        // B has no NHS number and matches A and C exactly; A and C hold different valid NHS numbers.
        let scenario = [
            Self.efua("A", "gp", nhs: "9434765919"), Self.efua("B", "council-tax", nhs: nil), Self.efua("C", "clinic", nhs: "9434765870"),
        ]
        let result = Self.link(scenario)
        let a = result.personID(of: "A"), b = result.personID(of: "B"), c = result.personID(of: "C")
        #expect(a != nil && c != nil)
        #expect(a != c, "two NHS numbers in one person \(String(describing: a))")
        // B goes with one of them.
        #expect(b == a || b == c)
        // The model linked the chain; clustering split it and says why.
        let split = result.report.splits.first { Set($0.recordKeys) == ["A", "B", "C"] }
        #expect(split != nil, "splits: \(result.report.splits)")
        #expect(split?.reasons.contains("two different NHS numbers") == true)
        #expect(split?.persons == 2)
        // No person anywhere holds two NHS numbers.
        var numbersByPerson: [String: Set<String>] = [:]
        for (index, record) in (Self.borough + scenario).enumerated() {
            if let nhs = record.nhsNumber { numbersByPerson[result.state.personID(ofRecord: index), default: []].insert(nhs) }
        }
        #expect(numbersByPerson.values.allSatisfy { $0.count == 1 })
    }

    @Test func siblingsOnOneListStayApartWhenARecordLinksToBoth() {
        // Amara and Kelechi are siblings on the school list. A GP record holds Amara's details but Kelechi's NHS number:
        // the model links it to Amara, the NHS number rule to Kelechi.
        let records = [
            Self.nwosu("S1", "school", "Amara", born: (2012, 5, 1), sex: "F"),
            Self.nwosu("S2", "school", "Kelechi", born: (2008, 11, 20), sex: "M", nhs: "4010232137"),
            Self.nwosu("T", "gp", "Amara", born: (2012, 5, 1), sex: "F", nhs: "4010232137"),
        ]
        let result = Self.link(records)
        let n = Self.borough.count
        // Both links were made…
        let linked = Set(result.pairs.filter { $0.decision == .linked && $0.left >= n }.map { [Int($0.left) - n, Int($0.right) - n] })
        #expect(linked.contains([0, 2]), "model link Amara–GP record")
        #expect(linked.contains([1, 2]), "NHS number link Kelechi–GP record")
        #expect(!linked.contains([0, 1]))
        // …but the siblings are two people.
        #expect(result.personID(of: "S1") != result.personID(of: "S2"))
        let split = result.report.splits.first { Set($0.recordKeys) == ["S1", "S2", "T"] }
        #expect(split?.reasons.contains("two records of one list scored as different people") == true, "splits: \(result.report.splits)")
        #expect(split?.persons == 2)
    }

    @Test func siblingsOnOneListStayApartWhenTheModelLinksAHouseholdRecordToEach() {
        // A council-tax record with only the surname and the home; with a link threshold low enough for it to link to
        // every child, the children (and Amara's second school record) must still make three persons.
        var options = LinkageOptions()
        options.thresholds = LinkageThresholds(link: 0.15, review: 0.1)
        let records = [
            Self.nwosu("S1", "school", "Amara", born: (2012, 5, 1), sex: "F"),
            Self.nwosu("S1b", "school", "Amara", born: (2012, 5, 1), sex: "F"),
            Self.nwosu("S2", "school", "Kelechi", born: (2008, 11, 20), sex: "M"),
            Self.nwosu("S3", "school", "Chioma", born: (2010, 2, 11), sex: "F"),
            Self.nwosu("T", "council-tax", nil, born: nil, sex: nil),
        ]
        let result = Self.link(records, options: options)
        let n = Self.borough.count
        let linkedToT = result.pairs.filter { $0.decision == .linked && Int($0.right) == n + 4 && Int($0.left) >= n }
        #expect(linkedToT.count == 4, "the household record links to every child record: \(linkedToT.map(\.matchProbability))")
        let ids = ["S1", "S2", "S3"].map { result.personID(of: $0) }
        #expect(Set(ids).count == 3, "siblings joined: \(ids)")
        #expect(result.personID(of: "S1b") == result.personID(of: "S1"))
        #expect(
            result.report.splits.contains { $0.reasons.contains("two records of one list scored as different people") && $0.recordKeys.contains("T") }
        )
    }

    @Test func twinsAreNotLinked() {
        // Same date of birth, surname, sex and home; different first names. Kofi and Yaw on the school list, Yaw also
        // at the GP.
        let twin = { (key: String, source: String, given: String) in
            Self.record(
                key, source, given, "Twum", born: (2016, 3, 14), sex: "M", address: "2 Sycamore Mews", postcode: "HY7 1QQ", phone: "07700 955503"
            )
        }
        let result = Self.link([twin("W1", "school", "Kofi"), twin("W2", "school", "Yaw"), twin("W3", "gp", "Yaw")])
        let n = Self.borough.count
        #expect(result.personID(of: "W1") != result.personID(of: "W2"))
        #expect(result.personID(of: "W1") != result.personID(of: "W3"))
        #expect(result.personID(of: "W2") == result.personID(of: "W3"))
        for pair in result.pairs where Int(pair.left) == n || Int(pair.right) == n {
            #expect(pair.decision != .linked, "Kofi linked to \(pair.right) at \(pair.matchProbability)")
        }
    }

    @Test func decisionNotTheSamePersonKeepsIdenticalRecordsApart() {
        let lucia = { (key: String, source: String) in
            Self.record(
                key, source, "Lucia", "Ferreira", born: (1979, 10, 2), sex: "F", address: "11 Magnolia Court", postcode: "HY3 6QQ",
                phone: "07700 955505"
            )
        }
        let records = [lucia("D1", "council-tax"), lucia("D2", "food-bank")]
        let undecided = Self.link(records)
        #expect(undecided.personID(of: "D1") == undecided.personID(of: "D2"), "identical records link without a decision")

        let decided = Self.link(records, decisions: [HumanDecision(leftKey: "D2", rightKey: "D1", isSamePerson: false)])
        #expect(decided.personID(of: "D1") != decided.personID(of: "D2"))
        let n = Self.borough.count
        let pair = decided.pairs.first { Int($0.left) == n && Int($0.right) == n + 1 }
        #expect(pair?.decision == .notLinked)
        #expect(pair?.reason == "decided not the same person")
    }

    @Test func decisionNotTheSamePersonHoldsAgainstAChainThroughAThirdRecord() {
        // D3 matches both D1 and D2 exactly; a person decided D1 and D2 are two people.
        let lucia = { (key: String, source: String) in
            Self.record(
                key, source, "Lucia", "Ferreira", born: (1979, 10, 2), sex: "F", address: "11 Magnolia Court", postcode: "HY3 6QQ",
                phone: "07700 955505"
            )
        }
        let result = Self.link(
            [lucia("D1", "council-tax"), lucia("D2", "food-bank"), lucia("D3", "gp")],
            decisions: [HumanDecision(leftKey: "D1", rightKey: "D2", isSamePerson: false)]
        )
        let d1 = result.personID(of: "D1"), d2 = result.personID(of: "D2"), d3 = result.personID(of: "D3")
        #expect(d1 != d2)
        #expect(d3 == d1 || d3 == d2)
        #expect(result.report.splits.contains { $0.reasons.contains("decided not the same person") && Set($0.recordKeys) == ["D1", "D2", "D3"] })
    }

    @Test func decisionSamePersonJoinsRecordsTheModelWouldNotLink() {
        // Nadia Haddad at the GP; Nadia Karam (married since) on council tax at another address, no date of birth.
        let records = [
            Self.record(
                "E1", "gp", "Nadia", "Haddad", born: (1983, 4, 9), sex: "F", address: "8 Quince Row", postcode: "HY2 5QQ", phone: "07700 955504"),
            Self.record("E2", "council-tax", "Nadia", "Karam", born: nil, address: "40 Larch Parade", postcode: "HY8 3QQ", phone: nil),
        ]
        let undecided = Self.link(records)
        #expect(undecided.personID(of: "E1") != undecided.personID(of: "E2"), "the model alone does not link them")

        let decided = Self.link(records, decisions: [HumanDecision(leftKey: "E1", rightKey: "E2", isSamePerson: true)])
        #expect(decided.personID(of: "E1") == decided.personID(of: "E2"))
        #expect(decided.report.decidedLinks == 1)
        let n = Self.borough.count
        let pair = decided.pairs.first { Int($0.left) == n && Int($0.right) == n + 1 }
        #expect(pair?.decision == .linked)
        #expect(pair?.reason == "decided the same person")
        #expect((pair?.matchProbability ?? 1) < LinkageThresholds.standard.review)
    }

    /// Peter Brown and the son named after him, at one home with one phone, on two lists; a helpline record of
    /// "Peter Brown" at that home has no date of birth and matches both.
    static func brown(_ key: String, _ source: String, born: (Int, Int, Int)?) -> PersonRecord {
        record(key, source, "Peter", "Brown", born: born, sex: "M", address: "97 Lowther Gardens", postcode: "HY5 3QQ", phone: "07700 955506")
    }

    @Test func aFatherAndHisNamesakeSonStayTwoPeopleWhenARecordWithoutADateOfBirthMatchesBoth() {
        // The father and son score below the link threshold together; each scores above it with the helpline record.
        let result = Self.link(
            [
                Self.brown("F", "adult-social-care", born: (1985, 10, 11)), Self.brown("S", "school", born: (2020, 5, 27)),
                Self.brown("H", "helpline", born: nil),
            ]
        )
        let n = Self.borough.count
        let linkedToH = result.pairs.filter { $0.decision == .linked && Int($0.right) == n + 2 && Int($0.left) >= n }
        #expect(linkedToH.count == 2, "the helpline record links to both: \(linkedToH.map(\.matchProbability))")
        #expect(result.personID(of: "F") != result.personID(of: "S"))
        let h = result.personID(of: "H")
        #expect(h == result.personID(of: "F") || h == result.personID(of: "S"))
        let split = result.report.splits.first { Set($0.recordKeys) == ["F", "S", "H"] }
        #expect(split?.reasons == ["two dates of birth years apart"], "splits: \(result.report.splits)")
        #expect(split?.persons == 2)
    }

    @Test func aDecisionThatTwoRecordsAreOneHoldsAgainstDatesOfBirthYearsApart() {
        // A list recorded the wrong year; a person has seen both records and decided.
        let records = [Self.brown("F", "adult-social-care", born: (1985, 10, 11)), Self.brown("G", "gp", born: (1958, 1, 11))]
        let result = Self.link(records, decisions: [HumanDecision(leftKey: "F", rightKey: "G", isSamePerson: true)])
        #expect(result.personID(of: "F") == result.personID(of: "G"))
        #expect(result.report.splits.isEmpty, "splits: \(result.report.splits)")
    }
}
