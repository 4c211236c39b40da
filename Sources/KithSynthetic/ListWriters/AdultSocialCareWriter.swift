import KithSpreadsheet

/// "Adult social care": the council's open adult social care clients, as exported from its case system.
///
/// XLSX, sheet "Clients"; dates are real date cells, "Lives Alone" a TRUE/FALSE cell; about one client in
/// seventy has a second, duplicate record under another Person ID.
enum AdultSocialCareWriter {
    static let source = "Adult social care"
    static let fileName = "adult-social-care.xlsx"
    static let sheet = "Clients"

    static let rates = NoiseRates(
        typo: 0.03,
        nickname: 0.04,
        initialOnly: 0.01,
        accentDropped: 0.15,
        allCaps: 0.02,
        lowerCase: 0.005,
        outerSpaces: 0.03,
        maidenName: 0.4,
        oldAddress: 0.45,
        postcodeWithoutSpace: 0.05,
        postcodeLowerCase: 0.03,
        postcodeMissing: 0.01,
        streetAbbreviated: 0.15,
        dateSwapped: 0.015,
        dateMistyped: 0.005,
        dateMissing: 0.01,
        nhsMissing: 0.3,
        nhsDigitWrong: 0.015,
        nhsTransposed: 0.01,
        nhsPlaceholder: 0.02,
        nhsSpaced: 0.2,
        phoneStyles: [4, 3, 1, 0.5, 1, 0.5, 0.5]
    )

    static let workingAgeReasons: [(String, Double)] = [
        ("Learning Disability Support", 0.35), ("Mental Health Support", 0.3),
        ("Physical Support: Personal Care Support", 0.15), ("Social Support: Substance Misuse Support", 0.08),
        ("Sensory Support: Support for Visual Impairment", 0.03), ("Sensory Support: Support for Hearing Impairment", 0.02),
        ("Support with Memory & Cognition", 0.02), ("Social Support: Support for Social Isolation/Other", 0.05),
    ]

    static let olderReasons: [(String, Double)] = [
        ("Physical Support: Personal Care Support", 0.45), ("Physical Support: Access & Mobility Only", 0.15),
        ("Support with Memory & Cognition", 0.2), ("Sensory Support: Support for Visual Impairment", 0.04),
        ("Sensory Support: Support for Hearing Impairment", 0.03), ("Sensory Support: Support for Dual Impairment", 0.01),
        ("Mental Health Support", 0.05), ("Social Support: Support for Social Isolation/Other", 0.07),
    ]

    static func make(_ borough: Borough) -> ListTable {
        var table = ListTable(
            source: source,
            fileName: fileName,
            format: .xlsx(sheet: sheet),
            header: [
                "Person ID", "NHS No", "First Name", "Last Name", "Date of Birth", "Gender", "Address", "Post Code", "Phone",
                "Primary Support Reason", "Lead Worker", "Last Contact Date", "Lives Alone",
            ]
        )
        let seed = borough.configuration.seed
        var noise = Noise(seed: seed, stream: "adult-social-care", rates: rates)
        var random = RandomSource(seed: seed, stream: "adult-social-care")
        let clients = borough.residents.indices.filter { borough.residents[$0].adultSocialCare }
        let workers = StaffNames.make(count: clients.count / 35 + 2, seed: seed, stream: "adult-social-care")
        var usedIDs: Set<Int> = []
        var ids: [Int] = []

        func newID() -> Int {
            while true {
                let id = random.int(in: 100_000...(100_000 + max(2_000, clients.count * 40)))
                if usedIDs.insert(id).inserted { return id }
            }
        }

        for index in clients {
            let person = borough.residents[index]
            let household = borough.households[person.household]
            let age = person.age(on: borough.extractDate)
            let reasons = age >= 65 ? olderReasons : workingAgeReasons
            let reason = reasons[random.weightedIndex(reasons.map { $0.1 })].0
            let worker = random.chance(0.06) ? "Duty Team" : workers[random.below(workers.count)]
            let copies = random.chance(0.015) ? 2 : 1
            for copy in 0..<copies {
                let address = noise.address(of: household)
                let phone = [person.mobile, household.landline].compactMap { $0 }
                let lastContact = borough.extractDate.adding(
                    days: -random.int(in: 0...Int(30 + 330 * (1 - person.latentNeed))) - copy * random.int(in: 200...900)
                )
                let line = random.chance(0.5) ? address.streetAddress : address.singleLine
                let cells: [CellValue] = [
                    .empty,
                    textCell(noise.nhsNumber(person.nhsNumber)),
                    textCell(noise.givenName(person.givenName)),
                    textCell(noise.familyName(person.familyName, birth: person.birthFamilyName, recentlyMarried: person.recentlyMarried)),
                    noise.dateOfBirth(person.dateOfBirth).map { CellValue.date($0) } ?? .empty,
                    .text(person.sex.word),
                    textCell(noise.street(line)),
                    textCell(noise.postcode(address.postcode)),
                    phone.isEmpty ? .empty : textCell(noise.phone(phone[random.below(phone.count)])),
                    .text(reason),
                    .text(worker),
                    .date(lastContact),
                    .boolean(household.members.count == 1),
                ]
                table.append(cells: cells, person: index)
                ids.append(newID())
            }
        }
        for row in table.rows.indices {
            table.rows[row][0] = .text("ASC" + zeroPad(ids[row], width: 6))
        }
        table.sort { ids[$0] }
        return table
    }
}
