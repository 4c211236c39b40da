import KithSpreadsheet

/// "NHS shielding list": the clinically extremely vulnerable patients registered with the borough's GPs.
///
/// UTF-8 CSV, comma; dates `dd/mm/yyyy`; NHS numbers mostly right, a few missing, mistyped or 9999999999.
enum ShieldingListWriter {
    static let source = "NHS shielding list"
    static let fileName = "nhs-shielding-list.csv"

    static let rates = NoiseRates(
        typo: 0.02,
        nickname: 0.01,
        initialOnly: 0.005,
        accentDropped: 0.1,
        allCaps: 0.04,
        lowerCase: 0.01,
        outerSpaces: 0.02,
        maidenName: 0.3,
        oldAddress: 0.35,
        postcodeWithoutSpace: 0.04,
        postcodeLowerCase: 0.02,
        postcodeMissing: 0.005,
        streetAbbreviated: 0.05,
        dateSwapped: 0.01,
        dateMistyped: 0.005,
        dateMissing: 0,
        nhsMissing: 0.03,
        nhsDigitWrong: 0.01,
        nhsTransposed: 0.01,
        nhsPlaceholder: 0.01,
        nhsSpaced: 0.08,
        phoneStyles: [6, 3, 0.5, 0.2, 0.5, 0.3, 0.5]
    )

    static func make(_ borough: Borough) -> ListTable {
        var table = ListTable(
            source: source,
            fileName: fileName,
            format: .csv(delimiter: ",", encoding: .utf8),
            header: [
                "NHS Number", "Title", "Forename", "Surname", "Date of Birth", "Address Line 1", "Address Line 2",
                "Postcode", "Telephone", "GP Practice",
            ]
        )
        var noise = Noise(seed: borough.configuration.seed, stream: "shielding", rates: rates)
        var sortKeys: [String] = []
        for (index, person) in borough.residents.enumerated() where person.shielding {
            let household = borough.households[person.household]
            let address = noise.address(of: household)
            let dateOfBirth = noise.dateOfBirth(person.dateOfBirth) ?? person.dateOfBirth
            let phone = [household.landline, person.mobile].compactMap { $0 }
            let surname = noise.familyName(person.familyName, birth: person.birthFamilyName, recentlyMarried: person.recentlyMarried)
            table.append(
                [
                    noise.nhsNumber(person.nhsNumber),
                    person.title(on: borough.extractDate),
                    noise.givenName(person.givenName),
                    surname,
                    DateText.dayMonthYear(dateOfBirth),
                    noise.street(address.firstLine),
                    noise.street(address.secondLine),
                    noise.postcode(address.postcode),
                    phone.isEmpty ? "" : noise.phone(phone[noise.random.below(phone.count)]),
                    household.gpPractice,
                ],
                person: index
            )
            sortKeys.append(household.gpPractice + "|" + surname.uppercased())
        }
        table.sort { sortKeys[$0] }
        return table
    }
}
