/// Invented-resident names by heritage, sex and period of birth, plus family names.
///
/// Lists are ordered from most to least common; ``pickWeighted(_:spread:using:)`` favours the front, so
/// popular names recur the way they do in a real borough (which is what makes matching hard).
enum NameBank {
    /// Given-name lists for one heritage and sex, each starting at a birth year.
    typealias EraTable = [(from: Int, names: [String])]

    /// A given name suited to heritage, sex and year of birth.
    static func givenName(heritage: Heritage, sex: Sex, birthYear: Int, using random: inout RandomSource) -> String {
        let table = sex == .female ? femaleNames(heritage) : maleNames(heritage)
        var names = table[0].names
        for era in table where era.from <= birthYear { names = era.names }
        return pickWeighted(names, spread: 4, using: &random)
    }

    /// A family name in the form a man of that heritage carries.
    static func familyName(heritage: Heritage, using random: inout RandomSource) -> String {
        pickWeighted(familyNames(heritage), spread: 10, using: &random)
    }

    /// A family name a woman carries as her own, where custom gives women names men do not carry
    /// (Begum, Khatun, Bibi, Kaur); otherwise an ordinary family name of her heritage.
    static func womansOwnFamilyName(heritage: Heritage, using random: inout RandomSource) -> String {
        switch heritage {
        case .bangladeshi where random.chance(0.6): return random.pick(["Begum", "Begum", "Khatun", "Bibi"])
        case .pakistani where random.chance(0.35): return random.pick(["Bibi", "Begum", "Akhtar", "Kausar"])
        case .indian where random.chance(0.15): return "Kaur"
        default: return familyName(heritage: heritage, using: &random)
        }
    }

    /// The form of a family name a person of `sex` carries: Polish `-ski` names become `-ska` for women.
    static func familyName(_ base: String, for sex: Sex, heritage: Heritage) -> String {
        guard sex == .female, heritage == .polish else { return base }
        for (masculine, feminine) in [("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")] where base.hasSuffix(masculine) {
            return String(base.dropLast(masculine.count)) + feminine
        }
        return base
    }

    /// Picks with weight `1 / (index + spread)`: a gentle Zipf-like tilt towards the front of the list.
    static func pickWeighted(_ names: [String], spread: Int, using random: inout RandomSource) -> String {
        var total = 0.0
        for index in names.indices { total += 1.0 / Double(index + spread) }
        var target = random.unit() * total
        for index in names.indices {
            target -= 1.0 / Double(index + spread)
            if target < 0 { return names[index] }
        }
        return names[names.count - 1]
    }

    // MARK: - Given names

    static func femaleNames(_ heritage: Heritage) -> EraTable {
        switch heritage {
        case .whiteBritish:
            return [
                (
                    0,
                    [
                        "Margaret", "Dorothy", "Joan", "Jean", "Betty", "Doris", "Eileen", "Kathleen", "Patricia", "Barbara",
                        "Joyce", "Irene", "Elsie", "Edna", "Mavis", "Phyllis", "Vera", "Audrey", "Winifred", "Elizabeth",
                    ]
                ),
                (
                    1950,
                    [
                        "Susan", "Linda", "Christine", "Margaret", "Carol", "Janet", "Patricia", "Elizabeth", "Sandra", "Pamela",
                        "Jacqueline", "Deborah", "Gillian", "Julie", "Karen", "Angela", "Lesley", "Siân", "Valerie", "Diane",
                    ]
                ),
                (
                    1970,
                    [
                        "Sarah", "Claire", "Emma", "Lisa", "Michelle", "Nicola", "Joanne", "Karen", "Rachel", "Louise",
                        "Helen", "Gemma", "Kelly", "Victoria", "Rebecca", "Donna", "Catherine", "Jennifer", "Siân", "Deborah",
                    ]
                ),
                (
                    1990,
                    [
                        "Jessica", "Lauren", "Sophie", "Chloe", "Amy", "Hannah", "Rebecca", "Charlotte", "Emily", "Zoë",
                        "Megan", "Bethany", "Katie", "Rachel", "Jade", "Danielle", "Victoria", "Ffion", "Abigail", "Eleanor",
                    ]
                ),
                (
                    2005,
                    [
                        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Poppy", "Lily", "Freya", "Evie", "Ruby",
                        "Grace", "Sienna", "Isabella", "Sophia", "Ella", "Willow", "Emily", "Charlotte", "Zoë", "Maisie",
                    ]
                ),
            ]
        case .irish:
            return [
                (0, ["Mary", "Bridget", "Margaret", "Kathleen", "Nora", "Eileen", "Maureen", "Teresa", "Ann", "Bernadette"]),
                (1960, ["Siobhán", "Mary", "Niamh", "Catherine", "Aoife", "Deirdre", "Orla", "Sinéad", "Clodagh", "Áine"]),
                (1990, ["Aoife", "Niamh", "Róisín", "Ciara", "Saoirse", "Caoimhe", "Orla", "Sinéad", "Ciara", "Clodagh"]),
            ]
        case .polish:
            return [
                (0, ["Krystyna", "Barbara", "Danuta", "Maria", "Teresa", "Elżbieta", "Halina", "Jadwiga"]),
                (1965, ["Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Magdalena", "Joanna", "Monika", "Ewa", "Beata", "Justyna"]),
                (1995, ["Zuzanna", "Julia", "Maja", "Zofia", "Hanna", "Lena", "Alicja", "Natalia", "Oliwia", "Wiktoria"]),
            ]
        case .romanian:
            return [
                (0, ["Maria", "Elena", "Ioana", "Ana", "Gheorghița", "Florica", "Victoria"]),
                (1970, ["Andreea", "Mihaela", "Elena", "Alexandra", "Gabriela", "Mădălina", "Florentina", "Cristina", "Ioana", "Raluca"]),
                (1995, ["Maria", "Ioana", "Sofia", "Daria", "Ana", "Bianca", "Alesia", "Andreea", "Denisa", "Eva"]),
            ]
        case .pakistani:
            return [
                (0, ["Nasreen", "Shamim", "Parveen", "Rukhsana", "Zubaida", "Naseem", "Razia", "Bushra"]),
                (1975, ["Ayesha", "Fatima", "Shazia", "Sadia", "Samina", "Saima", "Nadia", "Rubina", "Farah", "Sobia"]),
                (1995, ["Maryam", "Zainab", "Hira", "Iqra", "Aisha", "Anaya", "Hafsa", "Khadija", "Eshal", "Inaya"]),
            ]
        case .indian:
            return [
                (0, ["Sunita", "Kamla", "Savita", "Manjit", "Jaswinder", "Hansa", "Usha", "Pushpa"]),
                (1975, ["Priya", "Anjali", "Neha", "Pooja", "Asha", "Meera", "Simran", "Harpreet", "Kiran", "Rupinder"]),
                (1995, ["Diya", "Anika", "Aaradhya", "Saanvi", "Simran", "Jasleen", "Riya", "Anaya", "Navneet", "Ishani"]),
            ]
        case .bangladeshi:
            return [
                (0, ["Rokeya", "Nasima", "Jahanara", "Momtaz", "Rahima", "Shirin", "Hasina"]),
                (1975, ["Fatema", "Nasima", "Shirin", "Ruma", "Taslima", "Salma", "Rehana", "Shapla", "Jesmin", "Rumana"]),
                (1995, ["Sumaiya", "Tasnim", "Ayesha", "Maryam", "Nusrat", "Sadia", "Tahmina", "Jannat", "Afia", "Ruqayyah"]),
            ]
        case .somali:
            return [
                (0, ["Fadumo", "Hawa", "Halima", "Asha", "Khadija", "Maryan", "Sahra"]),
                (1980, ["Hodan", "Amina", "Hibo", "Sahra", "Ayan", "Ubah", "Farhiya", "Ifrah", "Nasra", "Deqa"]),
                (2000, ["Hamdi", "Sumaya", "Ikram", "Nasteho", "Hibo", "Ayaan", "Safiya", "Anisa", "Ilhan", "Yasmin"]),
            ]
        case .nigerian:
            return [
                (0, ["Funmilayo", "Ngozi", "Folake", "Adunni", "Comfort", "Grace", "Bisi", "Nkechi"]),
                (1975, ["Ngozi", "Chioma", "Adaeze", "Folake", "Temitope", "Blessing", "Funmilayo", "Yewande", "Olubunmi", "Ifeoma"]),
                (1995, ["Precious", "Chiamaka", "Adesua", "Tolani", "Esther", "Favour", "Chidinma", "Ayomide", "Ife", "Temi"]),
            ]
        case .caribbean:
            return [
                (0, ["Gloria", "Hyacinth", "Pearl", "Myrtle", "Icilda", "Gwendolyn", "Cynthia", "Enid", "Veronica"]),
                (1960, ["Beverley", "Marcia", "Janet", "Sonia", "Paulette", "Yvonne", "Angela", "Donna", "Jacqueline", "Renée"]),
                (1985, ["Shanice", "Tia", "Jade", "Chantelle", "Keisha", "Nia", "Amara", "Aaliyah", "Kayla", "Renée"]),
            ]
        case .chinese:
            return [
                (0, ["Mei", "Xiu Ying", "Lai Ying", "Siu Wah", "Yuk Lan", "Wai Ling"]),
                (1975, ["Mei", "Li", "Ying", "Hui", "Yan", "Jing", "Ling", "Xiaoling", "Fang", "Amy"]),
                (1995, ["Grace", "Amy", "Jessica", "Yuxin", "Zihan", "Xinyi", "Chloe", "Jasmine", "Wen", "Ruoxi"]),
            ]
        case .arab:
            return [
                (0, ["Fatima", "Aisha", "Khadija", "Zainab", "Samira", "Najat"]),
                (1975, ["Layla", "Noor", "Rania", "Mariam", "Huda", "Yasmin", "Amira", "Salma", "Hanan", "Dalia"]),
                (1995, ["Jana", "Lina", "Noor", "Sara", "Maya", "Rahaf", "Aya", "Malak", "Hala", "Yara"]),
            ]
        case .southernEuropean:
            return [
                (0, ["María", "Maria", "Carmen", "Rosa", "Giuseppina", "Conceição", "Hélène"]),
                (1970, ["Renée", "Inês", "María", "Ana", "Beatriz", "Giulia", "Hélène", "Chloé", "Sofía", "Francesca"]),
                (1995, ["Sofía", "Lucía", "Inês", "Chloé", "Giulia", "Léa", "Beatriz", "Martina", "Mariana", "Renée"]),
            ]
        }
    }

    static func maleNames(_ heritage: Heritage) -> EraTable {
        switch heritage {
        case .whiteBritish:
            return [
                (
                    0,
                    [
                        "William", "John", "George", "Albert", "Arthur", "Frederick", "Harold", "Kenneth", "Ronald", "Dennis",
                        "Raymond", "Stanley", "Ernest", "Thomas", "James", "Robert", "Leslie", "Norman", "Walter", "Alfred",
                    ]
                ),
                (
                    1950,
                    [
                        "David", "Michael", "Peter", "Robert", "Paul", "Stephen", "John", "Alan", "Keith", "Brian",
                        "Anthony", "Richard", "Christopher", "William", "Trevor", "Graham", "Gareth", "Dafydd", "Martin", "Barry",
                    ]
                ),
                (
                    1970,
                    [
                        "Mark", "Paul", "Andrew", "Darren", "Lee", "Craig", "Jason", "Gary", "Matthew", "Christopher",
                        "Daniel", "James", "David", "Richard", "Stephen", "Rhys", "Wayne", "Dean", "Michael", "Simon",
                    ]
                ),
                (
                    1990,
                    [
                        "Thomas", "Jack", "Ryan", "Liam", "Joshua", "Luke", "Jordan", "Adam", "Callum", "Kieran",
                        "Daniel", "James", "Matthew", "Samuel", "Benjamin", "Nathan", "Rhys", "Connor", "Jake", "Lewis",
                    ]
                ),
                (
                    2005,
                    [
                        "Oliver", "Harry", "George", "Noah", "Jack", "Leo", "Charlie", "Freddie", "Alfie", "Theo",
                        "Oscar", "Arthur", "Thomas", "William", "Jacob", "Archie", "Henry", "Joshua", "Samuel", "Tommy",
                    ]
                ),
            ]
        case .irish:
            return [
                (0, ["Patrick", "Michael", "John", "Thomas", "James", "Joseph", "Séamus", "Francis", "Brendan", "Dermot"]),
                (1960, ["Seán", "Patrick", "Declan", "Brendan", "Kevin", "Eamon", "Padraig", "Martin", "Ciarán", "Michael"]),
                (1990, ["Cian", "Conor", "Oisín", "Liam", "Seán", "Darragh", "Ciarán", "Patrick", "Tadhg", "Ronan"]),
            ]
        case .polish:
            return [
                (0, ["Józef", "Stanisław", "Jan", "Tadeusz", "Zbigniew", "Henryk", "Kazimierz", "Andrzej"]),
                (1965, ["Piotr", "Krzysztof", "Tomasz", "Paweł", "Michał", "Łukasz", "Marcin", "Grzegorz", "Adam", "Wojciech"]),
                (1995, ["Jakub", "Kacper", "Szymon", "Filip", "Antoni", "Jan", "Aleksander", "Franciszek", "Mikołaj", "Oliwer"]),
            ]
        case .romanian:
            return [
                (0, ["Gheorghe", "Ion", "Vasile", "Constantin", "Nicolae", "Dumitru", "Mihai"]),
                (1970, ["Andrei", "Mihai", "Alexandru", "Gabriel", "Florin", "Cristian", "Ionuț", "Ștefan", "Marius", "Adrian"]),
                (1995, ["David", "Andrei", "Luca", "Matei", "Alexandru", "Ștefan", "Darius", "Rareș", "Mihai", "Eduard"]),
            ]
        case .pakistani:
            return [
                (0, ["Mohammed", "Mohammad", "Abdul", "Ghulam", "Muhammad", "Bashir", "Nazir", "Rafiq"]),
                (1975, ["Mohammed", "Imran", "Asif", "Tariq", "Zubair", "Kashif", "Shahid", "Adnan", "Muhammad", "Nadeem"]),
                (1995, ["Muhammad", "Mohammed", "Bilal", "Usman", "Hamza", "Arslan", "Ayaan", "Zain", "Ibrahim", "Yusuf"]),
            ]
        case .indian:
            return [
                (0, ["Harbhajan", "Gurdev", "Ramesh", "Mohan", "Jaswant", "Surinder", "Kishor", "Manjit"]),
                (1975, ["Raj", "Sanjay", "Vijay", "Amit", "Rajesh", "Harpreet", "Gurpreet", "Jaswinder", "Sunil", "Ravi"]),
                (1995, ["Arjun", "Rohan", "Aarav", "Vihaan", "Karan", "Jaskaran", "Dev", "Ishaan", "Aryan", "Reyansh"]),
            ]
        case .bangladeshi:
            return [
                (0, ["Abdul", "Mohammed", "Md", "Abdur", "Moklis", "Fazlul", "Siraj"]),
                (1975, ["Mohammed", "Abdul", "Shahid", "Jamal", "Rashid", "Sabbir", "Rahim", "Faisal", "Kamrul", "Shafiq"]),
                (1995, ["Mohammed", "Ayaan", "Zayan", "Ibrahim", "Rayyan", "Safwan", "Tahmid", "Arafat", "Sami", "Yahya"]),
            ]
        case .somali:
            return [
                (0, ["Mohamed", "Abdullahi", "Ahmed", "Hassan", "Yusuf", "Omar", "Ismail"]),
                (1980, ["Abdi", "Abdirahman", "Mohamed", "Mahad", "Liban", "Guled", "Abdullahi", "Ahmed", "Hassan", "Abdikarim"]),
                (2000, ["Mohamed", "Ayub", "Zakaria", "Abdirahman", "Yahya", "Hamza", "Mustafe", "Ilyas", "Khalid", "Said"]),
            ]
        case .nigerian:
            return [
                (0, ["Babatunde", "Chukwuemeka", "Olusegun", "Adewale", "Samuel", "Joseph", "Emmanuel", "Festus"]),
                (1975, ["Chinedu", "Oluwaseun", "Emeka", "Tunde", "Femi", "Chidi", "Obinna", "Kunle", "Olumide", "Ikenna"]),
                (1995, ["David", "Daniel", "Tobi", "Chisom", "Ayodele", "Joshua", "Kelechi", "Somto", "Timilehin", "Emmanuel"]),
            ]
        case .caribbean:
            return [
                (0, ["Winston", "Delroy", "Errol", "Lloyd", "Clive", "Leroy", "Neville", "Desmond", "Cecil", "Lester"]),
                (1960, ["Michael", "Trevor", "Andrew", "Leon", "Carlton", "Marlon", "Dwayne", "Courtney", "Everton", "Junior"]),
                (1985, ["Jerome", "Tyrone", "Marcus", "Kemar", "Jordan", "Isaiah", "Malachi", "Nathaniel", "Tyrese", "Kyle"]),
            ]
        case .chinese:
            return [
                (0, ["Wing", "Kwok Wah", "Chi Keung", "Man Kit", "Siu Ming", "Kam"]),
                (1975, ["Wei", "Jun", "Hao", "Ming", "Jian", "Chen", "Kai", "Lei", "Tao", "Kevin"]),
                (1995, ["Jason", "Kevin", "Haoran", "Yuxuan", "Zihao", "Ethan", "Ryan", "Jiawei", "Yichen", "Daniel"]),
            ]
        case .arab:
            return [
                (0, ["Ahmad", "Mahmoud", "Hussein", "Ali", "Saleh", "Abdullah"]),
                (1975, ["Ahmad", "Omar", "Khalid", "Yousef", "Karim", "Samir", "Tariq", "Mohammed", "Hassan", "Walid"]),
                (1995, ["Adam", "Omar", "Yousef", "Zaid", "Hamza", "Karim", "Ali", "Mohammed", "Rayan", "Amir"]),
            ]
        case .southernEuropean:
            return [
                (0, ["José", "Antonio", "Manuel", "Giuseppe", "Francesco", "João", "Joaquim"]),
                (1970, ["José", "Luis", "Carlos", "João", "Pedro", "François", "Marco", "André", "Sergio", "Nuno"]),
                (1995, ["Mateus", "Tiago", "Lucas", "Hugo", "Matteo", "Gonçalo", "Álvaro", "Diego", "André", "Rafael"]),
            ]
        }
    }

    // MARK: - Family names

    static func familyNames(_ heritage: Heritage) -> [String] {
        switch heritage {
        case .whiteBritish:
            return [
                "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
                "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
                "Hughes", "Edwards", "Turner", "Hill", "Harris", "Lewis", "Cooper", "Ward", "Morris", "Baker",
                "Harrison", "Martin", "King", "Allen", "Moore", "Parker", "Lee", "Cook", "Bennett", "Carter",
                "Shaw", "Mitchell", "Phillips", "Atkinson", "Marsh", "Holt", "Ashworth", "Heaton", "Fairclough", "Pilkington",
                "Unsworth", "Hesketh", "Lowe", "Fletcher", "Barlow", "Kershaw", "Whittaker", "Ramsbottom", "Hargreaves",
                "Greenhalgh", "Horrocks", "Tyldesley", "Entwistle", "Sutcliffe", "Holden", "Crompton", "Haworth", "Collier",
                "Seddon", "Marsden", "Foster", "Bailey", "Chapman", "Gibson", "Lloyd", "Ellis", "Price", "Griffiths",
                "Morgan", "Rees", "Owen", "Jenkins", "Powell", "Butler", "Barnes", "Fisher", "Stevens", "Dixon",
                "Howard", "Mason", "Webb", "Rogers", "Wallace", "Holmes", "Knight", "Russell", "Newton", "Buckley",
                "Nuttall", "Leigh", "Grundy", "Pendlebury", "Farnworth", "Shuttleworth", "Ogden", "Schofield", "Brierley",
                "Chadwick", "Ainsworth", "Naylor", "Winstanley", "Prescott", "Cunliffe", "Aspinall", "Higham", "Hulme",
                "Smith-Jones", "Lloyd-Williams", "McDonald", "McKenzie", "MacLeod",
            ]
        case .irish:
            return [
                "Murphy", "Kelly", "O'Brien", "O'Neill", "Byrne", "Ryan", "Walsh", "O'Sullivan", "McCarthy", "Doyle",
                "Gallagher", "Kennedy", "Lynch", "Quinn", "McDonagh", "O'Connor", "Brennan", "Flanagan", "Fitzgerald", "Keane",
            ]
        case .polish:
            return [
                "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak",
                "Dąbrowski", "Kozłowski", "Mazur", "Krawczyk", "Jankowski", "Wojciechowski", "Kwiatkowski", "Nowicki", "Grabowski",
            ]
        case .romanian:
            return [
                "Popescu", "Ionescu", "Popa", "Radu", "Dumitrescu", "Constantinescu", "Marin", "Tudor", "Lungu", "Matei",
                "Stan", "Stoica", "Gheorghe", "Munteanu", "Rusu",
            ]
        case .pakistani:
            return [
                "Khan", "Hussain", "Ahmed", "Ali", "Akhtar", "Iqbal", "Shah", "Mahmood", "Rashid", "Chaudhry",
                "Butt", "Malik", "Javed", "Mirza", "Aslam", "Choudhury", "Raza", "Qureshi", "Anwar", "Sadiq",
            ]
        case .indian:
            return [
                "Patel", "Sharma", "Gill", "Sandhu", "Sidhu", "Mistry", "Parmar", "Shah", "Mehta", "Joshi",
                "Desai", "Chauhan", "Kumar", "Bains", "Dhillon", "Singh", "Gupta", "Lad", "Solanki", "Rai",
            ]
        case .bangladeshi:
            return [
                "Miah", "Rahman", "Uddin", "Islam", "Hussain", "Ahmed", "Chowdhury", "Hoque", "Ali", "Alam",
                "Karim", "Haque", "Sarker", "Khan", "Mahmud",
            ]
        case .somali:
            return [
                "Mohamed", "Ahmed", "Hassan", "Abdi", "Ali", "Farah", "Warsame", "Osman", "Yusuf", "Omar",
                "Jama", "Hussein", "Nur", "Ibrahim", "Abdullahi", "Egal", "Duale",
            ]
        case .nigerian:
            return [
                "Okafor", "Adeyemi", "Okonkwo", "Adebayo", "Eze", "Ogunleye", "Balogun", "Nwosu", "Olawale", "Obi",
                "Afolabi", "Chukwu", "Oyelaran", "Adeleke", "Okoro", "Ibekwe",
            ]
        case .caribbean:
            return [
                "Campbell", "Brown", "Williams", "Thomas", "Grant", "Clarke", "Morgan", "Francis", "Reid", "Bailey",
                "Henry", "Richards", "Samuels", "McKenzie", "Gordon", "Thompson", "Forbes", "Murray",
            ]
        case .chinese:
            return [
                "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
                "Chan", "Wong", "Lee", "Cheung", "Lam", "Ng", "Ho", "Leung",
            ]
        case .arab:
            return [
                "Al-Sayed", "Haddad", "Mansour", "Nasser", "Saleh", "Khalil", "Hamdan", "Abbas", "Aziz", "Darwish",
                "Al-Hashimi", "Youssef", "Ibrahim", "Hassan",
            ]
        case .southernEuropean:
            return [
                "García", "Rodríguez", "Fernández", "Silva", "Santos", "Ferreira", "Rossi", "Russo", "Esposito", "Pereira",
                "Martínez", "Costa", "Dubois", "Lefèvre", "Gonçalves",
            ]
        }
    }
}
