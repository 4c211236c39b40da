import KithDirectory
import Testing

/// A callback request from the public directory: a name and a UK number are needed, the number is kept as Kith
/// writes phone numbers, and every problem is named by its field at once.
struct CallbackRequestTests {
    static func request(name: String = "Sam", phone: String = "07700900123", bestTime: String? = " mornings ", need: String? = nil) throws
        -> CallbackRequest
    {
        try CallbackRequest(serviceID: "pantry", name: name, phone: phone, bestTime: bestTime, need: need, requestedAt: "2026-12-03T10:00:00Z")
    }

    @Test func aGoodRequestKeepsTheNumberInKithsFormat() throws {
        let request = try Self.request(phone: "+44 7700 900123")
        #expect(request.phone == "07700 900123")
        #expect(request.bestTime == "mornings" && request.need == nil)
    }

    @Test func everyProblemIsNamedByItsField() {
        #expect(throws: CallbackProblems.self) { try Self.request(name: " ", phone: "") }
        do {
            _ = try Self.request(name: "", phone: "12", need: String(repeating: "x", count: 501))
        } catch let error as CallbackProblems {
            #expect(error.problems.map(\.field) == ["name", "phone", "need"])
            #expect(error.problems[1].message.contains("UK phone number"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: CallbackProblems.self, "a number abroad cannot be rung back from here") { try Self.request(phone: "+33 6 12 34 56 78") }
    }
}
