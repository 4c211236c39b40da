/// Invented names for council staff (lead workers, social workers), drawn from the same name bank.
enum StaffNames {
    static func make(count: Int, seed: UInt64, stream: String, birthYears: ClosedRange<Int> = 1965...1998) -> [String] {
        var random = RandomSource(seed: seed, stream: "staff." + stream)
        var names: [String] = []
        var used: Set<String> = []
        var attempts = 0
        while names.count < max(1, count) {
            attempts += 1
            let heritage = Heritage.allCases[random.weightedIndex(Heritage.allCases.map(\.weight))]
            let sex: Sex = random.chance(0.75) ? .female : .male
            let given = NameBank.givenName(
                heritage: heritage,
                sex: sex,
                birthYear: random.int(in: birthYears),
                using: &random
            )
            let family = NameBank.familyName(NameBank.familyName(heritage: heritage, using: &random), for: sex, heritage: heritage)
            let name = given + " " + family
            if used.insert(name).inserted || attempts > count * 20 { names.append(name) }
        }
        return names
    }
}
