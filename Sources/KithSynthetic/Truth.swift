import Foundation
import KithSpreadsheet

/// Writes what only the generator knows, as plain UTF-8 CSV under `truth/`: who everyone really is, where
/// they live, and which list row describes whom. Kith never reads these when linking or scoring; tests and
/// benchmarks compare its answers with them.
enum Truth {
    /// The files written, in order.
    static let fileNames = ["people.csv", "households.csv", "records.csv", "areas.csv", "schools.csv", "underserved-areas.csv"]

    static func write(_ borough: Borough, tables: [ListTable], to directory: URL) throws {
        try writePeople(borough, to: directory.appendingPathComponent("people.csv"))
        try writeHouseholds(borough, to: directory.appendingPathComponent("households.csv"))
        try writeRecords(borough, tables: tables, to: directory.appendingPathComponent("records.csv"))
        try writeAreas(borough, to: directory.appendingPathComponent("areas.csv"))
        try writeSchools(borough, to: directory.appendingPathComponent("schools.csv"))
        try writeUnderservedAreas(borough, to: directory.appendingPathComponent("underserved-areas.csv"))
    }

    static func writePeople(_ borough: Borough, to url: URL) throws {
        let writer = try CSVWriter(url: url)
        try writer.appendRow([
            "person_id", "household_id", "given_name", "family_name", "birth_family_name", "sex", "date_of_birth",
            "nhs_number", "upn", "address", "postcode", "previous_address", "previous_postcode", "neighbourhood",
            "small_area", "school_urn", "shielding", "adult_social_care", "child_in_need", "child_protection",
            "looked_after", "latent_need", "heritage", "role", "uprn", "year_group", "long_term_condition",
            "recently_married", "mobile", "landline", "email", "free_school_meals", "sen_provision", "young_carer",
        ])
        for person in borough.residents {
            let household = borough.households[person.household]
            try writer.appendRow([
                person.id, household.id, person.givenName, person.familyName, person.birthFamilyName, person.sex.letter,
                DateText.iso(person.dateOfBirth), person.nhsNumber, person.upn ?? "", household.address.singleLine,
                household.address.postcode, household.previousAddress?.singleLine ?? "",
                household.previousAddress?.postcode ?? "", borough.neighbourhoods[household.neighbourhood].name,
                borough.smallAreas[household.smallArea].code, person.school.map { String(borough.schools[$0].urn) } ?? "",
                flag(person.shielding), flag(person.adultSocialCare), flag(person.childrenCategory == .childInNeed),
                flag(person.childrenCategory == .childProtection), flag(person.childrenCategory == .lookedAfter),
                decimal(person.latentNeed), person.heritage.label, role(person.role), String(household.address.uprn),
                person.yearGroup.map { $0 == 0 ? "R" : String($0) } ?? "", flag(person.longTermCondition),
                flag(person.recentlyMarried), person.mobile ?? "", household.landline ?? "", person.email ?? "",
                flag(person.freeSchoolMeals), person.senProvision?.code ?? "", flag(person.youngCarer),
            ])
        }
        try writer.finish()
    }

    static func writeHouseholds(_ borough: Borough, to url: URL) throws {
        let writer = try CSVWriter(url: url)
        try writer.appendRow([
            "household_id", "address", "postcode", "uprn", "neighbourhood", "small_area", "size", "latent_need",
            "composition", "heritage", "landline", "previous_address", "previous_postcode", "previous_uprn",
            "domestic_abuse", "parental_mental_health", "parental_substance_misuse",
        ])
        for household in borough.households {
            try writer.appendRow([
                household.id, household.address.singleLine, household.address.postcode, String(household.address.uprn),
                borough.neighbourhoods[household.neighbourhood].name, borough.smallAreas[household.smallArea].code,
                String(household.members.count), decimal(household.latentNeed), household.composition.label,
                household.heritage.label, household.landline ?? "", household.previousAddress?.singleLine ?? "",
                household.previousAddress?.postcode ?? "", household.previousAddress.map { String($0.uprn) } ?? "",
                flag(household.domesticAbuse), flag(household.parentalMentalHealth), flag(household.parentalSubstanceMisuse),
            ])
        }
        try writer.finish()
    }

    /// One line per list row: `row_number` is the row Excel shows (header on row 1 gives data from row 2).
    static func writeRecords(_ borough: Borough, tables: [ListTable], to url: URL) throws {
        let writer = try CSVWriter(url: url)
        try writer.appendRow(["source", "file", "sheet", "row_number", "person_id", "household_id"])
        for table in tables {
            for (offset, person) in table.people.enumerated() {
                let resident = borough.residents[person]
                try writer.appendRow([
                    table.source, "lists/" + table.fileName, table.sheet ?? "", String(table.firstDataRow + offset),
                    resident.id, borough.households[resident.household].id,
                ])
            }
        }
        try writer.finish()
    }

    static func writeAreas(_ borough: Borough, to url: URL) throws {
        let writer = try CSVWriter(url: url)
        try writer.appendRow(["small_area", "neighbourhood", "name", "postcode_district", "area_need"])
        for area in borough.smallAreas {
            let neighbourhood = borough.neighbourhoods[area.neighbourhood]
            try writer.appendRow([area.code, neighbourhood.name, area.name, neighbourhood.postcodeDistrict, decimal(area.need)])
        }
        try writer.finish()
    }

    static func writeSchools(_ borough: Borough, to url: URL) throws {
        let writer = try CSVWriter(url: url)
        try writer.appendRow(["urn", "name", "phase", "establishment_number", "neighbourhood", "small_area", "postcode"])
        for school in borough.schools {
            try writer.appendRow([
                String(school.urn), school.name, school.phase.rawValue,
                String(PlaceNames.localAuthorityNumber) + "/" + String(school.establishment),
                borough.neighbourhoods[school.neighbourhood].name, borough.smallAreas[school.smallArea].code, school.postcode,
            ])
        }
        try writer.finish()
    }

    /// The hidden under-served neighbourhoods (``UnderservedAreas``): high need, few calls.
    static func writeUnderservedAreas(_ borough: Borough, to url: URL) throws {
        let writer = try CSVWriter(url: url)
        try writer.appendRow(["code", "name", "hub", "need", "call_factor"])
        for area in borough.smallAreas where area.callFactor < 1 {
            try writer.appendRow([
                area.code, area.name, HelpGenerator.hubID(borough.neighbourhoods[area.neighbourhood].name), decimal(area.need),
                DecimalText.fixed(area.callFactor, places: 2),
            ])
        }
        try writer.finish()
    }

    static func flag(_ value: Bool) -> String { value ? "true" : "false" }

    /// Four decimal places, without `String(format:)` (so output is the same on every platform).
    static func decimal(_ value: Double) -> String {
        let scaled = Int((value * 10_000).rounded())
        return String(scaled / 10_000) + "." + zeroPad(scaled % 10_000, width: 4)
    }

    static func role(_ role: Resident.Role) -> String {
        switch role {
        case .head: "head"
        case .partner: "partner"
        case .child: "child"
        case .grandparent: "grandparent"
        case .sharer: "sharer"
        case .adultChild: "adult child"
        }
    }
}
