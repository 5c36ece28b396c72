import CivilTime
import Foundation

extension DemoData {
    /// A handful of fictional incidents across the last year, some closed, one with an overdue
    /// follow-up, so the log, the filters and the governors' figures have something to show.
    /// The children are roster pupils, linked by id, so a transfer or a subject access export
    /// finds them.
    static func addIncidents(to workspace: Workspace) throws {
        let log = try workspace.incidents()
        try workspace.aup.load()
        func child(_ index: Int) -> InvolvedParty {
            let id = AUPRegister.makeID(.pupil, index + 1)  // pupil-0001 is Zoë Ōkubo
            return InvolvedParty(kind: .child, name: workspace.aup.person(id)?.fullName ?? id, personID: id)
        }
        let today = workspace.today
        func day(_ offset: Int) -> CivilDate { today.adding(days: -offset) ?? today }
        let lead = workspace.directory.holders(of: Role.WellKnown.esafetyLead).first
        let head = workspace.directory.holders(of: Role.WellKnown.headTeacher).first
        // A report as each one starts: when, who reported it, where.
        func report(daysAgo: Int, at time: ClockTime? = nil, by name: String, role: String, _ location: IncidentReport.Location) -> IncidentReport {
            var report = IncidentReport()
            report.occurredOn = day(daysAgo)
            report.occurredAt = time
            report.reporterName = name
            report.reporterRole = role
            report.location = location
            return report
        }

        var first = report(daysAgo: 200, at: ClockTime(hour: 10, minute: 40), by: "Grace Mensah", role: "Deputy head", .inSchool)
        first.involved = [child(0)]
        first.typeIDs = ["gambling"]
        first.riskAreaIDs = ["commerce"]
        first.description = "A pupil in Year 5 was found on an online betting game during a research lesson (fictional demo)."
        first.access = .accidental
        first.materialUseIDs = ["viewed"]
        first.staffActions = [ActionTaken(itemID: "reported-head", by: "Grace Mensah", on: day(200)),
                              ActionTaken(itemID: "reported-it-provider", by: "Tom Whitfield", on: day(199))]
        first.childActions = [ActionTaken(itemID: "parents-informed", by: "Amira Haddad", on: day(199)),
                              ActionTaken(itemID: "debriefed", by: "Grace Mensah", on: day(200))]
        let one = try log.submit(first)
        try log.close(one.id, outcome: "Site added to the filter by the technical support provider; pupil and parents spoken to.")

        var second = report(daysAgo: 40, by: "李 Wei", role: "Year 3 teacher", .outsideSchool)
        second.identifiedHow = "A parent phoned the office"
        second.involved = [child(1), child(2)]
        second.typeIDs = ["bullying"]
        second.riskAreaIDs = ["contact", "conduct"]
        second.description = "Unkind messages in a class group chat over the weekend (fictional demo)."
        second.access = .deliberate
        second.materialUseIDs = ["created", "transmitted"]
        second.consideredAsIDs = ["cyber-bullying"]
        second.childActions = [ActionTaken(itemID: "reported-head", by: "李 Wei", on: day(39))]
        let two = try log.submit(second)
        try log.addFollowUp(to: two.id, what: "Meet both families", owner: head, ownerName: "", due: day(10))

        var third = report(daysAgo: 5, at: ClockTime(hour: 13, minute: 15), by: "Tom Whitfield", role: "Computing lead", .inSchool)
        third.involved = [child(0), InvolvedParty(kind: .other, name: "Unknown adult on a game chat")]
        third.typeIDs = ["other"]
        third.otherType = "Contact from an unknown adult in a game"
        third.riskAreaIDs = ["contact"]
        third.description = "A pupil reported being asked for photos by someone in a game's chat (fictional demo)."
        third.access = .accidental
        third.consideredAsIDs = []
        third.staffActions = [ActionTaken(itemID: "reported-head", by: "Tom Whitfield", on: day(5))]
        let three = try log.submit(third)
        try log.addFollowUp(to: three.id, what: "Check the game is blocked on school devices", owner: lead, ownerName: "", due: day(-7))
    }
}
