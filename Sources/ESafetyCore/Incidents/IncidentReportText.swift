import CivilTime
import Foundation

/// The filled-in e-safety incident report form as text laid out like the paper form (for the
/// file and for the copy sent to the local authority), or as Markdown. Ticked boxes show `[x]`.
public struct IncidentReportText {
    public enum Format: String, CaseIterable, Sendable { case text, markdown }

    public var record: IncidentRecord
    public var form: IncidentFormDefinition
    public var profile: SchoolProfile
    public var contactOfficer: Person?
    public var timeZone: TimeZone = .current

    public init(record: IncidentRecord, form: IncidentFormDefinition, profile: SchoolProfile, contactOfficer: Person?) {
        self.record = record; self.form = form; self.profile = profile; self.contactOfficer = contactOfficer
    }

    public func render(_ format: Format) -> String {
        let md = format == .markdown
        var out: [String] = []
        func heading(_ text: String) {
            out.append("")
            if md { out.append("## " + text) } else { out.append(text); out.append(String(repeating: "-", count: text.count)) }
        }
        func field(_ label: String, _ value: String) {
            let shown = value.isEmpty ? "—" : value
            out.append(md ? "- **\(label):** \(shown)" : "\(label): \(shown)")
        }
        func box(_ ticked: Bool, _ label: String, _ detail: String = "") {
            out.append((md ? "- " : "  ") + (ticked ? "[x] " : "[ ] ") + label + (detail.isEmpty ? "" : "  (\(detail))"))
        }
        func paragraph(_ text: String) {
            out.append(text.isEmpty ? "—" : text)
        }
        let report = record.report
        let title = "\(form.title): \(record.id)"
        out.append(md ? "# " + title : title)
        if !md { out.append(String(repeating: "=", count: title.count)) }
        field("Status", record.status.label)
        field("Recorded", "\(AuditFormatting.timestamp(record.recordedAt, timeZone: timeZone)) by \(record.recordedBy.name)")
        if !profile.reportCopyEmail.isEmpty {
            out.append("This form should be kept on file and a copy emailed to the local authority's e-safety officer at \(profile.reportCopyEmail).")
        }

        heading("School/organisation's details")
        field("Name of school/organisation", profile.schoolName)
        field("Address", profile.address.replacingOccurrences(of: "\n", with: ", "))
        field("Name of e-safety contact officer", contactOfficer?.fullName ?? "")
        field("Contact details", contactOfficer?.contactLine ?? "")

        heading("Details of incident")
        field("Date happened", report.occurredOn?.description ?? "")
        field("Time", report.occurredAt?.description ?? "")
        field("Name of person reporting incident", [report.reporterName, report.reporterRole].filter { !$0.isEmpty }.joined(separator: ", "))
        field("If not reported, how was the incident identified?", report.identifiedHow)
        out.append("Where did the incident occur?")
        for location in IncidentReport.Location.allCases { box(report.location == location, location.label) }
        out.append("Who was involved in the incident?")
        for kind in InvolvedParty.Kind.allCases {
            let names = report.involved.filter { $0.kind == kind }.map(\.name)
            box(!names.isEmpty, kind.label, names.joined(separator: "; "))
        }

        heading("Type of incident")
        for type in form.incidentTypes {
            box(report.typeIDs.contains(type.id), type.label, type.id == IncidentFormDefinition.otherTypeID ? report.otherType : "")
        }
        out.append("Risk area:")
        for area in form.riskAreas { box(report.riskAreaIDs.contains(area.id), area.label) }

        heading("Description of incident")
        paragraph(report.description)

        heading("Nature of incident")
        for access in IncidentReport.Access.allCases {
            let chosen = report.access == access
            out.append((md ? "### " : "") + access.label + (chosen ? "  [x]" : "  [ ]"))
            out.append("Did the incident involve material being;")
            for use in form.materialUses { box(chosen && report.materialUseIDs.contains(use.id), use.label) }
            if access == .deliberate {
                out.append("Could the incident be considered as;")
                for item in form.consideredAs { box(chosen && report.consideredAsIDs.contains(item.id), item.label) }
            }
        }

        heading("Action taken")
        out.append(md ? "### Staff" : "Staff")
        actionBoxes(form.staffActions, taken: report.staffActions, box: box)
        field("Specific action taken (e.g. removal of equipment)", report.specificAction)
        out.append(md ? "### Child/young person" : "Child/young person")
        actionBoxes(form.childActions, taken: report.childActions, box: box)

        heading("Outcome of incident/investigation")
        paragraph(report.outcome)

        if !record.followUps.isEmpty {
            heading("Follow-up actions")
            for action in record.followUps {
                let state = action.doneOn.map { "done \($0)" + (action.doneBy.map { " by \($0)" } ?? "") } ?? "due \(action.due)"
                out.append((md ? "- " : "  ") + "\(action.id). \(action.what): \(action.ownerName), \(state)")
            }
        }
        if let review = record.deviceReview {
            heading("Record of reviewing devices / internet sites")
            field("Date", review.reviewedOn.description)
            field("Reviewers", "\(review.firstReviewer) and \(review.secondReviewer)")
            field("Device used for the review", review.deviceUsed)
            for item in review.items { out.append((md ? "- " : "  ") + "\(item.siteOrDevice): \(item.reasonForConcern)") }
            field("Conclusion", review.conclusion)
            field("Action", review.action)
        }
        if !record.walks.isEmpty {
            heading("Response flowchart")
            for walk in record.walks { out += walk.reportLines(markdown: md, timeZone: timeZone) }
        }
        heading("History")
        for change in record.statusHistory {
            out.append((md ? "- " : "  ") + "\(AuditFormatting.timestamp(change.at, timeZone: timeZone)) \(change.by.name): \(change.from?.label ?? "new") → \(change.to.label). \(change.reason)")
        }
        for revision in record.revisions {
            out.append((md ? "- " : "  ") + "Revision \(revision.number) kept: replaced \(AuditFormatting.timestamp(revision.replacedAt, timeZone: timeZone)) by \(revision.replacedBy.name). Reason: \(revision.reason)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func actionBoxes(_ options: [FormOption], taken: [ActionTaken], box: (Bool, String, String) -> Void) {
        for option in options {
            let done = taken.first { $0.itemID == option.id }
            box(done != nil, option.label, done.map { "\($0.by), \($0.on)" } ?? "")
        }
    }
}
