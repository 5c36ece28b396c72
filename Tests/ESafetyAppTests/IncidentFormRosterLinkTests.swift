import ESafetyCore
import TerminalUI
import XCTest
@testable import ESafetyApp
import TestSupport

/// The form's "Who was involved" step links a child to the roster pupil of that name, so a
/// transfer or a subject access export finds their incidents by the pupil's id.
@MainActor
final class IncidentFormRosterLinkTests: AppTestCase {
    func testAChildNamedOnTheFormLinksToTheOneRosterPupilOfThatName() async throws {
        try launch(demo: true)
        try workspace.aup.load()
        var pupils = workspace.aup.people(in: .pupil)
        pupils.append(RosterPerson(id: "pupil-0900", fullName: "Twin Name", group: .pupil))
        pupils.append(RosterPerson(id: "pupil-0901", fullName: "Twin Name", group: .pupil))
        var report = IncidentReport()
        report.involved = [InvolvedParty(kind: .child, name: "zoë ōkubo"), InvolvedParty(kind: .child, name: "Twin Name"),
                           InvolvedParty(kind: .staff, name: "Tom Whitfield")]
        let steps = IncidentFormSteps.make(report: report, form: try workspace.incidents().form, directory: workspace.directory,
                                           pupils: pupils, today: workspace.today)
        let step = try XCTUnwrap(steps.first { $0.title == "Who was involved" })
        var read = IncidentReport()
        step.read(&read)
        XCTAssertEqual(read.involved.map(\.personID), ["pupil-0001", nil, workspace.directory.people.first { $0.fullName == "Tom Whitfield" }?.id],
                       "Zoë to her roster id; two pupils of one name to neither; staff to the directory")
    }
}
