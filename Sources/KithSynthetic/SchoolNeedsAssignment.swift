import KithSpreadsheet

/// Gives each child of compulsory school age (Reception to Year 11) the school census factors a vulnerability
/// matrix asks for: free school meals, SEN provision and whether they are a young carer.
///
/// Every factor is drawn from its own stream, three draws for every resident whether used or not, so a child's
/// factors depend only on their place in the borough and never shift when another part of the generator changes.
/// Rates are near England's (about 24 % FSM, 4 % EHC plans, 13 % SEN support) and rise with need: FSM with the
/// household's, SEN with the child's own and with a long-term condition, young carers where someone at home is ill,
/// disabled, in adult social care or known to children's services for a parent's mental health or substance misuse.
enum SchoolNeedsAssignment {
    static func assign(households: [Household], residents: inout [Resident], extractDate: CivilDate, seed: UInt64) {
        var random = RandomSource(seed: seed, stream: "school-needs")
        for index in residents.indices {
            let draws = (meals: random.unit(), sen: random.unit(), carer: random.unit())
            let child = residents[index]
            let group = SchoolAssignment.yearGroup(dateOfBirth: child.dateOfBirth, on: extractDate)
            guard (0...11).contains(group) else { continue }
            let household = households[child.household]
            let h = household.latentNeed

            residents[index].freeSchoolMeals = draws.meals < freeSchoolMealsChance(household: household)

            let need = child.latentNeed
            let sex = child.sex == .male ? 1.35 : 0.65
            let plan = (0.015 + 0.06 * need + (child.longTermCondition ? 0.15 : 0)) * sex
            let support = (0.06 + 0.2 * need + (child.longTermCondition ? 0.2 : 0)) * sex
            residents[index].senProvision =
                draws.sen < plan ? .ehcPlan : draws.sen < plan + support ? .senSupport : .noSEN

            let caredFor = household.members.contains { member in
                member != index && (residents[member].adultSocialCare || residents[member].longTermCondition)
            }
            var carer = 0.01
            if caredFor { carer = 0.03 + 0.2 * h * h }
            if household.parentalMentalHealth || household.parentalSubstanceMisuse { carer += 0.08 }
            if group < 3 { carer *= 0.5 }
            residents[index].youngCarer = draws.carer < min(0.5, carer)
        }
    }

    /// Means-tested FSM follows household income, so it rises steeply with need; lone parents are more often eligible.
    static func freeSchoolMealsChance(household: Household) -> Double {
        let h = household.latentNeed
        return min(0.9, 0.06 + 1.25 * h * h + (household.composition == .loneParent ? 0.12 : 0))
    }
}
