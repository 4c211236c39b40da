import Foundation
import KithSpreadsheet
import Testing

@testable import KithSynthetic

/// The hidden under-served neighbourhoods: needy places whose residents ask for help far less than their need says.
struct UnderservedAreasTests {
    static let underserved = PlacesFixture.table("truth/underserved-areas.csv")

    @Test func aboutOneNeedyNeighbourhoodInTwelveIsUnderservedAcrossHubAreas() throws {
        #expect(Self.underserved.header == ["code", "name", "hub", "need", "call_factor"])
        let rows = Self.underserved.records
        // 60 neighbourhoods: 5 under-served (8 of the default borough's 100).
        #expect(rows.count == 5)
        let needs = PlacesFixture.need.values.sorted()
        let median = needs[needs.count / 2]
        let areas = Dictionary(uniqueKeysWithValues: PlacesFixture.areas.map { ($0["small_area"]!, $0) })
        for row in rows {
            let area = try #require(areas[row["code"]!])
            #expect(row["name"] == area["name"])
            #expect(row["hub"] == HelpGenerator.hubID(area["neighbourhood"]!))
            #expect(row["need"] == area["area_need"])
            #expect(Double(row["need"]!)! > median, "\(row["code"]!) is not among the needier half")
            #expect((0.25...0.35).contains(Double(row["call_factor"]!)!))
        }
        #expect(Set(rows.map { $0["hub"]! }).count >= 3)
    }

    @Test func theirResidentsAskForHelpFarLessThanThoseOfSimilarNeed() {
        let underserved = Set(Self.underserved.records.map { $0["code"]! })
        let needs = underserved.map { PlacesFixture.need[$0]! }
        let similar = PlacesFixture.need.filter { code, need in
            !underserved.contains(code) && need >= needs.min()! - 0.05 && need <= needs.max()! + 0.05
        }.map(\.key)
        #expect(similar.count >= 10)
        func perThousand(_ counts: [String: Int], _ areas: [String]) -> Double {
            1_000 * Double(areas.reduce(0) { $0 + counts[$1, default: 0] }) / areas.reduce(0) { $0 + PlacesFixture.population[$1]! }
        }

        var requests: [String: Int] = [:]
        for request in PlacesFixture.table("help/requests.csv").records {
            requests[PlacesFixture.neighbourhoodOfPostcode[request["Postcode"]!]!, default: 0] += 1
        }
        let requestRatio = perThousand(requests, Array(underserved)) / perThousand(requests, similar)
        #expect(requestRatio < 0.6, "requests per head: under-served \(requestRatio) × similar-need areas'")

        let smallArea = Dictionary(
            uniqueKeysWithValues: PlacesFixture.table("truth/people.csv").records.map { ($0["person_id"]!, $0["small_area"]!) })
        var calls: [String: Int] = [:]
        for record in PlacesFixture.table("truth/records.csv").records where record["source"] == "Helpline call log" {
            calls[smallArea[record["person_id"]!]!, default: 0] += 1
        }
        let callRatio = perThousand(calls, Array(underserved)) / perThousand(calls, similar)
        #expect(callRatio < 0.6, "helpline calls per head: under-served \(callRatio) × similar-need areas'")
    }

    @Test func leavingOutTheirCallsChangesNoOtherHelplineRow() {
        let borough = Borough(configuration: Fixture.configuration)
        var engaged = borough
        for index in engaged.smallAreas.indices { engaged.smallAreas[index].callFactor = 1 }
        let calls = HelplineWriter.make(borough)
        let allCalls = HelplineWriter.make(engaged)
        // The log is the full one with some under-served residents' calls left out, in the same order.
        var next = 0
        var leftOut = 0
        for (row, person) in zip(allCalls.rows, allCalls.people) {
            if next < calls.rows.count, calls.rows[next] == row, calls.people[next] == person {
                next += 1
            } else {
                leftOut += 1
                #expect(borough.smallAreas[borough.households[borough.residents[person].household].smallArea].callFactor < 1)
            }
        }
        #expect(next == calls.rows.count, "a row not in the full log")
        #expect(leftOut > 0)
        // Every other list is as it was.
        #expect(ShieldingListWriter.make(borough).rows == ShieldingListWriter.make(engaged).rows)
        #expect(FoodBankWriter.make(borough).rows == FoodBankWriter.make(engaged).rows)
    }
}
