import Testing

@testable import KithPlaces

/// The index method against an example worked by hand (and checked with Python's `statistics.NormalDist`): rates per
/// 1,000, need turned round where lower is worse, a missing figure counted as least need, tied ranks averaged,
/// normal scores weighted within a domain, the exponential transformation, weighted domains, ranks and deciles.
struct PlaceIndexTests {
    static let indicators = [
        Indicator(id: "uc", name: "Universal Credit claimants", domain: "income", denominator: "residents"),
        Indicator(id: "life", name: "Life expectancy", domain: "health", unit: "years", higherIsMoreNeed: false),
        Indicator(id: "ae", name: "A&E admissions", domain: "health", denominator: "residents"),
    ]
    static let values: [String: [IndicatorValue]] = [
        "uc": [
            .init(area: "A", value: 50, denominator: 1_000), .init(area: "B", value: 30, denominator: 500),
            .init(area: "C", value: 10, denominator: 1_000),
        ],
        "life": [.init(area: "A", value: 80), .init(area: "B", value: 82), .init(area: "C", value: 76), .init(area: "D", value: 79)],
        "ae": [
            .init(area: "A", value: 20, denominator: 1_000), .init(area: "B", value: 20, denominator: 1_000),
            .init(area: "C", value: 5, denominator: 500),
            .init(area: "D", value: 30, denominator: 1_000),
        ],
    ]
    static let method = IndexMethod(domains: [
        .init(id: "income", name: "Income", weight: 0.6, indicators: [.init(id: "uc")]),
        .init(id: "health", name: "Health", weight: 0.4, indicators: [.init(id: "life", weight: 1), .init(id: "ae", weight: 3)]),
    ])

    func close(_ a: Double?, _ b: Double, within: Double = 0.001) -> Bool { a.map { abs($0 - b) < within } ?? false }

    @Test func anExampleWorkedByHand() throws {
        let index = try PlaceIndex(areas: ["A", "B", "C", "D"], indicators: Self.indicators, values: Self.values, method: Self.method)
        #expect(index.areas.map(\.code) == ["B", "D", "A", "C"])
        #expect(index.areas.map(\.rank) == [1, 2, 3, 4] && index.areas.map(\.decile) == [1, 3, 6, 8])
        let area = Dictionary(uniqueKeysWithValues: index.areas.map { ($0.code, $0) })
        // UC per 1,000: A 50, B 60, C 10, D none (least need): percentile ranks 66.7, 100, 33.3, 0.
        #expect(close(area["B"]?.figures["uc"]?.rate, 60) && area["D"]?.figures["uc"]?.rate == nil)
        #expect(close(area["A"]?.figures["uc"]?.percentile, 66.667) && area["D"]?.figures["uc"]?.percentile == 0)
        // Life expectancy: the lowest (C, 76) is the most need.
        #expect(area["C"]?.figures["life"]?.percentile == 100 && area["B"]?.figures["life"]?.percentile == 0)
        // Health: (1 × life + 3 × A&E normal scores) / 4, A and B tied on A&E at rank 2.5 (normal score 0).
        #expect(close(area["A"]?.domainScores["health"], -0.07966) && close(area["B"]?.domainScores["health"], -0.287587))
        #expect(close(area["C"]?.domainScores["health"], -0.575175) && close(area["D"]?.domainScores["health"], 0.942422))
        // Exponential transformation of ranks 1..4 of 4: 6.518, 15.647, 31.009, 100.
        #expect(close(area["B"]?.transformed["income"], 100) && close(area["A"]?.transformed["income"], 31.0091))
        #expect(close(area["C"]?.transformed["health"], 6.5177) && close(area["B"]?.transformed["health"], 15.6468))
        // The index: 0.6 income + 0.4 health.
        #expect(close(area["B"]?.score, 66.2587) && close(area["D"]?.score, 43.9106))
        #expect(close(area["A"]?.score, 31.0091) && close(area["C"]?.score, 11.9952))
    }

    @Test func zScoresInsteadOfTheExponentialTransformation() throws {
        var method = Self.method
        method.transformation = .zScore
        let index = try PlaceIndex(areas: ["A", "B", "C", "D"], indicators: Self.indicators, values: Self.values, method: method)
        let income = index.areas.compactMap { $0.transformed["income"] }
        #expect(abs(income.reduce(0, +)) < 1e-9, "z-scores have mean 0")
        #expect(abs(income.map { $0 * $0 }.reduce(0, +) / 4 - 1) < 1e-9, "and variance 1")
    }

    @Test func aMethodWithMistakesIsRefusedWithEachNamed() {
        let method = IndexMethod(domains: [
            .init(id: "income", name: "Income", weight: 0, indicators: [.init(id: "uc"), .init(id: "nope")]),
            .init(id: "health", name: "Health", weight: 1, indicators: [.init(id: "uc", weight: -1)]),
        ])
        let error = #expect(throws: PlaceIndex.Problems.self) {
            try PlaceIndex(areas: ["A"], indicators: Self.indicators, values: Self.values, method: method)
        }
        let problems = error?.problems ?? []
        #expect(problems.contains("Domain income: give a weight above 0."))
        #expect(problems.contains("Domain income: there is no indicator nope in the tables."))
        #expect(problems.contains("Indicator uc is in both income and health."))
        #expect(problems.contains("Domain health, indicator uc: give a weight above 0."))
        #expect(problems.contains("An index needs at least two areas."))
    }

    @Test func theExponentialTransformationAndNormalScoresAreRight() {
        #expect(abs(PlaceIndex.exponential(1) - 100) < 1e-9)
        #expect(PlaceIndex.exponential(0) == 0)
        #expect(abs(PlaceIndex.normalScore(0.5)) < 1e-9)
        #expect(abs(PlaceIndex.normalScore(0.975) - 1.959964) < 1e-6 && abs(PlaceIndex.normalScore(0.01) + 2.326348) < 1e-6)
        #expect(PlaceIndex.ranks([3, 1, 3, 2]) == [3.5, 1, 3.5, 2])
    }

    @Test func tenThousandAreasAndThirtyIndicatorsTakeWellUnderASecond() throws {
        // Not a timing test (that is the benchmark's): the method must stay linear-ish, so a large one finishes here.
        var values: [String: [IndicatorValue]] = [:]
        var indicators: [Indicator] = []
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let areas = (0..<2_000).map { "E0\($0)" }
        for number in 0..<30 {
            let id = "i\(number)"
            indicators.append(Indicator(id: id, name: id, domain: "d\(number % 5)", denominator: number.isMultiple(of: 2) ? "residents" : nil))
            values[id] = areas.map { IndicatorValue(area: $0, value: next() * 100, denominator: 1_000 + next() * 2_000) }
        }
        let method = IndexMethod(
            domains: (0..<5).map { domain in
                .init(
                    id: "d\(domain)", name: "Domain \(domain)", weight: 1,
                    indicators: (0..<30).filter { $0 % 5 == domain }.map { .init(id: "i\($0)") })
            })
        let index = try PlaceIndex(areas: areas, indicators: indicators, values: values, method: method)
        #expect(index.areas.count == 2_000 && index.areas.last?.rank == 2_000 && index.areas.last?.decile == 10)
        #expect(Set(index.areas.map(\.decile)) == Set(1...10))
    }
}

/// The method as a council writes it in YAML, and its mistakes named.
struct IndexMethodYAMLTests {
    @Test func aMethodIsReadFromYAML() throws {
        let method = try IndexMethod.read(
            yaml: """
                transformation: z-score
                domains:
                  - id: income
                    name: Income
                    weight: 0.6
                    indicators:
                      - id: uc
                  - id: health
                    weight: 0.4
                    indicators:
                      - id: life
                      - id: ae
                        weight: 3
                """)
        #expect(
            method
                == IndexMethod(
                    domains: [
                        .init(id: "income", name: "Income", weight: 0.6, indicators: [.init(id: "uc")]),
                        .init(id: "health", name: "health", weight: 0.4, indicators: [.init(id: "life"), .init(id: "ae", weight: 3)]),
                    ], transformation: .zScore))
    }

    @Test func mistakesAreNamed() {
        let missing = #expect(throws: MethodFileError.self) {
            try IndexMethod.read(yaml: "domains:\n  - id: income\n    indicators: []\n")
        }
        #expect(missing?.message.contains("domains → item 1 → weight") == true)
        let unknown = #expect(throws: MethodFileError.self) {
            try IndexMethod.read(yaml: "transformation: log\ndomains: []\n")
        }
        #expect(unknown?.message.contains("write exponential or z-score") == true)
    }
}
