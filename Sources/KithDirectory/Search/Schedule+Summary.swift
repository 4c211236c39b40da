extension Schedule {
    /// The schedule in a few words for a resident: "Tue and Thu, 10:00 to 14:00", "1st Mon of the month, 18:00 to
    /// 20:00", "every other Mon, 10:00 to 12:00", "by appointment". Its notes follow when it has them.
    public var summary: String {
        let days = (byday ?? "").split(separator: ",").compactMap { Self.dayRule(String($0)) }
        var when: String
        if days.isEmpty {
            when = (bymonthday?.isEmpty == false) ? "on day \(bymonthday!) of the month" : ""
        } else if freq == .monthly {
            when =
                Self.list(days.map { rule in (rule.ordinal.map { Self.ordinal($0) + " " } ?? "every ") + Self.shortName(rule.weekday) })
                + " of the month"
        } else {
            let names = days.map { Self.shortName($0.weekday) }
            let everyDay = Set(days.map(\.weekday)).count == 7
            let weekdays = Set(days.map(\.weekday)) == [.monday, .tuesday, .wednesday, .thursday, .friday]
            when = everyDay ? "every day" : weekdays ? "Mon to Fri" : Self.list(names)
            if let interval, interval == 2 {
                when = "every other " + when
            } else if let interval, interval > 2 {
                when = "every \(Int(interval)) weeks on " + when
            }
        }
        let hours = opensAt.flatMap(Self.minutes).flatMap { opens in
            closesAt.flatMap(Self.minutes).map { Self.clock(opens) + " to " + Self.clock($0) }
        }
        var text = [when, hours ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")
        if text.isEmpty { text = "by appointment" }
        if let notes, !notes.isEmpty { text += " (\(notes))" }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    static func shortName(_ day: Weekday) -> String {
        switch day {
        case .monday: "Mon"
        case .tuesday: "Tue"
        case .wednesday: "Wed"
        case .thursday: "Thu"
        case .friday: "Fri"
        case .saturday: "Sat"
        case .sunday: "Sun"
        }
    }

    static func ordinal(_ number: Int) -> String {
        switch number {
        case -1: "last"
        case 1: "1st"
        case 2: "2nd"
        case 3: "3rd"
        default: number > 0 ? "\(number)th" : "\(-number)th from last"
        }
    }

    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60 % 24, rest = minutes % 60
        return (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }

    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
