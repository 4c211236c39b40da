import Testing

@testable import KithLinkage

struct NicknameTableTests {
    @Test(arguments: [
        ("William", "Bill"), ("BILL", "liam"), ("Margaret", "Peggy"), ("Mohammed", "Muhammad"), ("Mo", "Mohamed"),
        ("Siobhan", "Shivaun"), ("Dafydd", "Dai"), ("Wojciech", "Wojtek"), ("Elizabeth", "Betty"), ("Oluwaseun", "Seun"),
        ("Katarzyna", "Kasia"), ("Alex", "Alexandra"), ("Alex", "Alexander"),
    ])
    func knowsNamesThatStandForEachOther(first: String, second: String) {
        #expect(NicknameTable.standard.areVariants(first, second))
        #expect(NicknameTable.standard.areVariants(second, first))
    }

    @Test(arguments: [("William", "Robert"), ("Bill", "Bob"), ("Alexander", "Alexandra"), ("Amara", "Amir"), ("John", "John")])
    func doesNotConfuseDifferentNames(first: String, second: String) {
        #expect(!NicknameTable.standard.areVariants(first, second))
    }

    @Test func comparesByMatchingKey() {
        #expect(NicknameTable.standard.areVariants("Łukasz", "Luke"))
        #expect(NicknameTable.standard.areVariants("Małgorzata", "Gosia"))
        #expect(NicknameTable.standard.areVariants("O'Brien", "Smith") == false)
        #expect(!NicknameTable.standard.groups(of: "mohammed").isEmpty)
    }
}
