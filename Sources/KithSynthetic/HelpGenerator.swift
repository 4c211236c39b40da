import Foundation
import KithSpreadsheet

/// The borough's help desk before Kith: its neighbourhood hubs (one per neighbourhood, and a welfare rights team),
/// a volunteer bureau of about one volunteer per hundred residents, and eight weeks of requests for help with a
/// realistic daily curve (busiest on Mondays and mid-morning, quiet at weekends), made mostly by residents whose
/// need is high and partly (about one in twelve) by people on no list; residents of the hidden under-served
/// neighbourhoods (``UnderservedAreas``) ask about a third as often as their need would suggest. Written as CSV
/// files Kith loads (`kith help load`): `hubs.csv`, `volunteers.csv`, `requests.csv`.
enum HelpGenerator {
    /// A need a request asks for, as Kith's helpline lists it, and how likely it is.
    static let needs: [(id: String, weight: Double)] = [
        ("food", 32), ("prescription", 18), ("befriending", 14), ("welfare-check", 8), ("financial-hardship", 10), ("shopping", 7),
        ("mental-health", 4), ("transport", 3), ("dog-walking", 2), ("other", 2),
    ]

    /// Languages a heritage's residents may speak besides English.
    static func language(of heritage: Heritage) -> String? {
        switch heritage {
        case .polish: "Polish"
        case .romanian: "Romanian"
        case .pakistani: "Urdu"
        case .indian: "Gujarati"
        case .bangladeshi: "Bengali"
        case .somali: "Somali"
        case .arab: "Arabic"
        case .chinese: "Cantonese"
        case .southernEuropean: "Portuguese"
        default: nil
        }
    }

    static func write(_ borough: Borough, to folder: URL) throws -> GeneratedHelp {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var random = RandomSource(seed: borough.configuration.seed, stream: "help")
        let hubs = folder.appendingPathComponent("hubs.csv")
        let volunteers = folder.appendingPathComponent("volunteers.csv")
        let requests = folder.appendingPathComponent("requests.csv")
        try writeHubs(borough, to: hubs)
        let volunteerCount = try writeVolunteers(borough, to: volunteers, random: &random)
        let requestCount = try writeRequests(borough, volunteers: volunteerCount, to: requests, random: &random)
        return GeneratedHelp(hubs: hubs, volunteers: volunteers, requests: requests, volunteerCount: volunteerCount, requestCount: requestCount)
    }

    static func hubID(_ name: String) -> String {
        name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce(into: "") { $0.append($1) }
    }

    private static func writeHubs(_ borough: Borough, to url: URL) throws {
        let writer = try CSVWriter(url: url)
        try writer.appendRow(["id", "name", "kind", "areas", "urgent_pickup_minutes"])
        for neighbourhood in borough.neighbourhoods {
            try writer.appendRow([
                hubID(neighbourhood.name), "\(neighbourhood.name) hub", "hub", "\(neighbourhood.postcodeDistrict);\(neighbourhood.name)", "120",
            ])
        }
        try writer.appendRow(["welfare-rights", "Welfare rights team", "team", "", "240"])
        try writer.finish()
    }

    /// One volunteer per hundred residents (at least 20): adults of 18 to 75 with little need of their own.
    private static func writeVolunteers(_ borough: Borough, to url: URL, random: inout RandomSource) throws -> Int {
        let writer = try CSVWriter(url: url)
        try writer.appendRow([
            "Name", "Phone", "Email", "Postcode", "Offers", "Free", "Travel miles", "Languages", "Drives", "DBS level", "DBS number",
            "DBS renew by", "DBS seen by", "Induction done", "Status", "Applied on",
        ])
        let wanted = max(20, borough.residents.count / 100)
        var written = 0
        var tries = 0
        let slots = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].flatMap { day in ["morning", "afternoon", "evening"].map { "\(day)-\($0)" } }
        while written < wanted, tries < wanted * 50 {
            tries += 1
            let person = borough.residents[random.below(borough.residents.count)]
            let age = person.age(on: borough.extractDate)
            guard (18...75).contains(age), person.latentNeed < 0.4 else { continue }
            let household = borough.households[person.household]
            var offers: [String] = []
            for (id, _) in needs where id != "other" && random.chance(id == "food" || id == "shopping" ? 0.6 : 0.3) { offers.append(id) }
            if offers.isEmpty { offers = ["food"] }
            var free: [String] = []
            for slot in slots
            where random.chance(age >= 65 ? 0.35 : slot.hasSuffix("evening") || slot.hasPrefix("SA") || slot.hasPrefix("SU") ? 0.45 : 0.2) {
                free.append(slot)
            }
            if free.isEmpty { free = [random.pick(slots)] }
            let languages = [random.chance(0.7) ? language(of: household.heritage) : nil, random.chance(0.05) ? "BSL" : nil].compactMap { $0 }
            let status = ["active", "active", "active", "active", "active", "active", "active", "applied", "verified", "paused", "left"][
                random.below(11)]
            let dbsRoll = random.unit()
            let level = dbsRoll < 0.62 ? "enhanced-barred" : dbsRoll < 0.72 ? "enhanced" : dbsRoll < 0.8 ? "basic" : ""
            let seen = !level.isEmpty && status != "applied" && random.chance(0.92)
            let renew = borough.extractDate.adding(days: random.chance(0.06) ? -random.int(in: 1...200) : random.int(in: 30...1_095))
            let applied = borough.extractDate.adding(days: -random.int(in: 10...700))
            try writer.appendRow([
                "\(person.givenName) \(person.familyName)",
                person.mobile ?? household.landline ?? "07700 9" + String(random.int(in: 10_000...99_999)),
                random.chance(0.8) ? (person.email ?? "") : "", household.address.postcode, offers.joined(separator: ";"),
                free.joined(separator: ";"),
                String(random.pick([0.5, 1, 1, 2, 2, 2, 3, 5])), languages.joined(separator: ";"), random.chance(0.45) ? "yes" : "no", level,
                level.isEmpty ? "" : "00" + String(random.int(in: 1_000_000_000...9_999_999_999)),
                seen ? DateText.iso(renew) : "", seen ? random.pick(["vb.aisha", "vb.tom", "vb.grace"]) : "",
                status == "applied" ? "no" : random.chance(0.9) ? "yes" : "no", status, DateText.iso(applied),
            ])
            written += 1
        }
        try writer.finish()
        return written
    }

    /// Eight weeks of requests: a weekday and time-of-day curve, callers weighted by need, about one in twelve on no
    /// list; older requests mostly closed, recent ones still open.
    private static func writeRequests(_ borough: Borough, volunteers: Int, to url: URL, random: inout RandomSource) throws -> Int {
        let writer = try CSVWriter(url: url)
        try writer.appendRow([
            "Taken at", "Channel", "Taken by", "First name", "Last name", "Date of birth", "Phone", "Email", "Address", "Postcode", "Needs",
            "Urgency", "Details", "Dietary", "Language", "Contact by", "Consent", "Status", "First contact at", "Closed at", "Volunteer", "Hours",
        ])
        // Callers: adults, weighted by need and by how readily their neighbourhood asks for help (a third as readily
        // in the hidden under-served ones); drawn with replacement so that some call more than once.
        var callers: [Int] = []
        var weights: [Double] = []
        for (index, person) in borough.residents.enumerated() where person.age(on: borough.extractDate) >= 18 {
            callers.append(index)
            let callFactor = borough.smallAreas[borough.households[person.household].smallArea].callFactor
            weights.append((0.02 + person.latentNeed * person.latentNeed + (person.shielding ? 0.3 : 0)) * callFactor)
        }
        let callerPicker = WeightedPicker(weights)
        // People on no list call from any home, as rarely from an under-served neighbourhood as listed residents do.
        let homePicker = WeightedPicker(borough.households.map { borough.smallAreas[$0.smallArea].callFactor })
        let perDay = max(2.0, Double(borough.residents.count) * 0.03 / 56)
        let dayWeights: [Double] = [1.35, 1.1, 1.0, 0.95, 1.05, 0.35, 0.2]  // Monday to Sunday
        let hourWeights: [Double] = [0.2, 1.3, 1.6, 1.4, 1.0, 1.1, 1.0, 0.8, 0.6, 0.3, 0.15]  // 08:00 to 18:00
        let handlers = ["ch.priya", "ch.mark", "ch.joan", "ch.sam"]
        var count = 0
        let diets = ["Halal", "Vegetarian", "Diabetic", "Gluten free", "Nut allergy", "Soft food only", "Kosher"]
        let details = [
            "Lives alone, can't get to the shops this week", "Waiting for Universal Credit, nothing in until payday",
            "Repeat prescription ready at the chemist on the high street", "Daughter usually helps but is in hospital",
            "Would like someone to talk to once a week", "Heating off, worried about money", "Just out of hospital, can't walk far",
            "Needs a lift to a hospital appointment on Thursday", "Neighbour rang: not seen her for a few days",
        ]
        for day in 0..<56 {
            let date = borough.extractDate.adding(days: -56 + day)
            let weekday = DateText.weekday(date)
            let expected = perDay * dayWeights[weekday]
            let calls = max(0, Int((expected + random.normal(mean: 0, deviation: expected.squareRoot())).rounded()))
            for _ in 0..<calls {
                let hour = 8 + random.weightedIndex(hourWeights)
                let minute = random.below(60)
                let takenAt = "\(DateText.iso(date))T\(twoDigits(hour)):\(twoDigits(minute)):\(twoDigits(random.below(60)))Z"
                let onNoList = random.chance(0.08)
                var first: String
                var last: String
                var birth = ""
                var phone: String
                var email = ""
                var address: String
                var postcode: String
                var language = ""
                if onNoList {
                    let household = borough.households[homePicker.pick(&random)]
                    let sex: Sex = random.chance(0.5) ? .female : .male
                    first = NameBank.givenName(heritage: household.heritage, sex: sex, birthYear: 1940 + random.below(60), using: &random)
                    last = NameBank.familyName(heritage: household.heritage, using: &random)
                    phone = "07700 9" + String(random.int(in: 10_000...99_999))
                    address = "\(random.int(in: 1...180)) \(household.address.street)"
                    postcode = household.address.postcode
                } else {
                    let person = borough.residents[callers[callerPicker.pick(&random)]]
                    let household = borough.households[person.household]
                    first = person.givenName
                    last = person.familyName
                    birth = random.chance(0.6) ? DateText.iso(person.dateOfBirth) : ""
                    phone = person.mobile ?? household.landline ?? ""
                    email = random.chance(0.3) ? (person.email ?? "") : ""
                    address = household.address.streetAddress
                    postcode = household.address.postcode
                    if household.heritage.isMinority, random.chance(0.3) { language = Self.language(of: household.heritage) ?? "" }
                }
                if phone.isEmpty { phone = "07700 9" + String(random.int(in: 10_000...99_999)) }
                var needsAsked = [needs[random.weightedIndex(needs.map(\.weight))].id]
                if random.chance(0.25) {
                    let second = needs[random.weightedIndex(needs.map(\.weight))].id
                    if second != needsAsked[0] { needsAsked.append(second) }
                }
                let urgency = random.chance(0.3) ? "today" : random.chance(0.55) ? "within-3-days" : "this-week"
                let channel = random.chance(0.16) ? "online-form" : random.chance(0.1) ? "referral" : random.chance(0.08) ? "outbound-call" : "phone"
                let consent = random.chance(0.88) ? "yes" : "no"
                let age = 56 - day
                let status: String
                if age > 7 {
                    status = random.chance(0.9) ? "done" : "cancelled"
                } else if age > 2 {
                    status = ["done", "done", "in-progress", "in-progress", "to-do", "blocked", "cancelled"][random.below(7)]
                } else {
                    status = ["to-do", "to-do", "to-do", "in-progress", "in-progress", "done", "blocked"][random.below(7)]
                }
                let taken = date.daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60
                func iso(_ seconds: Int) -> String {
                    let day = CivilDate(daysSinceEpoch: seconds / 86_400)
                    let rest = seconds % 86_400
                    return "\(DateText.iso(day))T\(twoDigits(rest / 3_600)):\(twoDigits(rest % 3_600 / 60)):00Z"
                }
                let firstContact =
                    status == "to-do" ? "" : iso(taken + (urgency == "today" ? random.int(in: 10...240) : random.int(in: 60...2_880)) * 60)
                let closed = status == "done" || status == "cancelled" ? iso(taken + random.int(in: 4...(age > 7 ? 144 : 48)) * 3_600) : ""
                let visiting = ["food", "prescription", "shopping", "befriending", "dog-walking", "transport"].contains(needsAsked[0])
                let served = (status == "done" && random.chance(0.7)) || (status == "in-progress" && random.chance(0.5))
                let volunteer = served && consent == "yes" && visiting && volunteers > 0 ? random.int(in: 1...volunteers) : 0
                try writer.appendRow([
                    takenAt, channel, channel == "online-form" ? "the public form" : random.pick(handlers), first, last, birth, phone, email,
                    address, postcode, needsAsked.joined(separator: ";"), urgency,
                    needsAsked.contains("other") || random.chance(0.6) ? random.pick(details) : "",
                    random.chance(0.15) ? random.pick(diets) : "", language,
                    language.isEmpty ? random.pick(["phone", "phone", "phone", "text", "email"]) : "interpreter",
                    consent, status, firstContact, closed, volunteer == 0 ? "" : "V-" + String(String(volunteer + 100_000).dropFirst()),
                    volunteer == 0 ? "" : String(random.pick([0.5, 1, 1, 1.5, 2])),
                ])
                count += 1
            }
        }
        try writer.finish()
        return count
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}

/// The help desk files written beside a borough's lists.
public struct GeneratedHelp: Sendable {
    public var hubs: URL
    public var volunteers: URL
    public var requests: URL
    public var volunteerCount: Int
    public var requestCount: Int
}
