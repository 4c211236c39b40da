import KithDirectory
import KithSpreadsheet

/// A synthetic services directory for the generated borough: about 120 services from about 70 organisations
/// (the council, the NHS, charities, faith groups, mutual aid groups), tagged with needs, placed at the
/// borough's own postcodes, with opening times, languages, accessibility and capacity, and with the gaps and
/// stale profiles a real directory has. The same configuration always gives the same directory.
///
/// It lives here, beside the borough it describes, because it needs the borough's neighbourhoods and
/// postcodes; KithDirectory stays free of any generator.
public struct DirectoryGenerator: Sendable {
    public let configuration: BoroughConfiguration

    public init(configuration: BoroughConfiguration) {
        self.configuration = configuration
    }

    /// The generated directory: services (each nesting its organisation, locations and terms), the needs
    /// taxonomy, and an invented centroid for every postcode a location uses.
    public struct Output: Sendable, Equatable {
        public var services: [Service]
        public var taxonomy: Taxonomy
        public var postcodeCentroids: [String: PostcodeCentroid]

        /// The organisations, each once.
        public var organizations: [Organization] {
            var seen: Set<String> = []
            return services.compactMap(\.organization).filter { seen.insert($0.id).inserted }
        }
    }

    /// An invented latitude and longitude for a postcode, for distances: the point `places/postcodes.csv` gives it, inside
    /// its neighbourhood's outline on the borough's invented map (see ``BoroughMap``).
    public struct PostcodeCentroid: Sendable, Equatable {
        public var latitude: Double
        public var longitude: Double
    }

    /// The needs every service is tagged with, in the order the taxonomy lists them.
    public static let needs: [(name: String, description: String)] = [
        ("Food", "Food parcels, pantries, community meals and help to buy food."),
        ("Debt and money", "Debt advice, budgeting and help with bills."),
        ("Benefits advice", "Help to claim benefits and challenge decisions."),
        ("Mental health", "Support for anxiety, depression and emotional wellbeing."),
        ("Digital skills", "Help to get online, devices and data."),
        ("Employability", "Help into work: CVs, skills, interviews and volunteering."),
        ("Bereavement", "Support after the death of someone close."),
        ("Domestic abuse", "Safety, advice and refuge for people experiencing domestic abuse."),
        ("Carers", "Support for unpaid carers."),
        ("Loneliness", "Befriending, social groups and company."),
        ("Housing", "Help to find, keep or repair a home."),
        ("Fuel poverty", "Help to heat the home and pay for energy."),
        ("Physical health", "Health checks, exercise and long-term conditions."),
        ("Children and families", "Support for parents, babies, children and young people."),
        ("Refugees and migrants", "Advice, English classes and welcome for new arrivals."),
        ("Substance misuse", "Support for drug and alcohol use."),
    ]

    /// What an organisation is.
    enum Sector: CaseIterable {
        case council, nhs, charity, faith, mutualAid
    }

    /// A kind of service an organisation may run: its name, needs, ages and how it opens.
    struct Kind {
        var name: String
        var needs: [String]
        var description: String
        var ages: ClosedRange<Double>? = nil
        var attending = "drop in"
        var counted = false
    }

    static let kinds: [Sector: [Kind]] = [
        .council: [
            Kind(
                name: "Welfare Rights Service", needs: ["Benefits advice", "Debt and money"],
                description: "Advice on benefits, appeals and council tax support.", attending: "by appointment"),
            Kind(
                name: "Household Support Fund", needs: ["Food", "Fuel poverty"], description: "One-off help with food and energy costs.",
                attending: "by phone"),
            Kind(
                name: "Adult Learning: Get Online", needs: ["Digital skills"], description: "Free short courses to use a phone, tablet or computer.",
                ages: 19...120, counted: true),
            Kind(
                name: "Employment Hub", needs: ["Employability"], description: "One-to-one help into work and training.", ages: 16...120,
                attending: "by appointment"),
            Kind(
                name: "Housing Options", needs: ["Housing"], description: "Advice if you are homeless or may lose your home.",
                attending: "by appointment"),
            Kind(name: "Family Hub", needs: ["Children and families"], description: "Parenting support, baby groups and early help.", ages: 0...19),
            Kind(
                name: "Carers Assessment Team", needs: ["Carers"], description: "An assessment of what an unpaid carer needs.",
                attending: "by appointment"),
            Kind(
                name: "Warm Spaces", needs: ["Fuel poverty", "Loneliness"], description: "A warm place with hot drinks and company.", counted: true),
            Kind(
                name: "Youth Centre", needs: ["Children and families", "Mental health"],
                description: "Evening activities and a youth worker to talk to.", ages: 11...19),
        ],
        .nhs: [
            Kind(
                name: "Talking Therapies", needs: ["Mental health"], description: "Free NHS talking therapy for anxiety and depression.",
                ages: 16...120, attending: "by appointment"),
            Kind(
                name: "Community Health Checks", needs: ["Physical health"], description: "Free health checks for adults aged 40 to 74.",
                ages: 40...74, attending: "by appointment"),
            Kind(
                name: "Drug and Alcohol Service", needs: ["Substance misuse"], description: "Confidential help with drugs and alcohol.",
                ages: 18...120),
            Kind(
                name: "Social Prescribing", needs: ["Loneliness", "Mental health"], description: "A link worker connects you with local groups.",
                attending: "by referral"),
            Kind(
                name: "Health Visiting Drop-in", needs: ["Children and families"], description: "Weigh-ins and advice for babies under one.",
                ages: 0...1),
        ],
        .charity: [
            Kind(
                name: "Food Bank", needs: ["Food"], description: "Emergency food parcels with a voucher or referral.", attending: "by referral",
                counted: true),
            Kind(name: "Community Pantry", needs: ["Food"], description: "Low-cost weekly shop for members.", counted: true),
            Kind(
                name: "Money Advice", needs: ["Debt and money", "Benefits advice"], description: "Free, confidential debt advice.",
                attending: "by appointment"),
            Kind(name: "Wellbeing Café", needs: ["Mental health", "Loneliness"], description: "Peer support over a cup of tea.", ages: 18...120),
            Kind(
                name: "Befriending", needs: ["Loneliness"], description: "A volunteer visits or phones each week.", ages: 60...120,
                attending: "by referral", counted: true),
            Kind(name: "Carers Support", needs: ["Carers"], description: "Breaks, advice and groups for unpaid carers."),
            Kind(
                name: "Domestic Abuse Outreach", needs: ["Domestic abuse"], description: "Safety planning and support; refuge referrals.",
                ages: 16...120, attending: "by phone", counted: true),
            Kind(
                name: "Bereavement Support", needs: ["Bereavement"], description: "One-to-one and group support after a death.",
                attending: "by appointment"),
            Kind(name: "Digital Buddies", needs: ["Digital skills"], description: "Volunteers help you get online; free data SIMs.", counted: true),
            Kind(name: "Job Club", needs: ["Employability"], description: "Weekly help with CVs and applications.", ages: 16...120),
            Kind(name: "Welcome Project", needs: ["Refugees and migrants"], description: "English classes, advice and a warm welcome."),
            Kind(name: "Energy Advice", needs: ["Fuel poverty", "Debt and money"], description: "Help with energy bills and draught-proofing."),
        ],
        .faith: [
            Kind(name: "Community Lunch", needs: ["Food", "Loneliness"], description: "A free hot lunch; everyone welcome.", counted: true),
            Kind(
                name: "Parent and Toddler Group", needs: ["Children and families"], description: "Play, songs and a chat for parents and carers.",
                ages: 0...5),
            Kind(name: "Bereavement Café", needs: ["Bereavement", "Loneliness"], description: "A quiet space to talk about loss."),
            Kind(name: "Food Share", needs: ["Food"], description: "Surplus food shared free after the service.", counted: true),
        ],
        .mutualAid: [
            Kind(
                name: "Shopping and Prescriptions", needs: ["Food", "Loneliness"], description: "Neighbours collect shopping and prescriptions.",
                attending: "by phone", counted: true),
            Kind(name: "Phone Friends", needs: ["Loneliness"], description: "A friendly call each week.", attending: "by phone"),
            Kind(name: "Tech Help Drop-in", needs: ["Digital skills"], description: "Bring your phone or laptop and ask.", counted: true),
        ],
    ]

    /// The organisation the demo's partner account belongs to.
    public static let demoFoodBank = "Borough Food Bank"

    static let charityStems = [
        "Hope", "Harbour", "Lantern", "Bridge", "Open Door", "Compass", "Kindred", "Beacon", "Oak Tree", "Willow", "Haven", "Step Up",
        "Together", "Anchor", "Rise", "Circle", "Meadow", "Acorn", "Crossroads", "Sunrise",
    ]
    static let faithPlaces = [
        ("St Aidan's Church", "Church of England parish church"), ("St Mary's RC Church", "Roman Catholic parish"),
        ("Jamia Mosque", "Mosque and community centre"), ("Guru Nanak Gurdwara", "Sikh gurdwara with a free kitchen"),
        ("Elim Pentecostal Church", "Pentecostal church"), ("Methodist Central Hall", "Methodist church and hall"),
        ("Baptist Chapel", "Baptist church"), ("Shree Krishna Mandir", "Hindu temple and community centre"),
        ("Salvation Army Corps", "Salvation Army church and community centre"), ("Quaker Meeting House", "Quaker meeting house"),
        ("Masjid Al-Noor", "Mosque"), ("Holy Trinity Church", "Church of England parish church"),
        ("Redeemed Christian Church", "Pentecostal church"), ("St Paul's URC", "United Reformed Church"),
    ]
    static let languages: [(name: String, code: String)] = [
        ("Polish", "pl"), ("Urdu", "ur"), ("Punjabi", "pa"), ("Bengali", "bn"), ("Romanian", "ro"), ("Arabic", "ar"), ("Somali", "so"),
        ("Gujarati", "gu"), ("Kurdish", "ku"), ("Ukrainian", "uk"),
    ]
    static let accessibility = [
        "Step-free entrance and an accessible toilet.", "Ramp at the side door; hearing loop at reception.",
        "Ground floor only; wheelchair accessible.", "Stairs to the first floor; no lift.", "Step-free; quiet room available on request.",
    ]
    static let venueKinds = ["Community Centre", "Hall", "House", "Hub", "Centre"]
    static let volunteerRoles = ["Driver", "Befriender", "Warehouse helper", "Cook", "Digital buddy", "Receptionist", "Gardener"]
    static let volunteerSkills = ["Polish speaker", "Urdu speaker", "Food hygiene certificate", "Full driving licence", "Patience with technology"]

    /// Generates the directory.
    public func generate() -> Output {
        let borough = Borough(configuration: configuration)
        return generate(for: borough, map: BoroughMap(borough: borough))
    }

    /// Generates the directory of a borough already built from this configuration, placing sites on its map
    /// (``BoroughGenerator`` builds both once).
    func generate(for borough: Borough, map: BoroughMap) -> Output {
        var random = RandomSource(seed: configuration.seed, stream: "directory")
        let extract = configuration.extractDate
        func uuid() -> String { DerivedID.format(high: random.next(), low: random.next()) }

        let taxonomyID = DerivedID.make("kith/taxonomy/needs")
        var taxonomy = Taxonomy(id: taxonomyID, name: "Kith needs", description: "Needs and circumstances a service helps with.")
        var terms: [String: TaxonomyTerm] = [:]
        for need in Self.needs {
            var term = TaxonomyTerm(id: DerivedID.make("kith/need/" + need.name), term: need.name, taxonomy: "Kith needs")
            term.description = need.description
            term.taxonomyId = taxonomyID
            terms[need.name] = term
        }
        taxonomy.taxonomyTerms = Self.needs.map { terms[$0.name]! }
        taxonomy.version = "1"

        // Each neighbourhood's households, to put sites at the borough's own postcodes and streets.
        var addressesByNeighbourhood = Array(repeating: [SiteAddress](), count: borough.neighbourhoods.count)
        for household in borough.households {
            let address = household.address
            addressesByNeighbourhood[address.neighbourhood].append(
                SiteAddress(street: address.street, postcode: address.postcode, locality: address.locality))
        }
        var centroids: [String: PostcodeCentroid] = [:]
        let neighbourhoodCount = borough.neighbourhoods.count

        // Organisations: one council, two NHS bodies, charities, faith groups, mutual aid groups.
        struct Plan {
            var sector: Sector
            var name: String
            var description: String
            var home: Int
            var services: Int
            /// The kinds of service it runs, by name; chosen at random when empty.
            var kinds: [String] = []
        }
        var plans: [Plan] = [
            Plan(sector: .council, name: PlaceNames.council, description: "The local council.", home: 0, services: 14),
            Plan(
                sector: .nhs, name: PlaceNames.borough + " NHS Foundation Trust", description: "Community and mental health services.", home: 2,
                services: 5),
            Plan(
                sector: .nhs, name: PlaceNames.borough + " Primary Care Network", description: "GP practices working together.", home: 4, services: 3),
        ]
        // The demo's partner account belongs to this one, so that its services, capacity and callbacks are the
        // partner's to keep (kith demo gives it the food bank's list too).
        plans.append(
            Plan(
                sector: .charity, name: Self.demoFoodBank, description: "The borough's food bank: emergency parcels and a pantry.", home: 1,
                services: 2, kinds: ["Food Bank", "Community Pantry"]))
        var stems = Self.charityStems
        random.shuffle(&stems)
        for index in 0..<38 {
            let home = index % neighbourhoodCount
            let stem = stems[index % stems.count]
            let place = index < stems.count ? PlaceNames.borough : borough.neighbourhoods[home].name
            plans.append(
                Plan(sector: .charity, name: "\(place) \(stem) Trust", description: "A local charity.", home: home, services: random.int(in: 1...3)))
        }
        for (index, place) in Self.faithPlaces.enumerated() {
            let home = (index * 3) % neighbourhoodCount
            plans.append(
                Plan(sector: .faith, name: "\(place.0), \(borough.neighbourhoods[home].name)", description: place.1 + ".", home: home, services: 1))
        }
        for index in 0..<13 {
            let home = index % neighbourhoodCount
            let street = addressesByNeighbourhood[home].isEmpty ? "High Street" : random.pick(addressesByNeighbourhood[home]).street
            plans.append(
                Plan(sector: .mutualAid, name: "\(street) Mutual Aid", description: "Neighbours helping neighbours.", home: home, services: 1))
        }

        var services: [Service] = []
        for plan in plans {
            var organization = Organization(id: uuid(), name: plan.name, description: plan.description)
            let slug = plan.name.lowercased().filter { $0.isLetter || $0.isNumber }
            if plan.sector != .mutualAid {
                organization.website = "https://\(String(slug.prefix(24))).example.org.uk"
                organization.email = "hello@\(String(slug.prefix(24))).example.org.uk"
            }
            if plan.sector == .charity || plan.sector == .faith {
                var identifier = OrganizationIdentifier(
                    id: uuid(), identifierScheme: "GB-CHC", identifierType: "Charity number", identifier: String(1_190_000 + random.below(9_999)))
                identifier.organizationId = organization.id
                organization.organizationIdentifiers = [identifier]
            }
            let kinds = Self.kinds[plan.sector]!
            var chosen: [Kind] = []
            var pool = kinds
            random.shuffle(&pool)
            for index in 0..<plan.services { chosen.append(pool[index % pool.count]) }
            if !plan.kinds.isEmpty { chosen = plan.kinds.compactMap { name in kinds.first { $0.name == name } } }
            for (serviceIndex, kind) in chosen.enumerated() {
                // Gaps: the most affluent neighbourhood has no food or mental health service of its own.
                var neighbourhood = plan.sector == .council || plan.sector == .nhs ? (plan.home + serviceIndex) % neighbourhoodCount : plan.home
                if neighbourhood == neighbourhoodCount - 1, kind.needs.contains("Food") || kind.needs.contains("Mental health") {
                    neighbourhood = neighbourhoodCount - 2
                }
                let serviceID = uuid()
                let name =
                    plan.sector == .council || plan.sector == .nhs ? kind.name + " (" + borough.neighbourhoods[neighbourhood].name + ")" : kind.name
                var service = Service(id: serviceID, organizationId: organization.id, name: name)
                service.organization = organization
                service.description = kind.description
                service.url = (organization.website ?? "https://directory.kithmoor.example.org.uk") + "/services/" + String(serviceID.prefix(8))
                if random.chance(0.6) { service.email = organization.email }
                if let ages = kind.ages {
                    service.minimumAge = ages.lowerBound
                    if ages.upperBound < 120 { service.maximumAge = ages.upperBound }
                }
                if random.chance(0.05) {
                    service.status = .temporarilyClosed
                    service.alert = "Closed for refurbishment; reopening in the new year."
                }
                // Stale profiles: about one in five last confirmed over a year ago, a few never.
                let confirmedDaysAgo = random.chance(0.2) ? random.int(in: 370...1_100) : random.int(in: 1...120)
                if !random.chance(0.05) { service.assuredDate = DateText.iso(extract.adding(days: -confirmedDaysAgo)) }
                service.lastModified = DateText.iso(extract.adding(days: -confirmedDaysAgo)) + "T10:00:00Z"
                service.attributes = kind.needs.map { need in
                    var attribute = Attribute(id: uuid(), linkId: serviceID, taxonomyTermId: terms[need]!.id, linkType: "need")
                    attribute.linkEntity = "service"
                    attribute.taxonomyTerm = terms[need]!
                    return attribute
                }

                // The site: a venue on one of the neighbourhood's streets, at one of its postcodes.
                let sites = addressesByNeighbourhood[neighbourhood]
                let site =
                    sites.isEmpty ? SiteAddress(street: "High Street", postcode: "HY\(neighbourhood + 1) 1AA", locality: "") : random.pick(sites)
                let locationID = uuid()
                var location = Location(id: locationID, name: plan.sector == .faith ? plan.name : "\(site.street) \(random.pick(Self.venueKinds))")
                var address = KithDirectory.Address(
                    id: uuid(), address1: "\(random.int(in: 1...180)) \(site.street)", city: PlaceNames.borough, stateProvince: "",
                    postalCode: site.postcode)
                address.address2 = borough.neighbourhoods[neighbourhood].name
                address.locationId = locationID
                location.addresses = [address]
                let centroid = map.centroid(of: site.postcode)
                centroids[site.postcode] = centroid
                location.latitude = centroid.latitude
                location.longitude = centroid.longitude
                var access = Accessibility(id: uuid(), description: random.pick(Self.accessibility))
                access.locationId = locationID
                location.accessibility = [access]
                let salID = uuid()
                var sal = ServiceAtLocation(id: salID, serviceId: serviceID, locationId: locationID, location: location)

                // Opening times: weekly sessions, some fortnightly, some monthly on a set weekday.
                var schedule = Schedule(id: uuid())
                schedule.serviceAtLocationId = salID
                let roll = random.unit()
                if roll < 0.15 {
                    schedule.freq = .monthly
                    schedule.byday = "\(random.int(in: 1...4))\(random.pick(["MO", "TU", "WE", "TH", "FR"]))"
                } else {
                    schedule.freq = .weekly
                    let days = [
                        ["MO", "TU", "WE", "TH", "FR"], ["MO", "WE", "FR"], ["TU", "TH"], [random.pick(["MO", "TU", "WE", "TH", "FR", "SA"])],
                    ]
                    schedule.byday = random.pick(days).joined(separator: ",")
                    if roll > 0.9 { schedule.interval = 2 }
                }
                let opens = random.pick([9, 9, 10, 10, 13, 18])
                schedule.opensAt = twoDigits(opens) + ":" + random.pick(["00", "30"])
                schedule.closesAt = twoDigits(min(21, opens + random.int(in: 2...7))) + ":00"
                schedule.attendingType = kind.attending
                sal.schedules = [schedule]
                service.serviceAtLocations = [sal]

                // Languages: English everywhere; more where the neighbourhood is more diverse.
                var languages = [Language(id: uuid(), name: "English", code: "en")]
                let extra = borough.neighbourhoods[neighbourhood].diversity > 1.1 ? random.int(in: 1...3) : (random.chance(0.3) ? 1 : 0)
                var choices = Self.languages
                random.shuffle(&choices)
                for language in choices.prefix(extra) { languages.append(Language(id: uuid(), name: language.name, code: language.code)) }
                for index in languages.indices { languages[index].serviceId = serviceID }
                service.languages = languages

                var contact = Contact(id: uuid(), name: nil, title: plan.sector == .mutualAid ? "Group coordinator" : "Duty worker")
                contact.serviceId = serviceID
                var phone = Phone(id: uuid(), number: "01632 96" + fourDigits(random.below(10_000)))
                phone.contactId = contact.id
                contact.phones = [phone]
                service.contacts = [contact]

                if plan.sector == .charity || plan.sector == .faith || plan.sector == .mutualAid || random.chance(0.3) {
                    var cost = CostOption(id: uuid(), option: "Everyone", amount: kind.name == "Community Pantry" ? 5 : 0)
                    cost.amountDescription = kind.name == "Community Pantry" ? "per weekly shop" : "free"
                    cost.serviceId = serviceID
                    service.costOptions = [cost]
                }

                // Capacity: most say something; some have said nothing; some said it long ago.
                if !random.chance(0.15) {
                    let state = random.weightedIndex([0.6, 0.25, 0.15])
                    let accepting: ReferralAcceptance = [.yes, .waitingList, .no][state]
                    let updatedDaysAgo = random.chance(0.25) ? random.int(in: 31...200) : random.int(in: 0...14)
                    service.capacity = Capacity(
                        acceptingReferrals: accepting,
                        placesFree: kind.counted ? (accepting == .yes ? random.int(in: 1...25) : 0) : nil,
                        typicalWaitDays: accepting == .no ? nil : (accepting == .waitingList ? random.int(in: 7...60) : random.int(in: 0...5)),
                        updatedAt: DateText.iso(extract.adding(days: -updatedDaysAgo)) + "T09:00:00Z",
                        updatedBy: plan.sector == .council ? "council directory team" : "service coordinator")
                }
                if plan.sector != .council && plan.sector != .nhs && random.chance(0.35) {
                    var roles = Self.volunteerRoles
                    random.shuffle(&roles)
                    service.volunteersWanted = VolunteersWanted(
                        roles: Array(roles.prefix(random.int(in: 1...2))), skills: random.chance(0.5) ? [random.pick(Self.volunteerSkills)] : [])
                }
                if plan.sector == .faith && random.chance(0.6) {
                    service.spaceToShare = SpaceToShare(
                        what: random.pick(["Hall with kitchen", "Meeting room", "Cold store for food"]), people: random.pick([20, 40, 80, 120]))
                }
                if kind.needs.contains("Food") || kind.needs.contains("Physical health") {
                    service.safetyNotes = random.pick([
                        "Please stay at home if you have a fever or sickness.", "Masks available at the door.",
                        "Food handled to food hygiene rating 5 standards.",
                    ])
                }
                service.acceptsCallbacks = random.chance(0.6)
                services.append(service)
            }
        }
        return Output(services: services, taxonomy: taxonomy, postcodeCentroids: centroids)
    }
}

/// A site's street and postcode, taken from a household's address.
struct SiteAddress: Sendable {
    var street: String
    var postcode: String
    var locality: String
}

/// `9` as `09`.
private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

/// `42` as `0042`.
private func fourDigits(_ value: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, 4 - text.count)) + text
}
