/// What a data-standard tag means to Kith beyond how its values are read: the detail of a person record it fills
/// for linkage, the part of a person's profile it fills, whether a profile lists it among a service's details, and
/// where a reviewer sees it. Linkage, profiles and the review page all read ``standard``, so a tag means one thing
/// to each; `tag.meaning` looks one up.
public struct TagMeaning: Sendable, Equatable {
    public var tag: HXLTag
    /// The field of a person record the tag fills for linkage; nil when Kith does not link on it.
    public var person: PersonDetail?
    /// The part of a person's profile the tag fills; nil when the profile does not read it as such.
    public var profile: ProfileDetail?
    /// Whether a profile lists the value among what the service whose list gives it records about the person (a
    /// need, a status, a flag). False for who the person is, where they live and how to reach them, which the
    /// profile's header shows, and for a service's own dates, lead professional and notes.
    public var isServiceDetail: Bool
    /// The tag's line on the review page; nil for a tag listed under each row instead.
    public var review: ReviewLine?

    public init(
        tag: HXLTag, person: PersonDetail? = nil, profile: ProfileDetail? = nil, isServiceDetail: Bool, review: ReviewLine? = nil
    ) {
        self.tag = tag
        self.person = person
        self.profile = profile
        self.isServiceDetail = isServiceDetail
        self.review = review
    }

    /// What a tag not in ``standard`` means: nothing to linkage, profiles or review, so a detail of its service.
    init(unlisted tag: HXLTag) {
        self.init(tag: tag, isServiceDetail: true)
    }

    /// The meanings by tag; the first wins should a tag be listed twice (a test sees that it is not).
    static let byTag: [HXLTag: TagMeaning] = Dictionary(standard.map { ($0.tag, $0) }, uniquingKeysWith: { first, _ in first })

    /// The tags a reviewer sees on lines of their own, in order.
    public static let reviewOrder: [HXLTag] = standard.filter { $0.review != nil }.map(\.tag)

    /// Each person detail's tags, by raw value.
    static let tagsByPersonDetail: [[HXLTag]] = PersonDetail.allCases.map { detail in
        standard.filter { $0.person == detail }.map(\.tag)
    }

    /// Each profile detail's tags, by raw value.
    static let tagsByProfileDetail: [[HXLTag]] = ProfileDetail.allCases.map { detail in
        standard.filter { $0.profile == detail }.map(\.tag)
    }
}

extension HXLTag {
    /// What the tag means to linkage, profiles and review (``TagMeaning``).
    public var meaning: TagMeaning {
        TagMeaning.byTag[self] ?? TagMeaning(unlisted: self)
    }
}
