/// One column of the neighbourhoods' indicator table, in the manner of Oldham's Thriving Communities Index and the
/// English Indices of Deprivation: what it measures, its domain, source and unit, and how the generator makes it.
///
/// Counts are drawn from the generated residents or households themselves (each counted with a chance that rises with
/// their hidden need, or counted exactly where the borough records the fact), so they never exceed their
/// denominator; rates and scores are drawn from the small area's hidden need. Each area's figure also carries noise
/// of its own, so that no indicator ranks the areas exactly as need does.
struct PlaceIndicator: Sendable {
    /// Who a count is drawn from: its denominator's residents, or the area's households.
    enum Group: String, Sendable {
        case population
        case children = "children"
        case olderPeople = "older_people"
        case workingAge = "working_age"
        case households

        /// Whether a resident of an age belongs to the group (households take every household).
        func includes(age: Int) -> Bool {
            switch self {
            case .population, .households: true
            case .children: age < 18
            case .olderPeople: age >= 65
            case .workingAge: (16...64).contains(age)
            }
        }
    }

    /// How the figure is made.
    enum Measure: Sendable {
        /// Residents of the group, each counted with a chance (before the area's noise).
        case residents(Group, @Sendable (Resident, Household, Borough) -> Double)
        /// Households, each counted with a chance (before the area's noise).
        case households(@Sendable (Household, Borough) -> Double)
        /// Residents of the group for whom something is recorded, counted exactly.
        case recorded(Group, @Sendable (Resident) -> Bool)
        /// A rate or score: `base + slope × (need + noise)`, kept within `limits`, with one decimal.
        case score(base: Double, slope: Double, limits: ClosedRange<Double>)
    }

    var id: String
    var name: String
    var domain: String
    var source: String
    var date: String
    var unit: String
    var higherIsMoreNeed = true
    var measure: Measure
    /// The spread of each area's own noise: a multiplier on a count's chances, or added to need for a score.
    var noise: Double

    /// The denominator's column, for counts.
    var denominator: String? {
        switch measure {
        case .residents(let group, _), .recorded(let group, _): group.rawValue
        case .households: Group.households.rawValue
        case .score: nil
        }
    }
}

extension PlaceIndicator {
    /// The denominators, which come first in the table: counted from the generated residents and households.
    static let denominators: [(id: String, name: String, unit: String)] = [
        ("population", "Usual residents", "people"),
        ("households", "Households", "households"),
        ("children", "Children aged 0 to 17", "people"),
        ("older_people", "People aged 65 and over", "people"),
        ("working_age", "People aged 16 to 64", "people"),
    ]

    static let populationSource = "Kithmoor resident register (synthetic)"
    static let date = "2026-Q3"
    static let census = "2021 Census"

    /// The thirty indicators, by domain.
    static let all: [PlaceIndicator] = income + employment + health + education + housing + crime + community

    static let income: [PlaceIndicator] = [
        PlaceIndicator(
            id: "income_deprivation", name: "People in income-deprived households", domain: "Income",
            source: "DWP benefit statistics (synthetic)", date: date, unit: "people",
            measure: .residents(.population) { _, household, _ in 0.01 + 1.1 * square(household.latentNeed) }, noise: 0.25),
        PlaceIndicator(
            id: "children_low_income", name: "Children in relative low-income families", domain: "Income",
            source: "DWP children in low income families (synthetic)", date: date, unit: "people",
            measure: .residents(.children) { _, household, _ in 0.03 + 1.3 * square(household.latentNeed) }, noise: 0.2),
        PlaceIndicator(
            id: "pension_credit", name: "People aged 65 and over claiming Pension Credit", domain: "Income",
            source: "DWP benefit statistics (synthetic)", date: date, unit: "people",
            measure: .residents(.olderPeople) { _, household, _ in 0.02 + 0.7 * square(household.latentNeed) }, noise: 0.2),
        PlaceIndicator(
            id: "universal_credit", name: "People aged 16 to 64 on Universal Credit", domain: "Income",
            source: "DWP Stat-Xplore (synthetic)", date: date, unit: "people",
            measure: .residents(.workingAge) { _, household, _ in 0.03 + 0.9 * square(household.latentNeed) }, noise: 0.18),
    ]

    static let employment: [PlaceIndicator] = [
        PlaceIndicator(
            id: "claimant_count", name: "Claimant count (out-of-work benefits)", domain: "Employment",
            source: "ONS claimant count (synthetic)", date: date, unit: "people",
            measure: .residents(.workingAge) { _, household, _ in 0.005 + 0.22 * square(household.latentNeed) }, noise: 0.18),
        PlaceIndicator(
            id: "out_of_work_sickness", name: "Out of work through sickness or disability", domain: "Employment",
            source: "DWP benefit statistics (synthetic)", date: date, unit: "people",
            measure: .residents(.workingAge) { resident, household, _ in
                0.01 + 0.18 * square(household.latentNeed) + (resident.longTermCondition ? 0.2 : 0)
            }, noise: 0.18),
        PlaceIndicator(
            id: "young_people_neet", name: "16 and 17 year olds not in education, employment or training", domain: "Employment",
            source: "Kithmoor careers service (synthetic)", date: date, unit: "percent",
            measure: .score(base: 1.5, slope: 12, limits: 0.5...100), noise: 0.18),
    ]

    static let health: [PlaceIndicator] = [
        PlaceIndicator(
            id: "limiting_illness", name: "Day-to-day activities limited a lot by illness or disability", domain: "Health",
            source: "Census (synthetic)", date: census, unit: "people",
            measure: .residents(.population) { resident, household, _ in
                resident.longTermCondition ? 0.3 + 0.7 * household.latentNeed : 0.005 + 0.1 * square(household.latentNeed)
            }, noise: 0.12),
        PlaceIndicator(
            id: "good_health", name: "Residents in good or very good health", domain: "Health", source: "Census (synthetic)", date: census,
            unit: "percent", higherIsMoreNeed: false, measure: .score(base: 90, slope: -20, limits: 0...100), noise: 0.15),
        PlaceIndicator(
            id: "emergency_admissions", name: "Emergency hospital admissions, standardised", domain: "Health",
            source: "NHS hospital episode statistics (synthetic)", date: "2025/26", unit: "ratio (England = 100)",
            measure: .score(base: 55, slope: 110, limits: 30...400), noise: 0.15),
        PlaceIndicator(
            id: "antidepressant_prescribing", name: "Adults prescribed antidepressants", domain: "Health",
            source: "NHS prescribing data (synthetic)", date: date, unit: "percent",
            measure: .score(base: 9, slope: 12, limits: 0...100), noise: 0.2),
        PlaceIndicator(
            id: "premature_mortality", name: "Deaths under 75, standardised", domain: "Health", source: "ONS mortality (synthetic)",
            date: "2021-2025", unit: "ratio (England = 100)", measure: .score(base: 55, slope: 120, limits: 35...400), noise: 0.22),
        PlaceIndicator(
            id: "child_obesity", name: "Year 6 children living with obesity", domain: "Health",
            source: "National Child Measurement Programme (synthetic)", date: "2025/26", unit: "percent",
            measure: .score(base: 14, slope: 18, limits: 5...100), noise: 0.18),
    ]

    static let education: [PlaceIndicator] = [
        PlaceIndicator(
            id: "no_qualifications", name: "People aged 16 to 64 with no qualifications", domain: "Education",
            source: "Census (synthetic)", date: census, unit: "people",
            measure: .residents(.workingAge) { _, household, _ in 0.04 + 0.5 * square(household.latentNeed) }, noise: 0.15),
        PlaceIndicator(
            id: "free_school_meals", name: "Children eligible for free school meals", domain: "Education",
            source: "School census (synthetic)", date: date, unit: "people", measure: .recorded(.children) { $0.freeSchoolMeals }, noise: 0),
        PlaceIndicator(
            id: "persistent_absence", name: "Pupils persistently absent (10% of sessions or more)", domain: "Education",
            source: "DfE pupil absence (synthetic)", date: "2025/26", unit: "percent", measure: .score(base: 10, slope: 26, limits: 0...100),
            noise: 0.15),
        PlaceIndicator(
            id: "ks2_expected_standard", name: "Pupils meeting the expected standard at key stage 2", domain: "Education",
            source: "DfE key stage 2 attainment (synthetic)", date: "2025/26", unit: "percent", higherIsMoreNeed: false,
            measure: .score(base: 78, slope: -36, limits: 0...100), noise: 0.18),
        PlaceIndicator(
            id: "special_educational_needs", name: "Children with SEN support or an education, health and care plan", domain: "Education",
            source: "School census (synthetic)", date: date, unit: "people",
            measure: .recorded(.children) { $0.senProvision == .senSupport || $0.senProvision == .ehcPlan }, noise: 0),
    ]

    static let housing: [PlaceIndicator] = [
        PlaceIndicator(
            id: "overcrowding", name: "Overcrowded households (too few bedrooms)", domain: "Housing", source: "Census (synthetic)",
            date: census, unit: "households",
            measure: .households { household, _ in
                // Big households and families in flats, more so where money is short.
                let size = household.members.count
                var crowding = size >= 6 ? 0.5 : size == 5 ? 0.3 : size == 4 ? 0.08 : 0
                if household.composition == .multiGenerational { crowding += 0.2 }
                if household.address.flat != nil, size >= 3 { crowding += 0.25 }
                return 0.01 + 0.3 * square(household.latentNeed) + crowding * (0.4 + 1.2 * household.latentNeed)
            }, noise: 0.2),
        PlaceIndicator(
            id: "fuel_poverty", name: "Households in fuel poverty", domain: "Housing", source: "DESNZ sub-regional fuel poverty (synthetic)",
            date: "2024", unit: "households",
            measure: .households { household, _ in
                0.03 + 0.35 * household.latentNeed + (household.composition == .olderPersonAlone ? 0.04 : 0)
            }, noise: 0.15),
        PlaceIndicator(
            id: "private_renting", name: "Households renting privately", domain: "Housing", source: "Census (synthetic)", date: census,
            unit: "households",
            measure: .households { household, _ in
                // Sharers, single people and flats rent more, and more so where money is short.
                var likelihood = 1.0
                if household.composition == .houseShare { likelihood += 2 }
                if household.composition == .singleAdult { likelihood += 0.4 }
                if household.address.flat != nil { likelihood += 0.5 }
                return (0.02 + 0.5 * household.latentNeed) * likelihood
            }, noise: 0.2),
        PlaceIndicator(
            id: "no_car", name: "Households with no car or van", domain: "Housing", source: "Census (synthetic)", date: census,
            unit: "households",
            measure: .households { household, _ in
                0.04 + 0.6 * household.latentNeed + (household.composition == .olderPersonAlone ? 0.15 : 0)
                    + (household.address.flat != nil ? 0.08 : 0)
            }, noise: 0.12),
    ]

    static let crime: [PlaceIndicator] = [
        PlaceIndicator(
            id: "recorded_crime", name: "Recorded crimes per 1,000 residents", domain: "Crime and safety",
            source: "Police recorded crime (synthetic)", date: date, unit: "per 1,000 residents",
            measure: .score(base: 40, slope: 100, limits: 12...1_000), noise: 0.18),
        PlaceIndicator(
            id: "antisocial_behaviour", name: "Antisocial behaviour incidents per 1,000 residents", domain: "Crime and safety",
            source: "Police recorded incidents (synthetic)", date: date, unit: "per 1,000 residents",
            measure: .score(base: 16, slope: 42, limits: 4...1_000), noise: 0.2),
        PlaceIndicator(
            id: "domestic_abuse", name: "Households with domestic abuse reported to the police", domain: "Crime and safety",
            source: "Police recorded crime (synthetic)", date: date, unit: "households",
            measure: .households { household, _ in household.domesticAbuse ? 0.75 : 0.002 + 0.12 * square(household.latentNeed) },
            noise: 0.2),
    ]

    static let community: [PlaceIndicator] = [
        PlaceIndicator(
            id: "lone_pensioners", name: "People aged 65 and over living alone on a low income", domain: "Community and access",
            source: "DWP benefit statistics (synthetic)", date: date, unit: "people",
            measure: .residents(.olderPeople) { _, household, _ in
                household.members.count == 1 ? 0.1 + 1.6 * square(household.latentNeed) : 0
            }, noise: 0.1),
        PlaceIndicator(
            id: "lone_parents", name: "Lone-parent households on Universal Credit", domain: "Community and access",
            source: "DWP Stat-Xplore (synthetic)", date: date, unit: "households",
            measure: .households { household, _ in household.composition == .loneParent ? 0.1 + 1.5 * square(household.latentNeed) : 0 },
            noise: 0.1),
        PlaceIndicator(
            id: "english_not_main_language", name: "Residents whose main language is not English", domain: "Community and access",
            source: "Census (synthetic)", date: census, unit: "people",
            measure: .residents(.population) { resident, _, borough in
                guard HelpGenerator.language(of: resident.heritage) != nil else { return 0 }
                let age = resident.age(on: borough.extractDate)
                return age >= 50 ? 0.6 : age >= 18 ? 0.4 : 0.12
            }, noise: 0.1),
        PlaceIndicator(
            id: "households_with_broadband", name: "Households with a broadband connection", domain: "Community and access",
            source: "Ofcom Connected Nations (synthetic)", date: "2026", unit: "percent", higherIsMoreNeed: false,
            measure: .score(base: 97, slope: -16, limits: 0...100), noise: 0.15),
        PlaceIndicator(
            id: "unpaid_carers", name: "Unpaid carers", domain: "Community and access", source: "Census (synthetic)", date: census,
            unit: "people",
            measure: .residents(.population) { resident, household, borough in
                let age = resident.age(on: borough.extractDate)
                if age < 16 { return resident.youngCarer ? 0.9 : 0 }
                let caredFor = household.members.contains { member in
                    let other = borough.residents[member]
                    return other.id != resident.id && (other.adultSocialCare || other.longTermCondition)
                }
                return 0.02 + 0.25 * square(household.latentNeed) + (caredFor ? 0.1 + 0.3 * household.latentNeed : 0)
            }, noise: 0.15),
    ]
}

private func square(_ value: Double) -> Double { value * value }
