import Foundation

/// Fictional sample data for `esafety init --demo`, so a school can try esafety before entering
/// its own. Every name, number and address in it is made up.
public enum DemoData {
    private struct DemoPerson: Decodable {
        var fullName: String
        var title: String
        var phone: String
        var email: String
        var roles: [String]
    }

    private struct DemoDirectory: Decodable { var people: [DemoPerson] }

    /// The default directory with the demo people added and assigned to their roles.
    static func directory(startingFrom base: RoleDirectory) throws -> RoleDirectory {
        var directory = base
        let demo = try DefaultResources.decode(DemoDirectory.self, from: "demo/directory.json")
        for entry in demo.people {
            let person = try directory.addPerson(fullName: entry.fullName, title: entry.title, phone: entry.phone, email: entry.email)
            for role in entry.roles { try directory.assign(personID: person.id, to: role) }
        }
        return directory
    }

    /// The default profile filled in for a fictional school.
    static func profile(from base: SchoolProfile, directory: RoleDirectory) -> SchoolProfile {
        var profile = base
        profile.schoolName = "Hollybrook Primary School (fictional demo)"
        profile.address = "1 Example Lane, Exampleton EX1 2MP"
        profile.localAuthority = "Exampleshire County Council (fictional)"
        profile.reportCopyEmail = "esafety-officer@example.gov.uk"
        profile.confirmed = true
        profile.esafetyContactPersonID = directory.holders(of: Role.WellKnown.esafetyLead).first?.id
        let demoNumbers = [
            ExternalContact.WellKnown.police: ("01632 960999", "police-cp@example.gov.uk"),
            ExternalContact.WellKnown.lado: ("01632 960300", "lado@example.gov.uk"),
            ExternalContact.WellKnown.safeguardingAdvisor: ("01632 960100", "safeguarding@example.gov.uk"),
            ExternalContact.WellKnown.esafetyOfficer: ("01632 960101", "esafety-officer@example.gov.uk"),
            ExternalContact.WellKnown.childProtectionHelpline: ("01632 960400", ""),
            ExternalContact.WellKnown.professionalsHelpline: ("01632 960500", "helpline@example.org"),
        ]
        for index in profile.externalContacts.indices {
            if let (phone, email) = demoNumbers[profile.externalContacts[index].id] {
                profile.externalContacts[index].phone = phone
                profile.externalContacts[index].email = email
                profile.externalContacts[index].contactName = "Demo contact (fictional)"
            }
        }
        return profile
    }
}
