import CivilTime
@testable import ESafetyCore
import XCTest

/// The default review schedule is data (`Resources/defaults/review-schedule.json`): loaded, it
/// is exactly the schedule that was written as code before, item for item and date for date.
final class DefaultReviewScheduleTests: XCTestCase {
    private let calendar = SchoolCalendar.placeholder(academicYears: 2024...2030)

    func testTheLoadedScheduleEqualsTheOneWrittenAsCode() throws {
        for start in ["2026-01-01", "2026-09-01", "2026-11-25", "2027-02-28"] {
            let date = try CivilDate.parse(start).get()
            let loaded = try DefaultReviewSchedule.make(start: date, calendar: calendar)
            let expected = Self.scheduleAsCode(start: date, calendar: calendar)
            XCTAssertEqual(loaded.items.map(\.id), expected.items.map(\.id), start)
            for (got, want) in zip(loaded.items, expected.items) { XCTAssertEqual(got, want, "\(start): \(want.id)") }
            XCTAssertEqual(loaded.documents, expected.documents, start)
            XCTAssertEqual(loaded, expected, start)
        }
    }

    /// The schedule as DefaultReviewSchedule.swift wrote it before it became data.
    private static let passwordReason = "The NCSC advises against forcing regular password changes, "
        + "which push people to weak, predictable passwords. Change a password when it may have been seen or leaked."

    private static func scheduleAsCode(start: CivilDate, calendar: SchoolCalendar) -> ReviewSchedule {
        func item(_ id: String, _ title: String, _ detail: String, _ source: String, owner: String, _ cadence: ReviewCadence,
                  optional: Bool = false, reason: String = "") -> ReviewItem {
            ReviewItem(id: id, title: title, detail: detail, source: source, ownerRoleID: owner, cadence: cadence,
                       isOptional: optional, optionalReason: reason,
                       firstDue: cadence.firstDue(startingOn: start, calendar: calendar))
        }
        let items = [
            item("policy-review", "Annual policy review with governors",
                 "Review the e-safety policy with the governors, in the light of new technologies, threats and incidents.",
                 "St Paul's, Schedule for Development, Monitoring and Review: \"The e-Safety policy will be reviewed annually\"; Offord: \"This Policy will be reviewed annually in line with child protection policies, Safeguarding and AUP.\"",
                 owner: Role.WellKnown.esafetyLead, .annual),
            item("working-group", "E-safety working group meeting",
                 "The e-safety lead, child-protection lead and link governor meet to monitor the policy.",
                 "St Paul's, Schedule for Development, Monitoring and Review: \"monitored by a working group (e-Safety lead, Child Protection lead, link governor) meeting termly\".",
                 owner: Role.WellKnown.esafetyLead, .termly),
            item("governors-report", "Annual report to governors",
                 "The working group reports to the governors on incidents, monitoring and the policy's impact.",
                 "St Paul's, Schedule for Development, Monitoring and Review: \"reporting to the Governors annually\"; Link Governor: \"report to Governors\".",
                 owner: Role.WellKnown.linkGovernor, .annual),
            item("training-audit", "Annual audit of staff training needs",
                 "Audit the e-safety training needs of all staff and plan the year's training.",
                 "St Paul's, Training of Staff and Governors: \"An annual audit of the e-Safety training needs of all staff.\"",
                 owner: Role.WellKnown.esafetyLead, .annual),
            item("induction-training", "Induction training for new staff",
                 "Check that every member of staff who joined this term had e-safety training in their induction.",
                 "St Paul's, Training of Staff and Governors: \"All new staff receiving e-Safety training as part of their induction programme.\"",
                 owner: Role.WellKnown.esafetyLead, .termly),
            item("technical-audit", "Annual e-safety audit with technical support",
                 "Audit the safety and security of the school's ICT systems with the technical support provider.",
                 "St Paul's, Designated Child Protection Lead: \"Use an audit to annually review e-Safety with the school's technical support\".",
                 owner: Role.WellKnown.childProtectionLead, .annual),
            item("password-change", "Password change (45 to 60 days)",
                 "Staff change their network passwords.",
                 "St Paul's, Communications: \"all user account passwords be changed on a 45-60 day cycle where practicably possible\".",
                 owner: Role.WellKnown.technicalSupport, .everyDays(60), optional: true, reason: passwordReason),
            item("safer-internet-week", "Safer Internet Week",
                 "Assemblies and lessons for Safer Internet Day and its week.",
                 "St Paul's, Teaching and Learning: \"Key e-Safety messages are reinforced through assemblies and Safer Internet Week (February)\".",
                 owner: Role.WellKnown.esafetyLead, .inMonth(2)),
            item("aup-signing", "AUPs signed for the new school year",
                 "Each class writes and signs its AUP, shared with parents and carers; staff sign the staff AUP.",
                 "St Paul's, Teaching and Learning: \"Pupils will write and sign an AUP for their class at the beginning of each school year\"; Offord: \"All pupils have to sign the AUP prior to using any technologies\".",
                 owner: Role.WellKnown.esafetyLead, .startOfSchoolYear),
            item("filtering-monitoring", "Annual filtering and monitoring review",
                 "Review the filtering and monitoring provision, what it blocks, and how reports reach the DSL.",
                 "DfE, Filtering and monitoring standards for schools and colleges: review filtering and monitoring provision at least annually.",
                 owner: Role.WellKnown.childProtectionLead, .annual),
            item("online-safety-review", "Annual online-safety review and risk assessment",
                 "Review the school's whole approach to online safety, with a risk assessment of the risks its pupils face.",
                 "DfE, Keeping children safe in education: an annual review of the approach to online safety, supported by an annual risk assessment.",
                 owner: Role.WellKnown.esafetyLead, .annual),
            item("retention-review", "Retention review of child-protection records",
                 "Child-protection records are kept until the pupil is 25, then reviewed: destroy or keep, with the reason.",
                 "Records management guidance for schools (IRMS toolkit): child-protection files are kept until the pupil's 25th birthday, then reviewed.",
                 owner: Role.WellKnown.childProtectionLead, .termly),
        ]
        let documents = [
            PolicyDocument(id: "esafety-policy", title: "E-safety policy", writtenBy: "SLT (to confirm)", approvedBy: "Full governing body (to confirm)",
                           reviewCycle: "Annually", lastReview: "(to fill in)", nextReview: "(to fill in)"),
        ]
        return ReviewSchedule(items: items, documents: documents)
    }
}
