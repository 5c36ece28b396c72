import ESafetyCore
import XCTest
import TestSupport

extension AppTestCase {
    /// Signs a demo account in (every demo account has the same passphrase).
    func signInDemo(_ name: String) throws {
        let person = try XCTUnwrap(workspace.directory.people.first { $0.fullName == name })
        workspace.session = try workspace.accounts().signIn(personID: person.id, passphrase: DemoData.passphrase)
    }

    /// The office's report of a child on a gambling site, recorded as Siobhán Byrne (who stays
    /// signed in); `allegationAgainstStaff` as the form's answer, if given.
    func officeReport(child: String = "Zoë Ōkubo", allegationAgainstStaff: Bool? = nil) throws -> IncidentRecord {
        try signInDemo("Siobhán Byrne")
        var report = IncidentReport()
        report.occurredOn = workspace.today
        report.reporterName = "Siobhán Byrne"
        report.reporterRole = "Office manager"
        report.location = .inSchool
        report.involved = [InvolvedParty(kind: .child, name: child)]
        report.typeIDs = ["gambling"]
        report.allegationAgainstStaff = allegationAgainstStaff
        report.description = "Pupil on a gambling site"
        report.access = .accidental
        return try workspace.incidents().submit(report)
    }
}
