import KithStore

/// A referral as the person page lists it: where to, for what, where it is now, and each step.
struct ReferralRow {
    /// One step, in words: the person page's and the referral page's.
    struct Step {
        var status: String
        var statusTag: String
        var at: String
        var by: String
        var note: String?

        init(_ step: ReferralStepRecord) {
            (status, statusTag) = ReferralWords.status(step.status)
            at = DisplayTime.text(step.at)
            by = step.by
            note = step.note
        }
    }

    var href: String
    var id: String
    var service: String
    var need: String
    var status: String
    var statusTag: String
    var referredAt: String
    var referredBy: String
    var steps: [Step]

    init(_ record: ReferralRecord, serviceName: String, steps: [ReferralStepRecord]) {
        href = "/referrals/\(record.id)"
        id = record.id
        service = serviceName
        need = record.need
        let words = ReferralWords.status(record.status)
        (status, statusTag) = (words.text, words.tagClass)
        referredAt = DisplayTime.text(record.referredAt)
        referredBy = record.referredBy
        self.steps = steps.map(Step.init)
    }
}
