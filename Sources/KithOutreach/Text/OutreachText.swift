import KithSpreadsheet
import KithStore
import KithVulnerability

/// The top of a contact list for the terminal, and what was left out.
public enum OutreachText {
    public static func preview(_ list: OutreachList, top: Int = 10) -> String {
        var lines: [String] = []
        let counts = Band.allCases.map { band in "\(band.label) \(list.entries.count { $0.band == band })" }
        lines.append(
            "\(list.entries.count) people (\(counts.joined(separator: ", "))), from score run \(list.run.id ?? 0) as of \(list.run.referenceDate).")
        var left: [String] = []
        if list.deceasedCount > 0 { left.append("\(list.deceasedCount) who a list says have died") }
        if list.doNotContactCount > 0 { left.append("\(list.doNotContactCount) not to be contacted") }
        if list.movedCount > 0 { left.append("\(list.movedCount) recorded as moved away") }
        if !left.isEmpty { lines.append("Left out: " + left.joined(separator: ", ") + ".") }
        if list.unscoredCount > 0 {
            lines.append("\(list.unscoredCount) people linked since the last score are not on it: run `kith score` to include them.")
        }
        guard !list.entries.isEmpty else { return lines.joined(separator: "\n") }
        lines.append("")
        var table = [["person", "name", "age", "band", "score", "last contact", "first reason"]]
        for entry in list.entries.prefix(top) {
            table.append([
                entry.profile.personID, entry.profile.name, entry.profile.age.map(String.init) ?? "", entry.band.label, String(entry.score),
                entry.profile.lastContact?.description ?? "none known", entry.reasons.first?.text ?? "",
            ])
        }
        lines += TextTable.render(table)
        let unreachable = list.entries.count { $0.profile.hasNoAddress }
        if unreachable > 0 {
            lines.append("")
            lines.append(
                "\(unreachable) of them have no address on any list: the file's how_to_reach column says whom to ask (their school, "
                    + "or the services that know them); those with a school are listed in their school's area."
            )
        }
        return lines.joined(separator: "\n")
    }
}
