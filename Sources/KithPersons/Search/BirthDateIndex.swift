import KithSpreadsheet

/// The persons born on each date, for finding everyone with a date of birth (or one near it) without reading every
/// person: the distinct dates in order, each with its persons.
struct BirthDateIndex: Sendable {
    /// Distinct `yyyymmdd` keys, ascending.
    private let keys: [Int32]
    private let persons: PostingLists<UInt32>

    init(personBirthDates: PostingLists<Int32>) {
        var keys = personBirthDates.values
        keys.sort()
        keys.removeAdjacentRepeats()
        persons = PostingLists(keyCount: keys.count) { add in
            for person in 0..<personBirthDates.keyCount {
                for key in personBirthDates[person] { add(Self.lowerBound(keys, key), UInt32(person)) }
            }
        }
        self.keys = keys
    }

    /// The persons born on a date, by its key.
    func persons(bornOn key: Int32) -> ArraySlice<UInt32> {
        let index = Self.lowerBound(keys, key)
        return index < keys.count && keys[index] == key ? persons[index] : []
    }

    /// The persons born in a year; a person with two dates of birth in it is listed twice, not in order.
    func persons(bornIn year: Int) -> ArraySlice<UInt32> {
        let start = Self.lowerBound(keys, Int32(year * 10_000))
        let end = Self.lowerBound(keys, Int32((year + 1) * 10_000))
        return persons.values(ofKeys: start..<end)
    }

    private static func lowerBound(_ keys: [Int32], _ key: Int32) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// Dates of birth as the number `yyyymmdd`, which keeps them in order and makes digits easy to compare.
enum BirthDateKey {
    static func make(_ date: CivilDate) -> Int32 {
        Int32(date.year * 10_000 + date.month * 100 + date.day)
    }

    static func date(_ key: Int32) -> CivilDate? {
        let key = Int(key)
        return CivilDate(year: key / 10_000, month: key / 100 % 100, day: key % 100)
    }

    /// The date with day and month swapped, when that is a different real date.
    static func swapped(_ key: Int32) -> Int32? {
        guard let date = date(key), date.day != date.month, let swapped = CivilDate(year: date.year, month: date.day, day: date.month)
        else { return nil }
        return make(swapped)
    }

    /// How many of the eight digits of two keys differ.
    static func digitsDifferent(_ first: Int32, _ second: Int32) -> Int {
        var (first, second, count) = (first, second, 0)
        for _ in 0..<8 {
            if first % 10 != second % 10 { count += 1 }
            first /= 10
            second /= 10
        }
        return count
    }

    /// Every real date one digit away from `key`.
    static func oneDigitAway(from key: Int32) -> [Int32] {
        var found: [Int32] = []
        var place: Int32 = 1
        for _ in 0..<8 {
            let digit = key / place % 10
            for other in 0...9 where other != digit {
                let candidate = key + (Int32(other) - digit) * place
                if date(candidate) != nil { found.append(candidate) }
            }
            place *= 10
        }
        return found
    }
}
