/// A kind of help a resident asks for and a volunteer may give: food, a prescription collected, a welfare check… A
/// council configures its own list; ``standard`` is the list Wigan's and Oldham's helplines used. Whether the help
/// means going to the resident matters: a visit to a vulnerable adult or child needs a volunteer with an enhanced DBS
/// check.
public struct HelpNeed: Sendable, Equatable, Hashable, Codable {
    /// A short id: `food`, `prescription`.
    public var id: String
    /// In words: "Prescription collection".
    public var label: String
    /// Whether giving this help means visiting the resident (at the door counts).
    public var involvesVisit: Bool

    public init(id: String, label: String, involvesVisit: Bool) {
        self.id = id
        self.label = label
        self.involvesVisit = involvesVisit
    }

    /// The needs a helpline takes by default.
    public static let standard: [HelpNeed] = [
        HelpNeed(id: "food", label: "Food", involvesVisit: true),
        HelpNeed(id: "prescription", label: "Prescription collection", involvesVisit: true),
        HelpNeed(id: "welfare-check", label: "Welfare check", involvesVisit: true),
        HelpNeed(id: "befriending", label: "Befriending or comfort call", involvesVisit: false),
        HelpNeed(id: "financial-hardship", label: "Financial hardship", involvesVisit: false),
        HelpNeed(id: "mental-health", label: "Mental health", involvesVisit: false),
        HelpNeed(id: "shopping", label: "Shopping", involvesVisit: true),
        HelpNeed(id: "dog-walking", label: "Dog walking", involvesVisit: true),
        HelpNeed(id: "transport", label: "Transport", involvesVisit: true),
        HelpNeed(id: "other", label: "Other", involvesVisit: false),
    ]
}
