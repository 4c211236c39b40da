import KithOutreach
import KithSpreadsheet
import KithStandard
import KithStore
import KithVulnerability

/// What an account may see of the residents its scope reaches: a partner or school reader sees only the rows of its
/// own lists, and what they say; everyone else sees every list. The web pages, the API and any other door show
/// residents through these, and decide nothing of it themselves.
extension ResidentScope {
    /// The lists whose rows the scope sees of this person: nil for every list; the organisation's own lists for a
    /// partner; for a school, the lists whose rows name it as the person's school.
    public func visibleSources(of profile: PersonProfile) throws -> Set<String>? {
        switch scope {
        case .everyone, .area: return nil
        case .nobody, .volunteer: return []
        case .organisation(let organisation): return Set(try database.access.sourceNames(ofOrganisation: organisation))
        case .school(let school):
            let wanted = school.lowercased()
            return Set(
                profile.records.filter { record in
                    // A row names a school by the columns a profile reads the person's school from.
                    record.values.contains { tag, value in
                        let detail = tag.meaning.profile
                        return (detail == .schoolName || detail == .schoolURN) && value.lowercased() == wanted
                    }
                }.map(\.source)
            )
        }
    }

    /// The profile as a reader with `fields` sees it: whole when they see every service, else cut to the lists the
    /// scope sees, and to what those lists say.
    public func minimised(_ profile: PersonProfile, showing fields: ResidentFields) throws -> PersonProfile {
        guard !fields.showsEveryService, let sources = try visibleSources(of: profile) else { return profile }
        return profile.restricted(toListsNamed: sources)
    }

    /// The contact list with each person's profile minimised as a single profile is.
    public func minimised(_ list: OutreachList, showing fields: ResidentFields) throws -> OutreachList {
        guard !fields.showsEveryService else { return list }
        var list = list
        // An organisation's lists are the same for every person: read them once for the whole list.
        let organisationSources: Set<String>? =
            if case .organisation(let organisation) = scope {
                Set(try database.access.sourceNames(ofOrganisation: organisation))
            } else { nil }
        list.entries = try list.entries.map { entry in
            var entry = entry
            if let sources = try organisationSources ?? visibleSources(of: entry.profile) {
                entry.profile = entry.profile.restricted(toListsNamed: sources)
            }
            return entry
        }
        return list
    }
}

extension PersonProfile {
    /// The profile with only the rows and involvements of the lists named `sources`, and only what those rows say.
    /// National identifiers and the household are dropped; contact details are the exception (see below).
    func restricted(toListsNamed sources: Set<String>) -> PersonProfile {
        var profile = self
        let kept = profile.records.indices.filter { sources.contains(profile.records[$0].source) }
        profile.records = kept.map { profile.records[$0] }
        profile.rows = kept.map { profile.rows[$0] }
        profile.involvements = profile.involvements.filter { sources.contains($0.source) }
        // What other lists say is not the reader's to see: name, birth date and contact details come from the rows
        // kept, the most common value first.
        let details = DetailProvenance.details(of: profile, includingIdentifiers: false)
        func value(_ label: String) -> String? { details.first { $0.label == label }?.values.first?.text }
        let name = details.first { $0.label == "Name" }?.values.first?.name
        profile.givenName = name?.givenName ?? ""
        profile.familyName = name?.familyName ?? ""
        profile.birthDate = value("Date of birth").flatMap { CivilDate(iso: $0) }
        // Contact details are the exception: a partner or school on this person's case needs a way to reach them,
        // so where its own rows hold none it gets the council's best-known address and phone (nothing else).
        let ownAddress = value("Address"), ownPostcode = value("Postcode"), ownPhone = value("Phone"), ownEmail = value("Email")
        if ownAddress == nil && ownPhone == nil && ownEmail == nil {
            profile.postcode = ownPostcode ?? profile.postcode
        } else {
            (profile.address, profile.postcode, profile.phone, profile.email) = (ownAddress, ownPostcode, ownPhone, ownEmail)
        }
        profile.nhsNumber = nil
        profile.householdID = nil
        return profile
    }
}
