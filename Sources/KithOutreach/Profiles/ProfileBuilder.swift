import KithSpreadsheet
import KithStandard
import KithStore
import KithVulnerability

/// Gathers one person's rows into a ``ProfileSnapshot``, and so a ``PersonProfile``.
struct ProfileBuilder {
    let personID: String
    private var givenNames = ValueTally()
    private var familyNames = ValueTally()
    private var birthDates = ValueTally()
    private var sexes = ValueTally()
    private var nhsNumbers = ValueTally()
    private var addresses = ValueTally()
    private var postcodes = ValueTally()
    private var uprns = ValueTally()
    private var phones = ValueTally()
    private var emails = ValueTally()
    private var areas = ValueTally()
    private var school: (row: Int64, name: String?, urn: String?)?
    private var services: [String: ProfileSnapshot.Service] = [:]
    private var latestRowBySource: [String: Int64] = [:]
    private var records: [ProfileSnapshot.Record] = []
    private var rows: [RowReference] = []
    private var isDeceased = false
    private var doNotContact = false
    private(set) var isOnALatestList = false

    init(personID: String) {
        self.personID = personID
    }

    /// How many rows were added.
    var rowCount: Int { rows.count }

    mutating func add(_ row: LinkableRow, imports: StoredImports) {
        guard let info = imports.byID[row.importId] else { return }
        var values: [HXLTag: String] = [:]
        for column in info.columns {
            if let value = row.normalisedValue(at: column.position), !value.isEmpty {
                values[column.tag] = value
            }
        }
        let id = row.rowId
        // A list with one full-name column counts towards the given and family name as much as one with two columns.
        let name = RowName(values: values)?.name
        givenNames.add(name?.givenName, row: id)
        familyNames.add(name?.familyName, row: id)
        birthDates.add(values[.birthDate], row: id)
        sexes.add(values[.sex], row: id)
        nhsNumbers.add(values[.nhsNumber], row: id)
        let lines = ProfileDetail.addressLine.tags.compactMap { values[$0] }
        addresses.add(values[.address] ?? (lines.isEmpty ? nil : lines.joined(separator: ", ")), row: id)
        postcodes.add(values[.postcode], row: id)
        uprns.add(values[.uprn], row: id)
        for tag in ProfileDetail.phone.tags { phones.add(values[tag], row: id) }
        emails.add(values[.email], row: id)
        areas.add(values[.neighbourhood] ?? values[.ward], row: id)
        if values[.deceased] == "true" || values[.deathDate] != nil { isDeceased = true }
        if values[.doNotContact] == "true" { doNotContact = true }
        if info.isLatest, values[.schoolName] != nil || values[.schoolURN] != nil, id > (school?.row ?? 0) {
            school = (id, values[.schoolName], values[.schoolURN])
        }
        isOnALatestList = isOnALatestList || info.isLatest

        let dates = [ProfileDetail.contactDate, .referralDate, .startDate].compactMap { values[$0].flatMap(CivilDate.init(iso:)) }
        records.append(ProfileSnapshot.Record(source: row.sourceName, isInLatestList: info.isLatest, dates: dates, values: values))
        rows.append(RowReference(fileName: info.fileName, sheet: info.sheet, rowNumber: row.rowNumber))

        var service =
            services[row.sourceName]
            ?? ProfileSnapshot.Service(
                source: row.sourceName, rowCount: 0, rowReferences: [], isInLatestList: false, details: [], leadProfessional: nil
            )
        service.rowCount += 1
        service.rowReferences.append("\(info.place) row \(row.rowNumber)")
        service.isInLatestList = service.isInLatestList || info.isLatest
        if id >= latestRowBySource[row.sourceName] ?? 0 {
            latestRowBySource[row.sourceName] = id
            service.leadProfessional = values[.leadProfessional] ?? service.leadProfessional
            service.details = info.columns.compactMap { column in
                guard column.tag.meaning.isServiceDetail, let value = values[column.tag], value != "false" else { return nil }
                return Involvement.Detail(label: column.entry?.label ?? column.tag.description, value: Self.display(value, entry: column.entry))
            }
        }
        services[row.sourceName] = service
    }

    /// What the rows say, with the latest of the person's contacts recorded in Kith.
    func snapshot(contacts: [ContactRecord]) -> ProfileSnapshot {
        let postcode = postcodes.best
        let address = addresses.best
        let latest = contacts.max { ($0.contactedOn, $0.id ?? 0) < ($1.contactedOn, $1.id ?? 0) }
        return ProfileSnapshot(
            personID: personID, givenName: givenNames.best ?? "", familyName: familyNames.best ?? "",
            birthDate: birthDates.best.flatMap(CivilDate.init(iso:)), sex: sexes.best, nhsNumber: nhsNumbers.best,
            address: address, postcode: postcode, phone: phones.best, email: emails.best,
            householdID: HouseholdKey.id(uprn: uprns.best, address: address, postcode: postcode),
            area: areas.best ?? postcode.map(Self.district), school: school?.name, schoolURN: school?.urn,
            services: services.values.sorted { $0.source < $1.source }, records: records, rows: rows, isDeceased: isDeceased,
            doNotContact: doNotContact, isOnALatestList: isOnALatestList, latestRecordedContact: latest.map { ($0.contactedOn, $0.outcome) }
        )
    }

    func profile(contacts: [ContactRecord], referenceDate: CivilDate) -> PersonProfile {
        snapshot(contacts: contacts).profile(asOf: referenceDate)
    }

    /// `HY1` from `HY1 0DZ` or `HY10DZ`: the outward code.
    static func district(_ postcode: String) -> String {
        let compact = postcode.uppercased().filter { $0 != " " }
        return compact.count > 3 ? String(compact.dropLast(3)) : compact
    }

    /// A value in words: `Yes` for a flag, `MH (Mental Health Support)` for a code.
    static func display(_ value: String, entry: DictionaryEntry?) -> String {
        guard let entry else { return value }
        switch entry.type {
        case .flag: return value == "true" ? "Yes" : "No"
        case .code:
            guard let allowed = entry.allowed.first(where: { $0.code.lowercased() == value.lowercased() }) else { return value }
            return allowed.code == allowed.label ? allowed.code : "\(allowed.code) (\(allowed.label))"
        default: return value
        }
    }
}
