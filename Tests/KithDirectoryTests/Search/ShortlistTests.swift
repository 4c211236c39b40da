import KithDirectory
import Testing

/// Opening times in a resident's words, and a shortlist as plain text for a text message: what, where, when, how to
/// get in touch and a link for each service, nothing about the resident.
struct ShortlistTests {
    @Test func schedulesReadAsAResidentWouldSayThem() {
        #expect(Schedule(id: "s", freq: .weekly, byday: "TU,TH", opensAt: "10:00", closesAt: "14:00").summary == "Tue and Thu, 10:00 to 14:00")
        #expect(
            Schedule(id: "s", freq: .weekly, byday: "MO,TU,WE,TH,FR", opensAt: "09:00:00", closesAt: "17:00").summary == "Mon to Fri, 09:00 to 17:00")
        #expect(
            Schedule(id: "s", freq: .monthly, byday: "1MO,-1FR", opensAt: "18:00", closesAt: "20:00").summary
                == "1st Mon and last Fri of the month, 18:00 to 20:00")
        var fortnightly = Schedule(id: "s", freq: .weekly, byday: "WE", opensAt: "10:00", closesAt: "12:00")
        fortnightly.interval = 2
        #expect(fortnightly.summary == "Every other Wed, 10:00 to 12:00")
        var appointment = Schedule(id: "s")
        appointment.notes = "ring first"
        #expect(appointment.summary == "By appointment (ring first)")
    }

    @Test func aShortlistIsPlainTextForAPhone() throws {
        var pantry = DirectorySearchTests.directory[0]
        pantry.description = "Low-cost weekly shop for members."
        pantry.email = "pantry@example.org.uk"
        pantry.phones = [Phone(id: "p", number: "01632 960123")]
        var address = try #require(try Fixtures.decodedService().serviceAtLocations?[0].location?.addresses?[0])
        address.address2 = nil
        pantry.serviceAtLocations![0].location!.addresses = [address]
        let debt = DirectorySearchTests.directory[2]
        let text = Shortlist(services: [pantry, debt], siteAddress: "https://kith.example.gov.uk/").text
        #expect(
            text == """
                1. Ashbrook Community Pantry
                Low-cost weekly shop for members.
                Where: 12 Albion Road, Kithmoor, HY1 4AB
                When: Tue and Thu, 10:00 to 14:00
                Phone: 01632 960123
                Email: pantry@example.org.uk
                More: https://kith.example.gov.uk/directory/services/pantry

                2. Money Advice Kithmoor
                Help with debt in Kithmoor.
                More: https://kith.example.gov.uk/directory/services/debt
                """)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    }
}
