import CivilTime
import Foundation

/// The filled-in e-safety incident report form as text laid out like the paper form (for the
/// file and for the copy sent to the local authority), as CommonMark, or as one printable HTML
/// page. Ticked boxes show `[x]`. Text is wrapped to 80 columns with hanging indents.
public struct IncidentReportText {
    public enum Format: String, CaseIterable, Sendable { case text, markdown, html }

    public var record: IncidentRecord
    public var form: IncidentFormDefinition
    public var profile: SchoolProfile
    public var contactOfficer: Person?
    public var timeZone: TimeZone = .current

    public init(record: IncidentRecord, form: IncidentFormDefinition, profile: SchoolProfile, contactOfficer: Person?) {
        self.record = record; self.form = form; self.profile = profile; self.contactOfficer = contactOfficer
    }

    public func render(_ format: Format) -> String {
        let blocks = self.blocks()
        switch format {
        case .text: return ReportTextLayout.render(blocks)
        case .markdown: return ReportMarkdownLayout.render(blocks)
        case .html: return ReportHTMLLayout.render(blocks, title: "\(form.title): \(record.id)")
        }
    }

    /// The text form laid out for a narrower screen (the form on an incident's page).
    public func renderText(width: Int) -> String { ReportTextLayout.render(blocks(), width: max(20, width)) }

    /// The file name extension for a format: `txt`, `md`, `html`.
    public static func fileExtension(_ format: Format) -> String {
        switch format {
        case .text: return "txt"
        case .markdown: return "md"
        case .html: return "html"
        }
    }

    /// The report as blocks, in the order of the paper form.
    func blocks() -> [ReportBlock] {
        var out: [ReportBlock] = []
        func field(_ label: String, _ value: String) { out.append(.field(label: label, value: value)) }
        func box(_ ticked: Bool, _ label: String, _ detail: String = "") { out.append(.box(ticked: ticked, label: label, detail: detail)) }
        let report = record.report
        out.append(.title("\(form.title): \(record.id)"))
        field("Status", record.status.label)
        field("Recorded", "\(AuditFormatting.timestamp(record.recordedAt, timeZone: timeZone)) by \(record.recordedBy.name)")
        if let origin = record.transferredFrom { field("Prior record from", origin.label(timeZone: timeZone) + "; read-only") }
        if !profile.reportCopyEmail.isEmpty {
            out.append(.caption("This form should be kept on file and a copy emailed to the local authority's e-safety officer at \(profile.reportCopyEmail)."))
        }

        out.append(.heading("School/organisation's details"))
        field("Name of school/organisation", profile.schoolName)
        field("Address", profile.address.replacingOccurrences(of: "\n", with: ", "))
        field("Name of e-safety contact officer", contactOfficer?.fullName ?? "")
        field("Contact details", contactOfficer?.contactLine ?? "")

        out.append(.heading("Details of incident"))
        field("Date happened", report.occurredOn?.description ?? "")
        field("Time", report.occurredAt?.description ?? "")
        field("Name of person reporting incident", [report.reporterName, report.reporterRole].filter { !$0.isEmpty }.joined(separator: ", "))
        field("If not reported, how was the incident identified?", report.identifiedHow)
        out.append(.caption("Where did the incident occur?"))
        for location in IncidentReport.Location.allCases { box(report.location == location, location.label) }
        out.append(.caption("Who was involved in the incident?"))
        for kind in InvolvedParty.Kind.allCases {
            let names = report.involved.filter { $0.kind == kind }.map(\.name)
            box(!names.isEmpty, kind.label, names.joined(separator: "; "))
        }

        out.append(.heading("Type of incident"))
        for type in form.incidentTypes {
            box(report.typeIDs.contains(type.id), type.label, type.id == IncidentFormDefinition.otherTypeID ? report.otherType : "")
        }
        out.append(.caption("Risk area:"))
        for area in form.riskAreas { box(report.riskAreaIDs.contains(area.id), area.label) }

        out.append(.heading("Description of incident"))
        out.append(.paragraph(report.description))

        out.append(.heading("Nature of incident"))
        for access in IncidentReport.Access.allCases {
            let chosen = report.access == access
            out.append(.subheading(access.label + (chosen ? "  [x]" : "  [ ]")))
            out.append(.caption("Did the incident involve material being;"))
            for use in form.materialUses { box(chosen && report.materialUseIDs.contains(use.id), use.label) }
            if access == .deliberate {
                out.append(.caption("Could the incident be considered as;"))
                for item in form.consideredAs { box(chosen && report.consideredAsIDs.contains(item.id), item.label) }
            }
        }

        out.append(.heading("Action taken"))
        out.append(.subheading("Staff"))
        actionBoxes(form.staffActions, taken: report.staffActions, into: &out)
        field("Specific action taken (e.g. removal of equipment)", report.specificAction)
        out.append(.subheading("Child/young person"))
        actionBoxes(form.childActions, taken: report.childActions, into: &out)

        out.append(.heading("Outcome of incident/investigation"))
        out.append(.paragraph(outcomeText))

        if !record.followUps.isEmpty {
            out.append(.heading("Follow-up actions"))
            for action in record.followUps {
                let state = action.doneOn.map { "done \($0)" + (action.doneBy.map { " by \($0)" } ?? "") } ?? "due \(action.due)"
                out.append(.item("\(action.id). \(action.what): \(action.ownerName), \(state)", level: 0))
            }
        }
        if let review = record.deviceReview {
            out.append(.heading("Record of reviewing devices / internet sites"))
            field("Date", review.reviewedOn.description)
            field("Reviewers", "\(review.firstReviewer) and \(review.secondReviewer)")
            field("Device used for the review", review.deviceUsed)
            for item in review.items { out.append(.item("\(item.siteOrDevice): \(item.reasonForConcern)", level: 0)) }
            field("Conclusion", review.conclusion)
            field("Action", review.action)
        }
        if !record.walks.isEmpty {
            out.append(.heading("Response flowchart"))
            for walk in record.walks { out += walk.reportBlocks(incidentOutcome: closedOutcome, timeZone: timeZone) }
        }
        out.append(.heading("History"))
        for change in record.statusHistory {
            out.append(.item("\(AuditFormatting.timestamp(change.at, timeZone: timeZone)) \(change.by.name): \(change.from?.label ?? "new") → \(change.to.label). \(change.reason)", level: 0))
        }
        for revision in record.revisions {
            out.append(.item("Revision \(revision.number) kept: replaced \(AuditFormatting.timestamp(revision.replacedAt, timeZone: timeZone)) by \(revision.replacedBy.name). Reason: \(revision.reason)", level: 0))
        }
        for walk in record.walks { out += walk.correctionBlocks(timeZone: timeZone) }
        return out
    }

    /// The outcome as the incident now stands: once it is closed (or needs no further action),
    /// what the lead wrote, not what the flowchart said while the response was under way.
    private var closedOutcome: String? {
        switch record.status {
        case .open: return nil
        case .closed: return record.report.outcome
        case .noFurtherAction: return "No further action: " + (record.statusHistory.last?.reason ?? "")
        }
    }

    private var outcomeText: String {
        if record.status == .noFurtherAction, record.report.outcome.trimmed.isEmpty { return closedOutcome ?? "" }
        return record.report.outcome
    }

    private func actionBoxes(_ options: [FormOption], taken: [ActionTaken], into out: inout [ReportBlock]) {
        for option in options {
            let done = taken.first { $0.itemID == option.id }
            out.append(.box(ticked: done != nil, label: option.label, detail: done.map { "\($0.by), \($0.on)" } ?? ""))
        }
    }
}
