import KithSpreadsheet

/// "Children's services": open children's social care cases (child in need, child protection, looked after).
///
/// XLSX, sheet "Open cases", with a title block above the table: a title merged across the table, the
/// extract date and protective marking, a blank row, then the header on row 4. The last three columns are the
/// factors identified at assessment, `Y` or `N`, shared by the siblings of one case (see
/// ``CareAssignment/assignFamilyRisks(households:residents:extractDate:seed:)``).
enum ChildrensServicesWriter {
    static let source = "Children's services"
    static let fileName = "childrens-services.xlsx"
    static let sheet = "Open cases"

    static let rates = NoiseRates(
        typo: 0.02,
        nickname: 0.02,
        initialOnly: 0,
        accentDropped: 0.1,
        allCaps: 0.01,
        lowerCase: 0,
        outerSpaces: 0.02,
        maidenName: 0.3,
        oldAddress: 0.25,
        postcodeWithoutSpace: 0.04,
        postcodeLowerCase: 0.02,
        postcodeMissing: 0.01,
        streetAbbreviated: 0.1,
        dateSwapped: 0.01,
        dateMistyped: 0.005,
        dateMissing: 0
    )

    static func make(_ borough: Borough) -> ListTable {
        let header = [
            "Child ID", "Forename", "Surname", "DOB", "Gender", "UPN", "Address", "Postcode", "Category", "CP Category",
            "Social Worker", "Parent/Carer Name", "Start Date", "Domestic Abuse", "Parental Mental Health",
            "Parental Substance Misuse",
        ]
        var table = ListTable(source: source, fileName: fileName, format: .xlsx(sheet: sheet), header: header)
        let lastColumn = ColumnLetters.letters(forIndex: header.count - 1)
        table.preamble = [
            [.text(PlaceNames.council + " — Children's Social Care: Open Cases")],
            [.text("Extract date: " + DateText.dayMonthYear(borough.extractDate) + " — OFFICIAL-SENSITIVE")],
            [],
        ]
        table.merges = ["A1:\(lastColumn)1"]

        let seed = borough.configuration.seed
        var noise = Noise(seed: seed, stream: "childrens-services", rates: rates)
        var random = RandomSource(seed: seed, stream: "childrens-services")
        let children = borough.residents.indices.filter { borough.residents[$0].childrenCategory != nil }
        let workers = StaffNames.make(count: children.count / 16 + 2, seed: seed, stream: "childrens-services")
        // Siblings share a case: one worker, one start date, one category of abuse.
        var cases: [Int: (worker: String, start: CivilDate, abuse: String)] = [:]
        var ids: [Int] = []
        var usedIDs: Set<Int> = []

        for index in children {
            let child = borough.residents[index]
            guard let category = child.childrenCategory else { continue }
            let household = borough.households[child.household]
            let shared: (worker: String, start: CivilDate, abuse: String)
            if let existing = cases[child.household] {
                shared = existing
            } else {
                let daysAgo: Int =
                    switch category {
                    case .childInNeed: random.int(in: 7...540)
                    case .childProtection: random.int(in: 7...420)
                    case .lookedAfter: random.int(in: 30...1_800)
                    }
                let abuse = ["NEG", "EMO", "PHY", "SAB", "MUL"][random.weightedIndex([0.48, 0.35, 0.08, 0.04, 0.05])]
                shared = (workers[random.below(workers.count)], borough.extractDate.adding(days: -daysAgo), abuse)
                cases[child.household] = shared
            }
            let start = max(shared.start, child.dateOfBirth)
            let withheld = category == .lookedAfter && random.chance(0.5)
            let address = noise.address(of: household)
            var upn = child.upn ?? (random.chance(0.5) ? "UN1" : "")
            if child.upn != nil, random.chance(0.04) { upn = "" }
            if let real = child.upn, random.chance(0.01) { upn = Noise.typo(real, using: &random) }
            let carer = borough.mainContact(of: household)
            let carerName: String =
                carer == index
                ? "" : noise.givenName(borough.residents[carer].givenName) + " " + borough.residents[carer].familyName
            let cells: [CellValue] = [
                .empty,
                textCell(noise.givenName(child.givenName)),
                textCell(noise.familyName(child.familyName, birth: child.birthFamilyName, recentlyMarried: false)),
                noise.dateOfBirth(child.dateOfBirth).map { CellValue.date($0) } ?? .empty,
                .text(child.sex.word),
                textCell(upn),
                textCell(withheld ? "Placement address withheld" : noise.street(address.streetAddress)),
                withheld ? .empty : textCell(noise.postcode(address.postcode)),
                .text(category.code),
                category == .childProtection ? .text(shared.abuse) : .empty,
                .text(shared.worker),
                textCell(carerName),
                .date(start),
                .text(household.domesticAbuse ? "Y" : "N"),
                .text(household.parentalMentalHealth ? "Y" : "N"),
                .text(household.parentalSubstanceMisuse ? "Y" : "N"),
            ]
            table.append(cells: cells, person: index)
            while true {
                let id = random.int(in: 100_000...(100_000 + max(5_000, children.count * 60)))
                if usedIDs.insert(id).inserted {
                    ids.append(id)
                    break
                }
            }
        }
        for row in table.rows.indices {
            table.rows[row][0] = .text("CH" + zeroPad(ids[row], width: 6))
        }
        table.sort { ids[$0] }
        return table
    }
}
