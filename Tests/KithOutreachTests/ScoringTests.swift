import Foundation
import KithEvaluation
import KithOutreach
import KithSpreadsheet
import KithStore
import KithTestSupport
import KithVulnerability
import Testing

/// Scoring a generated borough end to end: the truly high-need come out on top, household factors reach every
/// member, and each run is compared with the one before.
struct ScoringTests {
    @Test func theDefaultMatrixRanksTheTrulyHighNeedHigh() throws {
        let borough = try ScoredBorough(people: 6_000, seed: 21)
        let profiles = try PersonProfileReader(database: borough.database, referenceDate: ScoredBorough.asOf).allProfiles().profiles
        let evaluation = try ScoreEvaluation.evaluate(
            persons: borough.summary.persons, profiles: Dictionary(uniqueKeysWithValues: profiles.map { ($0.personID, $0) }),
            truthDirectory: borough.folder.url
        )
        print(evaluation.text)
        #expect(evaluation.highNeedCount > 50)
        // A random ranking would put 10% of them in the top tenth and the overall share in Purple or Red.
        #expect(evaluation.shareInTopDecile > 0.3)
        #expect(evaluation.shareInPurpleOrRed > 2.5 * evaluation.purpleOrRedShareOverall)
        #expect(evaluation.rankCorrelation > 0.4)
        #expect(borough.summary.isFirstRun)
        #expect(borough.summary.unlinkedRowCount == 0)
        let run = try #require(try borough.database.outreach.scoreRuns(limit: 1).first)
        #expect(run.personCount == borough.summary.persons.count)
        #expect(run.matrixName == VulnerabilityMatrix.standard.name)
        #expect(run.matrixDigest.count == 64)
    }

    @Test func aHouseholdFactorReachesEveryMemberOfARealHousehold() throws {
        let borough = try ScoredBorough(people: 6_000, seed: 22)
        let persons = borough.summary.persons
        let households = Dictionary(grouping: persons.filter { $0.householdID != nil }, by: { $0.householdID! })
        let reached = households.values.filter { members in
            members.count > 1 && members.contains { $0.reasons.contains { $0.factor == "domestic-abuse" && !$0.throughHousehold } }
        }
        #expect(!reached.isEmpty, "the borough should have a household with domestic abuse and more than one person known")
        for members in reached {
            for member in members {
                #expect(member.reasons.contains { $0.factor == "domestic-abuse" }, "\(member.personID) in \(member.householdID ?? "")")
            }
        }
        let stored = try borough.database.outreach.householdScores(inRun: borough.summary.run.id!)
        #expect(stored.count == borough.summary.households.count)
    }

    @Test func theNextRunListsWhoMovedAndWhoIsNew() throws {
        let borough = try ScoredBorough(people: 4_000, seed: 23)
        let list = try borough.list()
        let first = try #require(
            list.entries.first { $0.reasons.contains { $0.factor == "no-recent-contact" } && $0.band == .amber && $0.score < 30 })
        _ = try ContactRecorder(database: borough.database).record(
            personID: first.profile.personID, outcome: .reached, on: ScoredBorough.asOf, note: "Spoke to them", by: "worker"
        )
        let again = try VulnerabilityScoring(database: borough.database, matrix: .standard, referenceDate: ScoredBorough.asOf).run(scoredBy: "test")
        #expect(!again.isFirstRun)
        let rescored = try #require(again.persons.first { $0.personID == first.profile.personID })
        let weight = try #require(first.reasons.first { $0.factor == "no-recent-contact" }).points
        #expect(rescored.score == first.score - weight)
        #expect(!rescored.reasons.contains { $0.factor == "no-recent-contact" })
        if rescored.band < first.band {
            #expect(again.changes.contains { $0.personID == first.profile.personID && $0.kind == .movedDown })
        }
        #expect(!again.changes.contains { $0.kind == .newlyIdentified || $0.kind == .noLongerOnAnyList })
    }

    @Test func changesAreNamedAndMergesAreNotLosses() {
        let changes = ScoreChange.changes(
            previous: ["KP-1": .amber, "KP-2": .red, "KP-3": .green, "KP-4": .red],
            current: ["KP-1": .red, "KP-2": .amber, "KP-5": .purple, "KP-6": .green],
            merges: ["KP-3": "KP-6"]
        )
        #expect(changes.contains(ScoreChange(kind: .movedUp, personID: "KP-1", from: .amber, to: .red)))
        #expect(changes.contains(ScoreChange(kind: .movedDown, personID: "KP-2", from: .red, to: .amber)))
        #expect(changes.contains(ScoreChange(kind: .newlyIdentified, personID: "KP-5", from: nil, to: .purple)))
        #expect(changes.contains(ScoreChange(kind: .noLongerOnAnyList, personID: "KP-4", from: .red, to: nil)))
        #expect(!changes.contains { $0.personID == "KP-3" }, "KP-3 was merged into KP-6, who is still scored")
    }
}
