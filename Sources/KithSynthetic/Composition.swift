/// The kinds of household a borough holds, with how often each occurs and how much it adds to need.
enum Composition: Int, CaseIterable, Sendable {
    case singleAdult, olderPersonAlone, couple, olderCouple, coupleWithChildren, loneParent, multiGenerational,
        houseShare, adultChildrenAtHome

    /// Relative frequency before a heritage tilts it.
    var weight: Double {
        switch self {
        case .singleAdult: 15
        case .olderPersonAlone: 14
        case .couple: 14
        case .olderCouple: 10
        case .coupleWithChildren: 19
        case .loneParent: 9
        case .multiGenerational: 4
        case .houseShare: 6
        case .adultChildrenAtHome: 8
        }
    }

    /// Added to a household's need before squashing: lone parents and older people alone carry more.
    var needBias: Double {
        switch self {
        case .singleAdult: 0.15
        case .olderPersonAlone: 0.35
        case .couple: -0.45
        case .olderCouple: -0.1
        case .coupleWithChildren: -0.15
        case .loneParent: 0.6
        case .multiGenerational: 0.1
        case .houseShare: 0.0
        case .adultChildrenAtHome: -0.1
        }
    }

    /// Label for the truth files.
    var label: String {
        switch self {
        case .singleAdult: "single adult"
        case .olderPersonAlone: "older person alone"
        case .couple: "couple"
        case .olderCouple: "older couple"
        case .coupleWithChildren: "couple with children"
        case .loneParent: "lone parent"
        case .multiGenerational: "multi-generational"
        case .houseShare: "house share"
        case .adultChildrenAtHome: "adult children at home"
        }
    }
}
