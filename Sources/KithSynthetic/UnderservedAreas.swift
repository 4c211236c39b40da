/// The neighbourhoods whose residents ask for help far less often than their need would suggest: the "low call
/// engagement zones" an overlay of demand on need is meant to find (Oldham found them by setting helpline calls
/// against its Thriving Communities Index).
///
/// About one small area in twelve is chosen (8 of the default borough's 100), at random among the 40% whose need is
/// highest (well within the upper half, so that an overlay of demand on need can tell them apart), and spread over
/// as many hub areas as have such areas: one from each in turn, in an order drawn at random, so that no single hub's
/// tendency explains them. Each gets a call factor of 0.25 to 0.35, by which
/// its residents' help desk requests and helpline calls are made rarer; nothing else about it changes.
enum UnderservedAreas {
    /// The chosen areas (indices into `areas`) and their call factors; the same areas and seed always give the same.
    static func choose(_ areas: [SmallArea], seed: UInt64) -> [(area: Int, factor: Double)] {
        guard !areas.isEmpty else { return [] }
        var random = RandomSource(seed: seed, stream: "underserved")
        // The neediest 40%; ties broken by position so that the choice never depends on sorting's stability.
        let byNeed = areas.indices.sorted { (areas[$0].need, $0) < (areas[$1].need, $1) }
        var candidates = Array(byNeed[(areas.count * 3 / 5)...]).sorted()
        random.shuffle(&candidates)
        let wanted = max(1, (areas.count * 8 + 50) / 100)

        // One from each hub area in turn, hubs in the order the shuffle first meets them.
        var hubOrder: [Int] = []
        var queues: [Int: [Int]] = [:]
        for area in candidates {
            let hub = areas[area].neighbourhood
            if queues[hub] == nil { hubOrder.append(hub) }
            queues[hub, default: []].append(area)
        }
        var chosen: [Int] = []
        var round = 0
        while chosen.count < min(wanted, candidates.count) {
            for hub in hubOrder where chosen.count < wanted {
                if let queue = queues[hub], round < queue.count { chosen.append(queue[round]) }
            }
            round += 1
        }
        return chosen.sorted().map { area in
            (area, (25 + Double(random.below(11))) / 100)
        }
    }
}
