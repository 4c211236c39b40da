/// A synthetic household: people who share an address, a postcode and usually a landline and a family name.
struct Household: Sendable {
    /// `H000001`.
    var id: String
    var composition: Composition
    var heritage: Heritage
    var address: Address
    /// Where the household lived before a recent move, which older lists still hold.
    var previousAddress: Address?
    /// `01632 960123`, shared by everyone in the household.
    var landline: String?
    /// Hidden level of need, 0…1, that drives who appears on which list.
    var latentNeed: Double
    /// Short of food or money enough to be referred to a food bank or ring the helpline about it.
    var foodInsecure = false
    /// Domestic abuse known in the household: to children's services at assessment, or to police/MARAC only.
    var domesticAbuse = false
    /// A parent or carer has a mental health need, identified at a children's services assessment.
    var parentalMentalHealth = false
    /// A parent or carer misuses drugs or alcohol, identified at a children's services assessment.
    var parentalSubstanceMisuse = false
    /// Indices of the residents, in the order they were created (adults first).
    var members: [Int] = []
    /// GP practice the household is registered with.
    var gpPractice: String
    /// The primary and secondary schools the children of this household go to (indices into the borough's schools).
    var primarySchool: Int = 0
    var secondarySchool: Int = 0

    var neighbourhood: Int { address.neighbourhood }
    var smallArea: Int { address.smallArea }
}
