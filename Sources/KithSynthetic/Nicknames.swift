/// Short and familiar forms partners record instead of a registered given name.
enum Nicknames {
    static let table: [String: [String]] = [
        "William": ["Bill", "Will", "Billy"], "Robert": ["Bob", "Rob", "Bobby"], "Richard": ["Rich", "Dick", "Ricky"],
        "Margaret": ["Peggy", "Maggie", "Meg"], "Elizabeth": ["Liz", "Beth", "Betty", "Lizzie"],
        "Mohammed": ["Mo", "Mohd"], "Muhammad": ["Mohd", "Md"], "Mohammad": ["Mo", "Mohd"], "Mohamed": ["Mo", "Moha"],
        "Catherine": ["Kate", "Cathy"], "Jennifer": ["Jen", "Jenny"], "Michael": ["Mike", "Mick", "Micky"],
        "James": ["Jim", "Jimmy", "Jamie"], "Thomas": ["Tom", "Tommy"], "Christopher": ["Chris"], "Anthony": ["Tony"],
        "Patricia": ["Pat", "Trish", "Patsy"], "Susan": ["Sue", "Susie"], "Andrew": ["Andy", "Drew"],
        "Daniel": ["Dan", "Danny"], "Matthew": ["Matt"], "Joseph": ["Joe", "Joey"], "Edward": ["Ted", "Eddie"],
        "Frederick": ["Fred", "Freddie"], "Albert": ["Bert", "Alby"], "Harold": ["Harry"], "Kenneth": ["Ken", "Kenny"],
        "Ronald": ["Ron", "Ronnie"], "Stephen": ["Steve"], "Peter": ["Pete"], "David": ["Dave", "Davey"],
        "Joshua": ["Josh"], "Samuel": ["Sam", "Sammy"], "Benjamin": ["Ben"], "Rebecca": ["Becky", "Becca"],
        "Jessica": ["Jess"], "Victoria": ["Vicky", "Tori"], "Christine": ["Chris", "Chrissie"], "Deborah": ["Debbie", "Deb"],
        "Pamela": ["Pam"], "Barbara": ["Babs", "Barb"], "Dorothy": ["Dot", "Dottie"], "Abdullahi": ["Abdi"],
        "Abdirahman": ["Abdi"], "Oluwaseun": ["Seun"], "Funmilayo": ["Funmi"], "Temitope": ["Tope", "Temi"],
        "Chukwuemeka": ["Emeka"], "Katarzyna": ["Kasia"], "Małgorzata": ["Gosia"], "Aleksander": ["Olek"],
        "Alexandru": ["Alex"], "Alexandra": ["Alex", "Lexi"], "Gabriela": ["Gabi"], "Patrick": ["Paddy", "Pat"],
        "Bridget": ["Bridie"], "Nathaniel": ["Nate"], "Callum": ["Cal"], "Jacqueline": ["Jackie"], "Gillian": ["Gill"],
        "Sandra": ["Sandy"], "Valerie": ["Val"], "Lesley": ["Les"], "Leslie": ["Les"], "Raymond": ["Ray"],
        "Stanley": ["Stan"], "Walter": ["Wally"], "Alfred": ["Alf", "Alfie"], "Ernest": ["Ernie"], "Norman": ["Norm"],
        "Winifred": ["Winnie"], "Kathleen": ["Kath", "Kathy"], "Joanne": ["Jo"], "Nicola": ["Nicky"], "Charlotte": ["Lottie"],
        "Eleanor": ["Ellie"], "Abigail": ["Abbie", "Abi"], "Isabella": ["Bella", "Izzy"], "Oliver": ["Ollie"],
        "Jacob": ["Jake"], "Benedict": ["Ben"], "Gareth": ["Gaz"], "Gary": ["Gaz"], "Anjali": ["Anju"],
        "Rajesh": ["Raj"], "Sanjay": ["Sanj"], "Jaswinder": ["Jas"], "Harpreet": ["Harp"], "Gurpreet": ["Gary"],
        "Olumide": ["Mide"], "Babatunde": ["Tunde"], "Adewale": ["Wale"], "Olusegun": ["Segun"], "Jerome": ["Rome"],
        "Krzysztof": ["Krzys"], "Wojciech": ["Wojtek"], "Józef": ["Józek"], "Ionuț": ["Ionut"], "Mihai": ["Mihăiță"],
        "Séamus": ["Shay"], "Padraig": ["Paddy"], "Siobhán": ["Shiv"], "Francesco": ["Franco"], "Giuseppe": ["Beppe", "Joe"],
        "José": ["Pepe"], "Francis": ["Frank"], "Desmond": ["Des"], "Winston": ["Winnie"],
    ]

    /// A familiar form, or nil when the name has none.
    static func nickname(for name: String, using random: inout RandomSource) -> String? {
        guard let forms = table[name], !forms.isEmpty else { return nil }
        let form = random.pick(forms)
        return form == name ? nil : form
    }
}
