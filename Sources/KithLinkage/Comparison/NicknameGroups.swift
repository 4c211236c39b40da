/// The groups of ``NicknameTable/standard``: each line one name with its diminutives and spellings.
enum NicknameGroups {
    static let all: [[String]] = english + celtic + southAsianAndArabic + africanAndCaribbean + europeanAndOther

    /// English formal names and their diminutives.
    static let english: [[String]] = [
        ["William", "Will", "Bill", "Billy", "Willie", "Willy", "Liam", "Wills"],
        ["Robert", "Rob", "Robbie", "Bob", "Bobby", "Bert", "Robin"],
        ["Richard", "Rich", "Richie", "Rick", "Ricky", "Dick", "Dicky"],
        ["Edward", "Ed", "Eddie", "Eddy", "Ted", "Teddy", "Ned"],
        ["Edwin", "Ed", "Eddie"], ["Edmund", "Ed", "Eddie", "Ted"],
        ["James", "Jim", "Jimmy", "Jamie", "Jimmie", "Jem"],
        ["John", "Jack", "Johnny", "Jon", "Jonny"], ["Jonathan", "Jon", "Jonny", "Johnny", "Nathan"],
        ["Thomas", "Tom", "Tommy", "Thom"], ["Michael", "Mike", "Mick", "Micky", "Mikey", "Mickey"],
        ["Christopher", "Chris", "Kit", "Topher"], ["Christine", "Chris", "Chrissie", "Tina"], ["Christina", "Chris", "Tina", "Chrissie"],
        ["Anthony", "Tony", "Ant", "Antony"], ["Andrew", "Andy", "Drew"],
        ["Alexander", "Alex", "Alec", "Sandy", "Xander", "Alasdair", "Alastair", "Alistair"],
        ["Alexandra", "Alex", "Alexa", "Sandra", "Lexi", "Sasha"], ["Daniel", "Dan", "Danny"], ["Danielle", "Dani"],
        ["David", "Dave", "Davy", "Davey", "Dai", "Dafydd", "Dewi"], ["Stephen", "Steve", "Steven", "Stevie"],
        ["Joseph", "Joe", "Joey", "Jo"], ["Josephine", "Jo", "Josie", "Jose"], ["Samuel", "Sam", "Sammy"], ["Samantha", "Sam", "Sammy"],
        ["Benjamin", "Ben", "Benny", "Benji"], ["Matthew", "Matt", "Matty"], ["Nicholas", "Nick", "Nicky", "Nico"],
        ["Nicola", "Nicky", "Nikki", "Nic"], ["Patrick", "Pat", "Paddy", "Patsy"], ["Patricia", "Pat", "Patsy", "Trish", "Tricia", "Patty"],
        ["Peter", "Pete"], ["Philip", "Phil", "Pip", "Phillip"], ["Frederick", "Fred", "Freddie", "Freddy"],
        ["Henry", "Harry", "Hal", "Hank"], ["Harold", "Harry", "Hal"], ["Charles", "Charlie", "Chas", "Chuck", "Chaz"],
        ["Charlotte", "Charlie", "Lottie", "Lotte"], ["Margaret", "Maggie", "Meg", "Peggy", "Madge", "Marge", "Molly", "Greta", "Mags", "Rita"],
        ["Elizabeth", "Liz", "Lizzie", "Lizzy", "Beth", "Betty", "Bess", "Bessie", "Eliza", "Libby", "Elsie", "Betsy", "Lisa", "Elisabeth"],
        ["Catherine", "Kate", "Katie", "Cathy", "Cath", "Kath", "Kathy", "Kitty", "Katherine", "Kathryn", "Caitlin", "Kathleen"],
        ["Susan", "Sue", "Susie", "Suzy", "Suzanne"], ["Jennifer", "Jen", "Jenny", "Jenni"], ["Rebecca", "Becky", "Becca", "Bex"],
        ["Deborah", "Debbie", "Deb", "Debra"], ["Victoria", "Vicky", "Vicki", "Tori"], ["Jessica", "Jess", "Jessie"],
        ["Abigail", "Abi", "Abby", "Gail"], ["Eleanor", "Ellie", "Nell", "Nellie", "Elle", "Nora", "Elinor"], ["Helen", "Nell", "Nellie"],
        ["Mary", "Molly", "Polly", "Mae", "May", "Maria", "Marie", "Mamie"], ["Ann", "Anne", "Annie", "Anna", "Nan", "Nancy", "Hannah"],
        ["Dorothy", "Dot", "Dottie", "Dolly", "Dora"], ["Barbara", "Barb", "Babs", "Barbie"], ["Pamela", "Pam"], ["Sandra", "Sandy"],
        ["Gillian", "Gill", "Jill", "Gilly"], ["Jacqueline", "Jackie", "Jacqui"], ["Kimberley", "Kim"], ["Lawrence", "Larry", "Laurie", "Laurence"],
        ["Leonard", "Len", "Lenny", "Leo"], ["Ronald", "Ron", "Ronnie"], ["Donald", "Don", "Donny"], ["Kenneth", "Ken", "Kenny"],
        ["Raymond", "Ray"], ["Gerald", "Gerry", "Jerry"], ["Geoffrey", "Geoff", "Jeff", "Jeffrey"], ["Gregory", "Greg"],
        ["Timothy", "Tim", "Timmy"], ["Terence", "Terry", "Terrence"], ["Douglas", "Doug", "Dougie"], ["Francis", "Frank", "Frankie", "Fran"],
        ["Frances", "Fran", "Frankie", "Fanny"], ["Albert", "Al", "Bert", "Bertie", "Alby"], ["Alfred", "Alf", "Alfie", "Fred"],
        ["Arthur", "Art", "Artie"], ["Walter", "Wally", "Walt"], ["Ernest", "Ernie"], ["Herbert", "Herb", "Bert"], ["Stanley", "Stan"],
        ["Sidney", "Sid", "Sydney"], ["Norman", "Norm"], ["Gordon", "Gordy"], ["Oliver", "Ollie", "Olly"], ["Olivia", "Liv", "Livvy", "Ollie"],
        ["Isabella", "Bella", "Izzy", "Isabel", "Isobel", "Izzie"], ["Sophia", "Sophie", "Soph"], ["Amelia", "Millie", "Amy", "Mia"],
        ["Emily", "Em", "Emmy", "Millie"], ["Emma", "Em", "Emmy"], ["Lucy", "Lu", "Lucie", "Lucia"], ["Grace", "Gracie"], ["Evelyn", "Evie", "Eve"],
        ["Florence", "Flo", "Florrie", "Flossie"], ["Matilda", "Tilly", "Tillie", "Mattie"], ["Theodore", "Theo", "Ted", "Teddy"],
        ["Nathaniel", "Nat", "Nate", "Nathan"], ["Zachary", "Zach", "Zak", "Zac"], ["Joshua", "Josh"], ["Jacob", "Jake", "Jay"],
        ["Gabriel", "Gabe"], ["Gabrielle", "Gabby", "Gabi"], ["Ronan", "Ro"], ["Dominic", "Dom"], ["Vincent", "Vince", "Vinny"],
        ["Tobias", "Toby"], ["Reginald", "Reg", "Reggie"], ["Rosemary", "Rose", "Rosie"], ["Rosalind", "Ros", "Roz"], ["Valerie", "Val"],
        ["Beverley", "Bev"], ["Sharon", "Shaz"], ["Caroline", "Carol", "Carrie", "Caro"], ["Judith", "Judy", "Jude"], ["Wendy", "Gwendolyn", "Gwen"],
        ["Louise", "Lou", "Lulu", "Louisa"], ["Louis", "Lou", "Lewis"], ["Madeleine", "Maddie", "Madeline", "Madelyn"],
        ["Georgina", "Georgie", "Gina"], ["George", "Georgie"], ["Sebastian", "Seb", "Bastian"], ["Maximilian", "Max"], ["Maxwell", "Max"],
        ["Harriet", "Hattie", "Harry"], ["Winifred", "Winnie", "Freda"], ["Mildred", "Millie"], ["Cynthia", "Cindy"], ["Lucinda", "Lucy", "Cindy"],
    ]

    /// Welsh, Irish and Scottish Gaelic forms.
    static let celtic: [[String]] = [
        ["Siobhan", "Shevaun", "Shivaun", "Chevonne", "Joan"], ["Sean", "Shaun", "Shawn", "Eoin", "Owen", "John"],
        ["Niamh", "Neve", "Neave"], ["Saoirse", "Seersha"], ["Caoimhe", "Keeva", "Kiva"], ["Aoife", "Eva", "Effie"], ["Ciara", "Keira", "Kiara"],
        ["Padraig", "Patrick", "Paddy", "Pat"], ["Seamus", "James", "Shay", "Hamish"], ["Siobhan", "Siobhain"], ["Eamon", "Eamonn", "Edmund"],
        ["Diarmuid", "Dermot"], ["Donal", "Donald"], ["Mairead", "Margaret"], ["Maire", "Mary", "Moira", "Maura"], ["Sinead", "Jane", "Janet"],
        ["Grainne", "Grania"], ["Deirdre", "Dee"], ["Ruairi", "Rory", "Ruaraidh"], ["Oisin", "Osheen"],
        ["Dafydd", "David", "Dai", "Dewi", "Dave"], ["Rhys", "Reece", "Rees", "Reese"], ["Ffion", "Fiona"], ["Llewellyn", "Llywelyn", "Lyn", "Llew"],
        ["Gwyneth", "Gwen"], ["Sian", "Jane"], ["Ieuan", "Evan", "Ifan", "John"], ["Iwan", "Ewan"], ["Gareth", "Gary", "Gaz"],
        ["Hamish", "James"], ["Iain", "Ian", "John"], ["Alasdair", "Alastair", "Alistair", "Alexander", "Ali"], ["Eilidh", "Helen", "Ailie"],
        ["Morag", "Sarah"], ["Catriona", "Katrina", "Catherine"], ["Mhairi", "Mary", "Vari"], ["Euan", "Ewan", "Evan"],
    ]

    /// South Asian and Arabic names and their spellings.
    static let southAsianAndArabic: [[String]] = [
        ["Mohammed", "Muhammad", "Mohammad", "Mohamed", "Muhammed", "Mohamad", "Mohd", "Mo", "Mohammod", "Mahomed"],
        ["Ahmed", "Ahmad", "Ahmet"], ["Mustafa", "Mostafa", "Mustapha"], ["Yusuf", "Yousef", "Youssef", "Yusef", "Joseph"],
        ["Ibrahim", "Ebrahim", "Abraham"], ["Ismail", "Ismael", "Esmail"], ["Abdul", "Abdel"], ["Abdullah", "Abdallah"],
        ["Hussain", "Hussein", "Husain", "Hossain", "Husein"], ["Hassan", "Hasan"], ["Ali"], ["Omar", "Umar", "Omer"], ["Usman", "Osman", "Uthman"],
        ["Fatima", "Fatimah", "Fatma"], ["Aisha", "Ayesha", "Aysha", "Aishah"], ["Khadija", "Khadijah", "Hadiza"],
        ["Maryam", "Mariam", "Miriam", "Mary"],
        ["Zainab", "Zaynab", "Zeinab"], ["Nasreen", "Nasrin"], ["Parveen", "Parvin", "Perveen"], ["Shahida", "Shaheeda"], ["Rukhsana", "Ruksana"],
        ["Mohinder", "Mohindar"], ["Harpreet", "Harpreeth"], ["Gurpreet", "Gurprit"], ["Jaspreet", "Jasprit", "Jas"],
        ["Manpreet", "Manprit", "Mani"],
        ["Rajinder", "Rajindar", "Raj"], ["Rajesh", "Raj"], ["Narinder", "Narindar"], ["Balvinder", "Balwinder", "Bal"], ["Kuldip", "Kuldeep"],
        ["Sandeep", "Sandip", "Sandy"], ["Pradeep", "Pradip"], ["Deepak", "Dipak"], ["Priya", "Pria"], ["Pooja", "Puja"], ["Lakshmi", "Laxmi"],
        ["Krishna", "Krish"], ["Vijay", "Vijai"], ["Sanjay", "Sanjai"], ["Anil", "Aneel"], ["Sunil", "Suneel"], ["Shahid", "Shahed"],
        ["Rashid", "Rasheed"],
        ["Tariq", "Tarik", "Tareq"], ["Khalid", "Khaled"], ["Saeed", "Said", "Sayeed", "Syed", "Sayed"], ["Zahid", "Zahed"], ["Imran", "Imraan"],
        ["Faisal", "Faysal", "Feisal"], ["Bilal", "Belal"], ["Jamal", "Gamal"], ["Amir", "Ameer", "Emir"], ["Nadia", "Nadiya"],
        ["Layla", "Leila", "Laila", "Lila"],
        ["Yasmin", "Yasmine", "Jasmine", "Yasmeen"], ["Salma", "Selma"], ["Noor", "Nur", "Nour"],
        ["Abdirahman", "Abdurahman", "Abdulrahman", "Abdi"],
        ["Abdikarim", "Abdulkarim"], ["Hodan", "Hodon"], ["Faduma", "Fadumo", "Fatima"], ["Shamsul", "Shamsool"], ["Mizanur", "Mizan"],
        ["Rahman", "Rehman", "Rahmen"], ["Chowdhury", "Choudhury", "Chaudhry", "Chaudhary", "Chowdhry", "Choudhry"],
    ]

    /// West African and Caribbean names and short forms.
    static let africanAndCaribbean: [[String]] = [
        ["Oluwaseun", "Seun", "Shaun"], ["Oluwatobi", "Tobi", "Toby"], ["Oluwafemi", "Femi"], ["Olumide", "Mide"],
        ["Oluwadamilare", "Dami", "Damilare"],
        ["Adebayo", "Bayo"], ["Adewale", "Wale"], ["Babatunde", "Tunde"], ["Olufunmilayo", "Funmi", "Funmilayo"], ["Oluwakemi", "Kemi"],
        ["Folasade", "Sade", "Shade"], ["Abimbola", "Bimbo"], ["Chukwuemeka", "Emeka"], ["Chinonso", "Nonso"], ["Ngozi", "Ngo"],
        ["Chiamaka", "Amaka"], ["Oluwatoyin", "Toyin"], ["Kwame", "Kwami"], ["Kwabena", "Kobby", "Kobi"], ["Kofi", "Koffi"], ["Akosua", "Akos"],
        ["Delroy", "Del"], ["Leroy", "Roy"], ["Winston", "Winnie"], ["Marcia", "Marsha"],
    ]

    /// European and other names with their native and English forms.
    static let europeanAndOther: [[String]] = [
        ["Wojciech", "Wojtek", "Voytek", "Adalbert"], ["Lukasz", "Luke", "Lucas", "Lukas"], ["Krzysztof", "Krzys", "Chris", "Christopher"],
        ["Aleksander", "Olek", "Alek", "Alexander", "Alex"], ["Piotr", "Peter", "Piotrek"], ["Pawel", "Paul", "Pawelek"],
        ["Tomasz", "Tomek", "Thomas", "Tom"],
        ["Jakub", "Kuba", "Jacob", "Jake"], ["Michal", "Michael", "Michalek"], ["Malgorzata", "Gosia", "Margaret", "Margo"],
        ["Katarzyna", "Kasia", "Kate", "Katherine"],
        ["Agnieszka", "Aga", "Agnes"], ["Magdalena", "Magda", "Madeleine"], ["Aleksandra", "Ola", "Alexandra", "Alex"], ["Joanna", "Asia", "Joan"],
        ["Grzegorz", "Grzes", "Gregory"], ["Stanislaw", "Stan", "Stanley", "Stas"], ["Jozef", "Joseph", "Jozek"], ["Zbigniew", "Zbyszek"],
        ["Ioan", "Ion", "John"], ["Andrei", "Andrey", "Andrew"], ["Gheorghe", "George"], ["Mihai", "Michael"], ["Elena", "Helen", "Lena"],
        ["Alexandru", "Alex", "Sandu"], ["Aleksandr", "Sasha", "Alexander"], ["Dmitri", "Dmitry", "Dima"], ["Natalia", "Natasha", "Nata", "Natalie"],
        ["Ekaterina", "Katya", "Catherine"], ["Giuseppe", "Joseph", "Beppe", "Peppe"], ["Giovanni", "John", "Gianni"],
        ["Francesco", "Frank", "Franco"],
        ["Jose", "Joseph", "Pepe"], ["Francisco", "Paco", "Frank"], ["Juan", "John"], ["Maria", "Mary", "Marie"],
        ["Johann", "Johannes", "Hans", "John"],
        ["Wilhelm", "Willi", "William"], ["Friedrich", "Fritz", "Frederick"], ["Jurgen", "Juergen"], ["Bjorn", "Bjoern"], ["Zoe", "Zoey", "Zoie"],
        ["Wei", "Way"], ["Xiaoming", "Ming"], ["Nguyen", "Nguyenn"], ["Thi"], ["Minh"],
    ]
}
