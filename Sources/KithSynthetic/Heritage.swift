/// The broad family origin that shapes a synthetic resident's names and naming customs.
///
/// The mix is an invented but plausible one for an English metropolitan borough; the categories
/// follow the people a council actually serves, not the census classification.
enum Heritage: Int, CaseIterable, Sendable {
    case whiteBritish, irish, polish, romanian, pakistani, indian, bangladeshi, somali, nigerian, caribbean, chinese, arab,
        southernEuropean

    /// Share of households, before each neighbourhood tilts it.
    var weight: Double {
        switch self {
        case .whiteBritish: 58
        case .irish: 3
        case .polish: 5
        case .romanian: 3
        case .pakistani: 8
        case .indian: 5
        case .bangladeshi: 3.5
        case .somali: 2
        case .nigerian: 3
        case .caribbean: 3
        case .chinese: 2
        case .arab: 2
        case .southernEuropean: 2.5
        }
    }

    /// Label written to the truth files.
    var label: String {
        switch self {
        case .whiteBritish: "White British"
        case .irish: "Irish"
        case .polish: "Polish"
        case .romanian: "Romanian"
        case .pakistani: "Pakistani"
        case .indian: "Indian"
        case .bangladeshi: "Bangladeshi"
        case .somali: "Somali"
        case .nigerian: "Nigerian"
        case .caribbean: "Caribbean"
        case .chinese: "Chinese"
        case .arab: "Arab"
        case .southernEuropean: "Southern European"
        }
    }

    /// Chance that a wife takes her husband's family name (otherwise she keeps her own).
    var wifeTakesHusbandsName: Double {
        switch self {
        case .whiteBritish, .irish: 0.9
        case .polish, .romanian: 0.92
        case .pakistani: 0.6
        case .indian: 0.8
        case .bangladeshi: 0.45
        case .somali: 0.03
        case .nigerian: 0.85
        case .caribbean: 0.75
        case .chinese: 0.1
        case .arab: 0.1
        case .southernEuropean: 0.3
        }
    }

    /// Chance that a son is named after his father (the junior/senior case).
    var juniorChance: Double {
        switch self {
        case .pakistani, .bangladeshi, .arab, .somali: 0.08
        case .nigerian, .caribbean, .irish: 0.05
        case .whiteBritish, .southernEuropean: 0.025
        default: 0.01
        }
    }

    /// Whether multi-generational households are common.
    var multiGenerationalTilt: Double {
        switch self {
        case .pakistani, .indian, .bangladeshi: 4
        case .somali, .arab, .chinese, .nigerian: 2
        default: 0.7
        }
    }

    /// Whether residents arrived recently enough that older people are rare.
    var olderPeopleTilt: Double {
        switch self {
        case .whiteBritish, .irish: 1.3
        case .caribbean: 1.2
        case .polish, .romanian, .somali: 0.25
        default: 0.6
        }
    }

    /// Whether a neighbourhood's diversity tilts this heritage up (every heritage but White British).
    var isMinority: Bool { self != .whiteBritish }
}
