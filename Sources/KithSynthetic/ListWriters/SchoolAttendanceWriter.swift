import KithSpreadsheet

/// "School attendance": every pupil on the roll of a borough school, with this term's sessions so far.
///
/// CSV with a UTF-8 byte-order mark, semicolon-delimited, dates ISO `yyyy-mm-dd`. Absence rises steeply with
/// household need, so persistent absence (missing 10 % or more of sessions) gathers in high-need households.
/// The last three columns are the pupil's school census flags, decided by ``SchoolNeedsAssignment``: FSM `Y`/`N`,
/// SEN `E`/`K`/`N` and Young Carer `Y` or blank.
enum SchoolAttendanceWriter {
    static let source = "School attendance"
    static let fileName = "school-attendance.csv"

    static let rates = NoiseRates(
        typo: 0.005,
        nickname: 0,
        initialOnly: 0,
        accentDropped: 0.05,
        allCaps: 0,
        lowerCase: 0,
        outerSpaces: 0.03,
        dateSwapped: 0.003
    )

    static let unauthorisedCodes: [(String, Double)] = [("O", 0.5), ("N", 0.25), ("G", 0.1), ("U", 0.15)]
    static let authorisedCodes: [(String, Double)] = [("I", 0.7), ("M", 0.15), ("C", 0.06), ("R", 0.05), ("E", 0.04)]

    static func make(_ borough: Borough) -> ListTable {
        var table = ListTable(
            source: source,
            fileName: fileName,
            format: .csv(delimiter: ";", encoding: .utf8WithBOM),
            header: [
                "UPN", "Legal Surname", "Legal Forename", "DOB", "Gender", "School URN", "School Name", "Year Group",
                "Sessions Possible", "Sessions Attended", "Unauthorised Absences", "Last Absence Code", "FSM", "SEN",
                "Young Carer",
            ]
        )
        let seed = borough.configuration.seed
        var noise = Noise(seed: seed, stream: "school-attendance", rates: rates)
        var random = RandomSource(seed: seed, stream: "school-attendance")
        let possibleSessions = SchoolCalendar.sessionsSoFar(on: borough.extractDate)
        var sortKeys: [(Int, Int, String, String, Int)] = []

        for (index, pupil) in borough.residents.enumerated() {
            guard let schoolIndex = pupil.school, let yearGroup = pupil.yearGroup, let upn = pupil.upn else { continue }
            let school = borough.schools[schoolIndex]
            let household = borough.households[pupil.household]
            let need = household.latentNeed
            var possible = possibleSessions
            if random.chance(0.03) { possible = max(2, possible * random.int(in: 10...90) / 100) }
            var rate = 0.025 + 0.25 * need * need + abs(random.normal(deviation: 0.025))
            if pupil.childrenCategory != nil { rate += 0.06 }
            if pupil.longTermCondition { rate += 0.05 }
            rate = min(rate, 0.9)
            let absent = min(possible, Int((Double(possible) * rate).rounded()))
            let unauthorisedShare = clamp(0.15 + 0.6 * need + random.normal(deviation: 0.1), 0, 1)
            let unauthorised = Int((Double(absent) * unauthorisedShare).rounded())
            var lastCode = ""
            if absent > 0 {
                let codes = random.chance(Double(unauthorised) / Double(absent)) ? unauthorisedCodes : authorisedCodes
                lastCode = codes[random.weightedIndex(codes.map { $0.1 })].0
            }
            let surname = noise.decorate(pupil.familyName)
            let forename = noise.decorate(pupil.givenName)
            table.append(
                [
                    upn, surname, forename,
                    DateText.iso(noise.dateOfBirth(pupil.dateOfBirth) ?? pupil.dateOfBirth),
                    pupil.sex.letter, String(school.urn), school.name, yearGroup == 0 ? "R" : String(yearGroup),
                    String(possible), String(possible - absent), String(unauthorised), lastCode,
                    pupil.freeSchoolMeals ? "Y" : "N", (pupil.senProvision ?? .noSEN).code, pupil.youngCarer ? "Y" : "",
                ],
                person: index
            )
            sortKeys.append((school.urn, yearGroup, surname.uppercased(), forename.uppercased(), index))
        }
        table.sort { row in
            let key = sortKeys[row]
            return SortKey(school: key.0, yearGroup: key.1, surname: key.2, forename: key.3, person: key.4)
        }
        return table
    }

    /// Order of the export: school, year group, surname, forename.
    struct SortKey: Comparable {
        var school: Int
        var yearGroup: Int
        var surname: String
        var forename: String
        var person: Int

        static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            (lhs.school, lhs.yearGroup, lhs.surname, lhs.forename, lhs.person)
                < (rhs.school, rhs.yearGroup, rhs.surname, rhs.forename, rhs.person)
        }
    }
}
