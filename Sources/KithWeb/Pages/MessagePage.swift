/// What `message.mustache` shows: a sentence, and a way on when there is one. Every area's notices and the error
/// pages share it.
struct MessagePage {
    struct Link {
        var href: String
        var label: String
    }

    var message: String
    var link: Link?
}
